// The one way into a dossier: by id, through the caller's scope, optionally locked for a write.
import type { Kysely } from 'kysely';
import { dossierVisibleTo, type DossierCore } from '../../access/dossier-scope.js';
import type { Actor } from '../../access/actor.js';
import type { Database } from '../../db/schema.js';

export async function findVisibleDossierCore(db: Kysely<Database>, actor: Actor, dossierId: string, lock: boolean): Promise<DossierCore | undefined> {
  let query = db
    .selectFrom('dossiers')
    .select(['id', 'residentId', 'locationId', 'phase', 'version', 'consentGivenAt', 'consentWithdrawnAt', 'closedAt'])
    .where('id', '=', dossierId)
    .where(dossierVisibleTo(actor));
  // FOR UPDATE serializes writes to one dossier, so derived state (version, overview confirmation)
  // never interleaves. Row locks are per transaction; reads never take them.
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type { DossierCore };

/**
 * Every write to a dossier's data moves its version: GET /dossiers/{id} shows the whole dossier, so
 * its ETag must change when any part does (a resident confirms exactly the overview they saw).
 */
export async function touchDossier(db: Kysely<Database>, dossierId: string, now: Date, bumpVersion: boolean) {
  await db.updateTable('dossiers')
    .set((eb) => (bumpVersion ? { updatedAt: now, version: eb('version', '+', 1) } : { updatedAt: now }))
    .where('id', '=', dossierId)
    .execute();
}
