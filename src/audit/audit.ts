// Append-only audit writes. Callers pass the transaction of the change itself, so a change and its
// audit row commit or fail together. Never field values: ids, names of fields, outcomes.
import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../db/schema.js';
import type { Role } from '../lib/vocabulary.js';
import type { AuditAction } from './audit-actions.js';

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  actorUserId?: string | null;
  actorRole?: Role | null;
  dossierId?: string | null;
  subjectUserId?: string | null;
  requestId?: string | null;
  /** Field names or enumerated codes only; checked below so free text cannot slip in. */
  details?: Record<string, string | number | boolean | null | readonly string[]>;
}

const SAFE_DETAIL_TEXT = /^[A-Za-z0-9_.:-]{0,64}$/;

function assertSafeDetails(details: AuditEvent['details']): void {
  for (const value of Object.values(details ?? {})) {
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      if (!SAFE_DETAIL_TEXT.test(text)) throw new Error('audit details may hold codes and field names only');
    }
  }
}

/** The row of an audit event, for a caller that writes it inside a larger statement (one-statement reads). */
export function auditValues(event: AuditEvent) {
  assertSafeDetails(event.details);
  return {
    action: event.action,
    outcome: event.outcome,
    actorUserId: event.actorUserId ?? null,
    actorRole: event.actorRole ?? null,
    dossierId: event.dossierId ?? null,
    subjectUserId: event.subjectUserId ?? null,
    requestId: event.requestId ?? null,
    details: event.details ? JSON.stringify(event.details) : null,
  };
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db.insertInto('auditEvents').values(auditValues(event)).execute();
}
