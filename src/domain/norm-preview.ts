// What a new norm period would change before an admin saves it (it can never be edited or removed
// afterwards): for a sample household per norm key living on a bijstand income, the indicative
// beslagvrije voet and aflosruimte under the period in force today and under the proposed one.
import type { NormHouseholdKey } from '../lib/vocabulary.js';
import { NORM_HOUSEHOLD_KEYS } from '../lib/vocabulary.js';
import { aflosruimte, bvvIndicative, type Household } from './bvv.js';
import type { NormAmounts } from './norms.js';

/** The simplest household that maps to each norm key (bvv.ts normKeyForHousehold is the inverse). */
export const SAMPLE_HOUSEHOLDS: Record<NormHouseholdKey, Household> = {
  alleenstaand_21_aow: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' },
  samenwonend_21_aow: { leefsituatie: 'samenwonend', ageBand: '21_tot_aow', partnerAgeBand: '21_tot_aow' },
  alleenstaand_aow: { leefsituatie: 'alleenstaand', ageBand: 'aow' },
  samenwonend_aow: { leefsituatie: 'samenwonend', ageBand: 'aow', partnerAgeBand: 'aow' },
};

export interface SampleFigures {
  bvvIndicativeCents: number | null;
  aflosruimteCents: number | null;
}

export interface HouseholdPreview {
  normKey: NormHouseholdKey;
  household: Household;
  /** A bijstand income: the norm including vakantietoeslag in force today (else the proposed one). */
  sampleIncomeMonthlyCents: number;
  current: SampleFigures | null;
  proposed: SampleFigures;
  /** proposed − current beslagvrije voet; null when either has none. */
  bvvDifferenceCents: number | null;
}

function figures(household: Household, incomeCents: number, norm: NormAmounts): SampleFigures {
  const { bvvIndicativeCents } = bvvIndicative(household, incomeCents, norm);
  // Only the legal basis is compared: without a bvv the aflosruimte would be a budget figure.
  const room = bvvIndicativeCents === null ? null : aflosruimte(incomeCents, bvvIndicativeCents, 0).aflosruimteCents;
  return { bvvIndicativeCents, aflosruimteCents: room };
}

export function previewNormChange(
  current: Record<NormHouseholdKey, NormAmounts> | null,
  proposed: Record<NormHouseholdKey, NormAmounts>,
): HouseholdPreview[] {
  return NORM_HOUSEHOLD_KEYS.map((normKey) => {
    const household = SAMPLE_HOUSEHOLDS[normKey];
    const currentNorm = current?.[normKey] ?? null;
    const income = (currentNorm ?? proposed[normKey]).includingHolidayCents;
    const before = currentNorm === null ? null : figures(household, income, currentNorm);
    const after = figures(household, income, proposed[normKey]);
    const difference = before?.bvvIndicativeCents != null && after.bvvIndicativeCents !== null
      ? after.bvvIndicativeCents - before.bvvIndicativeCents : null;
    return { normKey, household, sampleIncomeMonthlyCents: income, current: before, proposed: after, bvvDifferenceCents: difference };
  });
}
