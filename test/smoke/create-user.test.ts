import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { signIn, unique } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);

function createUser(args: string[], stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/create-user.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        JWT_SECRET: h.config.jwtSecret.toString('base64'),
        // The service's own keys: the script encrypts the display name, and the service must read it.
        ENCRYPTION_KEYS: h.config.encryptionKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
        LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    // 'close', not 'exit': only then has all of the child's output been read.
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// The script runs in its own process and needs a server database it can reach by URL; an
// in-process PGlite cannot be shared with it. The embedded path is exercised by smoke/embedded.
describe.skipIf(inject('testDb').kind !== 'server')('npm run user:create (skipped on PGlite: a second process cannot share the test\'s in-process database)', () => {
  it('creates the first admin from a password on standard input, who can then sign in', async () => {
    const username = `CANARY-first-admin-${unique()}`;
    const password = `CANARY-pw-${unique()}-${unique()}`;
    const result = await createUser(['--role', 'admin', '--username', username, '--password-stdin'], `${password}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^created admin ${username} \\(`));
    const tokens = await signIn(h.app, { username, password });
    expect(tokens.user.role).toBe('admin');
    const audit = await t.db.selectFrom('auditEvents').select(['action', 'actorUserId']).where('subjectUserId', '=', tokens.user.id).execute();
    expect(audit).toEqual([{ action: 'user.create', actorUserId: null }]);
  }, 120_000);

  it('refuses a weak password, a resident and a maatje without location', async () => {
    const cases: [string[], string, RegExp][] = [
      [['--role', 'admin', '--username', `CANARY-a-${unique()}`, '--password-stdin'], 'short', /password_too_short/],
      [['--role', 'resident', '--username', `CANARY-a-${unique()}`, '--password-stdin'], `CANARY-pw-${unique()}`, /--role must be one of/],
      [['--role', 'maatje', '--username', `CANARY-a-${unique()}`, '--password-stdin'], `CANARY-pw-${unique()}`, /location_required/],
    ];
    for (const [args, stdin, message] of cases) {
      const result = await createUser(args, stdin);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  }, 240_000);
});
