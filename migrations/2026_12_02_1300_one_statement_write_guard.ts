import { sql, type Kysely } from 'kysely';

// The hot routes' creates and edits of a dossier's rows run as ONE statement (docs/architecture.md,
// "The hot paths"): the session, the scope with the dossier row's lock, the dossier's state, the
// row, the mark on the dossier and the audit row. The mark and the audit row are CTEs, which always
// run; when the row itself was not written (not visible, frozen, a stale version, a rotated key),
// nothing of the statement may stay. This function makes the statement fail then, with its own
// SQLSTATE (SS001, which src/modules/dossiers/dossier-gate.repository.ts recognises), and the
// caller takes the general path, which decides, audits and answers as always.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION one_statement_write_applied(applied boolean) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      IF applied IS NOT TRUE THEN
        RAISE EXCEPTION 'one-statement write not applied: the general path decides' USING ERRCODE = 'SS001';
      END IF;
      RETURN true;
    END $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION one_statement_write_applied(boolean)`.execute(db);
}
