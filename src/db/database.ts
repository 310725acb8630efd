// One factory for both backends: PostgreSQL (DATABASE_URL) or embedded PGlite (DATA_DIR). Both run
// under Kysely's PostgresDialect over node-postgres, so values parse identically everywhere.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ColumnNamesPlugin } from './column-names.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { seedFromTemplate } from './embedded-template.js';
import { prepareAgainUnderNewName, preparedStatementName } from './statement-template.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax?: number;
  /** Called for errors of pooled clients, idle or busy (a restarted server); logged, never thrown. */
  onPoolError?: (error: Error) => void;
}

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Embedded only: this start created the database by copying the migrated template. */
  fromTemplate?: boolean;
}

const INT8_OID = 20;
const DATE_OID = 1082;

// count(*) and sum(integer) arrive as int8 text. Cents stay far below 2^53, so numbers are safe;
// anything larger is a bug we want to hear about instead of a silently rounded amount.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError('int8 value beyond the safe integer range');
        return n;
      };
    }
    // A calendar date has no time zone: keep 'YYYY-MM-DD' instead of a Date at local midnight.
    if (oid === DATE_OID && format !== 'binary') return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

// Nested keys stay as stored: jsonb holds data (checklist keys, item codes), not column names.
export function kyselyOnPool(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new ColumnNamesPlugin({ maintainNestedObjectKeys: true })] });
}

// A statement text of a statement template goes out as a named statement: parsed and planned once
// per connection. Every other text goes out as before. (A connection pooler in transaction mode
// would need this turned off; the app talks to PostgreSQL directly.)
// "cached plan must not change result type": the schema changed under a prepared statement.
const CACHED_PLAN_CHANGED_RESULT = '0A000';

class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedStatementName(text) : undefined;
    const send = super.query as (...a: unknown[]) => never;
    if (name === undefined) return send.apply(this, args);
    const sent = send.call(this, { name, text, values }, callback) as unknown;
    if (sent instanceof Promise) {
      sent.catch((error: { code?: string }) => {
        if (error?.code === CACHED_PLAN_CHANGED_RESULT && preparedStatementName(text as string) === name) prepareAgainUnderNewName(text as string);
      });
    }
    return sent as never;
  }
}

export function createPostgresPool(databaseUrl: string, options: Pick<DatabaseOptions, 'poolMax' | 'onPoolError'> = {}) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    types: typeParsers,
    Client: PreparingClient,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  // A client checked out for a request has no listener of its own: when the server ends its
  // connection mid-query, the 'error' event would be uncaught and end the process. The query
  // itself still rejects (the request answers 503) and the pool drops the dead client on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onPoolError?.(error));
  });
  return pool;
}

// PostgreSQL's default 128 MB of shared buffers is memory the WebAssembly engine touches at start,
// so a process pays for all of it before it serves anything: about 120 MB of RSS, and a second of
// start-up. An embedded database of a demo or a test holds a few MB; pages beyond the buffers stay
// in the operating system's file cache (a DATA_DIR) or PGlite's in-memory file system (tests).
// Measured on a bare PGlite opening the migrated template: RSS 285-304 MB at 128 MB, 188 at 32 MB.
const PGLITE_SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters plus ours (`startParams` replaces the defaults, so they are kept). */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}

/** The PGlite engine lives only behind this function; production never loads it unless embedded. */
export async function createPgliteDatabase(options: { dataDir?: string; loadDataDir?: Blob; onClose?: () => void }) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const startParams = pgliteStartParams(PGlite.defaultStartParams);
  let client: InstanceType<typeof PGlite>;
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    client = new PGlite({ dataDir: options.dataDir, startParams });
  } else {
    client = new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir, startParams } : { startParams });
  }
  await client.waitReady;
  const pool = new pg.Pool({ ...(createPgConfig(client) as unknown as pg.PoolConfig), types: typeParsers });
  // pool.end() does not close a PGlite we own; without this the process never exits.
  const end = pool.end.bind(pool);
  Object.assign(pool, {
    end: async () => {
      await end();
      await client.close();
      options.onClose?.();
    },
  });
  return { db: kyselyOnPool(pool), client };
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
    return { db: kyselyOnPool(createPostgresPool(options.databaseUrl, options)), kind: 'postgres' };
  }
  // Before anything touches the files: a second process refuses here and changes nothing.
  const lock = acquireDataDirLock(options.dataDir);
  try {
    const pgdata = path.join(options.dataDir, 'pgdata');
    const fromTemplate = seedFromTemplate(pgdata);
    const { db } = await createPgliteDatabase({ dataDir: pgdata, onClose: lock.release });
    return { db, kind: 'pglite', fromTemplate };
  } catch (error) {
    lock.release();
    throw error;
  }
}
