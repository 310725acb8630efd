import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDITOR_COUNT_BANDS, TOTAL_DEBT_BANDS, bandCodes, bandOf, countPerBand, describeMethod,
  extendWithTotals, isDominated, isPublishableCount, medianRoundHalfUp, publishMedian,
  publishMoneyFigure, roundToBase, suppressOneWayTable, suppressTwoWayTable, suppressionParameters,
  type Dimension, type PublishedCount, type SuppressionParameters, type TwoWayCountTable,
} from '../../src/domain/suppression.js';
import { determinedHiddenEntries, violatesLineRule } from '../support/disclosure-checks.js';

// Fixed so a run is reproducible; fast-check prints seed and path on failure. FC_SEED overrides.
const FC = { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20_261_122) } as const;

const k10 = suppressionParameters();

function dimension(name: string, length: number): Dimension {
  return { name, values: Array.from({ length }, (_, index) => `${name}${index}`) };
}

const small = { count: null, suppressed: 'small_cell' } as const;
const complementary = { count: null, suppressed: 'complementary' } as const;
const homogeneous = { count: null, suppressed: 'homogeneous' } as const;

describe('method parameters', () => {
  it('defaults to k = 10 and base 5 and describes itself for a response', () => {
    expect(k10).toEqual({ minCell: 10, roundingBase: 5 });
    expect(describeMethod(k10)).toEqual({
      version: 1, minCell: 10, roundingBase: 5, dominanceShare: 0.3,
      medianRoundingEuros: 1, sumRoundingEuros: 100, zeroCounts: 'suppressed',
    });
  });

  it('refuses a k below 5, a fractional k and rounding finer than 5', () => {
    expect(suppressionParameters({ minCell: 5 }).minCell).toBe(5);
    expect(() => suppressionParameters({ minCell: 4 })).toThrow(RangeError);
    expect(() => suppressionParameters({ minCell: 7.5 })).toThrow(RangeError);
    expect(() => suppressionParameters({ roundingBase: 1 })).toThrow(RangeError);
    expect(() => suppressOneWayTable({ dimension: dimension('x', 1), counts: [50] }, { minCell: 3, roundingBase: 5 }))
      .toThrow(RangeError);
  });

  it('rounds to the nearest multiple, ties up', () => {
    expect([22, 23, 12, 13].map((count) => roundToBase(count, 5))).toEqual([20, 25, 10, 15]);
    expect(roundToBase(15, 10)).toBe(20);
    expect(roundToBase(14, 10)).toBe(10);
  });

  it('with k = 12 a count of 12 would be published as 10 < k, so it stays hidden', () => {
    const k12 = suppressionParameters({ minCell: 12 });
    expect(isPublishableCount(12, k12)).toBe(false);
    expect(isPublishableCount(13, k12)).toBe(true);
    expect(isPublishableCount(0, k10)).toBe(false);
  });
});

