import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../support/db.js';

const t = useTestDb();

async function startServer() {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  if (t.url) env.DATABASE_URL = t.url;
  else env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'ss-shutdown-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/slow-server.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  /** Resolves once the server has printed `pattern` (see slow-server.ts); fails if it exits first. */
  const printed = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(stdout);
      if (!match) return;
      child.stdout.off('data', check);
      resolve(match);
    };
    child.stdout.on('data', check);
    child.on('exit', () => reject(new Error(`server exited before printing ${pattern}: ${stderr}`)));
    check();
  });
  const port = Number((await printed(/LISTENING (\d+)/))[1]);
  return { child, exit, port, printed };
}

describe('graceful shutdown', () => {
  it('lets an in-flight request finish on SIGTERM, refuses new work and exits 0', async () => {
    const { child, exit, port, printed } = await startServer();
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const slow = fetch(`${base}/test/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
    await printed(/SLOW STARTED/);
    child.kill('SIGTERM');
    await printed(/CLOSING/);

    // A newcomer gets 503 (Fastify's return503OnClosing) or finds the port closed: never the old work.
    const late = await fetch(`${base}/health/live`, { headers: { connection: 'close' } }).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);

    // Only now may the request in flight finish: it was held across the whole shutdown.
    child.stdin.end('RELEASE\n');
    expect(await slow).toEqual({ status: 200, body: { finished: true } });
    expect(await exit).toBe(0);
  }, 120_000);
});
