// Letters and the handover as PDFs: read and audited inside the gate, rendered afterwards in the
// shared worker pool (checked before anything is read, like the overview PDF).
import { PdfRendererBusyError, type PdfRenderer } from '../exports/pdf-renderer.js';
import type { ServiceContext } from '../../core/service-context.js';
import { getHandover } from './handover.service.js';
import { lettersPdfInput } from './letter.service.js';

function assertRoom(renderer: PdfRenderer) {
  const { inFlight, workers, queueSize } = renderer.stats();
  if (inFlight >= workers + queueSize) throw new PdfRendererBusyError(2);
}

export async function renderLettersPdf(ctx: ServiceContext, renderer: PdfRenderer, dossierId: string, batchId: string): Promise<Buffer> {
  assertRoom(renderer);
  const input = await lettersPdfInput(ctx, dossierId, batchId);
  return renderer.renderJob({ document: 'letters', input });
}

export async function renderHandoverPdf(ctx: ServiceContext, renderer: PdfRenderer, dossierId: string): Promise<Buffer> {
  assertRoom(renderer);
  const document = await getHandover(ctx, dossierId, 'pdf');
  return renderer.renderJob({ document: 'handover', input: { ...document, generatedAt: document.generatedAt.toISOString() } });
}
