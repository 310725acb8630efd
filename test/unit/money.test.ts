import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, monthlyCents, scaleCents, sumCents } from '../../src/lib/money.js';

describe('monthlyCents', () => {
  it('week: × 52 / 12 (4a mod 12 is never 6, so a week line never ties)', () => {
    expect(monthlyCents(100, 'week')).toBe(433); // 5200 / 12 = 433,33 → 433
    expect(monthlyCents(200, 'week')).toBe(867); // 10400 / 12 = 866,67 → 867
    expect(monthlyCents(9_000, 'week')).toBe(39_000); // 468000 / 12 = 39000 exactly
  });

  it('four_weeks: × 13 / 12, a tie rounds up and just below it rounds down', () => {
    expect(monthlyCents(150_006, 'four_weeks')).toBe(162_507); // 1950078 / 12 = 162506,5 → 162507
    expect(monthlyCents(150_005, 'four_weeks')).toBe(162_505); // 1950065 / 12 = 162505,42 → 162505
    expect(monthlyCents(6, 'four_weeks')).toBe(7); // 78 / 12 = 6,5 → 7
    expect(monthlyCents(5, 'four_weeks')).toBe(5); // 65 / 12 = 5,42 → 5
  });

  it('month: unchanged', () => {
    expect(monthlyCents(123_456, 'month')).toBe(123_456);
  });

  it('quarter: / 3 (remainders 1 and 2 only, so no tie)', () => {
    expect(monthlyCents(10_000, 'quarter')).toBe(3_333); // 3333,33 → 3333
    expect(monthlyCents(10_001, 'quarter')).toBe(3_334); // 3333,67 → 3334
  });

  it('half_year: / 6, a tie rounds up and just below it rounds down', () => {
    expect(monthlyCents(10_005, 'half_year')).toBe(1_668); // 10005 / 6 = 1667,5 → 1668
    expect(monthlyCents(10_004, 'half_year')).toBe(1_667); // 10004 / 6 = 1667,33 → 1667
  });

  it('year: / 12, a tie rounds up and just below it rounds down', () => {
    expect(monthlyCents(120_006, 'year')).toBe(10_001); // 10000,5 → 10001
    expect(monthlyCents(120_005, 'year')).toBe(10_000); // 10000,42 → 10000
  });

  it('once: null, never a monthly figure', () => {
    expect(monthlyCents(59_900, 'once')).toBeNull();
  });

  it('zero stays zero for every recurring frequency', () => {
    for (const frequency of ['week', 'four_weeks', 'month', 'quarter', 'half_year', 'year'] as const) {
      expect(monthlyCents(0, frequency)).toBe(0);
    }
  });
});

describe('divideRoundHalfUp', () => {
  it('rounds ties up and everything else to the nearest', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3); // 2,5 → 3
    expect(divideRoundHalfUp(3, 2)).toBe(2); // 1,5 → 2
    expect(divideRoundHalfUp(7, 3)).toBe(2); // 2,33 → 2
    expect(divideRoundHalfUp(8, 3)).toBe(3); // 2,67 → 3
    expect(divideRoundHalfUp(499, 1000)).toBe(0); // 0,499 → 0
    expect(divideRoundHalfUp(500, 1000)).toBe(1); // 0,5 → 1
    expect(divideRoundHalfUp(0, 7)).toBe(0);
  });

  it('rounds negative ties away from zero', () => {
    expect(divideRoundHalfUp(-5, 2)).toBe(-3); // -2,5 → -3
    expect(divideRoundHalfUp(-7, 3)).toBe(-2); // -2,33 → -2
  });

  it('refuses non-integers and non-positive denominators', () => {
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, -2)).toThrow(RangeError);
  });
});

describe('scaleCents and sumCents', () => {
  it('scales with half-up rounding', () => {
    expect(scaleCents(4_050, 121, 100)).toBe(4_901); // 4050 × 1,21 = 4900,5 → 4901
    expect(scaleCents(37_500, 121, 100)).toBe(45_375); // 37500 × 1,21 = 45375 exactly
  });

  it('sums and refuses an unsafe total', () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
