import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  calendarMonthsBefore,
  isNormPeriodOutdated,
  normPeriodInForce,
  wholeMonthsBetween,
  validateNewNormPeriod,
  type NormPeriod,
  type NormPeriodCandidate,
} from '../../src/domain/norms.js';
import { divideRoundHalfUp } from '../../src/lib/money.js';
import { useTestDb } from '../support/db.js';
import { JAN_2025, JUL_2024, JUL_2025 } from '../support/norm-periods.js';

// Deliberately out of order: nothing may rely on the caller sorting.
const SEEDED = [JAN_2025, JUL_2025, JUL_2024];

// A made-up next period whose excluding amounts are exactly 95 % of the including ones.
const JAN_2026: NormPeriod = {
  validFrom: '2026-01-01',
  label: 'Bijstandsnormen 1 januari 2026',
  norms: {
    alleenstaand_21_aow: { excludingHolidayCents: 133000, includingHolidayCents: 140000 }, // 140000 × 0,95
    samenwonend_21_aow: { excludingHolidayCents: 190000, includingHolidayCents: 200000 }, // 200000 × 0,95
    alleenstaand_aow: { excludingHolidayCents: 148200, includingHolidayCents: 156000 }, // 156000 × 0,95
    samenwonend_aow: { excludingHolidayCents: 203300, includingHolidayCents: 214000 }, // 214000 × 0,95
  },
};

function withNorm(period: NormPeriod, key: keyof NormPeriod['norms'], excl: unknown, incl: unknown): NormPeriodCandidate {
  return { ...period, norms: { ...period.norms, [key]: { excludingHolidayCents: excl, includingHolidayCents: incl } } };
}

