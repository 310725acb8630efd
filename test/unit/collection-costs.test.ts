import { describe, expect, it } from 'vitest';
import {
  checkCollectionCosts, collectionCostsMaxCents, collectionCostsScaleCents, collectionCostsVat, defaultCreditorCanDeductVat,
  isPreJudgment, type CollectionCostsInput,
} from '../../src/domain/collection-costs.js';

// Scale in cents: 15 % of the first 250000, 10 % of the next 250000, 5 % of the next 500000,
// 1 % of the next 19000000, 0,5 % above 20000000; min 4000, max 677500, VAT × 1,21.
// Full brackets: 37500, 25000, 25000, 190000 → cumulative 37500, 62500, 87500, 277500.

describe('collectionCostsMaxCents without VAT', () => {
  it.each([
    // [principal, expected, hand computation]
    [250_000, 37_500, '15 % × 250000 = 37500'],
    [250_001, 37_500, '37500 + 10 % × 1 = 37500,1 → 37500'],
    [300_000, 42_500, '37500 + 10 % × 50000 = 42500'],
    [500_000, 62_500, '37500 + 25000 = 62500'],
    [500_001, 62_500, '62500 + 5 % × 1 = 62500,05 → 62500'],
    [500_009, 62_500, '62500 + 5 % × 9 = 62500,45 → 62500 (just below a tie)'],
    [500_010, 62_501, '62500 + 5 % × 10 = 62500,5 → 62501 (tie rounds up)'],
    [1_000_000, 87_500, '62500 + 5 % × 500000 = 87500'],
    [1_000_001, 87_500, '87500 + 1 % × 1 = 87500,01 → 87500'],
    [1_000_050, 87_501, '87500 + 1 % × 50 = 87500,5 → 87501'],
    [20_000_000, 277_500, '87500 + 1 % × 19000000 = 277500'],
    [20_000_001, 277_500, '277500 + 0,5 % × 1 = 277500,005 → 277500'],
    [20_000_100, 277_501, '277500 + 0,5 % × 100 = 277500,5 → 277501'],
    [50_000_000, 427_500, '277500 + 0,5 % × 30000000 = 427500'],
  ])('principal %i → %i (%s)', (principal, expected) => {
    expect(collectionCostsMaxCents(principal, false)).toBe(expected);
  });

  it('never goes below the € 40 minimum', () => {
    expect(collectionCostsMaxCents(0, false)).toBe(4_000); // 0 → min 4000
    expect(collectionCostsMaxCents(26_000, false)).toBe(4_000); // 15 % × 26000 = 3900 → min 4000
    expect(collectionCostsMaxCents(26_666, false)).toBe(4_000); // 3999,9 → 4000
    expect(collectionCostsMaxCents(26_670, false)).toBe(4_001); // 4000,5 → 4001, above the minimum
  });

  it('never goes above the € 6.775 maximum (reached at € 1.000.000)', () => {
    expect(collectionCostsMaxCents(100_000_000, false)).toBe(677_500); // 277500 + 0,5 % × 80000000 = 677500
    expect(collectionCostsMaxCents(100_000_200, false)).toBe(677_500); // 677501 → max 677500
    expect(collectionCostsMaxCents(1_000_000_000, false)).toBe(677_500); // far above → max 677500
  });

  it('reports the unclamped scale separately', () => {
    expect(collectionCostsScaleCents(26_000)).toBe(3_900); // 15 % × 26000
    expect(collectionCostsScaleCents(100_000_200)).toBe(677_501); // 277500 + 0,5 % × 80000200 = 677501
  });

  it('refuses a negative or fractional principal', () => {
    expect(() => collectionCostsMaxCents(-1, false)).toThrow(RangeError);
    expect(() => collectionCostsMaxCents(1.5, false)).toThrow(RangeError);
  });
});

