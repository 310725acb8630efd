// "Who looked at my dossier": the resident and the assigned maatje read the dossier's audit trail.
// Names are shown for the people who work on the dossier; an outsider who was refused appears by
// role only, so one resident's probe never shows their name to another resident.
import { decodeCursor, toPage, type PageQuery } from '../../lib/pagination.js';
import type { ServiceContext } from '../service-context.js';
import { listDossierAuditEvents } from './access-log.repository.js';
import { withDossier } from './dossier-gate.service.js';

export async function listAccessLog(ctx: ServiceContext, dossierId: string, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  return withDossier(ctx, dossierId, { action: 'accessLog.read', write: false }, async (trx, dossier) => {
    const rows = await listDossierAuditEvents(trx, dossier, page.limit, after);
    return toPage(rows, page.limit, (r) => ({ createdAt: r.occurredAt, id: String(r.id) }), (row) => ({
      at: row.occurredAt,
      actorRole: row.actorRole,
      actorDisplayName: row.outcome === 'denied' && row.actorUserId !== dossier.residentId ? null : row.actorDisplayName,
      action: row.action,
      outcome: row.outcome,
    }));
  });
}
