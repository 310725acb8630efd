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

// The actor's last credential reset (a new activation code for an account that was in use) before
// the event. The first event of each (actor, reset) in this dossier carries it, so the resident
// learns that whoever acted next did so on an account that had just been handed over anew.
const actorResetAt = sql<Date | null>`(SELECT max(r.occurred_at) FROM audit_events r
  WHERE r.action = 'auth.activation_code_issued' AND r.subject_user_id = audit_events.actor_user_id
    AND r.details->>'kind' = 'reset' AND r.occurred_at <= audit_events.occurred_at)`;

/** One page (`page` given) or the whole trail, oldest first. */
export async function listDossierAuditEvents(db: Kysely<Database>, dossier: DossierCore, page?: { limit: number; after?: Cursor }) {
  const base = db
    .selectFrom('auditEvents')
    .leftJoin('users as actor', 'actor.id', 'auditEvents.actorUserId')
    .select(['auditEvents.id', 'auditEvents.occurredAt', 'auditEvents.actorUserId', 'auditEvents.actorRole',
      'auditEvents.action', 'auditEvents.outcome', 'actor.displayNameEncrypted as actorDisplayNameEncrypted',
      cursorTime('auditEvents.occurredAt').as('cursorTime'),
      sql<number>`count(*) OVER (PARTITION BY ${entryKey})::int`.as('attempts'),
      sql<number>`row_number() OVER (PARTITION BY ${entryKey} ORDER BY audit_events.occurred_at, audit_events.id)`.as('nth'),
      actorResetAt.as('actorResetAt')])
    .where('auditEvents.dossierId', '=', dossier.id);
  const events = db.selectFrom(base.as('b'))
    .selectAll('b')
    .select(sql<number>`row_number() OVER (PARTITION BY b.actor_user_id, b.actor_reset_at ORDER BY b.occurred_at, b.id)`.as('nthAfterReset'));
  let query = db.selectFrom(events.as('e'))
    .select(['e.id', 'e.occurredAt', 'e.actorUserId', 'e.actorRole', 'e.action', 'e.outcome', 'e.actorDisplayNameEncrypted', 'e.cursorTime', 'e.attempts',
      sql<Date | null>`CASE WHEN e.nth_after_reset = 1 THEN e.actor_reset_at END`.as('actorResetAt')])
    .where('e.nth', '=', 1)
    .orderBy('e.occurredAt')
    .orderBy('e.id');
  if (page) {
    query = query.limit(page.limit + 1);
    if (page.after) query = query.where(afterCursor('e.occurredAt', 'e.id', page.after, 'bigint'));
  }
  return query.execute();
}
