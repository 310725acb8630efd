// Which counts of a one- or two-way table may be published (docs/domain.md §8).
//
// Order of the rules:
// 1. Primary (`small_cell`): every cell and every total below k, or below k once rounded, is hidden.
//    A true zero is hidden too. A published 0 says "nobody here", and with a handful of residents
//    per room that is itself a finding about people (e.g. "no one in Zuidoost reached phase C").
//    The table cannot tell a structural zero (an impossible combination) from a sampling zero, so
//    it treats every zero as the risky kind; it also keeps "every published count ≥ k" free of
//    exceptions.
// 2. Homogeneity (`homogeneous`, only when the caller names a sensitive dimension): a group (a
//    value of the other dimension, or the whole table) of at least k dossiers that all share one
//    sensitive value is hidden whole, its total included. The whole group gets the code, the
//    zeros too: marking only the non-zero cell would point at the very outcome being protected.
//    The margin is a group as well: if everybody in the table shares one outcome, the totals of
//    the sensitive dimension are hidden.
// 3. Complementary (`complementary`): see complementary.ts.
// 4. Every count still published is rounded to the base (nearest, ties up), cells and totals each
//    on their own, so published cells need not add up to published totals.
// Limit (for the DPIA): the guarantee is that no hidden count follows exactly from the published
// equations. The codes also give bounds (small_cell < k, complementary ≥ k, a homogeneous group
// has one non-zero cell); with counts ≥ 0 these can narrow a hidden count and, in a small table,
// tell which outcome a homogeneous group had. Closing that needs an interval audit by linear
// programming (as τ-ARGUS does), or one code for every hidden entry.

import {
  isPublishableCount, roundToBase, suppressionParameters,
  type CountSuppressionReason, type SuppressionParameters,
} from './parameters.js';
import { completeGridPattern, completeLinePattern, gridLines, type GridPosition, type PatternMark } from './complementary.js';

export interface Dimension {
  readonly name: string;
  /** Every value of the dimension, those with no dossiers included. */
  readonly values: readonly string[];
}

export interface OneWayCountInput {
  readonly dimension: Dimension;
  /** Raw count per value of the dimension, in the same order. */
  readonly counts: readonly number[];
  /** Name the dimension here when it is a sensitive outcome: the whole table is then one group. */
  readonly sensitiveDimension?: string;
}

export interface TwoWayCountInput {
  readonly rows: Dimension;
  readonly columns: Dimension;
  /** counts[row][column], raw, for every combination. */
  readonly counts: readonly (readonly number[])[];
  /** The name of `rows` or `columns` when that dimension is a sensitive outcome. */
  readonly sensitiveDimension?: string;
}

export type PublishedCount =
  | { readonly count: number }
  | { readonly count: null; readonly suppressed: CountSuppressionReason };

export interface OneWayCountTable {
  readonly cells: readonly PublishedCount[];
  readonly total: PublishedCount;
}

export interface TwoWayCountTable {
  readonly cells: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[];
  readonly columnTotals: readonly PublishedCount[];
  readonly grandTotal: PublishedCount;
}

type PrimaryMark = PatternMark<CountSuppressionReason>;

export function suppressOneWayTable(
  input: OneWayCountInput,
  parameters: SuppressionParameters = suppressionParameters(),
): OneWayCountTable {
  const checked = suppressionParameters(parameters);
  checkDimension(input.dimension, input.counts.length);
  input.counts.forEach(checkCount);
  if (input.sensitiveDimension !== undefined && input.sensitiveDimension !== input.dimension.name) {
    throw new RangeError(`sensitiveDimension ${input.sensitiveDimension} is not the table's dimension`);
  }
  const line = [...input.counts, sum(input.counts)];
  let marks = line.map((count) => primaryMark(count, checked));
  if (input.sensitiveDimension !== undefined && isHomogeneousGroup(input.counts, checked)) {
    marks = marks.map(() => 'homogeneous');
  }
  const published = completeLinePattern(line, marks).map((mark, index) => publish(valueAt(line, index), mark, checked));
  return { cells: published.slice(0, -1), total: published[published.length - 1] as PublishedCount };
}

