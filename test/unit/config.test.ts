import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPdfWorkers, loadConfig } from '../../src/config.js';
import { deriveKey } from '../../src/lib/keys.js';

const SECRET = 'a'.repeat(64); // 32 bytes as hex
const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const SERVER = { DATABASE_URL: 'postgres://db.example/app', JWT_SECRET: SECRET, ENCRYPTION_KEYS: KEYS };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(SERVER);
    expect(config).toMatchObject({
      port: 3000, host: '127.0.0.1', logLevel: 'info', statsMinCell: 10, retentionMonths: 24,
      docsEnabled: false, trustProxy: false, corsOrigins: [],
    });
    expect(config.jwtSecret.length).toBe(32);
    expect(config.encryptionKeys.map((k) => k.id)).toEqual(['k1']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('sizes the PDF render pool from the cores: half of them, at least one', () => {
    expect([1, 2, 3, 4, 8].map((cores) => defaultPdfWorkers(cores))).toEqual([1, 1, 1, 2, 4]);
    expect(loadConfig(SERVER).pdfWorkers).toBe(defaultPdfWorkers(os.availableParallelism()));
    expect(loadConfig({ ...SERVER, PDF_WORKERS: '3' }).pdfWorkers).toBe(3);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ STATS_MIN_CELL: '4' }, 'STATS_MIN_CELL'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, 'ENCRYPTION_KEYS'],
    [{ ENCRYPTION_KEYS: `${KEYS},${KEYS}` }, 'ENCRYPTION_KEYS'],
    [{ CORS_ORIGINS: 'not an origin' }, 'CORS_ORIGINS'],
    [{ DOCS_ENABLED: 'yes please' }, 'DOCS_ENABLED'],
  ])('refuses %j with a message naming %s', (bad, variable) => {
    expect(() => loadConfig({ ...SERVER, ...bad })).toThrow(new RegExp(variable));
  });

  it('requires ROOT_SECRET (or JWT_SECRET) and ENCRYPTION_KEYS with DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: SERVER.DATABASE_URL, ENCRYPTION_KEYS: KEYS })).toThrow(/ROOT_SECRET.*JWT_SECRET/);
    expect(() => loadConfig({ ...SERVER, ROOT_SECRET: 'too-short' })).toThrow(/ROOT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: SERVER.DATABASE_URL, JWT_SECRET: SECRET })).toThrow(/ENCRYPTION_KEYS/);
  });

  it('derives every purpose key from the named root secret; JWT_SECRET alone still works as before', () => {
    const ROOT = 'b'.repeat(64);
    const { JWT_SECRET: _jwt, ...withoutJwt } = SERVER;
    const rootOnly = loadConfig({ ...withoutJwt, ROOT_SECRET: ROOT });
    expect(rootOnly.rootSecret.toString('hex')).toBe(ROOT);
    // The token key is one more purpose of the root, never the root itself.
    expect(rootOnly.jwtSecret.equals(deriveKey(rootOnly.rootSecret, 'jwt-signing'))).toBe(true);
    expect(rootOnly.jwtSecret.equals(rootOnly.rootSecret)).toBe(false);
    // A deployment that sets only JWT_SECRET keeps its keys: activation codes and rate-limit rows stay valid.
    const jwtOnly = loadConfig(SERVER);
    expect(jwtOnly.rootSecret.toString('hex')).toBe(SECRET);
    expect(jwtOnly.jwtSecret.toString('hex')).toBe(SECRET);
    // Both set: each does its own job.
    const both = loadConfig({ ...SERVER, ROOT_SECRET: ROOT });
    expect([both.rootSecret.toString('hex'), both.jwtSecret.toString('hex')]).toEqual([ROOT, SECRET]);
    expect(deriveKey(both.rootSecret, 'activation-code').equals(deriveKey(jwtOnly.rootSecret, 'activation-code'))).toBe(false);
  });

  it('migrates over DATABASE_URL unless MIGRATION_DATABASE_URL names the owner, and only with a DATABASE_URL', async () => {
    expect(loadConfig(SERVER).migrationDatabaseUrl).toBe(SERVER.DATABASE_URL);
    const owner = 'postgres://owner@db.example/app';
    expect(loadConfig({ ...SERVER, MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl).toBe(owner);
    expect(() => loadConfig({ ...SERVER, MIGRATION_DATABASE_URL: 'mysql://x/y' })).toThrow(/MIGRATION_DATABASE_URL/);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ss-config-'));
    expect(loadConfig({ DATA_DIR: dataDir }).migrationDatabaseUrl).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: dataDir, MIGRATION_DATABASE_URL: owner })).toThrow(/MIGRATION_DATABASE_URL/);
  });

  it('treats an empty DATABASE_URL as unset (embedded)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ss-config-'));
    const config = loadConfig({ DATABASE_URL: '', DATA_DIR: dataDir });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.docsEnabled).toBe(true);
  });

  it('generates embedded secrets once, mode 0600, and reuses them', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ss-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.generatedSecrets).toEqual(['JWT_SECRET', 'ENCRYPTION_KEYS']);
    expect(first.storedSecrets).toEqual([]);
    // The second start only read them: it must not claim to have generated anything.
    expect(second.generatedSecrets).toEqual([]);
    expect(second.storedSecrets).toEqual(['JWT_SECRET', 'ENCRYPTION_KEYS']);
    expect(second.jwtSecret.equals(first.jwtSecret)).toBe(true);
    expect(second.encryptionKeys[0]?.key.equals(first.encryptionKeys[0]!.key)).toBe(true);
    const file = path.join(dataDir, 'secrets.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('jwtSecret');
  });

  it('prefers secrets from the environment in embedded mode', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ss-config-'));
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET, ENCRYPTION_KEYS: KEYS });
    expect(config.generatedSecrets).toEqual([]);
    expect(config.storedSecrets).toEqual([]);
    expect(config.jwtSecret.toString('hex')).toBe(SECRET);
  });
});
