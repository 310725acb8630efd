// `const t = useTestDb()` at the top of a test file: a fresh migrated database for that file only.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPgliteDatabase, createPostgresPool, kyselyOnPool, type Db } from '../../src/db/database.js';
import { grantAppRole } from '../../src/db/roles.js';
import { adminQuery, withDatabase } from './pg-admin.js';

export interface TestDb {
  db: Db;
  kind: 'server' | 'pglite';
  /** Connection URL of this file's database (server mode only), for a second independent pool. */
  url?: string;
}

/**
 * TEST_DB_APP_ROLE=1: the file's database is used as a production service uses it, through an
 * application role that owns nothing (src/db/roles.ts), created for this database and dropped with
 * it. Shows that the service needs no more than those grants.
 */
async function asApplicationRole(ownerUrl: string, role: string): Promise<string> {
  const owner = kyselyOnPool(createPostgresPool(ownerUrl, { poolMax: 1 }));
  try {
    await grantAppRole(owner, { name: role, password: undefined });
  } finally {
    await owner.destroy();
  }
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = '';
  return url.toString();
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
      drop = () => adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      if (process.env.TEST_DB_APP_ROLE === '1') {
        ctx.url = await asApplicationRole(ctx.url, `${name}_app`);
        const dropDatabase = drop;
        drop = async () => {
          await dropDatabase();
          await adminQuery(info.adminUrl, `DROP ROLE IF EXISTS "${name}_app"`);
        };
      }
      ctx.db = kyselyOnPool(createPostgresPool(ctx.url, { poolMax: 6 }));
      ctx.kind = 'server';
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
