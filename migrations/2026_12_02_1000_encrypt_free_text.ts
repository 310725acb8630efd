import { sql, type Kysely } from 'kysely';

// The rest of a dossier's names and free text is encrypted under its data key (issue 14): creditor
// and collector names and references, income and expense descriptions, the referral's and the
// handover's organisation, and the sources of official BVV and VTLB figures. The migration has no
// key, so it marks each existing value as plain text (`p.`, which the service reads as it is) and
// `npm run keys:rotate` encrypts those under each dossier's key. Ciphertext is longer than the
// text, so the length checks go; the API's validation keeps the limits on what is typed.
const COLUMNS = [
  ['debts', 'creditor_name'],
  ['debts', 'collector_name'],
  ['debts', 'reference'],
  ['incomes', 'description'],
  ['expenses', 'description'],
  ['referrals', 'organisation'],
  ['handover_consents', 'organisation'],
  ['dossiers', 'bvv_official_source'],
  ['dossiers', 'vtlb_official_source'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    const encrypted = `${column}_encrypted`;
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT IF EXISTS ${sql.id(`${table}_${column}_check`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} RENAME COLUMN ${sql.id(column)} TO ${sql.id(encrypted)}`.execute(db);
    // An erased dossier's remainder keeps an empty organisation: nothing to mark.
    await sql`UPDATE ${sql.table(table)} SET ${sql.id(encrypted)} = 'p.' || ${sql.id(encrypted)}
      WHERE ${sql.id(encrypted)} IS NOT NULL AND ${sql.id(encrypted)} <> ''`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Values the service encrypted since cannot be turned back without the keys; they stay ciphertext.
  for (const [table, column] of COLUMNS) {
    const encrypted = `${column}_encrypted`;
    await sql`UPDATE ${sql.table(table)} SET ${sql.id(encrypted)} = substr(${sql.id(encrypted)}, 3) WHERE ${sql.id(encrypted)} LIKE 'p.%'`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} RENAME COLUMN ${sql.id(encrypted)} TO ${sql.id(column)}`.execute(db);
  }
}