export function suppressTwoWayTable(
  input: TwoWayCountInput,
  parameters: SuppressionParameters = suppressionParameters(),
): TwoWayCountTable {
  const checked = suppressionParameters(parameters);
  checkDimension(input.rows, input.counts.length);
  for (const row of input.counts) {
    checkDimension(input.columns, row.length);
    row.forEach(checkCount);
  }
  if (input.rows.name === input.columns.name) throw new RangeError('the two dimensions need different names');
  const grid = extendWithTotals(input.counts);
  const marks: PrimaryMark[][] = grid.map((row) => row.map((count) => primaryMark(count, checked)));
  const groupsAlong = groupDirection(input);
  if (groupsAlong !== null) markHomogeneousGroups(grid, marks, groupsAlong, checked);
  const pattern = completeGridPattern(grid, marks);
  const published = grid.map((row, r) => row.map((count, c) => publish(count, pattern[r]?.[c] ?? null, checked)));
  const rowCount = input.counts.length;
  const columnCount = input.columns.values.length;
  return {
    cells: published.slice(0, rowCount).map((row) => row.slice(0, columnCount)),
    rowTotals: published.slice(0, rowCount).map((row) => row[columnCount] as PublishedCount),
    columnTotals: (published[rowCount] as PublishedCount[]).slice(0, columnCount),
    grandTotal: published[rowCount]?.[columnCount] as PublishedCount,
  };
}

/** A group is homogeneous when it is large enough to be shown and one sensitive value holds all of it. */
export function isHomogeneousGroup(counts: readonly number[], parameters: SuppressionParameters): boolean {
  return isPublishableCount(sum(counts), parameters) && counts.filter((count) => count > 0).length === 1;
}

/** Cells plus a total column, a total row and the grand total. */
export function extendWithTotals(counts: readonly (readonly number[])[]): number[][] {
  const columnCount = counts[0]?.length ?? 0;
  const rows = counts.map((row) => [...row, sum(row)]);
  const totalsRow = Array.from({ length: columnCount + 1 }, (_, column) => sum(rows.map((row) => valueAt(row, column))));
  return [...rows, totalsRow];
}

// Groups run across the sensitive dimension: with outcomes in the columns, each row is a group.
function groupDirection(input: TwoWayCountInput): 'rows' | 'columns' | null {
  if (input.sensitiveDimension === undefined) return null;
  if (input.sensitiveDimension === input.columns.name) return 'rows';
  if (input.sensitiveDimension === input.rows.name) return 'columns';
  throw new RangeError(`sensitiveDimension ${input.sensitiveDimension} is not a dimension of the table`);
}

function markHomogeneousGroups(
  grid: readonly (readonly number[])[],
  marks: PrimaryMark[][],
  groupsAlong: 'rows' | 'columns',
  parameters: SuppressionParameters,
): void {
  const rowCount = grid.length;
  const lines = gridLines(rowCount, grid[0]?.length ?? 0);
  const groups = groupsAlong === 'rows' ? lines.slice(0, rowCount) : lines.slice(rowCount);
  for (const group of groups) {
    const cellCounts = group.slice(0, -1).map(([row, column]) => countAt(grid, [row, column]));
    if (!isHomogeneousGroup(cellCounts, parameters)) continue;
    for (const [row, column] of group) {
      const line = marks[row];
      if (line !== undefined) line[column] = 'homogeneous';
    }
  }
}

function primaryMark(count: number, parameters: SuppressionParameters): PrimaryMark {
  return isPublishableCount(count, parameters) ? null : 'small_cell';
}

function publish(count: number, mark: PrimaryMark, parameters: SuppressionParameters): PublishedCount {
  return mark === null ? { count: roundToBase(count, parameters.roundingBase) } : { count: null, suppressed: mark };
}

function checkDimension(dimension: Dimension, length: number): void {
  if (dimension.values.length === 0) throw new RangeError(`dimension ${dimension.name} has no values`);
  if (new Set(dimension.values).size !== dimension.values.length) {
    throw new RangeError(`dimension ${dimension.name} repeats a value`);
  }
  if (dimension.values.length !== length) {
    throw new RangeError(`dimension ${dimension.name} has ${dimension.values.length} values but ${length} counts`);
  }
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('counts must be non-negative whole numbers');
}

function countAt(grid: readonly (readonly number[])[], [row, column]: GridPosition): number {
  return valueAt(grid[row] ?? [], column);
}

function valueAt(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`no value at ${index}`);
  return value;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
