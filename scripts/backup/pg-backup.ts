// Backup and restore with PostgreSQL's own tools (pg_dump custom format, pg_restore), and the
// erasure ledger replayed after every restore: a dossier erased after a backup was taken stays
// erased when that backup comes back (docs/privacy/README.md, docs/operations).
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createPostgresPool, kyselyOnPool } from '../../src/db/database.js';
import { erasureLedger, replayErasureLedger, type LedgerEntry } from '../../src/modules/erasure/erasure.service.js';

const run = promisify(execFile);

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function withDatabase<T>(url: string, work: (db: ReturnType<typeof kyselyOnPool>) => Promise<T>): Promise<T> {
  const db = kyselyOnPool(createPostgresPool(url, { poolMax: 2 }));
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export interface BackupResult {
  dumpFile: string;
  ledgerFile: string;
  ledgerEntries: number;
}

/**
 * One backup: `<stamp>.dump` (pg_dump custom format) and, next to it, `<stamp>.ledger.json`, the
 * erasure ledger as it was: a restore of an OLDER dump replays the ledgers of every newer backup.
 */
export async function backupDatabase(databaseUrl: string, directory: string, now = new Date()): Promise<BackupResult> {
  await mkdir(directory, { recursive: true });
  const base = path.join(directory, `schoon-schip-${stamp(now)}`);
  const dumpFile = `${base}.dump`;
  await run('pg_dump', ['--format=custom', '--no-password', `--file=${dumpFile}`, `--dbname=${databaseUrl}`]);
  const entries = await withDatabase(databaseUrl, (db) => erasureLedger(db));
  const ledgerFile = `${base}.ledger.json`;
  await writeFile(ledgerFile, `${JSON.stringify(entries, null, 1)}\n`, { mode: 0o600 });
  return { dumpFile, ledgerFile, ledgerEntries: entries.length };
}

export async function readLedgerFile(file: string): Promise<LedgerEntry[]> {
  const rows = JSON.parse(await readFile(file, 'utf8')) as { dossierId: string; residentId: string | null; erasedAt: string }[];
  return rows.map((row) => ({ dossierId: row.dossierId, residentId: row.residentId, erasedAt: new Date(row.erasedAt) }));
}

/** Every `*.ledger.json` in a directory (the backups written next to a dump). */
export async function ledgerFilesIn(directory: string): Promise<string[]> {
  return (await readdir(directory)).filter((name) => name.endsWith('.ledger.json')).sort().map((name) => path.join(directory, name));
}

export interface RestoreOptions {
  dumpFile: string;
  /** An EMPTY database; restoring over data would mix two states. */
  targetUrl: string;
  /** Databases whose ledger to replay too: normally the live database, if it still exists. */
  ledgerDatabases?: readonly string[];
  /** Ledger files to replay too; by default every ledger file next to the dump. */
  ledgerFiles?: readonly string[];
  now?: Date;
  onProgress?: (message: string) => void;
}

export async function restoreDatabase(options: RestoreOptions) {
  const say = options.onProgress ?? (() => {});
  const tables = await withDatabase(options.targetUrl, async (db) =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db)).rows[0]?.n ?? 0);
  if (tables > 0) throw new Error('the target database is not empty: restore only into a new, empty database');

  say(`restoring ${path.basename(options.dumpFile)}`);
  // Without the dump's grants: they name the application role, which the target's cluster may not
  // have; `npm run migrate` with both URLs gives them again (src/db/roles.ts).
  await run('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', '--no-password', `--dbname=${options.targetUrl}`, options.dumpFile]);

  const entries = new Map<string, LedgerEntry>();
  const add = (list: readonly LedgerEntry[]) => { for (const entry of list) if (!entries.has(entry.dossierId)) entries.set(entry.dossierId, entry); };
  for (const url of options.ledgerDatabases ?? []) add(await withDatabase(url, (db) => erasureLedger(db)));
  for (const file of options.ledgerFiles ?? await ledgerFilesIn(path.dirname(options.dumpFile))) add(await readLedgerFile(file));

  const result = await withDatabase(options.targetUrl, (db) => replayErasureLedger(db, [...entries.values()], options.now ?? new Date()));
  say(`erasure ledger replayed: ${result.entries} entries, ${result.dossiersErased} dossiers erased again, ${result.accountsDeleted} accounts deleted again`);
  return result;
}