describe('collectionCostsMaxCents with VAT (× 1,21 on the rounded, clamped amount)', () => {
  it.each([
    [250_000, 45_375, '37500 × 1,21 = 45375'],
    [1_000_000, 105_875, '87500 × 1,21 = 105875'],
    [20_000_000, 335_775, '277500 × 1,21 = 335775'],
    [27_000, 4_901, '15 % × 27000 = 4050; 4050 × 1,21 = 4900,5 → 4901 (tie up)'],
    [0, 4_840, 'min 4000 × 1,21 = 4840'],
    [1_000_000_000, 819_775, 'max 677500 × 1,21 = 819775'],
    // Rounding before VAT: 62500,45 → 62500; × 1,21 = 75625. (VAT on 62500,45 would be 75625,54 → 75626.)
    [500_009, 75_625, 'excl. VAT rounded first'],
  ])('principal %i → %i (%s)', (principal, expected) => {
    expect(collectionCostsMaxCents(principal, true)).toBe(expected);
  });
});

describe('checkCollectionCosts', () => {
  const base: CollectionCostsInput = {
    creditorType: 'energie',
    status: 'incasso',
    principalCents: 250_000,
    collectionCostsCents: 37_500,
    collectionCostsIncludeVat: false,
    creditorCanDeductVat: null,
  };

  it('applies to a private-law creditor before judgment', () => {
    expect(checkCollectionCosts(base)).toEqual({ maxCents: 37_500, tooHigh: false, vat: 'not_charged' }); // equal is allowed
    expect(checkCollectionCosts({ ...base, collectionCostsCents: 37_501 })).toEqual({ maxCents: 37_500, tooHigh: true, vat: 'not_charged' });
  });

  it('compares against the VAT-inclusive maximum when the costs include BTW the creditor cannot deduct', () => {
    // A landlord (renting homes is BTW-exempt) cannot deduct: 40000 > 37500 excl. BTW, but ≤ 45375 incl. BTW.
    const landlord = { ...base, creditorType: 'verhuurder' as const };
    expect(checkCollectionCosts({ ...landlord, collectionCostsCents: 40_000 })).toEqual({ maxCents: 37_500, tooHigh: true, vat: 'not_charged' });
    expect(checkCollectionCosts({ ...landlord, collectionCostsCents: 40_000, collectionCostsIncludeVat: true }))
      .toEqual({ maxCents: 45_375, tooHigh: false, vat: 'allowed' });
    expect(checkCollectionCosts({ ...landlord, collectionCostsCents: 45_376, collectionCostsIncludeVat: true }))
      .toEqual({ maxCents: 45_375, tooHigh: true, vat: 'allowed' });
  });

  it('keeps the maximum without BTW when the creditor can deduct it, even if the letter adds BTW', () => {
    // Energy company adds 21 %: 37500 × 1,21 = 45375 asked, 37500 allowed → too high.
    expect(checkCollectionCosts({ ...base, collectionCostsCents: 45_375, collectionCostsIncludeVat: true }))
      .toEqual({ maxCents: 37_500, tooHigh: true, vat: 'not_allowed' });
  });

  it('lets the maatje\'s answer overrule the creditor type', () => {
    // An energy company that says it cannot deduct: BTW allowed, 45375 is the maximum.
    expect(checkCollectionCosts({ ...base, collectionCostsCents: 45_375, collectionCostsIncludeVat: true, creditorCanDeductVat: false }))
      .toEqual({ maxCents: 45_375, tooHigh: false, vat: 'allowed' });
    // A landlord with a business let (BTW on rent) can deduct: no BTW on the costs.
    expect(checkCollectionCosts({
      ...base, creditorType: 'verhuurder', collectionCostsCents: 45_375, collectionCostsIncludeVat: true, creditorCanDeductVat: true,
    })).toEqual({ maxCents: 37_500, tooHigh: true, vat: 'not_allowed' });
  });

  it('checks without BTW when nobody knows whether the creditor can deduct it, and says so', () => {
    expect(checkCollectionCosts({ ...base, creditorType: 'overig', collectionCostsCents: 45_375, collectionCostsIncludeVat: true }))
      .toEqual({ maxCents: 37_500, tooHigh: true, vat: 'unknown' });
  });

  it('reads an unstated VAT choice as excl. VAT', () => {
    expect(checkCollectionCosts({ ...base, collectionCostsIncludeVat: null })).toEqual({ maxCents: 37_500, tooHigh: false, vat: 'not_charged' });
  });

  it('is not too high when no costs are charged', () => {
    expect(checkCollectionCosts({ ...base, collectionCostsCents: null })).toEqual({ maxCents: 37_500, tooHigh: false, vat: 'not_charged' });
  });

  it.each(['open', 'aanmaning', 'incasso', 'deurwaarder', 'dagvaarding', 'betalingsregeling', 'betwist'] as const)(
    'applies in pre-judgment status %s',
    (status) => {
      expect(checkCollectionCosts({ ...base, status }).maxCents).toBe(37_500);
    },
  );

  it.each(['vonnis', 'beslag', 'in_schuldregeling', 'afgelost', 'kwijtgescholden'] as const)('is null in status %s', (status) => {
    expect(checkCollectionCosts({ ...base, status })).toEqual({ maxCents: null, tooHigh: null, vat: null });
  });

  it('applies to a crisis that needs no judgment: a cut-off by energy or water, a cancelled health insurance', () => {
    expect(checkCollectionCosts({ ...base, status: 'ontruiming_of_afsluiting_aangezegd' }).maxCents).toBe(37_500);
    expect(checkCollectionCosts({ ...base, creditorType: 'water', status: 'ontruiming_of_afsluiting_aangezegd' }).maxCents).toBe(37_500);
    expect(checkCollectionCosts({ ...base, creditorType: 'zorgverzekeraar', status: 'opzegging_zorgverzekering_aangezegd' }).maxCents)
      .toBe(37_500);
  });

  it.each(['verhuurder', 'gerechtsdeurwaarder', 'overig'] as const)('is null for an announced eviction or cut-off by %s (after judgment or unclear)', (creditorType) => {
    expect(checkCollectionCosts({ ...base, creditorType, status: 'ontruiming_of_afsluiting_aangezegd' }))
      .toEqual({ maxCents: null, tooHigh: null, vat: null });
  });

  it.each([
    'belastingdienst', 'toeslagen', 'cjib_mulder', 'cjib_strafrechtelijk', 'duo', 'cak', 'uwv', 'svb',
    'gemeente_sociaal', 'gemeente_belastingen', 'waterschap',
  ] as const)('is null for public-law creditor %s', (creditorType) => {
    expect(checkCollectionCosts({ ...base, creditorType, collectionCostsCents: 999_999 }))
      .toEqual({ maxCents: null, tooHigh: null, vat: null });
  });

  it.each(['zorgverzekeraar', 'verhuurder', 'incassobureau', 'gerechtsdeurwaarder', 'particulier', 'overig'] as const)(
    'applies to private-law creditor %s',
    (creditorType) => {
      expect(checkCollectionCosts({ ...base, creditorType }).maxCents).toBe(37_500);
    },
  );

  it('is null without a principal', () => {
    expect(checkCollectionCosts({ ...base, principalCents: null })).toEqual({ maxCents: null, tooHigh: null, vat: null });
  });
});

