// Picks the test database once per run (docs/architecture.md (Tests)): TEST_DATABASE_URL, else a testcontainers
// PostgreSQL when a Docker engine answers, else embedded PGlite. The schema is migrated once into a
// template; every test file then gets its own copy (test/support/db.ts).
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteDatabase, createPostgresPool, kyselyOnPool } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { adminQuery, withDatabase } from './pg-admin.js';

export type TestDbInfo =
  | { kind: 'server'; adminUrl: string; template: string; prefix: string }
  | { kind: 'pglite'; dumpPath: string };

declare module 'vitest' {
  interface ProvidedContext {
    testDb: TestDbInfo;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** One line at the start of a run, so nobody wonders which database the results are about. */
function announce(database: string): void {
  process.stdout.write(`tests run on ${database}\n`);
}

/** Host, port and database only: a URL's user and password stay out of the output. */
function describeServer(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}

export default async function setup(project: TestProject) {
  const forcePglite = process.env.TEST_DB === 'pglite';
  let adminUrl = forcePglite ? undefined : process.env.TEST_DATABASE_URL || undefined;
  let stopContainer: (() => Promise<unknown>) | undefined;

  if (!adminUrl && !forcePglite && (await dockerAnswers())) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:15-alpine')
      .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off'])
      .start();
    adminUrl = container.getConnectionUri();
    stopContainer = () => container.stop();
    announce(`PostgreSQL 15 in a testcontainers container (${describeServer(adminUrl)})`);
  } else if (adminUrl) {
    announce(`PostgreSQL at ${describeServer(adminUrl)} (TEST_DATABASE_URL)`);
  }

  if (adminUrl) {
    const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
    const template = `tpl_${run}`;
    const prefix = `test_${run}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
    const db = kyselyOnPool(createPostgresPool(withDatabase(adminUrl, template), { poolMax: 1 }));
    try {
      await migrateToLatest(db);
    } finally {
      // A template must have no open connection when it is cloned.
      await db.destroy();
    }
    project.provide('testDb', { kind: 'server', adminUrl, template, prefix });
    return async () => {
      const { rows } = await adminQuery(
        adminUrl,
        'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2',
        [`${prefix}%`, template],
      );
      for (const row of rows as { datname: string }[]) {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      }
      await stopContainer?.();
    };
  }

  announce(forcePglite
    ? 'embedded PGlite (TEST_DB=pglite)'
    : 'embedded PGlite (no TEST_DATABASE_URL and no Docker engine answered)');
  const { db, client } = await createPgliteDatabase({});
  await migrateToLatest(db);
  // Uncompressed: every test file loads it, and unpacking 5 MB of gzip into 42 MB cost each file
  // about 0.2 s of CPU; the 42 MB file is written once per run and read from the page cache.
  const dumpPath = path.join(os.tmpdir(), `pglite-template-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
  await writeFile(dumpPath, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await db.destroy();
  project.provide('testDb', { kind: 'pglite', dumpPath });
  return () => rm(dumpPath, { force: true });
}
