// Money is integer euro cents end to end. This module holds the only rounding rule (half-up to
// the cent) and the only frequency → monthly conversion (docs/domain.md §2).

export const FREQUENCIES = ['week', 'four_weeks', 'month', 'quarter', 'half_year', 'year', 'once'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export type RecurringFrequency = Exclude<Frequency, 'once'>;

/** The largest amount a single field may hold: € 10.000.000,00 (docs/api.md: 0 … 10⁹ cents). */
export const MAX_CENTS = 1_000_000_000;

/** numerator / denominator rounded half-up (ties away from zero for negatives), integers only. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('divideRoundHalfUp needs safe integers and a positive denominator');
  }
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

// Monthly factor as a fraction, so no float ever touches an amount.
const MONTHLY_FACTOR: Record<RecurringFrequency, readonly [number, number]> = {
  week: [52, 12],
  four_weeks: [13, 12],
  month: [1, 1],
  quarter: [1, 3],
  half_year: [1, 6],
  year: [1, 12],
};

/** The monthly equivalent of one line, rounded half-up per line; `null` for one-off (`once`) lines. */
export function monthlyCents(amountCents: number, frequency: Frequency): number | null {
  if (frequency === 'once') return null;
  const [multiply, divide] = MONTHLY_FACTOR[frequency];
  return divideRoundHalfUp(amountCents * multiply, divide);
}

/** amount × numerator / denominator, rounded half-up: percentages and factors without floats. */
export function scaleCents(amountCents: number, numerator: number, denominator: number): number {
  return divideRoundHalfUp(amountCents * numerator, denominator);
}

export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of cents is not a safe integer');
  return total;
}
