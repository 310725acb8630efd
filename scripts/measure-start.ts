// npm run measure:start: time to ready and memory of the built embedded server (dist/), on a fresh
// empty DATA_DIR and then restarted on the data it left, a few runs each. Figures are printed,
// never asserted (issue 17's targets: a fresh start ready in 5 s or less, RSS under 400 MB).
// Reads /proc/<pid>/status, so it measures on Linux only. Run `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.RUNS ?? 3);
const SETTLE_MS = 3_000;
const SERVER = path.resolve('dist/src/server.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS (now) and VmHWM (the peak so far) in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function ready(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function measure(dataDir: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.NODE_ARGS?.split(' ').filter(Boolean) ?? []), SERVER], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await ready(port, child);
    const readyMs = performance.now() - started;
    const atReady = memory(child.pid as number);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = memory(child.pid as number);
    return { readyMs, atReady, settled };
  } finally {
    await stop(child);
  }
}

if (!existsSync(SERVER)) {
  process.stderr.write('no dist/src/server.js: run `npm run build` first\n');
  process.exit(1);
}
const fmt = (n: number) => n.toFixed(0).padStart(4);
process.stdout.write(`load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
process.stdout.write('start     ready s  RSS@ready  peak@ready  RSS+3s  peak+3s (MB)\n');
for (let run = 0; run < RUNS; run += 1) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'schoon-schip-start-'));
  try {
    for (const kind of ['fresh', 'restart'] as const) {
      const r = await measure(dataDir);
      process.stdout.write(`${kind.padEnd(8)}  ${(r.readyMs / 1000).toFixed(2).padStart(7)}  ${fmt(r.atReady.rss)}       ${fmt(r.atReady.peak)}        ${fmt(r.settled.rss)}    ${fmt(r.settled.peak)}\n`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
process.stdout.write(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
