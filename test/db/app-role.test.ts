// Issue 15, rule 4: the audit trail is append-only against the application itself. A fresh database
// owned by a non-superuser owner role is migrated over MIGRATION_DATABASE_URL; the service's role
// (DATABASE_URL) is created and granted by that step. Connected as that role, every way it has to
// remove or change an audit row fails, while the service and housekeeping still work. Roles are
// cluster-wide, so both get names unique to this run and are dropped afterwards.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { recordAudit } from '../../src/audit/audit.js';
import { createPostgresPool, kyselyOnPool, type Db } from '../../src/db/database.js';
import { isFullyMigrated, migrateToLatest } from '../../src/db/migrator.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { runHousekeeping } from '../../src/modules/housekeeping/housekeeping.service.js';
import { testConfig } from '../support/app.js';
import { adminQuery, withDatabase } from '../support/pg-admin.js';

const info = inject('testDb');
const server = info.kind === 'server';
const PGLITE_REASON = '(PostgreSQL only: embedded PGlite has a single role)';

const suffix = randomBytes(4).toString('hex');
const ownerRole = `ss_owner_${suffix}`;
const appRole = `ss_app_${suffix}`;

function urlAs(base: string, user: string, password?: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = password ?? '';
  return url.toString();
}

let ownerUrl: string;
let appUrl: string;
let ownerDb: Kysely<any>;
let appDb: Db;
let dropAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (info.kind !== 'server') return;
  const database = `${info.prefix}_roles_${suffix}`;
  dropAll = async () => {
    await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await adminQuery(info.adminUrl, `DROP ROLE IF EXISTS "${appRole}"`);
    await adminQuery(info.adminUrl, `DROP ROLE IF EXISTS "${ownerRole}"`);
  };
  await adminQuery(info.adminUrl, `CREATE ROLE "${ownerRole}" LOGIN CREATEROLE`);
  await adminQuery(info.adminUrl, `CREATE DATABASE "${database}" OWNER "${ownerRole}" TEMPLATE template0`);
  ownerUrl = urlAs(withDatabase(info.adminUrl, database), ownerRole);
  appUrl = urlAs(withDatabase(info.adminUrl, database), appRole, 'app-secret');
  appDb = kyselyOnPool(createPostgresPool(appUrl, { poolMax: 2 }));
  ownerDb = kyselyOnPool(createPostgresPool(ownerUrl, { poolMax: 1 }));
  // What `npm run migrate` does with both URLs set: migrations as the owner, then the app role's grants.
  await prepareDatabase(appDb, { databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl, auditRetentionMonths: 60 });
}, 180_000);

afterAll(async () => {
  await appDb?.destroy();
  await ownerDb?.destroy();
  await dropAll?.();
});

/** Runs statements in one transaction as the application role; resolves with the SQLSTATE of the failure. */
async function failureAsApp(statements: string[]): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
    return undefined;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const { code, message } = error as { code?: string; message: string };
    // The append-only trigger also answers 42501; a refusal must come from a missing privilege.
    return message.includes('append-only') ? `trigger only: ${message}` : code ?? message;
  } finally {
    await client.end();
  }
}

const auditRows = async () =>
  (await sql<{ id: number; action: string }>`SELECT id, action FROM audit_events ORDER BY id`.execute(ownerDb)).rows;

