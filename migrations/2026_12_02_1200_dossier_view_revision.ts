import { sql, type Kysely } from 'kysely';

// A revision stamp of everything a dossier's whole view shows (docs/architecture.md, "The hot
// paths"): the dossier row, every table that belongs to a dossier (its `dossier_id`) and the
// display names of its resident and maatje. Triggers move it in the same transaction as the write,
// whatever writes (a route, housekeeping, key rotation, an erasure, psql), so a process may keep a
// view it built and serve it again only while the stamp the read's own statement sees is the same.
// audit_events is the one table left out: every read inserts into it, and no view shows it.
export const STAMPED_EXCEPT = ['audit_events'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN view_revision bigint NOT NULL DEFAULT 0`.execute(db);
  // The revision is the (64-bit, never repeating) id of the last transaction that wrote the
  // dossier: two committed states of a dossier never share one.
  await sql`
    CREATE FUNCTION dossier_view_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.view_revision := pg_current_xact_id()::text::bigint;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER dossiers_view_revision BEFORE UPDATE ON dossiers
      FOR EACH ROW EXECUTE FUNCTION dossier_view_revision_bump()`.execute(db);
  // Any update of the dossier row moves the stamp (the trigger above), so touching it is enough,
  // and once per transaction is enough: a view is only ever built from committed rows. These run
  // at commit (deferred), when a write through the dossier gate has already marked the dossier row
  // in this transaction, so such a write pays no second update of it.
  await sql`
    CREATE FUNCTION dossier_view_revision_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'DELETE' THEN
        UPDATE dossiers SET view_revision = view_revision WHERE id = NEW.dossier_id AND view_revision <> pg_current_xact_id()::text::bigint;
      END IF;
      IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.dossier_id IS DISTINCT FROM NEW.dossier_id) THEN
        UPDATE dossiers SET view_revision = view_revision WHERE id = OLD.dossier_id AND view_revision <> pg_current_xact_id()::text::bigint;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  const { rows } = await sql<{ table: string }>`
    SELECT c.table_name AS table FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.column_name = 'dossier_id' ORDER BY 1`.execute(db);
  for (const { table } of rows) {
    if ((STAMPED_EXCEPT as readonly string[]).includes(table)) continue;
    await sql`
      CREATE CONSTRAINT TRIGGER ${sql.id(`${table}_dossier_view_revision`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.id(table)}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dossier_view_revision_of_row()`.execute(db);
  }
  // The view shows the resident's and the active maatje's display names.
  await sql`
    CREATE FUNCTION dossier_view_revision_of_name() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE dossiers SET view_revision = view_revision
        WHERE resident_id = NEW.id OR id IN (SELECT dossier_id FROM dossier_assignments WHERE maatje_id = NEW.id);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER users_dossier_view_revision AFTER UPDATE OF display_name_encrypted ON users
      FOR EACH ROW WHEN (OLD.display_name_encrypted IS DISTINCT FROM NEW.display_name_encrypted)
      EXECUTE FUNCTION dossier_view_revision_of_name()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER users_dossier_view_revision ON users`.execute(db);
  await sql`DROP FUNCTION dossier_view_revision_of_name`.execute(db);
  await sql`DROP FUNCTION dossier_view_revision_of_row CASCADE`.execute(db);
  await sql`DROP TRIGGER dossiers_view_revision ON dossiers`.execute(db);
  await sql`DROP FUNCTION dossier_view_revision_bump`.execute(db);
  await sql`ALTER TABLE dossiers DROP COLUMN view_revision`.execute(db);
}
