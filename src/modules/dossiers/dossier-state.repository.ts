// Small writes to the dossier row that content changes cause.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DossierCore } from '../../access/dossier-scope.js';

/** Any change to debts, incomes, expenses or the household makes the confirmed overview stale. */
export async function clearOverviewConfirmation(db: Kysely<Database>, dossier: DossierCore) {
  await db.updateTable('dossiers')
    .set({ overviewConfirmedAt: null, overviewConfirmedBy: null })
    .where('id', '=', dossier.id)
    .where('overviewConfirmedAt', 'is not', null)
    .execute();
}
