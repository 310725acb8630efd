// Layout building blocks for the resident's PDF: one look for every section, tuned for people who
// read with difficulty (11 pt body and tables, high contrast, no italics, no colour-only meaning).
import type { Content, ContentTable, CustomTableLayout, StyleDictionary, TableCell } from 'pdfmake/interfaces.js';
import { formatEuro } from '../../lib/money-format.js';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_MARGINS: [number, number, number, number] = [30, 64, 30, 56];
export const CONTENT_WIDTH = PAGE_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];

const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3;

export const COLOURS = {
  text: '#111111',
  muted: '#3d3d3d',
  heading: '#14365c',
  rule: '#8a8a8a',
  ruleLight: '#c9c9c9',
  headerFill: '#e3ebf3',
  totalFill: '#eeeeee',
  groupFill: '#f4f6f8',
  danger: '#a30015',
  dangerFill: '#fdecee',
  warning: '#7a4d00',
  warningFill: '#fff3d1',
  info: '#14365c',
  infoFill: '#e9f1f9',
} as const;

export const BODY_FONT_SIZE = 11;

export const STYLES: StyleDictionary = {
  title: { fontSize: 22, bold: true, color: COLOURS.heading, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 13, color: COLOURS.text, margin: [0, 0, 0, 2] },
  h2: { fontSize: 15, bold: true, color: COLOURS.heading, margin: [0, 18, 0, 6] },
  h3: { fontSize: 12.5, bold: true, color: COLOURS.heading, margin: [0, 10, 0, 4] },
  paragraph: { margin: [0, 0, 0, 6] },
  explanation: { color: COLOURS.muted, margin: [0, 4, 0, 6] },
  tableHeader: { bold: true },
  total: { bold: true },
  pageChrome: { fontSize: 10, color: COLOURS.muted },
};

export function heading(text: string): Content {
  // headlineLevel lets the document move a heading that would end up alone at the bottom of a page.
  return { text, style: 'h2', headlineLevel: 1 };
}

export function subheading(text: string): Content {
  return { text, style: 'h3', headlineLevel: 2 };
}

/**
 * A short paragraph, never split over two pages: a sentence that starts at the bottom of one page
 * and ends on the next is lost on a reader who reads word by word.
 */
export function paragraph(text: string | Content[]): Content {
  return keepTogether([{ text, style: 'paragraph' }]);
}

/** A long text the resident wrote (the story): it may run over pages. */
export function longParagraph(text: string): Content {
  return { text, style: 'paragraph' };
}

/** The plain-language sentence under a figure: what the number means for the resident. */
export function explanation(text: string): Content {
  return keepTogether([{ text, style: 'explanation' }]);
}

/** Blocks that must stay on one page: a sum with its result, a heading with the short text it introduces. */
export function keepTogether(blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true };
}

/** A list whose items each stay whole on a page (the list itself may continue on the next). */
export function bullets(items: Content[]): Content {
  return { ul: items.map((item) => keepTogether([item])), margin: [0, 2, 0, 6] };
}

export type BoxKind = 'danger' | 'warning' | 'info';

const BOX_COLOURS: Record<BoxKind, { line: string; fill: string }> = {
  danger: { line: COLOURS.danger, fill: COLOURS.dangerFill },
  warning: { line: COLOURS.warning, fill: COLOURS.warningFill },
  info: { line: COLOURS.info, fill: COLOURS.infoFill },
};

/**
 * A framed, tinted box with a bold title: warnings that must not be overlooked. Kept on one page
 * unless told otherwise; a box longer than a page must be allowed to break.
 */
export function box(kind: BoxKind, title: string, body: Content[], unbreakable = true): Content {
  const { line, fill } = BOX_COLOURS[kind];
  const layout: CustomTableLayout = {
    hLineWidth: () => 1.5,
    vLineWidth: () => 1.5,
    hLineColor: () => line,
    vLineColor: () => line,
    paddingLeft: () => 10,
    paddingRight: () => 10,
    paddingTop: () => 8,
    paddingBottom: () => 6,
    fillColor: () => fill,
  };
  return {
    table: {
      widths: [CONTENT_WIDTH - 20 - 3],
      body: [[{ stack: [{ text: title, bold: true, fontSize: 12.5, color: line, margin: [0, 0, 0, 4] }, ...body] }]],
    },
    layout,
    unbreakable,
    margin: [0, 6, 0, 10],
  };
}

/**
 * Column widths as fixed numbers, '*' columns sharing what is left. Fixed widths matter: pdfmake
 * sizes '*' and 'auto' columns by their longest unbreakable word, so one long creditor name or
 * reference would push the table off the page. With fixed widths pdfmake hard-wraps the word instead.
 */
