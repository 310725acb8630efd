import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeRepaymentCapacity,
  normKeyForHousehold,
  type Household,
  type RepaymentCapacityInput,
} from '../../src/domain/bvv.js';
import { AGE_BANDS, LEEFSITUATIES } from '../../src/lib/vocabulary.js';
import { SEEDED_NORM_PERIODS } from '../support/norm-periods.js';

const NORM_PERIODS = SEEDED_NORM_PERIODS;
// Fixed so a run is reproducible; fast-check prints seed and path on failure. FC_SEED overrides.
const FC_SEED = Number(process.env.FC_SEED ?? 20_261_122);

const SINGLE: Household = { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow', otherAdults: 0 };

function input(overrides: Partial<RepaymentCapacityInput> = {}): RepaymentCapacityInput {
  return {
    household: SINGLE,
    attachableIncomeMonthlyCents: 0,
    saldoCents: 0,
    bvvOfficial: null,
    vtlbOfficial: null,
    vtlbCorrections: [],
    normPeriods: NORM_PERIODS,
    today: '2025-09-01',
    ...overrides,
  };
}

describe('normKeyForHousehold', () => {
  it('maps leefsituatie and age bands to the four norms', () => {
    expect(normKeyForHousehold({ leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' })).toBe('alleenstaand_21_aow');
    expect(normKeyForHousehold({ leefsituatie: 'alleenstaande_ouder', ageBand: '18_20' })).toBe('alleenstaand_21_aow');
    expect(normKeyForHousehold({ leefsituatie: 'alleenstaande_ouder', ageBand: 'aow' })).toBe('alleenstaand_aow');
    expect(normKeyForHousehold({ leefsituatie: 'samenwonend', ageBand: '18_20', partnerAgeBand: '18_20' })).toBe('samenwonend_21_aow');
    expect(normKeyForHousehold({ leefsituatie: 'samenwonend_met_kinderen', ageBand: 'aow', partnerAgeBand: '21_tot_aow' })).toBe('samenwonend_aow');
    expect(normKeyForHousehold({ leefsituatie: 'samenwonend', ageBand: '21_tot_aow', partnerAgeBand: 'aow' })).toBe('samenwonend_aow');
    expect(normKeyForHousehold({ leefsituatie: 'samenwonend', ageBand: '21_tot_aow' })).toBe('samenwonend_21_aow');
  });

  it('ignores a partner age band for a single household', () => {
    expect(normKeyForHousehold({ leefsituatie: 'alleenstaand', ageBand: '21_tot_aow', partnerAgeBand: 'aow' })).toBe('alleenstaand_21_aow');
  });
});

describe('bvvIndicativeCents = round_half_up(95 % × norm excluding vakantietoeslag)', () => {
  const households: Record<string, Household> = {
    alleenstaand_21_aow: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' },
    samenwonend_21_aow: { leefsituatie: 'samenwonend', ageBand: '21_tot_aow', partnerAgeBand: '21_tot_aow' },
    alleenstaand_aow: { leefsituatie: 'alleenstaande_ouder', ageBand: 'aow' },
    samenwonend_aow: { leefsituatie: 'samenwonend_met_kinderen', ageBand: 'aow', partnerAgeBand: 'aow' },
  };
  const cases: [string, string, string, number][] = [
    // [calculation day, period, key, expected]
    ['2024-10-01', '2024-07-01', 'alleenstaand_21_aow', 118088], // 124303 × 0,95 = 118087,85
    ['2024-10-01', '2024-07-01', 'samenwonend_21_aow', 168696], // 177575 × 0,95 = 168696,25
    ['2024-10-01', '2024-07-01', 'alleenstaand_aow', 131481], // 138401 × 0,95 = 131480,95
    ['2024-10-01', '2024-07-01', 'samenwonend_aow', 178392], // 187781 × 0,95 = 178391,95
    ['2025-03-15', '2025-01-01', 'alleenstaand_21_aow', 121427], // 127818 × 0,95 = 121427,10 (domain.md: 1.214,27)
    ['2025-03-15', '2025-01-01', 'samenwonend_21_aow', 173467], // 182597 × 0,95 = 173467,15 (1.734,67)
    ['2025-03-15', '2025-01-01', 'alleenstaand_aow', 135472], // 142602 × 0,95 = 135471,90 (1.354,72)
    ['2025-03-15', '2025-01-01', 'samenwonend_aow', 185327], // 195081 × 0,95 = 185326,95 (1.853,27)
    ['2025-09-01', '2025-07-01', 'alleenstaand_21_aow', 123558], // 130061 × 0,95 = 123557,95 (1.235,58)
    ['2025-09-01', '2025-07-01', 'samenwonend_21_aow', 176511], // 185801 × 0,95 = 176510,95 (1.765,11)
    // 145370 × 0,95 = 138101,50 → half-up 138102 (domain.md's 1.381,01 rounded the tie down)
    ['2025-09-01', '2025-07-01', 'alleenstaand_aow', 138102],
    ['2025-09-01', '2025-07-01', 'samenwonend_aow', 189072], // 199023 × 0,95 = 189071,85 (1.890,72)
  ];

  it.each(cases)('on %s (period %s) for %s is %i', (today, validFrom, key, expected) => {
    const result = computeRepaymentCapacity(input({ household: households[key]!, today }));
    expect(result.normPeriod?.validFrom).toBe(validFrom);
    expect(result.norm?.key).toBe(key);
    expect(result.bvvIndicativeCents).toBe(expected);
    expect(result.bvvIndicativeReason).toBeNull();
  });

  it('applies up to and including the norm including vakantietoeslag', () => {
    // alleenstaand 21–AOW, 1 July 2025: norm incl. VT 136906, bvv 123558
    const atNorm = computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 136906 }));
    expect(atNorm).toEqual({
      normPeriod: { validFrom: '2025-07-01', label: 'Bijstandsnormen 1 juli 2025' },
      normPeriodOutdated: false,
      norm: { key: 'alleenstaand_21_aow', excludingHolidayCents: 130061, includingHolidayCents: 136906 },
      bvvIndicativeCents: 123558,
      bvvIndicativeReason: null,
      vtlbBaseCents: 123558,
      vtlbCorrectionsCents: 0,
      vtlbCents: 123558,
      vtlbSource: 'indicative',
      aflosruimteCents: 13348, // 136906 − 123558
      aflosruimteBasis: 'vtlb',
      nulAanbod: false,
    });
  });

  it('is null with income_above_norm one cent above it, and the aflosruimte falls back to the saldo', () => {
    const above = computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 136907, saldoCents: 4321 }));
    expect(above).toMatchObject({
      bvvIndicativeCents: null,
      bvvIndicativeReason: 'income_above_norm',
      vtlbCents: null,
      vtlbSource: null,
      vtlbBaseCents: null,
      vtlbCorrectionsCents: null,
      aflosruimteCents: 4321,
      aflosruimteBasis: 'saldo',
      nulAanbod: false,
    });
  });

  // [calculation day, key, norm including VT, indicative bvv]: the income limit of each key in each
  // seeded period is its own including-VT column, not another key's or period's.
  const limits: [string, string, number, number][] = [
    ['2024-10-01', 'alleenstaand_21_aow', 130845, 118088],
    ['2024-10-01', 'samenwonend_21_aow', 186921, 168696],
    ['2024-10-01', 'alleenstaand_aow', 145685, 131481],
    ['2024-10-01', 'samenwonend_aow', 197664, 178392],
    ['2025-03-15', 'alleenstaand_21_aow', 134545, 121427],
    ['2025-03-15', 'samenwonend_21_aow', 192207, 173467],
    ['2025-03-15', 'alleenstaand_aow', 150107, 135472],
    ['2025-03-15', 'samenwonend_aow', 205348, 185327],
    ['2025-09-01', 'alleenstaand_21_aow', 136906, 123558],
    ['2025-09-01', 'samenwonend_21_aow', 195580, 176511],
    ['2025-09-01', 'alleenstaand_aow', 153021, 138102],
    ['2025-09-01', 'samenwonend_aow', 209498, 189072],
  ];

  it.each(limits)('on %s for %s applies at attachable income %i and not one cent above', (today, key, limit, bvv) => {
    const household = households[key]!;
    const at = computeRepaymentCapacity(input({ household, today, attachableIncomeMonthlyCents: limit }));
    expect(at).toMatchObject({ bvvIndicativeCents: bvv, bvvIndicativeReason: null, vtlbCents: bvv, aflosruimteCents: limit - bvv });
    const above = computeRepaymentCapacity(input({ household, today, attachableIncomeMonthlyCents: limit + 1 }));
    expect(above).toMatchObject({ bvvIndicativeCents: null, bvvIndicativeReason: 'income_above_norm', vtlbCents: null, aflosruimteBasis: 'saldo' });
  });

  it('uses the 21+ norm for 18–20 year olds', () => {
    const young = computeRepaymentCapacity(input({ household: { leefsituatie: 'alleenstaand', ageBand: '18_20' } }));
    expect(young.norm?.key).toBe('alleenstaand_21_aow');
    expect(young.bvvIndicativeCents).toBe(123558); // 130061 × 0,95
    const youngCouple = computeRepaymentCapacity(
      input({ household: { leefsituatie: 'samenwonend', ageBand: '18_20', partnerAgeBand: '21_tot_aow' } }),
    );
    expect(youngCouple.bvvIndicativeCents).toBe(176511); // 185801 × 0,95
  });

  it('uses the AOW couple norm when only the partner is of AOW age', () => {
    const result = computeRepaymentCapacity(
      input({ household: { leefsituatie: 'samenwonend', ageBand: '21_tot_aow', partnerAgeBand: 'aow' } }),
    );
    expect(result.norm?.key).toBe('samenwonend_aow');
    expect(result.bvvIndicativeCents).toBe(189072); // 199023 × 0,95 = 189071,85
  });
});

