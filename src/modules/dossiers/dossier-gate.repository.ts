// The one way into a dossier: by id, through the caller's scope, optionally locked for a write.
import type { Insertable, Kysely } from 'kysely';
import { dossierVisibleTo, type DossierCore } from '../../access/dossier-scope.js';
import type { Actor } from '../../access/actor.js';
import type { AuditEventsTable, Database } from '../../db/schema.js';

export async function findVisibleDossierCore(db: Kysely<Database>, actor: Actor, dossierId: string, lock: boolean): Promise<DossierCore | undefined> {
  let query = db
    .selectFrom('dossiers')
    .select(['id', 'residentId', 'locationId', 'phase', 'version', 'consentGivenAt', 'consentWithdrawnAt', 'closedAt'])
    .where('id', '=', dossierId)
    .where(dossierVisibleTo(actor))
    // No scope shows an erased dossier's remainder, the only row without a resident.
    .$narrowType<{ residentId: string }>();
  // FOR UPDATE serializes writes to one dossier, so derived state (version, overview confirmation)
  // never interleaves. Row locks are per transaction; reads never take them.
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type { DossierCore };

/**
 * Every write to a dossier's data moves its version: GET /dossiers/{id} shows the whole dossier, so
 * its ETag must change when any part does (a resident confirms exactly the overview they saw).
 * The mark and the write's audit row are one statement (an UPDATE in a CTE beside the INSERT),
 * which also clears a confirmed overview the write made stale.
 */
export async function touchDossierAndAudit(
  db: Kysely<Database>, dossierId: string,
  touch: { now: Date; bumpVersion: boolean; clearOverviewConfirmation: boolean },
  audit: Insertable<AuditEventsTable>,
) {
  await db
    .with('touched', (qb) => qb.updateTable('dossiers')
      .set((eb) => ({
        updatedAt: touch.now,
        ...(touch.bumpVersion ? { version: eb('version', '+', 1) } : {}),
        ...(touch.clearOverviewConfirmation ? { overviewConfirmedAt: null, overviewConfirmedBy: null } : {}),
      }))
      .where('id', '=', dossierId))
    .insertInto('auditEvents')
    .values(audit)
    .execute();
}