describe('wholeMonthsBetween', () => {
  it('counts a month once its day is reached', () => {
    expect(wholeMonthsBetween('2025-07-01', '2026-11-22')).toBe(16); // 12 + 4, day 22 ≥ 1
    expect(wholeMonthsBetween('2025-07-01', '2026-12-01')).toBe(17);
    expect(wholeMonthsBetween('2025-07-01', '2026-11-30')).toBe(16);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-14')).toBe(0); // day 14 < 15
    expect(wholeMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(wholeMonthsBetween('2026-07-01', '2026-07-01')).toBe(0);
  });
});

describe('normPeriodInForce', () => {
  it('picks the latest period that started on or before the date', () => {
    expect(normPeriodInForce(SEEDED, '2024-06-30')).toBeNull();
    expect(normPeriodInForce(SEEDED, '2024-07-01')?.validFrom).toBe('2024-07-01');
    expect(normPeriodInForce(SEEDED, '2024-12-31')?.validFrom).toBe('2024-07-01');
    expect(normPeriodInForce(SEEDED, '2025-01-01')?.validFrom).toBe('2025-01-01');
    expect(normPeriodInForce(SEEDED, '2025-06-30')?.validFrom).toBe('2025-01-01');
    expect(normPeriodInForce(SEEDED, '2027-03-01')?.validFrom).toBe('2025-07-01');
  });

  it('returns the stored object itself (rows keep their id) and null without periods', () => {
    const rows = [{ id: 'a', validFrom: '2025-01-01' }, { id: 'b', validFrom: '2025-07-01' }];
    expect(normPeriodInForce(rows, '2025-08-01')).toBe(rows[1]);
    expect(normPeriodInForce([], '2025-08-01')).toBeNull();
  });

  it('ignores a period that only starts in the future', () => {
    expect(normPeriodInForce([...SEEDED, JAN_2026], '2025-12-31')?.validFrom).toBe('2025-07-01');
  });
});

describe('calendarMonthsBefore', () => {
  it('steps back whole calendar months, clamping to the end of a shorter month', () => {
    expect(calendarMonthsBefore('2026-02-01', 7)).toBe('2025-07-01');
    expect(calendarMonthsBefore('2026-01-15', 7)).toBe('2025-06-15');
    expect(calendarMonthsBefore('2025-10-31', 7)).toBe('2025-03-31');
    expect(calendarMonthsBefore('2025-09-30', 7)).toBe('2025-02-28');
    expect(calendarMonthsBefore('2024-09-30', 7)).toBe('2024-02-29'); // leap year
  });

  it('refuses what is not a calendar date', () => {
    expect(() => calendarMonthsBefore('2025-02-30', 7)).toThrow(RangeError);
  });
});

describe('isNormPeriodOutdated', () => {
  it('is true only once the newest period started before today minus 7 calendar months', () => {
    // newest 2025-07-01; 2026-02-01 − 7 months = 2025-07-01, not later than the start: still current
    expect(isNormPeriodOutdated(SEEDED, '2026-02-01')).toBe(false);
    // 2026-02-02 − 7 months = 2025-07-02 > 2025-07-01
    expect(isNormPeriodOutdated(SEEDED, '2026-02-02')).toBe(true);
    expect(isNormPeriodOutdated(SEEDED, '2025-12-01')).toBe(false);
  });

  it('looks at the newest period, not the one in force, so early entry clears the warning', () => {
    expect(isNormPeriodOutdated([...SEEDED, JAN_2026], '2026-04-01')).toBe(false);
    expect(isNormPeriodOutdated([JUL_2024], '2026-02-01')).toBe(true);
  });

  it('counts no periods at all as outdated', () => {
    expect(isNormPeriodOutdated([], '2025-08-01')).toBe(true);
  });
});

describe('validateNewNormPeriod', () => {
  it('accepts a well-formed next period', () => {
    expect(validateNewNormPeriod(JAN_2026, SEEDED)).toEqual([]);
    expect(validateNewNormPeriod(JAN_2026, [])).toEqual([]);
  });

  it('accepts every seeded period in turn, including the published 1 July 2025 figures', () => {
    expect(validateNewNormPeriod(JUL_2024, [])).toEqual([]);
    expect(validateNewNormPeriod(JAN_2025, [JUL_2024])).toEqual([]);
    expect(validateNewNormPeriod(JUL_2025, [JUL_2024, JAN_2025])).toEqual([]);
  });

  it('requires 1 January or 1 July of a real date', () => {
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-03-01' }, SEEDED)).toEqual([
      { code: 'valid_from_not_1_january_or_1_july' },
    ]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-07-02' }, SEEDED)).toEqual([
      { code: 'valid_from_not_1_january_or_1_july' },
    ]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-1-1' }, SEEDED)).toEqual([{ code: 'valid_from_not_a_date' }]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-13-01' }, SEEDED)).toEqual([{ code: 'valid_from_not_a_date' }]);
  });

  it('refuses a start date that already has a period: periods are added, never replaced', () => {
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2025-07-01' }, SEEDED)).toEqual([
      { code: 'valid_from_exists', validFrom: '2025-07-01' },
    ]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2025-01-01' }, SEEDED)).toEqual([
      { code: 'valid_from_exists', validFrom: '2025-01-01' },
    ]);
  });

  it('accepts a period before the newest one: 1 January 2026 entered after 1 July 2026', () => {
    const jul2026 = { ...JAN_2026, validFrom: '2026-07-01' };
    expect(validateNewNormPeriod(JAN_2026, [...SEEDED, jul2026], '2026-12-01')).toEqual([]);
    // and the period in force follows the dates, not the order of entry
    const entered = [...SEEDED, jul2026, JAN_2026];
    expect(normPeriodInForce(entered, '2026-03-15')?.validFrom).toBe('2026-01-01');
    expect(normPeriodInForce(entered, '2026-07-01')?.validFrom).toBe('2026-07-01');
    expect(normPeriodInForce(entered, '2025-12-31')?.validFrom).toBe('2025-07-01');
  });

  it('with a calculation day, refuses a start more than 6 months ahead: a mistyped year would block every later period', () => {
    // 2025-12-01 + 6 months = 2026-06-01
    expect(validateNewNormPeriod(JAN_2026, SEEDED, '2025-12-01')).toEqual([]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-07-01' }, SEEDED, '2025-12-01')).toEqual([
      { code: 'valid_from_too_far_ahead', latestValidFrom: '2026-06-01' },
    ]);
    // 2026-01-01 + 6 months = 2026-07-01: exactly 6 months ahead is allowed
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-07-01' }, SEEDED, '2026-01-01')).toEqual([]);
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2062-01-01' }, SEEDED, '2026-01-01')).toEqual([
      { code: 'valid_from_too_far_ahead', latestValidFrom: '2026-07-01' },
    ]);
    // 2025-12-31 + 6 months = 2026-06-30 (clamped)
    expect(validateNewNormPeriod({ ...JAN_2026, validFrom: '2026-07-01' }, SEEDED, '2025-12-31')).toEqual([
      { code: 'valid_from_too_far_ahead', latestValidFrom: '2026-06-30' },
    ]);
  });

  it('requires every household key and no others', () => {
    const { samenwonend_aow: _dropped, ...threeKeys } = JAN_2026.norms;
    expect(validateNewNormPeriod({ ...JAN_2026, norms: threeKeys }, SEEDED)).toEqual([
      { code: 'norm_missing', key: 'samenwonend_aow' },
    ]);
    const extra = { ...JAN_2026.norms, alleenstaand_18_20: { excludingHolidayCents: 30000, includingHolidayCents: 31579 } };
    expect(validateNewNormPeriod({ ...JAN_2026, norms: extra }, SEEDED)).toEqual([
      { code: 'norm_unknown_key', key: 'alleenstaand_18_20' },
    ]);
  });

  it('requires whole positive cents', () => {
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_aow', 0, 156000), SEEDED)).toEqual([
      { code: 'amount_not_positive_cents', key: 'alleenstaand_aow', field: 'excludingHolidayCents' },
    ]);
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_aow', 148200, 1560.5), SEEDED)).toEqual([
      { code: 'amount_not_positive_cents', key: 'alleenstaand_aow', field: 'includingHolidayCents' },
    ]);
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_aow', -148200, '156000'), SEEDED)).toEqual([
      { code: 'amount_not_positive_cents', key: 'alleenstaand_aow', field: 'excludingHolidayCents' },
      { code: 'amount_not_positive_cents', key: 'alleenstaand_aow', field: 'includingHolidayCents' },
    ]);
  });

  it('allows one cent between excluding and 95 % of including, not two', () => {
    // 140000 × 0,95 = 133000
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_21_aow', 133001, 140000), SEEDED)).toEqual([]);
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_21_aow', 132999, 140000), SEEDED)).toEqual([]);
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_21_aow', 132998, 140000), SEEDED)).toEqual([
      { code: 'holiday_allowance_mismatch', key: 'alleenstaand_21_aow', expectedExcludingHolidayCents: 133000 },
    ]);
    // 136906 × 0,95 = 130060,70 → 130061 (half-up); 130059 is 2 cents off
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_21_aow', 130059, 136906), SEEDED)).toEqual([
      { code: 'holiday_allowance_mismatch', key: 'alleenstaand_21_aow', expectedExcludingHolidayCents: 130061 },
    ]);
    // swapped columns are far off: 133000 × 0,95 = 126350
    expect(validateNewNormPeriod(withNorm(JAN_2026, 'alleenstaand_21_aow', 140000, 133000), SEEDED)).toEqual([
      { code: 'holiday_allowance_mismatch', key: 'alleenstaand_21_aow', expectedExcludingHolidayCents: 126350 },
    ]);
  });

  it('does not use "including ≈ excluding × 1,0526": that rounded factor refuses the published 1 July 2025 figures', () => {
    // excluding × 1,0526, half-up, against the published including amount:
    //   130061 → 136902 (published 136906, 4 off); 185801 → 195574 (195580, 6 off);
    //   145370 → 153016 (153021, 5 off); 199023 → 209492 (209498, 6 off)
    const offBy = Object.values(JUL_2025.norms).map(
      ({ excludingHolidayCents, includingHolidayCents }) =>
        includingHolidayCents - divideRoundHalfUp(excludingHolidayCents * 10_526, 10_000),
    );
    expect(offBy).toEqual([4, 6, 5, 6]);
    // 95 % of including, the direction used, matches each published excluding amount exactly.
    expect(validateNewNormPeriod(JUL_2025, [JUL_2024, JAN_2025])).toEqual([]);
  });

  it('reports every problem at once', () => {
    const { alleenstaand_aow: _dropped, ...threeKeys } = JAN_2026.norms;
    expect(validateNewNormPeriod({ validFrom: '2025-07-01', norms: threeKeys }, SEEDED).map((p) => p.code)).toEqual([
      'valid_from_exists', 'norm_missing',
    ]);
    expect(validateNewNormPeriod({ validFrom: '2025-03-01', norms: threeKeys }, SEEDED)).toEqual([
      { code: 'valid_from_not_1_january_or_1_july' },
      { code: 'norm_missing', key: 'alleenstaand_aow' },
    ]);
  });
});