describe('bvvIndicativeReason and its precedence', () => {
  it('kostendelers: other adults in the home', () => {
    const result = computeRepaymentCapacity(input({ household: { ...SINGLE, otherAdults: 1 }, saldoCents: 2500 }));
    expect(result).toMatchObject({
      bvvIndicativeCents: null,
      bvvIndicativeReason: 'kostendelers',
      vtlbCents: null,
      aflosruimteCents: 2500,
      aflosruimteBasis: 'saldo',
    });
    // the norm is still reported, so the overview can show what the single norm would be
    expect(result.norm?.key).toBe('alleenstaand_21_aow');
  });

  it('household_missing: no household, even without norms', () => {
    expect(computeRepaymentCapacity(input({ household: null })).bvvIndicativeReason).toBe('household_missing');
    expect(computeRepaymentCapacity(input({ household: null, normPeriods: [] })).bvvIndicativeReason).toBe('household_missing');
    const missing = computeRepaymentCapacity(input({ household: null }));
    expect(missing.norm).toBeNull();
    expect(missing.normPeriod).toEqual({ validFrom: '2025-07-01', label: 'Bijstandsnormen 1 juli 2025' });
  });

  it('no_norm_period: nothing in force on the calculation day', () => {
    const before = computeRepaymentCapacity(input({ today: '2024-06-30', attachableIncomeMonthlyCents: 500000 }));
    expect(before).toMatchObject({ bvvIndicativeCents: null, bvvIndicativeReason: 'no_norm_period', normPeriod: null, norm: null });
    expect(computeRepaymentCapacity(input({ normPeriods: [] }))).toMatchObject({
      bvvIndicativeReason: 'no_norm_period',
      normPeriod: null,
      normPeriodOutdated: true,
    });
  });

  it('household_missing before kostendelers before no_norm_period before income_above_norm', () => {
    const shared = { ...SINGLE, otherAdults: 2 };
    expect(computeRepaymentCapacity(input({ household: shared, normPeriods: [], attachableIncomeMonthlyCents: 999999 })).bvvIndicativeReason).toBe('kostendelers');
    expect(computeRepaymentCapacity(input({ household: shared, attachableIncomeMonthlyCents: 999999 })).bvvIndicativeReason).toBe('kostendelers');
    expect(computeRepaymentCapacity(input({ normPeriods: [], attachableIncomeMonthlyCents: 999999 })).bvvIndicativeReason).toBe('no_norm_period');
  });
});

