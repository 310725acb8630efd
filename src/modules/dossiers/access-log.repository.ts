// Who touched a dossier, from the append-only audit trail.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { DossierCore } from '../../access/dossier-scope.js';

// Refusals of one caller within one clock hour are one entry (with their count), so nobody can
// flood a resident's log; every other event is its own entry.
const entryKey = sql`CASE WHEN audit_events.outcome = 'denied'
  THEN coalesce(audit_events.actor_user_id::text, '') || ':' || date_trunc('hour', audit_events.occurred_at AT TIME ZONE 'UTC')::text
  ELSE audit_events.id::text END`;

/** One page (`page` given) or the whole trail, oldest first. */
export async function listDossierAuditEvents(db: Kysely<Database>, dossier: DossierCore, page?: { limit: number; after?: Cursor }) {
  const events = db
    .selectFrom('auditEvents')
    .leftJoin('users as actor', 'actor.id', 'auditEvents.actorUserId')
    .select(['auditEvents.id', 'auditEvents.occurredAt', 'auditEvents.actorUserId', 'auditEvents.actorRole',
      'auditEvents.action', 'auditEvents.outcome', 'actor.displayName as actorDisplayName',
      cursorTime('auditEvents.occurredAt').as('cursorTime'),
      sql<number>`count(*) OVER (PARTITION BY ${entryKey})::int`.as('attempts'),
      sql<number>`row_number() OVER (PARTITION BY ${entryKey} ORDER BY audit_events.occurred_at, audit_events.id)`.as('nth')])
    .where('auditEvents.dossierId', '=', dossier.id);
  let query = db.selectFrom(events.as('e'))
    .select(['e.id', 'e.occurredAt', 'e.actorUserId', 'e.actorRole', 'e.action', 'e.outcome', 'e.actorDisplayName', 'e.cursorTime', 'e.attempts'])
    .where('e.nth', '=', 1)
    .orderBy('e.occurredAt')
    .orderBy('e.id');
  if (page) {
    query = query.limit(page.limit + 1);
    if (page.after) query = query.where(afterCursor('e.occurredAt', 'e.id', page.after, 'bigint'));
  }
  return query.execute();
}
