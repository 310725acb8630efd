// Two database roles (issue 15, rule 4): the owner (MIGRATION_DATABASE_URL) owns the schema and runs
// migrations; the service connects as the application role (DATABASE_URL), which may read and write
// rows but owns nothing. Owning nothing is what keeps the audit trail append-only against the
// service itself: only an owner (or a superuser) may disable a trigger, drop or truncate a table,
// or set session_replication_role. The grants are re-applied after every migration, so they are
// always those of the code that is running.
import { sql, type Kysely } from 'kysely';

/** Tables the application role may read and add to, never change or empty. */
const APPEND_ONLY = ['audit_events'];
/**
 * Tables the application role may only read: the migration history (readiness, the start-up check
 * that nothing is pending) and the owner's audit retention.
 */
const READ_ONLY = ['kysely_migration', 'kysely_migration_lock', 'audit_retention'];
/** Functions the application role may call; every other function of ours runs as its caller. */
const CALLABLE = ['purge_audit_events(integer, boolean)'];

export class AppRoleError extends Error {
  override name = 'AppRoleError';
}

export interface AppRole {
  name: string;
  /** Used only when the role does not exist yet and the owner may create roles. */
  password: string | undefined;
}

/** The application role is the user named in DATABASE_URL. */
export function appRoleFromUrl(databaseUrl: string): AppRole {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.username);
  if (name === '') {
    throw new AppRoleError('DATABASE_URL names no user: with a separate MIGRATION_DATABASE_URL it must name the application role');
  }
  return { name, password: url.password === '' ? undefined : decodeURIComponent(url.password) };
}

// Quoted here, not with sql.id: the service's Kysely instances rewrite identifiers (CamelCasePlugin),
// which would turn a role named app_2024 into app_2_024.
const id = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/**
 * Creates the application role if it is missing and gives it exactly the privileges the service
 * needs in the current database. Refuses a role that could undo the append-only rule.
 */
export async function grantAppRole(owner: Kysely<any>, role: AppRole): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    const { rows: [me] } = await sql<{ name: string }>`SELECT current_user AS name`.execute(trx);
    if (me?.name === role.name) return;
    await createRoleIfMissing(trx, role);
    await refuseOverprivileged(trx, role.name);

    const app = id(role.name);
    const database = id((await sql<{ name: string }>`SELECT current_database() AS name`.execute(trx)).rows[0]!.name);
    // Only the database's owner may grant on it; PUBLIC usually has CONNECT already.
    const { rows: [connect] } = await sql<{ ok: boolean }>`
      SELECT has_database_privilege(${role.name}, current_database(), 'CONNECT') AS ok`.execute(trx);
    if (!connect?.ok) await sql`GRANT CONNECT ON DATABASE ${database} TO ${app}`.execute(trx);
    // PostgreSQL before 15 lets everyone create in public; a function or table of the application
    // role's own would be something it owns.
    await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(trx);
    await sql`REVOKE CREATE ON SCHEMA public FROM ${app}`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA public TO ${app}`.execute(trx);

    await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`.execute(trx);
    for (const table of await existing(trx, APPEND_ONLY)) await sql`REVOKE UPDATE, DELETE ON ${id(table)} FROM ${app}`.execute(trx);
    for (const table of await existing(trx, READ_ONLY)) await sql`REVOKE INSERT, UPDATE, DELETE ON ${id(table)} FROM ${app}`.execute(trx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`.execute(trx);
    for (const fn of CALLABLE) {
      // Again here, not only in the migration: a restore without the dump's grants makes it PUBLIC's.
      await sql`REVOKE ALL ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(trx);
      await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${app}`.execute(trx);
    }

    // Tables a later migration creates (as this owner) are usable at once, before grants are re-run.
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`.execute(trx);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`.execute(trx);

    const { rows: [create] } = await sql<{ schema: boolean; database: boolean }>`
      SELECT has_schema_privilege(${role.name}, 'public', 'CREATE') AS schema,
             has_database_privilege(${role.name}, current_database(), 'CREATE') AS database`.execute(trx);
    if (create?.schema || create?.database) {
      throw new AppRoleError(`the application role "${role.name}" may still create objects in this database (someone other than the owner granted it); revoke CREATE from it and from PUBLIC`);
    }
  });
}

async function createRoleIfMissing(db: Kysely<any>, role: AppRole): Promise<void> {
  const { rows } = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${role.name}`.execute(db);
  if (rows.length > 0) return;
  const { rows: [may] } = await sql<{ ok: boolean }>`
    SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user`.execute(db);
  if (!may?.ok) {
    throw new AppRoleError(`the application role "${role.name}" does not exist and the owner role may not create it: create it (CREATE ROLE ... LOGIN PASSWORD ...) and run the migration again`);
  }
  // format() quotes the name and the password; neither reaches the statement text unquoted.
  const { rows: [statement] } = role.password === undefined
    ? await sql<{ text: string }>`SELECT format('CREATE ROLE %I LOGIN', ${role.name}::text) AS text`.execute(db)
    : await sql<{ text: string }>`SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', ${role.name}::text, ${role.password}::text) AS text`.execute(db);
  await sql.raw(statement!.text).execute(db);
}

async function refuseOverprivileged(db: Kysely<any>, name: string): Promise<void> {
  const { rows: [facts] } = await sql<{ superuser: boolean; member: boolean; owns: number }>`
    SELECT r.rolsuper AS superuser,
           pg_has_role(r.oid, current_user, 'MEMBER') AS member,
           (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relowner = r.oid AND n.nspname = 'public')
         + (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proowner = r.oid AND n.nspname = 'public') AS owns
      FROM pg_roles r WHERE r.rolname = ${name}`.execute(db);
  const problems = [
    facts?.superuser && 'is a superuser',
    facts?.member && 'is a member of the owner role',
    (facts?.owns ?? 0) > 0 && `owns ${facts?.owns} tables or functions (move them: REASSIGN OWNED BY "${name}" TO <owner>, as the owner or a superuser)`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new AppRoleError(`the application role "${name}" (DATABASE_URL) ${problems.join(', ')}; it could then undo the append-only audit trail`);
  }
}

async function existing(db: Kysely<any>, tables: string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY(${tables})`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * The owner's retention for audit rows: purge_audit_events never deletes younger rows, whatever its
 * caller asks. Written only by a role that may (the owner); skipped silently otherwise.
 */
export async function storeAuditRetention(db: Kysely<any>, months: number): Promise<boolean> {
  const { rows: [may] } = await sql<{ ok: boolean }>`
    SELECT has_table_privilege('public.audit_retention', 'UPDATE') AS ok`.execute(db);
  if (!may?.ok) return false;
  await sql`UPDATE audit_retention SET months = ${months}`.execute(db);
  return true;
}