describe('norm_periods migration', () => {
  const t = useTestDb();

  it('seeds the three periods of domain.md §1.4', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from, label,
        alleenstaand_21_aow_excl_cents, alleenstaand_21_aow_incl_cents,
        samenwonend_21_aow_excl_cents, samenwonend_21_aow_incl_cents,
        alleenstaand_aow_excl_cents, alleenstaand_aow_incl_cents,
        samenwonend_aow_excl_cents, samenwonend_aow_incl_cents,
        created_by
      FROM norm_periods ORDER BY valid_from`.execute(t.db);
    const seeded = SEEDED.toSorted((a, b) => a.validFrom.localeCompare(b.validFrom));
    // The CamelCasePlugin renames result columns: alleenstaand_21_aow_excl_cents → alleenstaand21AowExclCents.
    expect(rows).toEqual(
      seeded.map((period) => ({
        validFrom: period.validFrom,
        label: period.label,
        alleenstaand21AowExclCents: period.norms.alleenstaand_21_aow.excludingHolidayCents,
        alleenstaand21AowInclCents: period.norms.alleenstaand_21_aow.includingHolidayCents,
        samenwonend21AowExclCents: period.norms.samenwonend_21_aow.excludingHolidayCents,
        samenwonend21AowInclCents: period.norms.samenwonend_21_aow.includingHolidayCents,
        alleenstaandAowExclCents: period.norms.alleenstaand_aow.excludingHolidayCents,
        alleenstaandAowInclCents: period.norms.alleenstaand_aow.includingHolidayCents,
        samenwonendAowExclCents: period.norms.samenwonend_aow.excludingHolidayCents,
        samenwonendAowInclCents: period.norms.samenwonend_aow.includingHolidayCents,
        createdBy: null,
      })),
    );
  });

  it('refuses UPDATE and DELETE', async () => {
    await expect(sql`UPDATE norm_periods SET label = 'x'`.execute(t.db)).rejects.toThrow(/never edited/);
    await expect(sql`DELETE FROM norm_periods`.execute(t.db)).rejects.toThrow(/never edited/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM norm_periods`.execute(t.db);
    expect(rows).toEqual([{ n: 3 }]);
  });

  const insert = (validFrom: string, excl: number, incl: number) => sql`
    INSERT INTO norm_periods (valid_from, label,
      alleenstaand_21_aow_excl_cents, alleenstaand_21_aow_incl_cents,
      samenwonend_21_aow_excl_cents, samenwonend_21_aow_incl_cents,
      alleenstaand_aow_excl_cents, alleenstaand_aow_incl_cents,
      samenwonend_aow_excl_cents, samenwonend_aow_incl_cents)
    VALUES (${validFrom}::date, 'test', ${excl}, ${incl}, 190000, 200000, 148200, 156000, 203300, 214000)`;

  it('accepts a new half-year period and refuses a bad date, a duplicate, a non-positive or inconsistent amount', async () => {
    await expect(insert('2026-03-01', 133000, 140000).execute(t.db)).rejects.toThrow(/norm_periods_half_year/);
    await expect(insert('2025-07-01', 133000, 140000).execute(t.db)).rejects.toThrow(/unique|duplicate/i);
    await expect(insert('2026-01-01', 0, 140000).execute(t.db)).rejects.toThrow(/check/i);
    // 140000 × 0,95 = 133000; 132998 is 2 cents off
    await expect(insert('2026-01-01', 132998, 140000).execute(t.db)).rejects.toThrow(/alleenstaand_21_aow_holiday/);
    await insert('2026-01-01', 133001, 140000).execute(t.db);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM norm_periods`.execute(t.db);
    expect(rows).toEqual([{ n: 4 }]);
  });
});
