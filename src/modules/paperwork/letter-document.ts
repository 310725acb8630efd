// Letters to creditors as a pdfmake document: one letter per page, in plain Dutch, signed by the
// resident. Pure, like the overview document, so it is tested without rendering and rendered in
// the PDF worker pool. Addresses are never stored: the letter leaves clear lines to fill in by hand.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateLong, formatEuro } from '../../lib/money-format.js';
import { BODY_FONT_SIZE, COLOURS, PAGE_MARGINS, STYLES } from '../exports/pdf-blocks.js';
import type { LetterProposalRow } from '../../db/schema.js';
import type { LetterKind, TemplatePlaceholder } from './letter.schemas.js';

export interface LetterPdfItem {
  kind: LetterKind;
  /** 'YYYY-MM-DD': the day the letter was made. */
  date: string;
  subject: string;
  paragraphs: string[];
  creditorName: string;
  collectorName: string | null;
  reference: string | null;
  balanceCents: number;
  proposal: LetterProposalRow | null;
}

export interface LettersPdfInput {
  residentName: string;
  letters: LetterPdfItem[];
}

const FILL_IN = '........................................................';

/** 9.39 → "9,39%" (two decimals, Dutch comma). */
export function formatPercentage(value: number): string {
  return `${value.toFixed(2).replace('.', ',')}%`;
}

export function placeholderValues(letter: LetterPdfItem): Record<TemplatePlaceholder, string | null> {
  const proposal = letter.proposal;
  return {
    bedrag: formatEuro(letter.balanceCents),
    aflosbedrag: proposal?.monthlyCents != null ? formatEuro(proposal.monthlyCents) : null,
    termijnen: proposal ? String(proposal.months) : null,
    totaal: proposal ? formatEuro(proposal.totalCents) : null,
    percentage: proposal?.percentage != null ? formatPercentage(proposal.percentage) : null,
  };
}

/** A placeholder the letter has no value for stays a line to fill in, never a code. */
export function fillTemplate(text: string, values: Record<TemplatePlaceholder, string | null>): string {
  return text.replace(/\{([a-z]+)\}/g, (_match, name: string) => values[name as TemplatePlaceholder] ?? '........');
}

function line(label: string, value: string | null): Content {
  return { text: [{ text: `${label}: `, bold: true }, value ?? FILL_IN], margin: [0, 0, 0, 3] };
}

function addressee(letter: LetterPdfItem): Content[] {
  const first = letter.collectorName
    ? [{ text: letter.collectorName, bold: true }, { text: `namens ${letter.creditorName}` }]
    : [{ text: letter.creditorName, bold: true }];
  return [
    { text: 'Aan', style: 'label', margin: [0, 0, 0, 2] },
    ...first.map((part) => ({ ...part, margin: [0, 0, 0, 2] as [number, number, number, number] })),
    line('Adres', null),
    line('Postcode en plaats', null),
  ];
}

function sender(residentName: string): Content[] {
  return [
    { text: 'Van', style: 'label', margin: [0, 0, 0, 2] },
    { text: residentName, bold: true, margin: [0, 0, 0, 2] },
    line('Adres', null),
    line('Postcode en plaats', null),
  ];
}

function letterContent(input: LettersPdfInput, letter: LetterPdfItem, index: number): Content[] {
  const values = placeholderValues(letter);
  return [
    { stack: sender(input.residentName), margin: [0, 0, 0, 16], ...(index > 0 ? { pageBreak: 'before' as const } : {}) },
    { stack: addressee(letter), margin: [0, 0, 0, 16] },
    line('Datum', formatDateLong(letter.date)),
    line('Uw kenmerk', letter.reference),
    line('Betreft', letter.subject),
    { text: 'Geachte heer, mevrouw,', margin: [0, 14, 0, 8] },
    ...letter.paragraphs.map((paragraph): Content => ({ text: fillTemplate(paragraph, values), style: 'paragraph' })),
    {
      unbreakable: true,
      stack: [
        { text: 'Met vriendelijke groet,', margin: [0, 12, 0, 30] },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.8, lineColor: COLOURS.rule }] },
        { text: input.residentName, margin: [0, 4, 0, 0] },
        { text: 'Handtekening', style: 'pageChrome' },
      ],
    },
  ];
}

export function buildLettersDocument(input: LettersPdfInput): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: 'Brieven aan schuldeisers', creator: 'Schoon Schip' },
    defaultStyle: { font: 'Roboto', fontSize: BODY_FONT_SIZE, lineHeight: 1.25, color: COLOURS.text },
    styles: { ...STYLES, label: { fontSize: 10, color: COLOURS.muted } },
    content: input.letters.flatMap((letter, index) => letterContent(input, letter, index)),
  };
}