describe('VTLB', () => {
  const corrections = [
    { type: 'eigen_risico' as const, amountCents: 3208, justification: '€ 385 / 12' },
    { type: 'arbeidstoeslag' as const, amountCents: 9290, justification: 'werkt 24 uur' },
  ];

  it('adds the corrections to the indicative bvv', () => {
    const result = computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 136906, vtlbCorrections: corrections }));
    expect(result).toMatchObject({
      vtlbBaseCents: 123558,
      vtlbCorrectionsCents: 12498, // 3208 + 9290
      vtlbCents: 136056, // 123558 + 12498
      vtlbSource: 'indicative',
      aflosruimteCents: 850, // 136906 − 136056
      aflosruimteBasis: 'vtlb',
    });
  });

  it('an official bvv replaces the indicative one as the base, even when no estimate is possible', () => {
    const official = { amountCents: 150000, source: 'uwbeslagvrijevoet.nl', date: '2025-08-15' };
    const result = computeRepaymentCapacity(
      input({ attachableIncomeMonthlyCents: 180000, bvvOfficial: official, vtlbCorrections: [corrections[0]!] }),
    );
    expect(result).toMatchObject({
      bvvIndicativeCents: null,
      bvvIndicativeReason: 'income_above_norm', // 180000 > 136906
      vtlbBaseCents: 150000,
      vtlbCorrectionsCents: 3208,
      vtlbCents: 153208, // 150000 + 3208
      vtlbSource: 'bvv_official',
      aflosruimteCents: 26792, // 180000 − 153208
      aflosruimteBasis: 'vtlb',
    });
    // the indicative estimate, when there is one, is still reported beside the official base
    const both = computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 130000, bvvOfficial: official }));
    expect(both).toMatchObject({ bvvIndicativeCents: 123558, vtlbCents: 150000, vtlbSource: 'bvv_official', aflosruimteCents: 0 });
  });

  it('an official VTLB wins over everything and takes no corrections', () => {
    const result = computeRepaymentCapacity(
      input({
        attachableIncomeMonthlyCents: 160000,
        bvvOfficial: { amountCents: 120000 },
        vtlbOfficial: { amountCents: 140000, source: 'gemeentelijke schuldhulp', date: '2025-08-01' },
        vtlbCorrections: corrections,
      }),
    );
    expect(result).toMatchObject({
      vtlbCents: 140000,
      vtlbSource: 'official',
      vtlbBaseCents: null,
      vtlbCorrectionsCents: null,
      aflosruimteCents: 20000, // 160000 − 140000
      aflosruimteBasis: 'vtlb',
      nulAanbod: false,
    });
  });

  it('an official VTLB also stands for a kostendelers household', () => {
    const result = computeRepaymentCapacity(
      input({ household: { ...SINGLE, otherAdults: 1 }, attachableIncomeMonthlyCents: 150000, vtlbOfficial: { amountCents: 145000 } }),
    );
    expect(result).toMatchObject({ bvvIndicativeReason: 'kostendelers', vtlbSource: 'official', aflosruimteCents: 5000 }); // 150000 − 145000
  });
});

