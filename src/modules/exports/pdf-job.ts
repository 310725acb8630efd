// What the PDF worker pool renders: each kind of document with its plain-data input. One pool and
// one set of limits serve them all, so letters and handovers queue behind the same admission rule.
import type { HandoverPdfInput } from '../paperwork/handover-document.js';
import type { LettersPdfInput } from '../paperwork/letter-document.js';
import type { OverviewPdfInput } from './overview-pdf.types.js';

export type PdfJob =
  | { document: 'overview'; input: OverviewPdfInput }
  | { document: 'letters'; input: LettersPdfInput }
  | { document: 'handover'; input: HandoverPdfInput };
