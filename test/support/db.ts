// `const t = useTestDb()` at the top of a test file: a fresh migrated database for that file only.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPgliteDatabase, createPostgresPool, kyselyOnPool, type Db } from '../../src/db/database.js';
import { adminQuery, withDatabase } from './pg-admin.js';

export interface TestDb {
  db: Db;
  kind: 'server' | 'pglite';
  /** Connection URL of this file's database (server mode only), for a second independent pool. */
  url?: string;
}

export function useTestDb(): TestDb {
  const ctx = {} as TestDb;
  let drop: (() => Promise<unknown>) | undefined;
  beforeAll(async () => {
    const info = inject('testDb');
    if (info.kind === 'server') {
      const name = `${info.prefix}_${randomBytes(4).toString('hex')}`;
      await adminQuery(info.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${info.template}"`);
      ctx.url = withDatabase(info.adminUrl, name);
      ctx.db = kyselyOnPool(createPostgresPool(ctx.url, { poolMax: 6 }));
      ctx.kind = 'server';
      drop = () => adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } else {
      const { db } = await createPgliteDatabase({ loadDataDir: new Blob([await readFile(info.dumpPath)]) });
      ctx.db = db;
      ctx.kind = 'pglite';
    }
  });
  afterAll(async () => {
    await ctx.db?.destroy();
    await drop?.();
  });
  return ctx;
}
