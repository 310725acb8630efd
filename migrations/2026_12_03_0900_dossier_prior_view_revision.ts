import { sql, type Kysely } from 'kysely';

// The revision a dossier had before the transaction that last wrote it (docs/architecture.md, "The
// hot paths"). A process that writes one row in one statement may then bring the views it keeps
// of the dossier up to date itself instead of dropping them, but only when the view it keeps is of
// exactly that earlier revision: then no other write came between. The trigger that moves the
// revision already holds the row's lock and sees the latest committed row (OLD), so it records the
// predecessor exactly; a statement's own read of the column could see an older snapshot under
// concurrent writes. A second update in the same transaction keeps the first one's predecessor.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN prior_view_revision bigint`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION dossier_view_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.view_revision <> pg_current_xact_id()::text::bigint THEN
        NEW.prior_view_revision := OLD.view_revision;
      END IF;
      NEW.view_revision := pg_current_xact_id()::text::bigint;
      RETURN NEW;
    END $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION dossier_view_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.view_revision := pg_current_xact_id()::text::bigint;
      RETURN NEW;
    END $$`.execute(db);
  await sql`ALTER TABLE dossiers DROP COLUMN prior_view_revision`.execute(db);
}
