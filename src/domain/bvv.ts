// Beslagvrije voet → VTLB → aflosruimte (docs/domain.md §4). The legal bvv is computed by certified
// rekentools; this module only estimates it for income at or below bijstandsniveau and otherwise
// relies on the official figures the maatje enters.
import { scaleCents, sumCents } from '../lib/money.js';
import type {
  AflosruimteBasis,
  AgeBand,
  BvvIndicativeReason,
  Leefsituatie,
  NormHouseholdKey,
  VtlbCorrectionType,
  VtlbSource,
} from '../lib/vocabulary.js';
import { isNormPeriodOutdated, normPeriodInForce, type NormAmounts, type NormPeriod } from './norms.js';

export interface Household {
  leefsituatie: Leefsituatie;
  ageBand: AgeBand;
  partnerAgeBand?: AgeBand | null;
  /** Other adults sharing the home (kostendelers); absent means 0. */
  otherAdults?: number | null;
}

/** An entered authoritative figure; only the amount enters the calculation, source and date are for display. */
export interface OfficialAmount {
  amountCents: number;
  source?: string | null;
  date?: string | null;
}

export interface VtlbCorrection {
  type: VtlbCorrectionType;
  amountCents: number;
  justification: string;
}

export interface RepaymentCapacityInput {
  household: Household | null;
  attachableIncomeMonthlyCents: number;
  saldoCents: number;
  bvvOfficial: OfficialAmount | null;
  vtlbOfficial: OfficialAmount | null;
  vtlbCorrections: readonly VtlbCorrection[];
  normPeriods: readonly NormPeriod[];
  /** The calculation day, 'YYYY-MM-DD' in Europe/Amsterdam. */
  today: string;
}

export interface RepaymentCapacity {
  /** The period in force on `today`, whether or not the indicative bvv could use it. */
  normPeriod: { validFrom: string; label: string } | null;
  normPeriodOutdated: boolean;
  /** The household's norm in that period (for "95 % of € …" explanations); null without household or period. */
  norm: ({ key: NormHouseholdKey } & NormAmounts) | null;
  bvvIndicativeCents: number | null;
  bvvIndicativeReason: BvvIndicativeReason | null;
  /** The amount the corrections were added to (official or indicative bvv); null when not used. */
  vtlbBaseCents: number | null;
  /** Sum of the corrections added to the base; null when they were not used (official VTLB, or no VTLB). */
  vtlbCorrectionsCents: number | null;
  vtlbCents: number | null;
  vtlbSource: VtlbSource | null;
  aflosruimteCents: number;
  aflosruimteBasis: AflosruimteBasis;
  /** Nothing left to repay: the NVVK nul-aanbod situation (docs/domain.md §4). */
  nulAanbod: boolean;
}

/**
 * alleenstaand* → single norm, samenwonend* → couple norm; AOW norm when the resident (or, for a
 * couple, either partner) is of AOW age. 18–20 falls under the 21+ norm: the bvv has not been
 * lower for under-21s since 2020.
 */
export function normKeyForHousehold(household: Household): NormHouseholdKey {
  const couple = household.leefsituatie === 'samenwonend' || household.leefsituatie === 'samenwonend_met_kinderen';
  const aow = household.ageBand === 'aow' || (couple && household.partnerAgeBand === 'aow');
  if (couple) return aow ? 'samenwonend_aow' : 'samenwonend_21_aow';
  return aow ? 'alleenstaand_aow' : 'alleenstaand_21_aow';
}

/** 95 % of the norm excluding vakantietoeslag, half-up to the cent. */
export function bvvBasisCents(normExcludingHolidayCents: number): number {
  return scaleCents(normExcludingHolidayCents, 95, 100);
}

export interface BvvIndicative {
  bvvIndicativeCents: number | null;
  bvvIndicativeReason: BvvIndicativeReason | null;
}

/**
 * Reasons in this precedence: `household_missing` (no norm can be chosen), `kostendelers` (the
 * estimate never applies to a shared home, whatever the norms), `no_norm_period` (system data
 * missing), `income_above_norm` (the only one that needs the norm itself to be judged). Facts
 * about the dossier come before system data, and each reason needs no more than the ones before it.
 */
