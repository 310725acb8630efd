// Statistics periods: a calendar quarter (`2025-Q3`) or year (`2025`) in Dutch time, since the
// programme's dates are Dutch dates. A period is published 30 days after it ends (time for late
// data entry, docs/domain.md §8) and only then may it be computed, once, and frozen.
import { amsterdamDate } from '../../lib/dates.js';

/** Years 2000–2099: wide enough for any real pull, narrow enough that a typo is a 400. */
export const PERIOD_PATTERN = /^(20\d{2})(?:-Q([1-4]))?$/;
export const PUBLICATION_DELAY_DAYS = 30;
export const STATS_TIME_ZONE = 'Europe/Amsterdam';

export interface StatsPeriod {
  readonly label: string;
  /** First day of the period, 'YYYY-MM-DD' (Amsterdam calendar). */
  readonly start: string;
  /** First day after the period. */
  readonly end: string;
  /** First day on which the period may be published. */
  readonly publishedFrom: string;
}

export function parsePeriod(label: string): StatsPeriod {
  const match = PERIOD_PATTERN.exec(label);
  if (!match) throw new RangeError(`not a statistics period: ${label}`);
  const year = Number(match[1]);
  const quarter = match[2] === undefined ? undefined : Number(match[2]);
  const startMonth = quarter === undefined ? 0 : (quarter - 1) * 3;
  const months = quarter === undefined ? 12 : 3;
  const start = isoDate(Date.UTC(year, startMonth, 1));
  const end = isoDate(Date.UTC(year, startMonth + months, 1));
  return { label, start, end, publishedFrom: addDays(end, PUBLICATION_DELAY_DAYS) };
}

export function isPublished(period: StatsPeriod, now: Date): boolean {
  return amsterdamDate(now) >= period.publishedFrom;
}

function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * Every period published at `now`, from `firstYear` on, newest end first (a year before its own
 * fourth quarter): what a period picker may offer, so nobody is sent to a 422.
 */
export function publishedPeriods(firstYear: number, now: Date): (StatsPeriod & { kind: 'year' | 'quarter' })[] {
  const currentYear = Number(amsterdamDate(now).slice(0, 4));
  const periods: (StatsPeriod & { kind: 'year' | 'quarter' })[] = [];
  for (let year = currentYear; year >= Math.max(firstYear, 2000); year -= 1) {
    const candidates = [
      { ...parsePeriod(String(year)), kind: 'year' as const },
      ...[4, 3, 2, 1].map((quarter) => ({ ...parsePeriod(`${year}-Q${quarter}`), kind: 'quarter' as const })),
    ];
    periods.push(...candidates.filter((period) => isPublished(period, now)));
  }
  return periods;
}
