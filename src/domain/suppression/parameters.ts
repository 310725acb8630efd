// The disclosure-control parameters (docs/domain.md §8, (docs/api.md). A stats
// response carries `describeMethod(...)`, so the evaluator can read how every figure was protected
// and a later change of rules shows up as a new `version` instead of silently different numbers.

import { divideRoundHalfUp } from '../../lib/money.js';

export const METHOD_VERSION = 1;
export const DEFAULT_MIN_CELL = 10;
/** docs/domain.md §8: k is configurable but never below 5. */
export const LOWEST_MIN_CELL = 5;
export const DEFAULT_ROUNDING_BASE = 5;
/** CBS dominance rule: no single contribution may exceed 30 % of the cell's sum. */
export const DOMINANCE_PERCENT = 30;
/** Sums say more about a cell than a median does, so they are coarsened to € 100. */
export const SUM_ROUNDING_EUROS = 100;

export type CountSuppressionReason = 'small_cell' | 'complementary' | 'homogeneous';
export type FigureSuppressionReason = 'small_cell' | 'dominance';
export type SuppressionReason = CountSuppressionReason | FigureSuppressionReason;
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = [
  'small_cell', 'complementary', 'dominance', 'homogeneous',
];

export interface SuppressionParameters {
  /** k: the smallest count that may be published. */
  readonly minCell: number;
  /** Published counts are multiples of this. */
  readonly roundingBase: number;
}

export interface MethodDescription {
  readonly version: typeof METHOD_VERSION;
  readonly minCell: number;
  readonly roundingBase: number;
  readonly dominanceShare: number;
  readonly medianRoundingEuros: 1;
  readonly sumRoundingEuros: typeof SUM_ROUNDING_EUROS;
  /** Zero counts are hidden like any count below k (see count-tables.ts). */
  readonly zeroCounts: 'suppressed';
}

/** Defaults filled in and validated; throws RangeError for a k below 5 or a finer rounding. */
export function suppressionParameters(input: Partial<SuppressionParameters> = {}): SuppressionParameters {
  const minCell = input.minCell ?? DEFAULT_MIN_CELL;
  const roundingBase = input.roundingBase ?? DEFAULT_ROUNDING_BASE;
  if (!Number.isSafeInteger(minCell) || minCell < LOWEST_MIN_CELL) {
    throw new RangeError(`minCell must be a whole number of at least ${LOWEST_MIN_CELL}`);
  }
  // Rounding finer than 5 would undo docs/domain.md §8's "published counts are rounded to 5".
  if (!Number.isSafeInteger(roundingBase) || roundingBase < DEFAULT_ROUNDING_BASE) {
    throw new RangeError(`roundingBase must be a whole number of at least ${DEFAULT_ROUNDING_BASE}`);
  }
  return { minCell, roundingBase };
}

export function describeMethod(parameters: SuppressionParameters): MethodDescription {
  const { minCell, roundingBase } = suppressionParameters(parameters);
  return {
    version: METHOD_VERSION,
    minCell,
    roundingBase,
    dominanceShare: DOMINANCE_PERCENT / 100,
    medianRoundingEuros: 1,
    sumRoundingEuros: SUM_ROUNDING_EUROS,
    zeroCounts: 'suppressed',
  };
}

/** Nearest multiple of the base, ties up (12.5 → 15). */
export function roundToBase(count: number, base: number): number {
  return divideRoundHalfUp(count, base) * base;
}

/**
 * A count may be shown when it is at least k *and* still at least k after rounding: with a k that
 * is not a multiple of the base (k = 12: 12 → 10) the rounded figure would otherwise fall below k.
 */
export function isPublishableCount(count: number, parameters: SuppressionParameters): boolean {
  return count >= parameters.minCell && roundToBase(count, parameters.roundingBase) >= parameters.minCell;
}
