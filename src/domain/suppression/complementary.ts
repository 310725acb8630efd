// Complementary (secondary) suppression: extend a pattern of hidden entries until no hidden entry
// can be computed from the published ones. Rounding is deliberately not counted as protection:
// a hidden cell = total − others ± a few, so the pattern alone must make it undeterminable.
//
// A table is seen with its margins as one extended grid: cells, a total column, a total row and
// the grand total in the corner. Every row and every column of that grid is one equation
// (cells add up to the total), including the margins (row totals add up to the grand total).
//
// Two rules, applied until nothing changes:
// 1. A line (row or column of the extended grid) with exactly one hidden entry gives it away:
//    hide the smallest published entry of that line as well.
// 2. Rule 1 is not enough on its own: two blocks of hidden entries joined by a single hidden
//    entry still pin that entry down (sum the equations of one block). Seen as a graph with rows
//    and columns as nodes and hidden entries as edges, an entry is determined exactly when it is a
//    bridge (lies on no cycle); such an entry is tied into a cycle by hiding the smallest
//    published entry that joins its two sides. With no bridges, every hidden entry can be moved
//    along a cycle (+d, −d, …) without changing any published figure, so none is determined.
// Hiding only ever grows, so the loop ends. Choices are deterministic (value, then cells before
// totals, then position), because a published period must come out byte-identical every time.

export type PatternMark<Reason extends string> = Reason | 'complementary' | null;

/** Row and column in the extended grid; the last row and the last column hold the totals. */
export type GridPosition = readonly [row: number, column: number];

/** One-way table: `values` are the cells followed by their total. */
export function completeLinePattern<Reason extends string>(
  values: readonly number[],
  marks: readonly PatternMark<Reason>[],
): PatternMark<Reason>[] {
  const pattern = [...marks];
  const published = indexesWhere(pattern, (mark) => mark === null);
  if (pattern.length - published.length !== 1) return pattern;
  const totalIndex = values.length - 1;
  const choice = cheapest(published.map((index) => ({
    value: valueAt(values, index), isTotal: index === totalIndex, order: index,
  })));
  pattern[choice.order] = 'complementary';
  return pattern;
}

/** Two-way table: `values` is the extended grid, (rows + 1) × (columns + 1). */
export function completeGridPattern<Reason extends string>(
  values: readonly (readonly number[])[],
  marks: readonly (readonly PatternMark<Reason>[])[],
): PatternMark<Reason>[][] {
  const pattern = marks.map((row) => [...row]);
  for (;;) {
    const candidates = publishedBesideLoneHidden(pattern) ?? publishedAcrossBridge(pattern);
    if (candidates === null) return pattern;
    const [row, column] = cheapestPosition(values, candidates);
    setMark(pattern, row, column, 'complementary');
  }
}

/** Every row and every column of the extended grid, each as its list of positions. */
export function gridLines(rowCount: number, columnCount: number): GridPosition[][] {
  const rows = range(rowCount).map((row) => range(columnCount).map((column): GridPosition => [row, column]));
  const columns = range(columnCount).map((column) => range(rowCount).map((row): GridPosition => [row, column]));
  return [...rows, ...columns];
}

function publishedBesideLoneHidden<Reason extends string>(
  pattern: PatternMark<Reason>[][],
): GridPosition[] | null {
  for (const line of gridLines(pattern.length, widthOf(pattern))) {
    const hidden = line.filter(([row, column]) => markAt(pattern, row, column) !== null);
    if (hidden.length === 1) return line.filter(([row, column]) => markAt(pattern, row, column) === null);
  }
  return null;
}

