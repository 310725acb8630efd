// The coordinator's work: the caseload of their location (metadata only) and who is the maatje of
// a dossier. A reassignment takes effect on the very next request: the scope reads assignments
// from the database every time, tokens never carry them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditAction } from '../../audit/audit-actions.js';
import { recordAudit } from '../../audit/audit.js';
import { amsterdamDate, monthsBefore } from '../../lib/dates.js';
import { DomainRuleError, NotFoundError } from '../../lib/errors.js';
import { toPage, type PageRequest } from '../../lib/pagination.js';
import { blankToNull } from '../../lib/text.js';
import { dossierSummaries } from '../dossiers/dossier-summary.service.js';
import { INACTIVE_MONTHS } from '../housekeeping/housekeeping.rules.js';
import { openDisplayName } from '../../lib/display-name.js';
import type { ServiceContext } from '../../core/service-context.js';
import {
  assignmentHistory, endActiveAssignment, findActiveAssignment, findEligibleMaatje, findManagedDossier, insertAssignment,
  listCaseload,
} from './assignment.repository.js';

const reasonContext = (assignmentId: string) => ({ table: 'dossier_assignments', column: 'reason', rowId: assignmentId });

export async function caseload(ctx: ServiceContext, page: PageRequest) {
  const today = amsterdamDate(ctx.now);
  const inactiveSince = monthsBefore(ctx.now, INACTIVE_MONTHS);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCaseload(trx, ctx.actor, page.limit, page.cursor);
    // Whether a crisis is open and how many actions are overdue, never the debts or actions
    // themselves: the coordinator sees that help is stuck, not what about.
    const pageIds = rows.slice(0, page.limit).map((r) => r.id);
    const summaries = await dossierSummaries(trx, pageIds, today);
    await recordAudit(trx, { action: 'caseload.read', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId });
    return toPage(rows, page.limit, (r) => ({ createdAt: r.cursorTime, id: r.id }), (row) => ({
      dossierId: row.id,
      residentId: row.residentId,
      // Per row, a GCM open each (~15 µs): the page stays one query.
      residentDisplayName: openDisplayName(ctx.cipher, row.residentId, row.residentDisplayNameEncrypted),
      phase: row.phase,
      maatjeId: row.maatjeId,
      maatjeDisplayName: row.maatjeId === null || row.maatjeDisplayNameEncrypted === null ? null
        : openDisplayName(ctx.cipher, row.maatjeId, row.maatjeDisplayNameEncrypted),
      openedAt: row.openedAt,
      lastActivityAt: row.updatedAt,
      crisis: summaries.get(row.id)?.crisis ?? false,
      overdueActions: summaries.get(row.id)?.overdueActions ?? 0,
      // A maatje who was disabled or lost their training no longer reaches the dossier.
      noActiveMaatje: row.maatjeId === null || row.maatjeDisabledAt !== null || row.maatjeTrainedAt === null,
      inactive: row.phase !== 'closed' && row.updatedAt <= inactiveSince,
    }));
  });
}

async function auditDenied(ctx: ServiceContext, action: AuditAction, dossierId: string) {
  await recordAudit(ctx.db, { action, outcome: 'denied', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, dossierId, requestId: ctx.requestId });
}

export async function assignMaatje(ctx: ServiceContext, dossierId: string, input: { maatjeId: string; reason?: string | null }) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const dossier = await findManagedDossier(trx, ctx.actor, dossierId);
    if (!dossier) return undefined;
    const maatje = await findEligibleMaatje(trx, input.maatjeId, dossier.locationId);
    if (!maatje) {
      throw new DomainRuleError('maatje_not_eligible', 'The maatje must be trained, active and of the dossier\'s location.');
    }
    const previous = await findActiveAssignment(trx, dossier.id);
    const id = randomUUID();
    const reason = blankToNull(input.reason);
    await endActiveAssignment(trx, dossier.id, ctx.actor.userId, ctx.now);
    await insertAssignment(trx, {
      id, dossierId: dossier.id, maatjeId: maatje.id, assignedAt: ctx.now, assignedBy: ctx.actor.userId,
      reasonEncrypted: reason === null ? null : ctx.cipher.encrypt(reason, reasonContext(id)),
    });
    await recordAudit(trx, {
      action: !previous ? 'assignment.created' : previous.maatjeId === maatje.id ? 'assignment.repeated' : 'assignment.changed', outcome: 'success', actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role, dossierId: dossier.id, subjectUserId: maatje.id, requestId: ctx.requestId,
    });
    return { dossierId: dossier.id, maatjeId: maatje.id, maatjeDisplayName: openDisplayName(ctx.cipher, maatje.id, maatje.displayNameEncrypted), assignedAt: ctx.now };
  });
  if (!result) {
    await auditDenied(ctx, 'assignment.changed', dossierId);
    throw new NotFoundError();
  }
  return result;
}

export async function unassignMaatje(ctx: ServiceContext, dossierId: string) {
  const found = await ctx.db.transaction().execute(async (trx) => {
    const dossier = await findManagedDossier(trx, ctx.actor, dossierId);
    if (!dossier) return false;
    const previous = await findActiveAssignment(trx, dossier.id);
    await endActiveAssignment(trx, dossier.id, ctx.actor.userId, ctx.now);
    await recordAudit(trx, {
      action: 'assignment.ended', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role,
      dossierId: dossier.id, subjectUserId: previous?.maatjeId ?? null, requestId: ctx.requestId,
    });
    return true;
  });
  if (!found) {
    await auditDenied(ctx, 'assignment.ended', dossierId);
    throw new NotFoundError();
  }
}

/** Who was the maatje of this dossier, and when (the resident's export). */
export async function assignmentHistoryOf(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'cipher'>, dossierId: string) {
  const rows = await assignmentHistory(trx, dossierId);
  return rows.map((row) => ({
    maatjeDisplayName: openDisplayName(ctx.cipher, row.maatjeId, row.maatjeDisplayNameEncrypted),
    assignedAt: row.assignedAt,
    endedAt: row.endedAt,
    reason: row.reasonEncrypted === null ? null : ctx.cipher.decrypt(row.reasonEncrypted, reasonContext(row.id)),
  }));
}
