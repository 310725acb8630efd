// The resident's consents to hand their dossier over (one standing at a time; withdrawn ones stay).
import type { Kysely } from 'kysely';
import type { DossierCore } from '../../access/dossier-scope.js';
import type { Database } from '../../db/schema.js';

export async function standingHandoverConsent(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('handoverConsents').selectAll().where('dossierId', '=', dossier.id).where('withdrawnAt', 'is', null).executeTakeFirst();
}

export async function handoverConsentHistory(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('handoverConsents').selectAll().where('dossierId', '=', dossier.id).orderBy('givenAt').orderBy('id').execute();
}

export async function withdrawStandingHandoverConsent(db: Kysely<Database>, dossier: DossierCore, at: Date, by: string) {
  return db.updateTable('handoverConsents').set({ withdrawnAt: at, withdrawnBy: by })
    .where('dossierId', '=', dossier.id).where('withdrawnAt', 'is', null).returningAll().executeTakeFirst();
}

export async function insertHandoverConsent(
  db: Kysely<Database>, dossier: DossierCore,
  values: { id: string; organisationEncrypted: string; includeStory: boolean; givenAt: Date; recordedOnPaper: boolean; recordedBy: string },
) {
  return db.insertInto('handoverConsents').values({ ...values, dossierId: dossier.id }).returningAll().executeTakeFirstOrThrow();
}
