// Bijstandsnormen are data (docs/domain.md §4): half-year periods an admin adds and nobody edits.
// Dates are ISO calendar dates ('YYYY-MM-DD') in the caller's time zone (Europe/Amsterdam);
// ISO dates compare correctly as strings, so no Date object (and no UTC shift) is involved.
import { divideRoundHalfUp, MAX_CENTS } from '../lib/money.js';
import { NORM_HOUSEHOLD_KEYS, type NormHouseholdKey } from '../lib/vocabulary.js';

export interface NormAmounts {
  excludingHolidayCents: number;
  includingHolidayCents: number;
}

export interface NormPeriod {
  validFrom: string;
  label: string;
  norms: Record<NormHouseholdKey, NormAmounts>;
}

/** What an admin submits: possibly incomplete, so every gap can be reported at once. */
export interface NormPeriodCandidate {
  validFrom: string;
  label?: string;
  norms: Partial<Record<string, Partial<NormAmounts>>>;
}

export type NormPeriodProblem =
  | { code: 'valid_from_not_a_date' }
  | { code: 'valid_from_not_1_january_or_1_july' }
  | { code: 'valid_from_exists'; validFrom: string }
  | { code: 'valid_from_too_far_ahead'; latestValidFrom: string }
  | { code: 'norm_missing'; key: NormHouseholdKey }
  | { code: 'norm_unknown_key'; key: string }
  | { code: 'amount_not_positive_cents'; key: NormHouseholdKey; field: keyof NormAmounts }
  | { code: 'holiday_allowance_mismatch'; key: NormHouseholdKey; expectedExcludingHolidayCents: number };

/** The warning threshold of docs/domain.md §4: norms change every half year, so 7 months means one was missed. */
export const NORM_PERIOD_OUTDATED_AFTER_MONTHS = 7;

/**
 * How far ahead a new period may start. The next 1 January or 1 July is never more than 6 months
 * away, and norms are published shortly before it. Periods cannot be edited or removed, so a
 * mistyped year (2062 for 2026) would otherwise stand for ever as the newest period.
 */
export const NORM_PERIOD_MAX_MONTHS_AHEAD = 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The same day `months` calendar months earlier, clamped to the month's end (31 Oct − 7 → 31 Mar, 30 Sep − 7 → 28/29 Feb). */
export function calendarMonthsBefore(isoDate: string, months: number): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || !isIsoDate(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  const monthIndex = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whole calendar months from `from` to `to` (a month counts once its day is reached): how old a
 * norm period is, in words a resident can check on a calendar. 1 Jul 2025 → 22 Nov 2026 is 16.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [a, b] = [ISO_DATE.exec(from), ISO_DATE.exec(to)];
  if (!a || !b || !isIsoDate(from) || !isIsoDate(to)) throw new RangeError('expected ISO dates');
  const months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  return Number(b[3]) < Number(a[3]) ? months - 1 : months;
}

/** Generic so callers can pass stored rows (with ids) and get the same row back. */
export function normPeriodInForce<P extends { validFrom: string }>(periods: readonly P[], onDate: string): P | null {
  let inForce: P | null = null;
  for (const period of periods) {
    if (period.validFrom <= onDate && (inForce === null || period.validFrom > inForce.validFrom)) inForce = period;
  }
  return inForce;
}

export function newestNormPeriod<P extends { validFrom: string }>(periods: readonly P[]): P | null {
  let newest: P | null = null;
  for (const period of periods) {
    if (newest === null || period.validFrom > newest.validFrom) newest = period;
  }
  return newest;
}

/**
 * True when the newest period started before `today` minus 7 calendar months (so on exactly that
 * day it is still current). No periods at all also counts as outdated: the admin must act.
 * A period that starts in the future counts as the newest, so entering norms early clears the warning.
 */
export function isNormPeriodOutdated(periods: readonly { validFrom: string }[], today: string): boolean {
  const newest = newestNormPeriod(periods);
  if (newest === null) return true;
  return newest.validFrom < calendarMonthsBefore(today, NORM_PERIOD_OUTDATED_AFTER_MONTHS);
}

/**
 * The bijstandsnorm excluding vakantietoeslag is 95 % of the norm including it (the 5 % is reserved
 * as vakantietoeslag). Checked in that direction because the factor 1,0526 in the other direction is
 * itself rounded and misses the published 1 July 2025 figures by 4–6 cents.
 */
export function excludingHolidayFromIncluding(includingHolidayCents: number): number {
  return divideRoundHalfUp(includingHolidayCents * 95, 100);
}

function isPositiveCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_CENTS;
}

/**
 * Every reason the candidate cannot be added; empty when it can. Periods are never edited, so a
 * start date that already has a period is refused. A period may be added before a newer one (the
 * 1 January norms entered after the 1 July ones): which period is in force follows from validFrom
 * alone, so the order of entry does not matter. With `today`, it must start within
 * NORM_PERIOD_MAX_MONTHS_AHEAD of it.
 */
export function validateNewNormPeriod(
  candidate: NormPeriodCandidate,
  existing: readonly { validFrom: string }[],
  today?: string,
): NormPeriodProblem[] {
  const problems: NormPeriodProblem[] = [];

  if (!isIsoDate(candidate.validFrom)) {
    problems.push({ code: 'valid_from_not_a_date' });
  } else {
    if (!/-(01-01|07-01)$/.test(candidate.validFrom)) problems.push({ code: 'valid_from_not_1_january_or_1_july' });
    if (existing.some((period) => period.validFrom === candidate.validFrom)) {
      problems.push({ code: 'valid_from_exists', validFrom: candidate.validFrom });
    }
    if (today !== undefined) {
      // Negative months step forward: the same day 6 months later, clamped to the month's end.
      const latest = calendarMonthsBefore(today, -NORM_PERIOD_MAX_MONTHS_AHEAD);
      if (candidate.validFrom > latest) problems.push({ code: 'valid_from_too_far_ahead', latestValidFrom: latest });
    }
  }

  const knownKeys: readonly string[] = NORM_HOUSEHOLD_KEYS;
  for (const key of Object.keys(candidate.norms)) {
    if (!knownKeys.includes(key)) problems.push({ code: 'norm_unknown_key', key });
  }

  for (const key of NORM_HOUSEHOLD_KEYS) {
    const amounts = candidate.norms[key];
    if (amounts === undefined) {
      problems.push({ code: 'norm_missing', key });
      continue;
    }
    const { excludingHolidayCents, includingHolidayCents } = amounts;
    let amountsValid = true;
    for (const field of ['excludingHolidayCents', 'includingHolidayCents'] as const) {
      if (!isPositiveCents(amounts[field])) {
        problems.push({ code: 'amount_not_positive_cents', key, field });
        amountsValid = false;
      }
    }
    if (!amountsValid || excludingHolidayCents === undefined || includingHolidayCents === undefined) continue;
    const expected = excludingHolidayFromIncluding(includingHolidayCents);
    // Municipal tables round each figure on its own, so a one-cent difference is normal.
    if (Math.abs(excludingHolidayCents - expected) > 1) {
      problems.push({ code: 'holiday_allowance_mismatch', key, expectedExcludingHolidayCents: expected });
    }
  }

  return problems;
}