describe('count tables: worked examples', () => {
  it('1-D: two small cells (one a true zero) protect each other; rounding to 5', () => {
    expect(suppressOneWayTable({ dimension: dimension('reason', 4), counts: [25, 3, 0, 14] })).toEqual({
      cells: [{ count: 25 }, small, small, { count: 15 }],
      total: { count: 40 },
    });
  });

  it('1-D: a lone small cell takes the smallest published cell with it', () => {
    expect(suppressOneWayTable({ dimension: dimension('reason', 4), counts: [25, 3, 14, 30] })).toEqual({
      cells: [{ count: 25 }, small, complementary, { count: 30 }],
      total: { count: 70 },
    });
  });

  it('2-D: complements cascade from row to column to row until every line is safe', () => {
    const table = suppressTwoWayTable({
      rows: dimension('phase', 3),
      columns: dimension('location', 3),
      counts: [[12, 3, 20], [15, 11, 30], [20, 18, 25]],
    });
    expect(table).toEqual({
      cells: [
        [complementary, small, { count: 20 }],
        [complementary, complementary, { count: 30 }],
        [{ count: 20 }, { count: 20 }, { count: 25 }],
      ],
      rowTotals: [{ count: 35 }, { count: 55 }, { count: 65 }],
      columnTotals: [{ count: 45 }, { count: 30 }, { count: 75 }],
      grandTotal: { count: 155 },
    });
  });

  // Every line already has 0 or ≥ 2 hidden cells, yet (1,2) joins two hidden blocks and follows
  // from summing the equations of one block. (2,0) is the smallest cell that closes a cycle.
  const bridgeCounts = [[3, 4, 50, 60], [2, 5, 6, 70], [40, 45, 1, 7], [55, 65, 8, 9]];

  it('2-D: a hidden cell bridging two hidden blocks gets a complement although every line has ≥ 2', () => {
    expect(suppressTwoWayTable({ rows: dimension('r', 4), columns: dimension('c', 4), counts: bridgeCounts })).toEqual({
      cells: [
        [small, small, { count: 50 }, { count: 60 }],
        [small, small, small, { count: 70 }],
        [complementary, { count: 45 }, small, small],
        [{ count: 55 }, { count: 65 }, small, small],
      ],
      rowTotals: [{ count: 115 }, { count: 85 }, { count: 95 }, { count: 135 }],
      columnTotals: [{ count: 100 }, { count: 120 }, { count: 65 }, { count: 145 }],
      grandTotal: { count: 430 },
    });
  });

  it('the exact check used below does catch that bridge (it is not a restatement of the line rule)', () => {
    const grid = extendWithTotals(bridgeCounts);
    const primary = grid.map((row) => row.map((count) => !isPublishableCount(count, k10)));
    expect(violatesLineRule(primary)).toBe(false);
    expect(determinedHiddenEntries(grid, primary)).toEqual([[1, 2]]);
  });

  it('2-D homogeneity: a location where every dossier got the same solution is hidden whole', () => {
    const table = suppressTwoWayTable({
      rows: dimension('location', 3),
      columns: dimension('solution', 3),
      counts: [[12, 0, 0], [10, 15, 20], [20, 11, 14]],
      sensitiveDimension: 'solution',
    });
    expect(table).toEqual({
      cells: [
        [homogeneous, homogeneous, homogeneous],
        [complementary, complementary, { count: 20 }],
        [{ count: 20 }, complementary, complementary],
      ],
      rowTotals: [homogeneous, complementary, { count: 45 }],
      columnTotals: [{ count: 40 }, { count: 25 }, { count: 35 }],
      grandTotal: { count: 100 },
    });
  });

  it('1-D homogeneity: if everyone in the period left for one reason, nothing is shown', () => {
    const table = suppressOneWayTable({ dimension: dimension('reason', 4), counts: [0, 0, 12, 0], sensitiveDimension: 'reason' });
    expect(table).toEqual({ cells: [homogeneous, homogeneous, homogeneous, homogeneous], total: homogeneous });
    // Without the rule the same table would say "all 10 left for reason 2".
    expect(suppressOneWayTable({ dimension: dimension('reason', 4), counts: [0, 0, 12, 0] }).total).toEqual({ count: 10 });
  });

  it('refuses counts that do not match the dimensions, negative counts and unknown sensitive dimensions', () => {
    expect(() => suppressOneWayTable({ dimension: dimension('x', 2), counts: [1] })).toThrow(RangeError);
    expect(() => suppressOneWayTable({ dimension: dimension('x', 1), counts: [-1] })).toThrow(RangeError);
    expect(() => suppressOneWayTable({ dimension: { name: 'x', values: ['a', 'a'] }, counts: [20, 20] })).toThrow(RangeError);
    expect(() => suppressTwoWayTable({ rows: dimension('r', 1), columns: dimension('c', 2), counts: [[1, 2, 3]] }))
      .toThrow(RangeError);
    expect(() => suppressTwoWayTable({
      rows: dimension('r', 1), columns: dimension('c', 1), counts: [[20]], sensitiveDimension: 'other',
    })).toThrow(RangeError);
  });
});

// ---- generators ----------------------------------------------------------------------------

const parametersArb = fc.record({
  minCell: fc.integer({ min: 5, max: 20 }),
  roundingBase: fc.constantFrom(5, 5, 10),
});

// Mostly small cells, as in a programme with 5–20 dossiers a year per room.
const countArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 80 }) },
);

