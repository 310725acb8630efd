import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/slow-server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /LISTENING (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  return { child, exit, port };
}

describe('graceful shutdown', () => {
  it('lets an in-flight request finish on SIGTERM, refuses new work and exits 0', async () => {
    const { child, exit, port } = await startServer();
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const slow = fetch(`${base}/test/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
    await sleep(300);
    child.kill('SIGTERM');
    await sleep(200);

    // A newcomer gets 503 (Fastify's return503OnClosing) or finds the port closed: never the old work.
    const late = await fetch(`${base}/health/live`, { headers: { connection: 'close' } }).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);

    expect(await slow).toEqual({ status: 200, body: { finished: true } });
    expect(await exit).toBe(0);
  }, 60_000);
});
