import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A published statistics table, kept as the exact bytes first served: later edits or erasures
  // of dossiers must not change a period the evaluator already has, or two pulls could be
  // differenced. No foreign keys, so erasing dossiers or locations leaves publications alone.
  await sql`
    CREATE TABLE stats_publications (
      table_name text NOT NULL CHECK (length(table_name) BETWEEN 1 AND 64),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
      method jsonb NOT NULL,
      body_json text NOT NULL,
      body_csv text NOT NULL,
      generated_at timestamptz NOT NULL,
      PRIMARY KEY (table_name, period)
    )`.execute(db);

  // Frozen means frozen: the application may add a publication, never rewrite one.
  await sql`
    CREATE FUNCTION stats_publications_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'stats_publications are frozen once published' USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER stats_publications_no_update BEFORE UPDATE ON stats_publications
    FOR EACH ROW EXECUTE FUNCTION stats_publications_refuse_update()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE stats_publications`.execute(db);
  await sql`DROP FUNCTION stats_publications_refuse_update()`.execute(db);
}