/** Dossiers drawn into cells, so counts cluster the way a real population does. */
function populationCounts(rows: number, columns: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(columns - 1)), { maxLength: 250 }).map((dossiers) => {
    const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => 0));
    for (const [row, column] of dossiers) (counts[row] as number[])[column] = (counts[row]?.[column] ?? 0) + 1;
    return counts;
  });
}

function independentCounts(rows: number, columns: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(countArb, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
}

/** Some rows collapsed onto one column with a count of at least 5, so homogeneous groups occur often. */
function withHomogeneousRows(counts: number[][]): fc.Arbitrary<number[][]> {
  const columns = counts[0]?.length ?? 1;
  return fc.array(fc.option(fc.tuple(fc.nat(columns - 1), fc.integer({ min: 5, max: 40 }))), {
    minLength: counts.length, maxLength: counts.length,
  }).map((collapses) => counts.map((row, index) => {
    const collapse = collapses[index];
    if (collapse === null || collapse === undefined) return row;
    return row.map((_, column) => (column === collapse[0] ? collapse[1] : 0));
  }));
}

function transpose(counts: readonly (readonly number[])[]): number[][] {
  return Array.from({ length: counts[0]?.length ?? 0 }, (_, c) => counts.map((row) => row[c] as number));
}

/**
 * Two diagonal blocks of small cells and a stray small cell or two: the shape where the line rule
 * is satisfied but a hidden cell bridging the blocks is still determined. Random tables almost
 * never produce it (≈ 1 in 1.000), this does about half the time.
 */
function blockCounts(rows: number, columns: number): fc.Arbitrary<number[][]> {
  return fc.record({
    splitRow: fc.integer({ min: 2, max: Math.max(2, rows - 2) }),
    splitColumn: fc.integer({ min: 2, max: Math.max(2, columns - 2) }),
    strays: fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(columns - 1)), { minLength: 1, maxLength: 2 }),
    small: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: rows * columns, maxLength: rows * columns }),
    large: fc.array(fc.integer({ min: 20, max: 80 }), { minLength: rows * columns, maxLength: rows * columns }),
  }).map(({ splitRow, splitColumn, strays, small, large }) => Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const inBlock = (r < splitRow) === (c < splitColumn);
      const stray = strays.some(([sr, sc]) => sr === r && sc === c);
      return (inBlock || stray ? small : large)[r * columns + c] as number;
    })));
}

const twoWayArb = fc.record({ rows: fc.integer({ min: 1, max: 7 }), columns: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, columns }) => fc.record({
    counts: fc.oneof(
      independentCounts(rows, columns),
      populationCounts(rows, columns),
      ...(rows >= 4 && columns >= 4 ? [blockCounts(rows, columns)] : []),
    ).chain((counts) => fc.oneof(fc.constant(counts), withHomogeneousRows(counts)))
      // Transposed half the time, so homogeneous columns (outcome in the rows) occur as often.
      .chain((counts) => fc.constantFrom(counts, transpose(counts))),
    sensitive: fc.constantFrom('none', 'rows', 'columns'),
    parameters: parametersArb,
  }));

const oneWayArb = fc.record({
  counts: fc.oneof(
    fc.array(countArb, { minLength: 1, maxLength: 10 }),
    populationCounts(1, 8).map((counts) => counts[0] as number[]),
    fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 40 }), fc.nat(7))
      .map(([length, count, at]) => Array.from({ length }, (_, index) => (index === at % length ? count : 0))),
  ),
  sensitive: fc.boolean(),
  parameters: parametersArb,
});

// ---- checks on a published table -----------------------------------------------------------

/** Output laid out like extendWithTotals: cells, a total column, a total row, the grand total. */
function extendedOutput(table: TwoWayCountTable): PublishedCount[][] {
  return [
    ...table.cells.map((row, index) => [...row, table.rowTotals[index] as PublishedCount]),
    [...table.columnTotals, table.grandTotal],
  ];
}

function groupLines(grid: readonly (readonly number[])[], sensitive: 'rows' | 'columns'): number[][][] {
  const rowCount = grid.length;
  const width = grid[0]?.length ?? 0;
  // Groups run across the sensitive dimension: outcomes in the columns → each row is a group.
  return sensitive === 'columns'
    ? Array.from({ length: rowCount }, (_, r) => Array.from({ length: width }, (_, c) => [r, c]))
    : Array.from({ length: width }, (_, c) => Array.from({ length: rowCount }, (_, r) => [r, c]));
}

