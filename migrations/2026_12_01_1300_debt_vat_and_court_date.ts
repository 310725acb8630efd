import { sql, type Kysely } from 'kysely';

// Two answers a maatje can give per debt (issue 19): whether the creditor can deduct BTW (then it may
// not add BTW to the incassokosten; null = the creditor type's default), and the hearing date of a
// dagvaarding, before which the resident must react.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE debts
      ADD COLUMN creditor_can_deduct_vat boolean,
      ADD COLUMN court_date date
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE debts DROP COLUMN court_date, DROP COLUMN creditor_can_deduct_vat`.execute(db);
}
