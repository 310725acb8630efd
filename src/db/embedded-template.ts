// A fresh embedded start copies a data directory migrated at build time instead of running
// initdb and every migration in WebAssembly (most of a first start's time and memory). The
// template is keyed by the migrations and the PGlite version: when either differs from what is
// on disk, it is not used and the start falls back to initdb and migrating.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { MIGRATIONS_DIR, migrateToLatest } from './migrator.js';

// src/db → ../../embedded-template, and dist/src/db → dist/embedded-template after the build.
export const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../embedded-template');
const KEY_FILE = 'key';

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Names of the migrations on disk (without extension, as the migrator records them) and the engine version. */
export function templateKey(): string {
  const names = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /\.(m?js|ts)$/.test(f) && !/\.d\.m?ts$/.test(f))
    .map((f) => f.slice(0, f.lastIndexOf('.')))
    .sort();
  return createHash('sha256').update(JSON.stringify({ pglite: pgliteVersion(), migrations: names })).digest('hex');
}

function templateIsCurrent(key = templateKey()): boolean {
  try {
    return readFileSync(path.join(TEMPLATE_DIR, KEY_FILE), 'utf8').trim() === key;
  } catch {
    return false;
  }
}

/** Builds the template unless the current one matches; returns what it did. */
export async function buildEmbeddedTemplate(): Promise<'built' | 'current'> {
  const key = templateKey();
  if (templateIsCurrent(key)) return 'current';
  const draft = `${TEMPLATE_DIR}.draft-${process.pid}`;
  rmSync(draft, { recursive: true, force: true });
  mkdirSync(draft, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const client = new PGlite(path.join(draft, 'pgdata'));
  await client.waitReady;
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(client) as unknown as pg.PoolConfig) }) });
  try {
    await migrateToLatest(db as Kysely<any>);
  } finally {
    await db.destroy();
    await client.close();
  }
  writeFileSync(path.join(draft, KEY_FILE), `${key}\n`);
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  renameSync(draft, TEMPLATE_DIR);
  return 'built';
}

/**
 * Fills an empty `pgdataDir` from the template when it matches the migrations on disk. True when it
 * did; false when the directory already holds a database or no current template exists.
 */
export function seedFromTemplate(pgdataDir: string): boolean {
  if (existsSync(path.join(pgdataDir, 'PG_VERSION'))) return false;
  if (!templateIsCurrent()) return false;
  rmSync(pgdataDir, { recursive: true, force: true });
  cpSync(path.join(TEMPLATE_DIR, 'pgdata'), pgdataDir, { recursive: true });
  return true;
}