function isHomogeneous(counts: readonly number[], parameters: SuppressionParameters): boolean {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return isPublishableCount(total, parameters) && counts.filter((count) => count > 0).length === 1;
}

// ---- properties ----------------------------------------------------------------------------

describe('count tables: properties over generated populations', () => {
  it('2-D: every published count is ≥ k, a multiple of the base and the raw count rounded', () => {
    fc.assert(fc.property(twoWayArb, ({ counts, parameters }) => {
      const raw = extendWithTotals(counts);
      const out = extendedOutput(suppress2(counts, 'none', parameters));
      out.forEach((row, r) => row.forEach((entry, c) => {
        if (entry.count === null) return;
        expect(entry.count).toBeGreaterThanOrEqual(parameters.minCell);
        expect(entry.count % parameters.roundingBase).toBe(0);
        expect(entry.count % 5).toBe(0);
        expect(entry.count).toBe(roundToBase(raw[r]?.[c] as number, parameters.roundingBase));
      }));
    }), FC);
  });

  it('2-D: no hidden entry follows from the published ones, by the line rule and by exact elimination', () => {
    fc.assert(fc.property(twoWayArb, ({ counts, sensitive, parameters }) => {
      const raw = extendWithTotals(counts);
      const hidden = extendedOutput(suppress2(counts, sensitive, parameters)).map((row) => row.map((e) => e.count === null));
      expect(violatesLineRule(hidden)).toBe(false);
      expect(determinedHiddenEntries(raw, hidden)).toEqual([]);
    }), FC);
  });

  it('2-D: reasons are truthful; only small counts are small_cell, complements were publishable', () => {
    fc.assert(fc.property(twoWayArb, ({ counts, sensitive, parameters }) => {
      const raw = extendWithTotals(counts);
      const out = extendedOutput(suppress2(counts, sensitive, parameters));
      out.forEach((row, r) => row.forEach((entry, c) => {
        const count = raw[r]?.[c] as number;
        if (!isPublishableCount(count, parameters)) expect(entry.count).toBeNull();
        if (entry.count !== null) return;
        if (entry.suppressed === 'small_cell') expect(isPublishableCount(count, parameters)).toBe(false);
        if (entry.suppressed === 'complementary') expect(isPublishableCount(count, parameters)).toBe(true);
        if (entry.suppressed === 'homogeneous') expect(sensitive).not.toBe('none');
      }));
    }), FC);
  });

  it('2-D homogeneity: a group sharing one sensitive value is hidden whole, its total included', () => {
    fc.assert(fc.property(twoWayArb, ({ counts, sensitive, parameters }) => {
      if (sensitive === 'none') return;
      const raw = extendWithTotals(counts);
      const out = extendedOutput(suppress2(counts, sensitive, parameters));
      for (const group of groupLines(raw, sensitive)) {
        const cellCounts = group.slice(0, -1).map(([r, c]) => raw[r as number]?.[c as number] as number);
        const entries = group.map(([r, c]) => out[r as number]?.[c as number] as PublishedCount);
        if (isHomogeneous(cellCounts, parameters)) {
          expect(entries.every((entry) => entry.count === null && entry.suppressed === 'homogeneous')).toBe(true);
        } else {
          // Each entry lies in exactly one group, so the code never spills over onto a mixed group.
          expect(entries.some((entry) => entry.count === null && entry.suppressed === 'homogeneous')).toBe(false);
        }
      }
    }), FC);
  });

  it('2-D: reveals nothing beyond the input: same shape, only count/suppressed, deterministic', () => {
    fc.assert(fc.property(twoWayArb, ({ counts, sensitive, parameters }) => {
      const first = suppress2(counts, sensitive, parameters);
      expect(suppress2(counts, sensitive, parameters)).toEqual(first);
      expect(first.cells.length).toBe(counts.length);
      expect(first.columnTotals.length).toBe(counts[0]?.length);
      for (const entry of extendedOutput(first).flat()) {
        expect(Object.keys(entry).sort()).toEqual(entry.count === null ? ['count', 'suppressed'] : ['count']);
      }
      // Hiding only grows: everything below the threshold is still hidden after the other rules.
      const raw = extendWithTotals(counts);
      const hiddenCount = extendedOutput(first).flat().filter((entry) => entry.count === null).length;
      expect(hiddenCount).toBeGreaterThanOrEqual(raw.flat().filter((count) => !isPublishableCount(count, parameters)).length);
    }), FC);
  });

  it('1-D: published counts ≥ k and rounded; never exactly one hidden entry; homogeneous tables hidden', () => {
    fc.assert(fc.property(oneWayArb, ({ counts, sensitive, parameters }) => {
      const table = suppressOneWayTable({
        dimension: dimension('reason', counts.length), counts, ...(sensitive ? { sensitiveDimension: 'reason' } : {}),
      }, parameters);
      const raw = [...counts, counts.reduce((sum, count) => sum + count, 0)];
      const out = [...table.cells, table.total];
      out.forEach((entry, index) => {
        const count = raw[index] as number;
        if (entry.count === null) {
          if (entry.suppressed === 'small_cell') expect(isPublishableCount(count, parameters)).toBe(false);
          if (entry.suppressed === 'complementary') expect(isPublishableCount(count, parameters)).toBe(true);
          return;
        }
        expect(entry.count).toBeGreaterThanOrEqual(parameters.minCell);
        expect(entry.count % 5).toBe(0);
        expect(entry.count).toBe(roundToBase(count, parameters.roundingBase));
      });
      expect(out.filter((entry) => entry.count === null).length).not.toBe(1);
      if (sensitive && isHomogeneous(counts, parameters)) expect(out.every((entry) => entry.count === null)).toBe(true);
    }), FC);
  });
});

