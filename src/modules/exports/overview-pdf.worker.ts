// Runs inside a piscina worker thread, never on the main event loop. pdfmake is a process-wide
// (here: thread-wide) singleton, so it is set up once when the thread loads this module; each
// task then builds the document from plain data and returns the PDF bytes.
//
// The document is built here and not in the caller because its header and footer are functions
// (page numbers), and functions cannot cross the thread boundary.
import { createRequire } from 'node:module';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
// First, before pdfmake loads pdfkit: pdfkit then shares each parsed font between documents.
import './shared-fonts.js';
import pdfmake from 'pdfmake';
import { move } from 'piscina';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildHandoverDocument } from '../paperwork/handover-document.js';
import { buildLettersDocument } from '../paperwork/letter-document.js';
import { buildOverviewDocument } from './overview-document.js';
import type { PdfWorkerData } from './overview-pdf.types.js';
import type { PdfJob } from './pdf-job.js';
import { lowerRenderThreadPriority } from './render-thread-priority.js';

// Lower this thread's priority, not the process's, so the event loop keeps its own.
const priority = workerData as PdfWorkerData | undefined;
lowerRenderThreadPriority({ niceness: priority?.niceness ?? 0, idle: priority?.idle ?? false });

type FontFiles = Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>;

const require = createRequire(import.meta.url);
// The Roboto TTFs bundled with pdfmake 0.3; the descriptor holds absolute paths.
const roboto = require('pdfmake/fonts/Roboto.js') as { Roboto: FontFiles };
const fontDirectory = path.dirname(path.resolve(roboto.Roboto.normal)) + path.sep;

pdfmake.addFonts(roboto);
// A document definition can name URLs and files (images, fonts). Ours never do; these policies make
// sure no text that slips into a definition can make the server fetch a URL or read a file, and
// they silence pdfmake's per-render warnings about missing policies.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDirectory));

function documentOf(job: PdfJob): TDocumentDefinitions {
  switch (job.document) {
    case 'overview': return buildOverviewDocument(job.input);
    case 'letters': return buildLettersDocument(job.input);
    case 'handover': return buildHandoverDocument(job.input);
  }
}

export default async function renderPdf(job: PdfJob) {
  const pdf = await pdfmake.createPdf(documentOf(job)).getBuffer();
  // A copy with its own ArrayBuffer, moved (not cloned) to the main thread: a Buffer may be a view
  // on Node's shared allocation pool, which must never be transferred.
  return move(new Uint8Array(pdf));
}
