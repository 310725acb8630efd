// Legal maximum of buitengerechtelijke incassokosten (Besluit vergoeding buitengerechtelijke
// incassokosten, Stb. 2012/141; docs/domain.md §3), so a maatje can see when a claim asks too much.
//
// Where the rounding happens, and why:
// 1. The scale is summed exactly in thousandths of a cent (rates in per mille × cents), so no
//    bracket is rounded on its own; the sum is rounded half-up to the cent once. (Only the top
//    bracket that is reached can carry a fraction, the full lower brackets are whole cents.)
// 2. The € 40 minimum and € 6.775 maximum are then applied: they are amounts excl. VAT in the
//    Besluit. Both are whole cents, so clamping before or after step 1's rounding is the same.
// 3. VAT (× 1,21) is applied only when the costs include BTW AND the creditor cannot deduct it
//    (a creditor that deducts the collector's BTW has no BTW cost to pass on). It is applied to that whole-cent amount and rounded half-up again: the excl.-VAT
//    maximum is itself an amount a creditor can charge, and VAT is charged on a cent amount.
//    (Applying VAT to the unrounded sum can give one cent more; e.g. principal € 5.000,09.)

import { divideRoundHalfUp, scaleCents } from '../lib/money.js';
import {
  DISCONNECTING_CREDITOR_TYPES, PRE_JUDGMENT_STATUSES, PUBLIC_LAW_CREDITOR_TYPES, VAT_DEDUCTING_CREDITOR_TYPES,
  VAT_NON_DEDUCTING_CREDITOR_TYPES, type CollectionCostsVat, type CreditorType, type DebtStatus,
} from '../lib/vocabulary.js';

export const COLLECTION_COSTS_MIN_CENTS = 4_000;
export const COLLECTION_COSTS_MAX_CENTS = 677_500;

/** Bracket widths in cents and rates in per mille; the last bracket is open-ended. */
const SCALE: readonly { widthCents: number; perMille: number }[] = [
  { widthCents: 250_000, perMille: 150 },
  { widthCents: 250_000, perMille: 100 },
  { widthCents: 500_000, perMille: 50 },
  { widthCents: 19_000_000, perMille: 10 },
  { widthCents: Number.POSITIVE_INFINITY, perMille: 5 },
];

const VAT_NUMERATOR = 121;
const VAT_DENOMINATOR = 100;

/** The scale on the principal, excl. VAT, before min/max, rounded half-up to the cent. */
export function collectionCostsScaleCents(principalCents: number): number {
  if (!Number.isSafeInteger(principalCents) || principalCents < 0) {
    throw new RangeError('principalCents must be a non-negative safe integer');
  }
  let remaining = principalCents;
  let thousandthsOfCent = 0;
  for (const { widthCents, perMille } of SCALE) {
    const inBracket = Math.min(remaining, widthCents);
    thousandthsOfCent += inBracket * perMille;
    remaining -= inBracket;
    if (remaining === 0) break;
  }
  return divideRoundHalfUp(thousandthsOfCent, 1000);
}

export function collectionCostsMaxCents(principalCents: number, includeVat: boolean): number {
  const scaled = collectionCostsScaleCents(principalCents);
  const exclVat = Math.min(COLLECTION_COSTS_MAX_CENTS, Math.max(COLLECTION_COSTS_MIN_CENTS, scaled));
  return includeVat ? scaleCents(exclVat, VAT_NUMERATOR, VAT_DENOMINATOR) : exclVat;
}

export function isPublicLawCreditorType(creditorType: CreditorType): boolean {
  return PUBLIC_LAW_CREDITOR_TYPES.includes(creditorType);
}

/**
 * Before judgment, so the incassokosten scale still applies. A crisis is pre-judgment when no court
 * was needed for it: a zorgverzekeraar cancels a policy and an energy or water company cuts off
 * supply on its own; an ontruiming (eviction) always follows a judgment, and with any other
 * creditor type the status cannot tell which of the two it is, so the check stays off.
 */
export function isPreJudgment(status: DebtStatus, creditorType: CreditorType): boolean {
  if (PRE_JUDGMENT_STATUSES.includes(status)) return true;
  if (status === 'opzegging_zorgverzekering_aangezegd') return true;
  return status === 'ontruiming_of_afsluiting_aangezegd' && DISCONNECTING_CREDITOR_TYPES.includes(creditorType);
}

/** The answer when the maatje did not ask: by creditor type, or null when the type does not tell. */
export function defaultCreditorCanDeductVat(creditorType: CreditorType): boolean | null {
  if (VAT_DEDUCTING_CREDITOR_TYPES.includes(creditorType)) return true;
  if (VAT_NON_DEDUCTING_CREDITOR_TYPES.includes(creditorType)) return false;
  return null;
}

export interface CollectionCostsInput {
  creditorType: CreditorType;
  status: DebtStatus;
  principalCents: number | null;
  collectionCostsCents: number | null;
  /** `null` (not stated) is read as excl. VAT, the stricter check. */
  collectionCostsIncludeVat: boolean | null;
  /** `null` (not asked): the creditor type's default; when that is unknown too, no BTW (the stricter check). */
  creditorCanDeductVat: boolean | null;
}

export interface CollectionCostsCheck {
  maxCents: number | null;
  tooHigh: boolean | null;
  /** null when the check does not apply. */
  vat: CollectionCostsVat | null;
}

export function collectionCostsApply(
  debt: Pick<CollectionCostsInput, 'creditorType' | 'status' | 'principalCents'>,
): boolean {
  return debt.principalCents !== null && !isPublicLawCreditorType(debt.creditorType)
    && isPreJudgment(debt.status, debt.creditorType);
}

/** Whether BTW on the costs is charged, and if so whether the creditor may charge it. */
export function collectionCostsVat(
  debt: Pick<CollectionCostsInput, 'creditorType' | 'collectionCostsIncludeVat' | 'creditorCanDeductVat'>,
): CollectionCostsVat {
  if (debt.collectionCostsIncludeVat !== true) return 'not_charged';
  const canDeduct = debt.creditorCanDeductVat ?? defaultCreditorCanDeductVat(debt.creditorType);
  if (canDeduct === null) return 'unknown';
  return canDeduct ? 'not_allowed' : 'allowed';
}

/**
 * Not applicable → all null. Applicable without charged costs → `tooHigh: false` (nothing asked).
 * The maximum includes BTW only when BTW is charged and allowed; an unknown answer gets the maximum
 * without BTW, so the maatje is prompted to ask rather than the resident overpaying.
 */
export function checkCollectionCosts(debt: CollectionCostsInput): CollectionCostsCheck {
  if (debt.principalCents === null || !collectionCostsApply(debt)) return { maxCents: null, tooHigh: null, vat: null };
  const vat = collectionCostsVat(debt);
  const maxCents = collectionCostsMaxCents(debt.principalCents, vat === 'allowed');
  const tooHigh = debt.collectionCostsCents !== null && debt.collectionCostsCents > maxCents;
  return { maxCents, tooHigh, vat };
}
