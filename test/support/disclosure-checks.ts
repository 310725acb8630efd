// Checks that a published table gives no hidden count away, shared by the suppression unit tests
// and the API-level statistics tests. Independent of the implementation under test.

export function lines<T>(grid: readonly (readonly T[])[]): T[][] {
  const width = grid[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, column) => grid.map((row) => row[column] as T));
  return [...grid.map((row) => [...row]), ...columns];
}

/** The stated rule: a row or column holding a hidden cell also hides a second cell or its total. */
export function violatesLineRule(hidden: readonly (readonly boolean[])[]): boolean {
  return lines(hidden).some((line) => line.filter(Boolean).length === 1);
}

/**
 * Exact: which hidden entries are fixed by the published figures through any combination of the
 * row and column equations (published values taken as exact, the worst case). Gauss–Jordan in
 * BigInt, so nothing is lost to floats; an unknown is fixed iff its reduced pivot row has no
 * other unknown left in it.
 */
export function determinedHiddenEntries(grid: readonly (readonly number[])[], hidden: readonly (readonly boolean[])[]): number[][] {
  const unknowns: number[][] = [];
  hidden.forEach((row, r) => row.forEach((isHidden, c) => { if (isHidden) unknowns.push([r, c]); }));
  const indexOf = new Map(unknowns.map(([r, c], index) => [`${r},${c}`, index]));
  const rowCount = grid.length;
  const width = grid[0]?.length ?? 0;
  const equations: bigint[][] = [];
  const addEquation = (positions: number[][]): void => {
    const equation = unknowns.map(() => 0n);
    positions.forEach(([r, c], index) => {
      const unknown = indexOf.get(`${r},${c}`);
      // The last position of a line is its total: cells − total = 0.
      if (unknown !== undefined) equation[unknown] = index === positions.length - 1 ? -1n : 1n;
    });
    equations.push(equation);
  };
  for (let r = 0; r < rowCount; r += 1) addEquation(Array.from({ length: width }, (_, c) => [r, c]));
  for (let c = 0; c < width; c += 1) addEquation(Array.from({ length: rowCount }, (_, r) => [r, c]));
  return unknowns.filter((_, unknown) => isFixed(equations, unknown));
}

function isFixed(equations: readonly bigint[][], unknown: number): boolean {
  const rows = equations.map((equation) => [...equation]);
  const variables = rows[0]?.length ?? 0;
  let rank = 0;
  const pivotRowOf = new Map<number, number>();
  for (let column = 0; column < variables; column += 1) {
    const found = rows.findIndex((row, index) => index >= rank && row[column] !== 0n);
    if (found === -1) continue;
    [rows[rank], rows[found]] = [rows[found] as bigint[], rows[rank] as bigint[]];
    const pivotRow = rows[rank] as bigint[];
    const pivot = pivotRow[column] as bigint;
    rows.forEach((row, index) => {
      const factor = row[column] as bigint;
      if (index === rank || factor === 0n) return;
      const reduced = row.map((value, at) => value * pivot - (pivotRow[at] as bigint) * factor);
      const divisor = reduced.reduce((g, value) => gcd(g, value < 0n ? -value : value), 0n);
      rows[index] = divisor > 1n ? reduced.map((value) => value / divisor) : reduced;
    });
    pivotRowOf.set(column, rank);
    rank += 1;
  }
  const pivotRowIndex = pivotRowOf.get(unknown);
  if (pivotRowIndex === undefined) return false;
  return (rows[pivotRowIndex] as bigint[]).every((value, at) => at === unknown || value === 0n);
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
