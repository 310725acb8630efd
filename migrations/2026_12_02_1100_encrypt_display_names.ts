import { sql, type Kysely } from 'kysely';

// Every account's display name is encrypted under the master key (issue 14): a resident's name is
// read outside any one dossier (caseload, access log, sign-in), so no dossier's data key can hold
// it; staff names are personal data as well. The username stays plain: sign-in looks it up. The
// migration has no key, so it marks each existing name as plain text (`p.`, which the service
// reads as it is) and `npm run keys:rotate` encrypts those under the current master key.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN display_name_encrypted text`.execute(db);
  await sql`UPDATE users SET display_name_encrypted = 'p.' || display_name`.execute(db);
  await sql`ALTER TABLE users ALTER COLUMN display_name_encrypted SET NOT NULL`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN display_name`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Names the service encrypted since cannot be turned back without the keys; they stay ciphertext.
  await sql`ALTER TABLE users ADD COLUMN display_name text`.execute(db);
  await sql`UPDATE users SET display_name = CASE WHEN display_name_encrypted LIKE 'p.%'
    THEN substr(display_name_encrypted, 3) ELSE display_name_encrypted END`.execute(db);
  await sql`ALTER TABLE users ALTER COLUMN display_name SET NOT NULL`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN display_name_encrypted`.execute(db);
}