describe('who may add BTW to the incassokosten', () => {
  it.each([
    ['energie', true], ['water', true], ['telecom', true], ['koop_op_afbetaling', true], ['incassobureau', true],
    ['verhuurder', false], ['bank_krediet', false], ['zorgverzekeraar', false], ['particulier', false],
    ['gerechtsdeurwaarder', null], ['overig', null],
  ] as const)('%s can deduct BTW by default: %s', (creditorType, expected) => {
    expect(defaultCreditorCanDeductVat(creditorType)).toBe(expected);
  });

  it('only judges BTW that is charged', () => {
    expect(collectionCostsVat({ creditorType: 'verhuurder', collectionCostsIncludeVat: false, creditorCanDeductVat: null })).toBe('not_charged');
    expect(collectionCostsVat({ creditorType: 'verhuurder', collectionCostsIncludeVat: null, creditorCanDeductVat: false })).toBe('not_charged');
    expect(collectionCostsVat({ creditorType: 'telecom', collectionCostsIncludeVat: true, creditorCanDeductVat: null })).toBe('not_allowed');
  });

  it('knows which statuses come before a judgment', () => {
    expect(isPreJudgment('dagvaarding', 'overig')).toBe(true);
    expect(isPreJudgment('vonnis', 'energie')).toBe(false);
    expect(isPreJudgment('ontruiming_of_afsluiting_aangezegd', 'energie')).toBe(true);
    expect(isPreJudgment('ontruiming_of_afsluiting_aangezegd', 'verhuurder')).toBe(false);
    expect(isPreJudgment('opzegging_zorgverzekering_aangezegd', 'zorgverzekeraar')).toBe(true);
  });
});