describe('the application role', () => {
  it.skipIf(!server)(`owns nothing, yet the service starts, reads readiness and writes as it ${PGLITE_REASON}`, async () => {
    const { rows: [facts] } = await sql<{ superuser: boolean; owned: number }>`
      SELECT r.rolsuper AS superuser,
        (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) + (SELECT count(*)::int FROM pg_proc p WHERE p.proowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = ${appRole}`.execute(ownerDb);
    expect(facts).toEqual({ superuser: false, owned: 0 });
    const { rows: privileges } = await sql`
      SELECT has_table_privilege(${appRole}, 'audit_events', 'SELECT, INSERT') AS append,
             has_table_privilege(${appRole}, 'audit_events', 'UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES') AS change,
             has_function_privilege(${appRole}, 'purge_audit_events(integer, boolean)', 'EXECUTE') AS purge,
             has_function_privilege('public', 'purge_audit_events(integer, boolean)', 'EXECUTE') AS purge_by_anyone`.execute(ownerDb);
    expect(privileges).toEqual([{ append: true, change: false, purge: true, purgeByAnyone: false }]);

    // A service given only DATABASE_URL (the app role) finds the schema migrated and starts.
    expect(await isFullyMigrated(appDb)).toBe(true);
    expect((await migrateToLatest(appDb)).results).toEqual([]);
    const app = await buildApp(testConfig({ databaseUrl: appUrl, migrationDatabaseUrl: appUrl, webDir: undefined }));
    try {
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    // Its own AUDIT_RETENTION_MONTHS cannot lower the owner's floor.
    await prepareDatabase(appDb, { databaseUrl: appUrl, migrationDatabaseUrl: appUrl, auditRetentionMonths: 6 });
    expect((await sql<{ months: number }>`SELECT months FROM audit_retention`.execute(ownerDb)).rows).toEqual([{ months: 60 }]);

    // Ordinary rows: read, add, change and delete, and a table a later migration adds is usable at once.
    const location = await appDb.insertInto('locations').values({ name: 'Rolproef', city: 'Utrecht' }).returning('id').executeTakeFirstOrThrow();
    await appDb.updateTable('locations').set({ name: 'Rolproef 2' }).where('id', '=', location.id).execute();
    await appDb.deleteFrom('locations').where('id', '=', location.id).execute();
    await sql`CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY, note text)`.execute(ownerDb);
    await sql`INSERT INTO later_table (note) VALUES ('x')`.execute(appDb);
    expect((await sql`SELECT note FROM later_table`.execute(appDb)).rows).toEqual([{ note: 'x' }]);
    await sql`DROP TABLE later_table`.execute(ownerDb);
  }, 120_000);

  it.skipIf(!server)(`cannot remove or change an audit row by any route it has ${PGLITE_REASON}`, async () => {
    await recordAudit(appDb, { action: 'housekeeping.run', outcome: 'success', details: { probe: true } });
    await sql`INSERT INTO audit_events (action, outcome, occurred_at) VALUES ('housekeeping.run', 'success', now() - interval '59 months')`.execute(appDb);
    const before = await auditRows();
    expect(before.length).toBeGreaterThanOrEqual(2);

    const letThrough = `CREATE FUNCTION pg_temp.let_through() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`;
    const routes: Record<string, string[]> = {
      'DELETE': ['DELETE FROM audit_events'],
      'UPDATE': [`UPDATE audit_events SET action = 'changed'`],
      'UPDATE of the date, to age a row': [`UPDATE audit_events SET occurred_at = now() - interval '100 years'`],
      'TRUNCATE': ['TRUNCATE audit_events'],
      'MERGE ... DELETE': ['MERGE INTO audit_events a USING (SELECT 1) s ON true WHEN MATCHED THEN DELETE'],
      'INSERT ... ON CONFLICT DO UPDATE': [
        `INSERT INTO audit_events (id, action, outcome) OVERRIDING SYSTEM VALUE SELECT id, 'changed', 'success' FROM audit_events
         ON CONFLICT (id) DO UPDATE SET action = 'changed'`,
      ],
      'hide rows with row level security': ['ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY'],
      'CREATE POLICY': [`CREATE POLICY hide ON audit_events USING (false)`],
      'SET LOCAL session_replication_role = replica': ['SET LOCAL session_replication_role = replica', 'DELETE FROM audit_events'],
      'SET session_replication_role = replica': ['SET session_replication_role = replica', 'DELETE FROM audit_events'],
      'ALTER ROLE ... SET session_replication_role': [`ALTER ROLE CURRENT_USER SET session_replication_role = replica`],
      'ALTER TABLE DISABLE TRIGGER ALL': ['ALTER TABLE audit_events DISABLE TRIGGER ALL', 'DELETE FROM audit_events'],
      'ALTER TABLE DISABLE TRIGGER by name': ['ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete'],
      'DROP TRIGGER': ['DROP TRIGGER audit_events_no_update_or_delete ON audit_events'],
      'DROP TABLE': ['DROP TABLE audit_events'],
      'DROP TABLE CASCADE': ['DROP TABLE audit_events CASCADE'],
      'DROP SCHEMA public CASCADE': ['DROP SCHEMA public CASCADE'],
      'DROP OWNED BY the owner': [`DROP OWNED BY "${ownerRole}"`],
      'REASSIGN OWNED BY the owner': [`REASSIGN OWNED BY "${ownerRole}" TO CURRENT_USER`],
      'ALTER TABLE RENAME': ['ALTER TABLE audit_events RENAME TO audit_events_old'],
      'ALTER TABLE OWNER TO': [`ALTER TABLE audit_events OWNER TO "${appRole}"`],
      'replace the trigger function': [
        `CREATE OR REPLACE FUNCTION public.audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      ],
      'replace the purge function': [
        `CREATE OR REPLACE FUNCTION public.purge_audit_events(integer, boolean) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$`,
      ],
      'CREATE a function in public': [`CREATE FUNCTION public.let_through() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`],
      'CREATE TRIGGER with a temporary function': [
        letThrough,
        'CREATE TRIGGER a_first BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION pg_temp.let_through()',
      ],
      'CREATE RULE': ['CREATE RULE swallow AS ON INSERT TO audit_events DO INSTEAD NOTHING'],
      'CREATE TABLE in public': ['CREATE TABLE public.audit_events_copy (id bigint)'],
      'the purge guard setting': [`SELECT set_config('schoonschip.audit_purge', 'on', true)`, 'DELETE FROM audit_events'],
      'SET ROLE to the owner': [`SET ROLE "${ownerRole}"`],
      'SET SESSION AUTHORIZATION to the owner': [`SET SESSION AUTHORIZATION "${ownerRole}"`],
      'ALTER ROLE SUPERUSER': [`ALTER ROLE CURRENT_USER SUPERUSER`],
      'ALTER DATABASE SET session_replication_role': [`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET session_replication_role = replica', current_database()); END $$`],
      'lower the stored audit retention': ['UPDATE audit_retention SET months = 6'],
      'rewrite the migration history': ['DELETE FROM kysely_migration'],
    };
    const outcomes: Record<string, string | undefined> = {};
    for (const [route, statements] of Object.entries(routes)) outcomes[route] = await failureAsApp(statements);
    // 42501 insufficient_privilege: refused for lack of a privilege (not by the trigger, which an
    // owner could switch off, and not by accident of syntax).
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(routes).map((route) => [route, '42501'])));

    // The one door: purge_audit_events, whatever it is asked, deletes nothing younger than 60 months.
    for (const months of [6, 0, -1200, null]) {
      const { rows } = await sql<{ n: number }>`SELECT purge_audit_events(${months}::int, false) AS n`.execute(appDb);
      expect(rows).toEqual([{ n: 0 }]);
    }
    expect(await auditRows()).toEqual(before);
  }, 120_000);

  it.skipIf(!server)(`deletes only rows past the owner's retention when housekeeping runs as it ${PGLITE_REASON}`, async () => {
    for (const age of ['61 months', '60 months 1 day']) {
      await sql`INSERT INTO audit_events (action, outcome, occurred_at) VALUES ('user.disabled', 'success', now() - ${age}::interval)`.execute(appDb);
    }
    await sql`INSERT INTO audit_events (action, outcome, occurred_at) VALUES ('user.disabled', 'success', now() - interval '60 months -1 day')`.execute(appDb);
    const before = (await auditRows()).length;
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE occurred_at < now() - interval '60 months'`.execute(ownerDb)).rows[0]?.n;
    expect(await count()).toBe(2);

    // The application's clock a century ahead and a 6-month wish: only the two old rows go.
    const farAhead = new Date(Date.now() + 100 * 365 * 86_400_000);
    const result = await runHousekeeping(appDb, { now: farAhead, retentionMonths: 24, auditRetentionMonths: 6 });
    expect(result.ran && result.report.auditRowsDeleted).toBe(2);
    expect(await count()).toBe(0);
    // Two rows gone, one added: the run's own audit row, which counts them.
    const after = await auditRows();
    expect(after.length).toBe(before - 2 + 1);
    expect(after.filter((row) => row.action === 'user.disabled')).toHaveLength(1);
    const { rows: [run] } = await sql<{ details: unknown }>`SELECT details FROM audit_events WHERE action = 'housekeeping.run' ORDER BY id DESC LIMIT 1`.execute(ownerDb);
    expect(run?.details).toMatchObject({ dryRun: false, auditRowsDeleted: 2 });
  }, 120_000);
});
