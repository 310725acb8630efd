// The CSV form of a published table (RFC 4180, CRLF). Layout, documented for the evaluator:
//   # table: <name>            leading comment lines carry what the JSON's top level carries
//   # title: …                 (read with pandas `comment='#'`, R `comment.char = '#'`)
//   # period / population / unit / method / generatedAt
//   row,<dimension…>,count|value,suppressed
//   cell,<values…>,<figure or empty>,<reason or empty>
//   total,<values, empty where summed over>,<figure or empty>,<reason or empty>
// A suppressed figure is an empty field with its reason in the last column, never a 0.
import type { DimensionName } from './stats.catalogue.js';

export type CsvEntry = Partial<Record<DimensionName, string>> & {
  readonly count?: number | null;
  readonly value?: number | null;
  readonly suppressed?: string;
};

export interface CsvTable {
  readonly table: string;
  readonly title: string;
  readonly period: string;
  readonly population: string;
  readonly unit: string;
  readonly kind: string;
  readonly method: Readonly<Record<string, string | number>>;
  readonly generatedAt: string;
  readonly dimensions: readonly { readonly name: DimensionName }[];
  readonly cells: readonly CsvEntry[];
  readonly totals: readonly CsvEntry[];
}

const LINE_END = '\r\n';

export function renderCsv(table: CsvTable): string {
  const figure = table.kind === 'count' ? 'count' : 'value';
  const names = table.dimensions.map((dimension) => dimension.name);
  const method = Object.entries(table.method).map(([key, value]) => `${key}=${value}`).join('; ');
  const comments = [
    ['table', table.table], ['title', table.title], ['period', table.period], ['population', table.population],
    ['unit', table.unit], ['method', method], ['generatedAt', table.generatedAt],
  ].map(([key, value]) => `# ${key}: ${oneLine(value ?? '')}`);
  const rows = [
    ['row', ...names, figure, 'suppressed'].join(','),
    ...table.cells.map((entry) => entryRow('cell', names, figure, entry)),
    ...table.totals.map((entry) => entryRow('total', names, figure, entry)),
  ];
  return [...comments, ...rows].join(LINE_END) + LINE_END;
}

function entryRow(kind: string, names: readonly DimensionName[], figure: 'count' | 'value', entry: CsvEntry): string {
  const number = entry[figure];
  return [
    kind,
    ...names.map((name) => field(entry[name] ?? '')),
    // A number is written as it is: a median score may be negative and is no formula.
    typeof number === 'number' ? String(number) : '',
    entry.suppressed ?? '',
  ].join(',');
}

// Quotes what CSV needs quoted, and defuses spreadsheet formulas (a location name starting with
// = + - @ would otherwise run as one in Excel): OWASP's advice is a leading apostrophe.
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
