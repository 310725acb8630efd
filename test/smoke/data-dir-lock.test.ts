// One process per embedded DATA_DIR: a second server, migrate or user:create on a live data
// directory refuses at once, names the holder and changes nothing; a crashed holder's lock is
// taken over. The first admin comes from the setup code in the running server's log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE_NAME } from '../../src/db/data-dir-lock.js';
import { setupCodeFor } from '../../src/modules/setup/setup-code.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const step of cleanup.reverse()) step();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ss-lock-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file under `dir` (but the lock) with its content hash: "unchanged" means equal snapshots. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== LOCK_FILE_NAME) out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'ENCRYPTION_KEYS', 'TEST_DATABASE_URL']) delete env[name];
  return env;
}

function runScript(script: string, args: string[], dataDir: string, stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT, env: embeddedEnv(dataDir), input: stdin, encoding: 'utf8', timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the real server on DATA_DIR and resolves once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env: embeddedEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.push(() => child.kill('SIGKILL'));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (listening) resolve({ child, url: listening[1] as string, log: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('the embedded data directory lock', () => {
  it('refuses a second holder in the same process and names the holder', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'test');
    const second = (() => {
      try {
        acquireDataDirLock(dir, 'second');
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(`process ${process.pid} on host ${os.hostname()} (test, started`);
    lock.release();
    acquireDataDirLock(dir, 'after release').release();
  });

  it('takes over the lock of a process that died without releasing it', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'crashed' }));
    const lock = acquireDataDirLock(dir, 'taker');
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'taker' });
    lock.release();
  });

  it('never takes over a lock held on another host, and says how to clear it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, hostname: 'elsewhere.invalid', startedAt: '2026-01-01T00:00:00.000Z', command: 'server' }));
    expect(() => acquireDataDirLock(dir)).toThrow(/process 1 on host elsewhere\.invalid[\s\S]*delete .*\.lock/);
  });

  it('a second server, migrate and user:create on a live DATA_DIR refuse at once and change nothing', async () => {
    const dataDir = tempDir();
    const server = await startServer(dataDir);
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    const before = snapshot(dataDir);
    const holder = `process ${server.child.pid} on host ${os.hostname()}`;

    const secondServer = runScript('src/server.ts', [], dataDir);
    expect(secondServer.code).toBe(1);
    expect(secondServer.stderr).toContain(holder);
    expect(secondServer.stderr).toContain('nothing was changed');

    const migrate = runScript('scripts/migrate.ts', [], dataDir);
    expect(migrate.code).toBe(3);
    expect(migrate.stderr).toContain(holder);

    const createUser = runScript('scripts/create-user.ts', ['--role', 'admin', '--username', 'second-admin', '--password-stdin'], dataDir, 'CANARY-a-long-password-1\n');
    expect(createUser.code).toBe(3);
    expect(createUser.stderr).toContain(holder);
    expect(createUser.stderr).toContain('POST /api/v1/setup');

    expect(snapshot(dataDir)).toEqual(before);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);

    // What the README tells someone whose server runs: the setup code from the start-up log.
    const { jwtSecret } = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { jwtSecret: string };
    const setupCode = setupCodeFor(Buffer.from(jwtSecret, 'base64'));
    expect(server.log()).toContain(`"setupCode":"${setupCode}"`);
    expect(server.log()).toContain('generated new secrets');
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ setupCode, username: 'first-admin', displayName: 'Beheer', password: 'CANARY-a-long-password-1' }),
    });
    expect(setup.status).toBe(201);
    expect(await (await fetch(`${server.url}/api/v1/setup`)).json()).toEqual({ needed: false });

    // Once the server has stopped, the command-line path works on the same directory.
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const afterStop = runScript('scripts/create-user.ts', ['--role', 'admin', '--username', 'second-admin', '--password-stdin'], dataDir, 'CANARY-a-long-password-1\n');
    expect(afterStop.stderr).toBe('');
    expect(afterStop.stdout).toMatch(/^created admin second-admin \(/);
    expect(afterStop.code).toBe(0);
  }, 900_000);
});
