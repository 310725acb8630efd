// Frozen publications: one row per table and period, written once, served for ever.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Publication {
  bodyJson: string;
  bodyCsv: string;
  generatedAt: Date;
}

export async function findPublication(db: Kysely<Database>, tableName: string, period: string): Promise<Publication | undefined> {
  return db.selectFrom('statsPublications').select(['bodyJson', 'bodyCsv', 'generatedAt'])
    .where('tableName', '=', tableName).where('period', '=', period).executeTakeFirst();
}

/** Two first requests may race: the first insert wins, the other is dropped and both read the winner. */
export async function insertPublication(db: Kysely<Database>, values: {
  tableName: string; period: string; method: Record<string, unknown>; bodyJson: string; bodyCsv: string; generatedAt: Date;
}): Promise<void> {
  await db.insertInto('statsPublications').values({ ...values, method: JSON.stringify(values.method) })
    .onConflict((oc) => oc.columns(['tableName', 'period']).doNothing()).execute();
}

/** When the programme's data begins: the oldest dossier's opening (null without any dossier). */
export async function oldestDossierOpenedAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db.selectFrom('dossiers').select((eb) => eb.fn.min('openedAt').as('oldest')).executeTakeFirst();
  return row?.oldest ?? null;
}