function suppress2(counts: number[][], sensitive: 'none' | 'rows' | 'columns', parameters: SuppressionParameters): TwoWayCountTable {
  const rows = dimension('r', counts.length);
  const columns = dimension('c', counts[0]?.length ?? 0);
  const sensitiveDimension = sensitive === 'rows' ? rows.name : sensitive === 'columns' ? columns.name : undefined;
  return suppressTwoWayTable({ rows, columns, counts, ...(sensitiveDimension ? { sensitiveDimension } : {}) }, parameters);
}

// ---- money figures and medians -------------------------------------------------------------

describe('medians', () => {
  it('odd n: the middle value; even n: the mean of the two middle values, half-up in one step', () => {
    expect(medianRoundHalfUp([7, 1, 5])).toBe(5);
    expect(medianRoundHalfUp([1, 2])).toBe(2); // 1,5 → 2
    expect(medianRoundHalfUp([1, 98], 100)).toBe(0); // 49,5 ct → € 0 (not 50 ct → € 1)
    expect(medianRoundHalfUp([0, 100], 100)).toBe(1); // € 0,50 → € 1
    expect(medianRoundHalfUp([0, 99], 100)).toBe(0); // € 0,495 → € 0
    expect(medianRoundHalfUp([150, 100, 1_000_000, 0], 100)).toBe(1); // (100 + 150) / 2 = € 1,25
    expect(() => medianRoundHalfUp([])).toThrow(RangeError);
  });

  it('matches a BigInt reference on generated values', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }), (values) => {
      const sorted = [...values].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const n = sorted.length;
      // Twice the median, in cents; euros half-up = floor((2m + 200/2) / 200).
      const twice = n % 2 === 1 ? 2n * (sorted[(n - 1) / 2] as bigint) : (sorted[n / 2 - 1] as bigint) + (sorted[n / 2] as bigint);
      expect(medianRoundHalfUp(values, 100)).toBe(Number((twice + 100n) / 200n));
    }), FC);
  });

  it('non-money medians only need k values', () => {
    expect(publishMedian([1, 2, 3], k10)).toEqual({ value: null, suppressed: 'small_cell' });
    expect(publishMedian([3, 1, 400, 2, 5, 8, 13, 21, 34, 55], k10)).toEqual({ value: 11 }); // (8 + 13) / 2 = 10,5
  });
});

