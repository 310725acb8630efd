// Raw aggregates → the published table, through the disclosure rules of domain/suppression.ts.
// Pure and deterministic (fixed value order, fixed key order), because the first result of a
// period is stored and served byte for byte from then on.
import {
  publishMedian, publishMoneyFigure, suppressOneWayTable, suppressTwoWayTable,
  type PublishedCount, type PublishedFigure, type SuppressionParameters,
} from '../../domain/suppression.js';
import type { DimensionName, StatsTableDefinition } from './stats.catalogue.js';
import type { RawCell } from './stats-aggregates.repository.js';

export interface Dimension {
  readonly name: DimensionName;
  readonly values: readonly string[];
}

/** A cell or a total: the dimension values it is fixed on, then its figure. */
export type PublishedEntry = Partial<Record<DimensionName, string>> & (
  | { count: number | null; suppressed?: string }
  | { value: number | null; suppressed?: string }
);

export interface PublishedGrid {
  readonly dimensions: readonly Dimension[];
  readonly cells: readonly PublishedEntry[];
  readonly totals: readonly PublishedEntry[];
}

export interface BuildInput {
  readonly definition: StatsTableDefinition;
  readonly dimensions: readonly Dimension[];
  readonly raw: readonly RawCell[];
  readonly parameters: SuppressionParameters;
  /** Median tables whose cells are not every combination (an instrument's own items). */
  readonly cellKeys?: readonly (readonly string[])[];
}

const KEY_SEPARATOR = '\u0000';
const keyOf = (parts: readonly string[]) => parts.join(KEY_SEPARATOR);

export function buildTable(input: BuildInput): PublishedGrid {
  const { definition } = input;
  const cells = definition.kind === 'count' ? countCells(input) : figureCells(input);
  return { dimensions: input.dimensions, ...cells };
}

function countCells(input: BuildInput) {
  const counts = countIndex(input);
  const { definition, dimensions, parameters } = input;
  const sensitive = definition.sensitiveDimension;
  // Only locations can be missing (a new installation): then there is nothing to count.
  if (dimensions.some((dimension) => dimension.values.length === 0)) {
    return { cells: [], totals: definition.layout === 'one_way' ? [entry({}, { count: null, suppressed: 'small_cell' })] : [] };
  }
  if (definition.layout === 'two_way') {
    const [rows, columns] = pair(dimensions);
    const table = suppressTwoWayTable({
      rows, columns,
      counts: rows.values.map((row) => columns.values.map((column) => counts(row, column))),
      ...(sensitive ? { sensitiveDimension: sensitive } : {}),
    }, parameters);
    return {
      cells: rows.values.flatMap((row, r) => columns.values.map((column, c) =>
        entry({ [rows.name]: row, [columns.name]: column }, table.cells[r]?.[c]))),
      totals: [
        ...rows.values.map((row, r) => entry({ [rows.name]: row }, table.rowTotals[r])),
        ...columns.values.map((column, c) => entry({ [columns.name]: column }, table.columnTotals[c])),
        entry({}, table.grandTotal),
      ],
    };
  }
  if (definition.layout === 'per_group') {
    const [groups, dimension] = pair(dimensions);
    const tables = groups.values.map((group) => suppressOneWayTable({
      dimension,
      counts: dimension.values.map((value) => counts(group, value)),
      ...(sensitive ? { sensitiveDimension: sensitive } : {}),
    }, parameters));
    return {
      cells: groups.values.flatMap((group, g) => dimension.values.map((value, v) =>
        entry({ [groups.name]: group, [dimension.name]: value }, tables[g]?.cells[v]))),
      totals: groups.values.map((group, g) => entry({ [groups.name]: group }, tables[g]?.total)),
    };
  }
  const [dimension] = dimensions;
  if (dimension === undefined || dimensions.length !== 1) throw new RangeError(`${definition.name}: a one-way table has one dimension`);
  const table = suppressOneWayTable({
    dimension,
    counts: dimension.values.map((value) => counts(value)),
    ...(sensitive ? { sensitiveDimension: sensitive } : {}),
  }, parameters);
  return {
    cells: dimension.values.map((value, index) => entry({ [dimension.name]: value }, table.cells[index])),
    totals: [entry({}, table.total)],
  };
}

// Medians are not additive, so there are no totals to protect and none to publish.
function figureCells(input: BuildInput) {
  const { definition, dimensions, parameters } = input;
  const valuesByKey = new Map<string, readonly number[]>();
  const keys = input.cellKeys ?? product(dimensions.map((dimension) => dimension.values));
  const known = new Set(keys.map(keyOf));
  for (const cell of input.raw) {
    if (!known.has(keyOf(cell.key))) throw new RangeError(`${definition.name}: no cell ${cell.key.join('/')}`);
    valuesByKey.set(keyOf(cell.key), cell.values ?? []);
  }
  const cells = keys.map((key) => {
    const values = valuesByKey.get(keyOf(key)) ?? [];
    const figure = definition.kind === 'money'
      ? publishMoneyFigure(values, 'median', parameters)
      : publishMedian(values, parameters);
    return figureEntry(Object.fromEntries(dimensions.map((dimension, index) => [dimension.name, key[index]])), figure);
  });
  return { cells, totals: [] };
}

function countIndex(input: BuildInput): (...key: string[]) => number {
  const index = new Map<string, number>();
  const valid = input.dimensions.map((dimension) => new Set(dimension.values));
  for (const cell of input.raw) {
    if (cell.key.length !== valid.length || cell.key.some((part, at) => !valid[at]?.has(part))) {
      throw new RangeError(`${input.definition.name}: no cell ${cell.key.join('/')}`);
    }
    index.set(keyOf(cell.key), cell.count ?? 0);
  }
  return (...key) => index.get(keyOf(key)) ?? 0;
}

function entry(fixed: Partial<Record<DimensionName, string>>, published: PublishedCount | undefined): PublishedEntry {
  if (published === undefined) throw new RangeError('the suppression result does not match the table');
  return published.count === null
    ? { ...fixed, count: null, suppressed: published.suppressed }
    : { ...fixed, count: published.count };
}

function figureEntry(fixed: Partial<Record<DimensionName, string>>, figure: PublishedFigure): PublishedEntry {
  return figure.value === null
    ? { ...fixed, value: null, suppressed: figure.suppressed }
    : { ...fixed, value: figure.value };
}

function pair(dimensions: readonly Dimension[]): [Dimension, Dimension] {
  const [first, second] = dimensions;
  if (first === undefined || second === undefined || dimensions.length !== 2) throw new RangeError('expected two dimensions');
  return [first, second];
}

function product(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((combos, list) => combos.flatMap((combo) => list.map((value) => [...combo, value])), [[]]);
}