export function bvvIndicative(
  household: Household | null,
  attachableIncomeMonthlyCents: number,
  norm: NormAmounts | null,
): BvvIndicative {
  const refuse = (reason: BvvIndicativeReason): BvvIndicative => ({ bvvIndicativeCents: null, bvvIndicativeReason: reason });
  if (household === null) return refuse('household_missing');
  if ((household.otherAdults ?? 0) > 0) return refuse('kostendelers');
  if (norm === null) return refuse('no_norm_period');
  // Income group 1 of the Wet Vbvv ends at the norm including vakantietoeslag; above it toeslagen
  // compensation applies and only a certified rekentool gives the bvv.
  if (attachableIncomeMonthlyCents > norm.includingHolidayCents) return refuse('income_above_norm');
  return { bvvIndicativeCents: bvvBasisCents(norm.excludingHolidayCents), bvvIndicativeReason: null };
}

export interface Vtlb {
  vtlbCents: number | null;
  vtlbSource: VtlbSource | null;
  vtlbBaseCents: number | null;
  vtlbCorrectionsCents: number | null;
}

/** An official VTLB already contains the professional's corrections, so the listed ones are not added to it. */
export function vtlb(
  vtlbOfficial: OfficialAmount | null,
  bvvOfficial: OfficialAmount | null,
  bvvIndicativeCents: number | null,
  corrections: readonly VtlbCorrection[],
): Vtlb {
  if (vtlbOfficial !== null) {
    return { vtlbCents: vtlbOfficial.amountCents, vtlbSource: 'official', vtlbBaseCents: null, vtlbCorrectionsCents: null };
  }
  const base: { cents: number; source: VtlbSource } | null =
    bvvOfficial !== null
      ? { cents: bvvOfficial.amountCents, source: 'bvv_official' }
      : bvvIndicativeCents !== null
        ? { cents: bvvIndicativeCents, source: 'indicative' }
        : null;
  if (base === null) return { vtlbCents: null, vtlbSource: null, vtlbBaseCents: null, vtlbCorrectionsCents: null };
  const correctionsCents = sumCents(corrections.map((correction) => correction.amountCents));
  return {
    vtlbCents: base.cents + correctionsCents,
    vtlbSource: base.source,
    vtlbBaseCents: base.cents,
    vtlbCorrectionsCents: correctionsCents,
  };
}

export interface Aflosruimte {
  aflosruimteCents: number;
  aflosruimteBasis: AflosruimteBasis;
}

/** Without a VTLB the budget saldo stands in: a budget figure, not a legal one (basis `saldo`). */
export function aflosruimte(attachableIncomeMonthlyCents: number, vtlbCents: number | null, saldoCents: number): Aflosruimte {
  if (vtlbCents === null) return { aflosruimteCents: Math.max(0, saldoCents), aflosruimteBasis: 'saldo' };
  return { aflosruimteCents: Math.max(0, attachableIncomeMonthlyCents - vtlbCents), aflosruimteBasis: 'vtlb' };
}

/** Every bvv/VTLB/aflosruimte field of the overview (docs/api.md), from the inputs alone. */
export function computeRepaymentCapacity(input: RepaymentCapacityInput): RepaymentCapacity {
  const period = normPeriodInForce(input.normPeriods, input.today);
  const key = input.household === null ? null : normKeyForHousehold(input.household);
  const norm = period !== null && key !== null ? { key, ...period.norms[key] } : null;

  const bvv = bvvIndicative(input.household, input.attachableIncomeMonthlyCents, norm);
  const v = vtlb(input.vtlbOfficial, input.bvvOfficial, bvv.bvvIndicativeCents, input.vtlbCorrections);
  const room = aflosruimte(input.attachableIncomeMonthlyCents, v.vtlbCents, input.saldoCents);

  return {
    normPeriod: period === null ? null : { validFrom: period.validFrom, label: period.label },
    normPeriodOutdated: isNormPeriodOutdated(input.normPeriods, input.today),
    norm,
    bvvIndicativeCents: bvv.bvvIndicativeCents,
    bvvIndicativeReason: bvv.bvvIndicativeReason,
    vtlbBaseCents: v.vtlbBaseCents,
    vtlbCorrectionsCents: v.vtlbCorrectionsCents,
    vtlbCents: v.vtlbCents,
    vtlbSource: v.vtlbSource,
    aflosruimteCents: room.aflosruimteCents,
    aflosruimteBasis: room.aflosruimteBasis,
    nulAanbod: room.aflosruimteCents === 0,
  };
}
