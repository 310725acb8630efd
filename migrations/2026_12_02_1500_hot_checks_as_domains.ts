import { sql, type Kysely } from 'kysely';

// The single-column CHECK constraints of the tables the hot routes write on every request become
// domains: the same rule, the same constraint name, the same SQLSTATE (23514) on a violation.
// Why: PostgreSQL 15 reads a table's CHECK expressions from their stored text and plans them again
// in every statement that writes the table (ExecConstraints: stringToNode, expression_planner), and
// on an UPDATE it checks them all, changed columns or not. In a profile of the one-statement debt
// create that was 15 % of PostgreSQL's time: the debt's 12 checks, and the dossier's 12 for the
// dossier's mark, which changes none of those columns. A domain's checks are parsed once per
// connection (the type cache), and run only for a value that is written.
// Checks over several columns stay table constraints.
export const HOT_TABLES = ['dossiers', 'debts', 'incomes', 'expenses', 'actions', 'audit_events', 'idempotency_keys'] as const;

interface SingleColumnCheck { table: string; constraint: string; column: string; type: string; predicate: string }

/** `predicate` (a CHECK's expression) with every `from` outside its string literals written as `to`. */
function renamed(predicate: string, from: RegExp, to: string): string {
  return predicate.split(/('(?:[^']|'')*')/).map((part, i) => (i % 2 === 1 ? part : part.replace(from, to))).join('');
}

/** A table CHECK on `column` as a domain CHECK: the column written as VALUE. */
export const onValue = (predicate: string, column: string) => renamed(predicate, new RegExp(`"${column}"|\\b${column}\\b`, 'g'), 'VALUE');

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<SingleColumnCheck>`
    SELECT t.relname AS table, c.conname AS constraint, a.attname AS column,
      format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(c.conbin, c.conrelid) AS predicate
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid AND t.relnamespace = current_schema()::regnamespace
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'c' AND cardinality(c.conkey) = 1 AND t.relname = ANY(${[...HOT_TABLES]}::text[])
    ORDER BY 1, 2`.execute(db);
  for (const check of rows) {
    const domain = `${check.table}_${check.column}`;
    await sql`CREATE DOMAIN ${sql.id(domain)} AS ${sql.raw(check.type)}
      CONSTRAINT ${sql.id(check.constraint)} CHECK (${sql.raw(onValue(check.predicate, check.column))})`.execute(db);
    await sql`ALTER TABLE ${sql.id(check.table)} DROP CONSTRAINT ${sql.id(check.constraint)},
      ALTER COLUMN ${sql.id(check.column)} TYPE ${sql.id(domain)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<SingleColumnCheck>`
    SELECT t.relname AS table, c.conname AS constraint, a.attname AS column,
      format_type(d.typbasetype, d.typtypmod) AS type, pg_get_constraintdef(c.oid) AS predicate, d.typname AS domain
    FROM pg_attribute a
    JOIN pg_class t ON t.oid = a.attrelid AND t.relnamespace = current_schema()::regnamespace
    JOIN pg_type d ON d.oid = a.atttypid AND d.typtype = 'd' AND d.typname = t.relname || '_' || a.attname
    JOIN pg_constraint c ON c.contypid = d.oid
    WHERE t.relname = ANY(${[...HOT_TABLES]}::text[])`.execute(db);
  for (const check of rows as (SingleColumnCheck & { domain: string })[]) {
    const predicate = renamed(check.predicate, /\bVALUE\b/g, `"${check.column}"`);
    await sql`ALTER TABLE ${sql.id(check.table)} ALTER COLUMN ${sql.id(check.column)} TYPE ${sql.raw(check.type)},
      ADD CONSTRAINT ${sql.id(check.constraint)} ${sql.raw(predicate)}`.execute(db);
    await sql`DROP DOMAIN ${sql.id(check.domain)}`.execute(db);
  }
}
