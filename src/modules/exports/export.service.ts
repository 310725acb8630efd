// Assembles the resident's export from each module's own reading of the dossier, inside one
// gated transaction, so the copy is consistent and its download is audited with it.
import { assignmentHistoryOf } from '../assignments/assignment.service.js';
import { completeAccessLog } from '../dossiers/access-log.service.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { loadDossierRecords, loadDossierView } from '../dossiers/dossier-view.service.js';
import { storyOf } from '../dossiers/story.service.js';
import { measurementsOf } from '../measurements/measurement.service.js';
import { handoverConsentsOf } from '../paperwork/handover.service.js';
import { lettersOf } from '../paperwork/letter.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import { EXPORT_FORMAT_VERSION, type DossierExport } from './export.schemas.js';

export async function exportDossier(ctx: ServiceContext, dossierId: string): Promise<DossierExport> {
  return withDossier(ctx, dossierId, { action: 'export.json', write: false }, async (trx, dossier) => {
    const [records, view, story, measurements, assignmentHistory, accessLog, letters, handoverConsents] = await Promise.all([
      loadDossierRecords(trx, ctx, dossier),
      loadDossierView(trx, ctx, dossier),
      storyOf(trx, ctx, dossier),
      measurementsOf(trx, dossier),
      assignmentHistoryOf(trx, ctx, dossier.id),
      completeAccessLog(trx, ctx, dossier),
      lettersOf(trx, dossier),
      handoverConsentsOf(trx, dossier),
    ]);
    const { account, consentRecords, debtSnapshots } = records;
    return {
      formatVersion: EXPORT_FORMAT_VERSION, exportedAt: ctx.now, account, dossier: view, story, consentRecords,
      measurements, debtSnapshots, assignmentHistory, accessLog, letters, handoverConsents,
    };
  });
}