function publishedAcrossBridge<Reason extends string>(pattern: PatternMark<Reason>[][]): GridPosition[] | null {
  const rowCount = pattern.length;
  const columnCount = widthOf(pattern);
  for (const [row, column] of hiddenPositions(pattern)) {
    const rowSide = reachableWithout(pattern, rowNode(row), [row, column]);
    if (rowSide.has(columnNode(rowCount, column))) continue;
    const columnSide = reachableWithout(pattern, columnNode(rowCount, column), [row, column]);
    const joins: GridPosition[] = [];
    for (let r = 0; r < rowCount; r += 1) {
      for (let c = 0; c < columnCount; c += 1) {
        if (markAt(pattern, r, c) !== null) continue;
        const rowNodeId = rowNode(r);
        const columnNodeId = columnNode(rowCount, c);
        if ((rowSide.has(rowNodeId) && columnSide.has(columnNodeId))
          || (columnSide.has(rowNodeId) && rowSide.has(columnNodeId))) {
          joins.push([r, c]);
        }
      }
    }
    // Non-empty once rule 1 is stable: both sides then hold a row and a column (every node of a
    // hidden entry has two), and an entry joining them cannot be hidden or it would not be a bridge.
    if (joins.length > 0) return joins;
  }
  return null;
}

// Graph nodes: rows 0 … rowCount − 1, then columns.
function rowNode(row: number): number {
  return row;
}

function columnNode(rowCount: number, column: number): number {
  return rowCount + column;
}

function reachableWithout<Reason extends string>(
  pattern: PatternMark<Reason>[][],
  start: number,
  [skipRow, skipColumn]: GridPosition,
): Set<number> {
  const rowCount = pattern.length;
  const columnCount = widthOf(pattern);
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    const neighbours: GridPosition[] = node < rowCount
      ? range(columnCount).map((column): GridPosition => [node, column])
      : range(rowCount).map((row): GridPosition => [row, node - rowCount]);
    for (const [row, column] of neighbours) {
      if (markAt(pattern, row, column) === null || (row === skipRow && column === skipColumn)) continue;
      const next = node < rowCount ? columnNode(rowCount, column) : rowNode(row);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function hiddenPositions<Reason extends string>(pattern: PatternMark<Reason>[][]): GridPosition[] {
  const positions: GridPosition[] = [];
  pattern.forEach((row, r) => row.forEach((mark, c) => {
    if (mark !== null) positions.push([r, c]);
  }));
  return positions;
}

function cheapestPosition(values: readonly (readonly number[])[], candidates: GridPosition[]): GridPosition {
  const lastRow = values.length - 1;
  const lastColumn = widthOf(values) - 1;
  const choice = cheapest(candidates.map(([row, column], order) => ({
    value: valueAt(values[row] ?? [], column),
    isTotal: row === lastRow || column === lastColumn,
    order,
  })));
  return candidates[choice.order] as GridPosition;
}

interface Candidate {
  readonly value: number;
  readonly isTotal: boolean;
  readonly order: number;
}

// The smallest loses least information; on a tie a cell goes before a total, which readers use more.
function cheapest(candidates: readonly Candidate[]): Candidate {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined
      || candidate.value < best.value
      || (candidate.value === best.value && !candidate.isTotal && best.isTotal)) {
      best = candidate;
    }
  }
  if (best === undefined) throw new Error('no published entry left to hide');
  return best;
}

function markAt<Reason extends string>(pattern: PatternMark<Reason>[][], row: number, column: number): PatternMark<Reason> {
  const mark = pattern[row]?.[column];
  if (mark === undefined) throw new RangeError(`no entry at ${row},${column}`);
  return mark;
}

function setMark<Reason extends string>(
  pattern: PatternMark<Reason>[][], row: number, column: number, mark: PatternMark<Reason>,
): void {
  const line = pattern[row];
  if (line === undefined || column >= line.length) throw new RangeError(`no entry at ${row},${column}`);
  line[column] = mark;
}

function valueAt(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`no value at ${index}`);
  return value;
}

function widthOf(grid: readonly (readonly unknown[])[]): number {
  return grid[0]?.length ?? 0;
}

function indexesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, index) => (test(item) ? [index] : []));
}

function range(length: number): number[] {
  return Array.from({ length }, (_, index) => index);
}