describe('money figures', () => {
  const tenEven = Array.from({ length: 10 }, () => 1_234_567);

  it('publishes the median in whole euros and the sum in € 100 for a large, undominated cell', () => {
    expect(publishMoneyFigure(tenEven, 'median', k10)).toEqual({ value: 12_346 }); // € 12.345,67
    expect(publishMoneyFigure(tenEven, 'sum', k10)).toEqual({ value: 123_500 }); // € 123.456,70
  });

  it('fewer than k dossiers: small_cell', () => {
    expect(publishMoneyFigure(tenEven.slice(1), 'median', k10)).toEqual({ value: null, suppressed: 'small_cell' });
  });

  it('one dossier above 30 % of the sum: dominance, for the median too (docs/domain.md §8)', () => {
    const dominated = [1_000_000_00, ...Array.from({ length: 9 }, () => 500_000)];
    expect(publishMoneyFigure(dominated, 'median', k10)).toEqual({ value: null, suppressed: 'dominance' });
    expect(publishMoneyFigure(dominated, 'sum', k10)).toEqual({ value: null, suppressed: 'dominance' });
  });

  it('exactly 30 % is allowed, just above is not', () => {
    expect(isDominated([30, 7, 7, 7, 7, 7, 7, 7, 7, 14])).toBe(false); // 30 of 100
    expect(isDominated([31, 7, 7, 7, 7, 7, 7, 7, 7, 13])).toBe(true); // 31 of 100
  });

  it('generated cells: published only with n ≥ k and largest ≤ 30 % of the sum, else the right reason', () => {
    const cellArb = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 30 }),
      // One dominant debt among ordinary ones, as the dominance rule asks.
      fc.tuple(fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 5, maxLength: 25 }), fc.integer({ min: 5_000_000, max: 100_000_000 }))
        .map(([ordinary, dominant]) => [...ordinary, dominant]),
    );
    fc.assert(fc.property(cellArb, parametersArb, fc.constantFrom('median' as const, 'sum' as const), (values, parameters, statistic) => {
      const figure = publishMoneyFigure(values, statistic, parameters);
      const total = values.reduce((sum, value) => sum + value, 0);
      const largest = values.reduce((max, value) => Math.max(max, value), 0);
      if (values.length < parameters.minCell) {
        expect(figure).toEqual({ value: null, suppressed: 'small_cell' });
      } else if (largest * 10 > total * 3) {
        expect(figure).toEqual({ value: null, suppressed: 'dominance' });
      } else {
        expect(figure.value).not.toBeNull();
        if (statistic === 'sum') expect(figure.value).toBe(Math.round(total / 10_000) * 100);
      }
    }), FC);
  });
});

describe('bands', () => {
  it('total debt: limits are inclusive below, exclusive above', () => {
    expect([0, 1, 499_999, 500_000, 999_999, 1_000_000, 3_999_999, 4_000_000, 100_000_000].map((cents) => bandOf(cents, TOTAL_DEBT_BANDS)))
      .toEqual(['none', 'under_5000', 'under_5000', '5000_10000', '5000_10000', '10000_20000', '20000_40000', '40000_plus', '40000_plus']);
  });

  it('creditor counts: 0 | 1–2 | 3–5 | 6–10 | 11+', () => {
    expect([0, 1, 2, 3, 5, 6, 10, 11, 40].map((n) => bandOf(n, CREDITOR_COUNT_BANDS)))
      .toEqual(['none', '1_2', '1_2', '3_5', '3_5', '6_10', '6_10', '11_plus', '11_plus']);
    expect(() => bandOf(-1, CREDITOR_COUNT_BANDS)).toThrow(RangeError);
  });

  it('band counts include empty bands and go through a count table like any count', () => {
    const creditors = [1, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 12];
    const counts = countPerBand(creditors, CREDITOR_COUNT_BANDS);
    expect(counts).toEqual([0, 3, 11, 1, 1]);
    const table = suppressOneWayTable({ dimension: { name: 'creditors', values: bandCodes(CREDITOR_COUNT_BANDS) }, counts });
    expect(table).toEqual({ cells: [small, small, { count: 10 }, small, small], total: { count: 15 } });
  });

  it('every value lands in exactly one band and nothing is lost', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20_000_000 })), (values) => {
      const counts = countPerBand(values, TOTAL_DEBT_BANDS);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(values.length);
      for (const value of values) {
        expect(TOTAL_DEBT_BANDS.filter((band) => value >= band.fromInclusive
          && (band.toExclusive === null || value < band.toExclusive))).toHaveLength(1);
      }
    }), FC);
  });
});