describe('aflosruimte', () => {
  it('is clamped at 0 on basis vtlb: a nul-aanbod situation', () => {
    const result = computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 100000, vtlbOfficial: { amountCents: 140000 } }));
    expect(result).toMatchObject({ aflosruimteCents: 0, aflosruimteBasis: 'vtlb', nulAanbod: true });
    // income below the indicative bvv: 100000 − 123558 < 0
    expect(computeRepaymentCapacity(input({ attachableIncomeMonthlyCents: 100000 }))).toMatchObject({
      vtlbCents: 123558,
      aflosruimteCents: 0,
      aflosruimteBasis: 'vtlb',
      nulAanbod: true,
    });
  });

  it('is the saldo on basis saldo when no VTLB can be formed, clamped at 0', () => {
    expect(computeRepaymentCapacity(input({ household: null, saldoCents: 12345 }))).toMatchObject({
      aflosruimteCents: 12345,
      aflosruimteBasis: 'saldo',
      nulAanbod: false,
    });
    expect(computeRepaymentCapacity(input({ household: null, saldoCents: -5000 }))).toMatchObject({
      aflosruimteCents: 0,
      aflosruimteBasis: 'saldo',
      nulAanbod: true,
    });
  });

  it('reports whether the newest norm period is outdated on the calculation day', () => {
    // newest 2025-07-01; 2026-02-01 − 7 months = 2025-07-01 (not outdated), 2026-02-02 → 2025-07-02 (outdated)
    expect(computeRepaymentCapacity(input({ today: '2026-02-01' })).normPeriodOutdated).toBe(false);
    expect(computeRepaymentCapacity(input({ today: '2026-02-02' })).normPeriodOutdated).toBe(true);
  });

  it('is never negative, and nulAanbod says exactly when it is 0 (property)', () => {
    const household = fc.option(
      fc.record({
        leefsituatie: fc.constantFrom(...LEEFSITUATIES),
        ageBand: fc.constantFrom(...AGE_BANDS),
        partnerAgeBand: fc.option(fc.constantFrom(...AGE_BANDS)),
        otherAdults: fc.integer({ min: 0, max: 3 }),
      }),
    );
    const official = fc.option(fc.record({ amountCents: fc.integer({ min: 0, max: 500000 }) }));
    fc.assert(
      fc.property(
        household,
        fc.integer({ min: 0, max: 600000 }),
        fc.integer({ min: -300000, max: 300000 }),
        official,
        official,
        (h, income, saldo, bvvOfficial, vtlbOfficial) => {
          const result = computeRepaymentCapacity(
            input({ household: h, attachableIncomeMonthlyCents: income, saldoCents: saldo, bvvOfficial, vtlbOfficial }),
          );
          expect(result.aflosruimteCents).toBeGreaterThanOrEqual(0);
          expect(result.nulAanbod).toBe(result.aflosruimteCents === 0);
          expect(result.aflosruimteBasis === 'vtlb').toBe(result.vtlbCents !== null);
          expect(result.bvvIndicativeCents === null).toBe(result.bvvIndicativeReason !== null);
        },
      ),
      { seed: FC_SEED },
    );
  });
});
