// The resident's overview as a PDF: the data is read and the download audited inside the dossier
// gate; the rendering happens afterwards in the worker pool, so no database connection waits on it.
import { amsterdamDate } from '../../lib/dates.js';
import { ForbiddenError } from '../../lib/errors.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { loadDossierView } from '../dossiers/dossier-view.service.js';
import { storyOf } from '../dossiers/story.service.js';
import { computeOverview } from '../overview/overview.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { OverviewPdfInput } from './overview-pdf.types.js';
import { PdfRendererBusyError, type PdfRenderer } from './pdf-renderer.js';

export async function overviewPdf(ctx: ServiceContext, renderer: PdfRenderer, dossierId: string, includeStory: boolean): Promise<Buffer> {
  // The story is the resident's own to print; a maatje's copy never carries it.
  if (includeStory && ctx.actor.role !== 'resident') throw new ForbiddenError('Only the resident can print the story.');
  // Refuse before reading (and auditing) anything when the pool cannot take the render anyway.
  const { inFlight, workers, queueSize } = renderer.stats();
  if (inFlight >= workers + queueSize) throw new PdfRendererBusyError(2);

  const input = await withDossier(ctx, dossierId, { action: 'export.pdf', write: false }, async (trx, dossier, note) => {
    note.details = { includeStory };
    const [view, overview, story] = await Promise.all([
      loadDossierView(trx, ctx, dossier),
      computeOverview(trx, ctx, dossier),
      includeStory ? storyOf(trx, ctx, dossier) : Promise.resolve(null),
    ]);
    const household = overview.household;
    return {
      generatedOn: amsterdamDate(ctx.now),
      resident: { displayName: view.resident.displayName },
      household: household ? { ...household, otherAdults: household.otherAdults } : null,
      overview,
      debts: view.debts,
      incomes: view.incomes,
      expenses: view.expenses,
      actions: view.actions.map(({ title, description, owner, dueDate, done }) => ({ title, description, owner, dueDate, done })),
      referral: view.referral,
      story: story ? { text: story.text, lifeEvents: story.lifeEvents } : null,
    } satisfies OverviewPdfInput;
  });
  // Only plain data crosses to the worker thread (structured clone).
  return renderer.render(JSON.parse(JSON.stringify(input)) as OverviewPdfInput);
}