export function fixedWidths(spec: readonly (number | '*')[]): number[] {
  const stars = spec.filter((width) => width === '*').length;
  const fixed = spec.reduce<number>((sum, width) => sum + (width === '*' ? 0 : width), 0);
  const available = CONTENT_WIDTH - spec.length * 2 * CELL_PADDING_X - fixed;
  const share = stars === 0 ? 0 : Math.floor((available / stars) * 100) / 100;
  if (stars > 0 && share < 40) throw new RangeError('table columns do not fit the page');
  return spec.map((width) => (width === '*' ? share : width));
}

interface DataTableOptions {
  widths: readonly (number | '*')[];
  header: string[];
  /** Columns holding amounts: their header is right-aligned over the figures. */
  amountColumns?: readonly number[];
  rows: TableCell[][];
  /** Bold rows at the end with a heavier rule above them. */
  totals?: TableCell[][];
  /** Row indexes (within `rows`) drawn as group headings. */
  groupRows?: ReadonlySet<number>;
  /** Row indexes (within `rows`) drawn as subtotals. */
  subtotalRows?: ReadonlySet<number>;
}

export function dataTable(options: DataTableOptions): ContentTable {
  const totals = options.totals ?? [];
  const header = options.header.map((text, column): TableCell => ({
    text,
    style: 'tableHeader',
    alignment: options.amountColumns?.includes(column) ? 'right' : 'left',
  }));
  const body: TableCell[][] = [header, ...options.rows, ...totals];
  const firstTotal = 1 + options.rows.length;
  const isGroup = (bodyRow: number) => options.groupRows?.has(bodyRow - 1) ?? false;
  const isSubtotal = (bodyRow: number) => options.subtotalRows?.has(bodyRow - 1) ?? false;
  const layout: CustomTableLayout = {
    hLineWidth: (i, node) => {
      if (i === 0 || i === 1 || i === node.table.body.length) return 1;
      if (totals.length > 0 && i === firstTotal) return 1.25;
      return 0.5;
    },
    vLineWidth: () => 0,
    hLineColor: (i, node) => (i <= 1 || i >= firstTotal || i === node.table.body.length ? COLOURS.rule : COLOURS.ruleLight),
    paddingLeft: () => CELL_PADDING_X,
    paddingRight: () => CELL_PADDING_X,
    paddingTop: () => CELL_PADDING_Y,
    paddingBottom: () => CELL_PADDING_Y,
    fillColor: (row) => {
      if (row === 0) return COLOURS.headerFill;
      if (row >= firstTotal || isSubtotal(row)) return COLOURS.totalFill;
      if (isGroup(row)) return COLOURS.groupFill;
      return null;
    },
  };
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: fixedWidths(options.widths), body },
    layout,
    margin: [0, 2, 0, 4],
  };
}

/** The cells of a borderless, close-set table (label/value lists and small sums): no side rules, little air. */
const COMPACT_CELLS = {
  vLineWidth: () => 0,
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** Two columns of label and value without rules: the household, the referral, the saldo sum. */
export function keyValueTable(rows: [label: string, value: Content][], labelWidth = 190): ContentTable {
  return {
    table: {
      dontBreakRows: true,
      widths: fixedWidths([labelWidth, '*']),
      body: rows.map(([label, value]) => [{ text: label, bold: true }, value as TableCell]),
    },
    layout: {
      hLineWidth: () => 0,
      ...COMPACT_CELLS,
    },
    margin: [-CELL_PADDING_X, 0, 0, 6],
  };
}

/**
 * A small sum laid out like on paper: labels left, amounts right-aligned in one narrow column so
 * the digits line up, a rule above the last row (the result). Never split: a result on another
 * page than its terms is not a sum any more.
 */
export function sumTable(rows: [label: string, amount: TableCell][], labelWidth = 230): ContentTable {
  return {
    unbreakable: true,
    table: {
      widths: [labelWidth, 100],
      body: rows.map(([label, amount], i) => [
        { text: label, bold: i === rows.length - 1 },
        { alignment: 'right', ...(amount as object) } as TableCell,
      ]),
    },
    layout: {
      hLineWidth: (i, node) => (i === node.table.body.length - 1 && node.table.body.length > 1 ? 1 : 0),
      hLineColor: () => COLOURS.rule,
      ...COMPACT_CELLS,
    },
    margin: [-CELL_PADDING_X, 0, 0, 6],
  };
}

export function amountCell(cents: number, extra: { bold?: boolean; color?: string } = {}): TableCell {
  return { text: formatEuro(cents), alignment: 'right', ...extra };
}

export const EMPTY_CELL = '–';
