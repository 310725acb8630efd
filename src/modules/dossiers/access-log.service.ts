// "Who looked at my dossier": the resident and the assigned maatje read the dossier's audit trail,
// each event with a plain-Dutch sentence.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { describeAccountReset, describeAuditEvent } from '../../audit/audit-actions.js';
import { toPage, type PageRequest } from '../../lib/pagination.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { openDisplayName } from '../../lib/display-name.js';
import { listDossierAuditEvents } from './access-log.repository.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { withDossier } from './dossier-gate.service.js';

type AuditRow = Awaited<ReturnType<typeof listDossierAuditEvents>>[number];

function toAccessLogEntry(cipher: FieldCipher, row: AuditRow, dossier: DossierCore) {
  const actorIsResident = row.actorUserId === dossier.residentId;
  // A refused outsider appears by role only: one resident's probe never shows their name to another.
  const actorDisplayName = (row.outcome === 'denied' && !actorIsResident) || row.actorUserId === null || row.actorDisplayNameEncrypted === null
    ? null : openDisplayName(cipher, row.actorUserId, row.actorDisplayNameEncrypted);
  return {
    at: row.occurredAt,
    actorRole: row.actorRole,
    actorDisplayName,
    action: row.action,
    outcome: row.outcome,
    attempts: row.attempts,
    accountResetAt: row.actorResetAt,
    description: describeAuditEvent({ action: row.action, outcome: row.outcome, actorRole: row.actorRole, actorDisplayName, actorIsResident, attempts: row.attempts })
      + (row.actorResetAt ? ` ${describeAccountReset(row.actorResetAt, actorIsResident)}` : ''),
  };
}

/** The whole trail, for the resident's export (right of access). */
export async function completeAccessLog(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'cipher'>, dossier: DossierCore) {
  return (await listDossierAuditEvents(trx, dossier)).map((row) => toAccessLogEntry(ctx.cipher, row, dossier));
}

export async function listAccessLog(ctx: ServiceContext, dossierId: string, page: PageRequest) {
  return withDossier(ctx, dossierId, { action: 'accessLog.read', write: false }, async (trx, dossier) => {
    const rows = await listDossierAuditEvents(trx, dossier, { limit: page.limit, after: page.cursor });
    return toPage(rows, page.limit, (r) => ({ createdAt: r.cursorTime, id: String(r.id) }), (row) => toAccessLogEntry(ctx.cipher, row, dossier));
  });
}
