// Who touched a dossier, from the append-only audit trail.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { DossierCore } from '../../access/dossier-scope.js';

/** One page (`page` given) or the whole trail, oldest first. */
export async function listDossierAuditEvents(db: Kysely<Database>, dossier: DossierCore, page?: { limit: number; after?: Cursor }) {
  let query = db
    .selectFrom('auditEvents')
    .leftJoin('users as actor', 'actor.id', 'auditEvents.actorUserId')
    .select(['auditEvents.id', 'auditEvents.occurredAt', 'auditEvents.actorUserId', 'auditEvents.actorRole',
      'auditEvents.action', 'auditEvents.outcome', 'actor.displayName as actorDisplayName',
      cursorTime('auditEvents.occurredAt').as('cursorTime')])
    .where('auditEvents.dossierId', '=', dossier.id)
    .orderBy('auditEvents.occurredAt')
    .orderBy('auditEvents.id');
  if (page) {
    query = query.limit(page.limit + 1);
    if (page.after) query = query.where(afterCursor('auditEvents.occurredAt', 'auditEvents.id', page.after, 'bigint'));
  }
  return query.execute();
}
