import { sql, type Kysely } from 'kysely';

// A VTLB correction carries a justification in the maatje's own words (issue 14: every free text
// encrypted). The list is stored as one value under the dossier's data key; existing lists are
// marked as plain text (`p.`) until `npm run keys:rotate` encrypts them, as for the other columns.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections DROP DEFAULT`.execute(db);
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections TYPE text USING 'p.' || vtlb_corrections::text`.execute(db);
  await sql`ALTER TABLE dossiers RENAME COLUMN vtlb_corrections TO vtlb_corrections_encrypted`.execute(db);
  // A new dossier has no corrections: an empty list says nothing about anyone.
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections_encrypted SET DEFAULT 'p.[]'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Lists the service encrypted since cannot be read back without the keys: they become empty.
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections_encrypted DROP DEFAULT`.execute(db);
  await sql`ALTER TABLE dossiers RENAME COLUMN vtlb_corrections_encrypted TO vtlb_corrections`.execute(db);
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections TYPE jsonb
    USING CASE WHEN vtlb_corrections LIKE 'p.%' THEN substr(vtlb_corrections, 3)::jsonb ELSE '[]'::jsonb END`.execute(db);
  await sql`ALTER TABLE dossiers ALTER COLUMN vtlb_corrections SET DEFAULT '[]'::jsonb`.execute(db);
}
