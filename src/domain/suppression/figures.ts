// Which medians and sums of one cell may be published (docs/domain.md §8).
// Never a minimum or a maximum: each is one resident's own figure, so none is offered here.
//
// - At least k values, otherwise `small_cell`.
// - Money only: no single value above 30 % of the cell's sum (absolute values, as CBS does),
//   otherwise `dominance`. CBS would still release the median of a dominated cell; docs/domain.md §8
//   applies the rule to every money figure, and the project keeps that stricter rule.
// - Medians in whole euros; sums in € 100 (SUM_ROUNDING_EUROS).
// Sums are additive: a sum per cell next to the sum of their union gives a hidden cell away, so
// publish sums only for cells that do not add up to another published sum.

import { divideRoundHalfUp } from '../../lib/money.js';
import {
  DOMINANCE_PERCENT, SUM_ROUNDING_EUROS, suppressionParameters,
  type FigureSuppressionReason, type SuppressionParameters,
} from './parameters.js';

export type MoneyStatistic = 'median' | 'sum';

export type PublishedFigure =
  | { readonly value: number }
  | { readonly value: null; readonly suppressed: FigureSuppressionReason };

const CENTS_PER_EURO = 100;

/**
 * The median divided by `unit`, rounded half-up (ties away from zero), in integers only.
 * Odd n: the middle value. Even n: the mean of the two middle values. The division by 2 and by
 * `unit` happen in one step, so there is no double rounding (median of 1 and 98 cents = 49,5 ct
 * → € 0, not 50 ct → € 1).
 */
export function medianRoundHalfUp(values: readonly number[], unit = 1): number {
  if (values.length === 0) throw new RangeError('the median of no values is undefined');
  checkIntegers(values);
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted.length >> 1;
  const upperMiddle = sorted[upper] as number;
  if (sorted.length % 2 === 1) return divideRoundHalfUp(upperMiddle, unit);
  return divideRoundHalfUp((sorted[upper - 1] as number) + upperMiddle, 2 * unit);
}

/** True when one value is more than 30 % of the sum of all values (absolute values). */
export function isDominated(values: readonly number[]): boolean {
  checkIntegers(values);
  // BigInt: a cell of many large amounts times 100 must not leave the safe-integer range.
  const magnitudes = values.map((value) => BigInt(Math.abs(value)));
  const total = magnitudes.reduce((sum, value) => sum + value, 0n);
  const largest = magnitudes.reduce((max, value) => (value > max ? value : max), 0n);
  return largest * 100n > BigInt(DOMINANCE_PERCENT) * total;
}

/** A median or sum of money (values in cents), published in euros or suppressed. */
export function publishMoneyFigure(
  valuesCents: readonly number[],
  statistic: MoneyStatistic,
  parameters: SuppressionParameters = suppressionParameters(),
): PublishedFigure {
  const { minCell } = suppressionParameters(parameters);
  checkIntegers(valuesCents);
  if (valuesCents.length < minCell) return { value: null, suppressed: 'small_cell' };
  if (isDominated(valuesCents)) return { value: null, suppressed: 'dominance' };
  if (statistic === 'median') return { value: medianRoundHalfUp(valuesCents, CENTS_PER_EURO) };
  const sumCents = valuesCents.reduce((sum, value) => sum + value, 0);
  return { value: divideRoundHalfUp(sumCents, CENTS_PER_EURO * SUM_ROUNDING_EUROS) * SUM_ROUNDING_EUROS };
}

/**
 * A median that is not money (days per phase, number of creditors): only the k rule applies,
 * since one long or large case cannot move a median the way it dominates a sum.
 */
export function publishMedian(
  values: readonly number[],
  parameters: SuppressionParameters = suppressionParameters(),
): PublishedFigure {
  const { minCell } = suppressionParameters(parameters);
  checkIntegers(values);
  if (values.length < minCell) return { value: null, suppressed: 'small_cell' };
  return { value: medianRoundHalfUp(values) };
}

function checkIntegers(values: readonly number[]): void {
  if (!values.every((value) => Number.isSafeInteger(value))) {
    throw new RangeError('values must be whole numbers (cents, days, counts)');
  }
}
