// Per-debt derived flags served with every debt read (docs/domain.md §3). "Today" is always
// a parameter: the domain never reads the clock, so tests and the PDF agree on one date.

import { CRISIS_STATUSES, type CollectionCostsVat, type DebtStatus } from '../lib/vocabulary.js';
import { checkCollectionCosts, type CollectionCostsInput } from './collection-costs.js';
import { debtUrgency, type DebtUrgency, type UrgencyInput } from './debt-urgency.js';

export const BALANCE_STALE_AFTER_MONTHS = 6;

export interface DebtFlagsInput extends CollectionCostsInput, UrgencyInput {
  /** ISO `YYYY-MM-DD`, or null when not entered yet. */
  balanceDate: string | null;
  /** The day the creditor confirmed the balance in writing, if it did. */
  balanceConfirmedOn?: string | null;
}

export interface DebtFlags {
  balanceStale: boolean;
  collectionCostsMaxCents: number | null;
  collectionCostsTooHigh: boolean | null;
  collectionCostsVat: CollectionCostsVat | null;
  crisis: boolean;
  urgency: DebtUrgency;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(isoDate: string): CalendarDate {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new RangeError(`not an ISO date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${isoDate}`);
  }
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same day `months` calendar months earlier; a day that month lacks becomes its last day
 * (31 August − 6 months = 29 February in a leap year). Plain calendar arithmetic, no time zones.
 */
export function subtractCalendarMonths(isoDate: string, months: number): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthIndex = year * 12 + (month - 1) - months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/**
 * Stale when the balance date lies before today minus 6 calendar months; exactly 6 months old is
 * still fresh. A missing date is not "stale": the phase guard reports it as missing instead.
 */
export function isBalanceStale(balanceDate: string | null, today: string): boolean {
  if (balanceDate === null) return false;
  parseIsoDate(balanceDate);
  // Valid ISO dates with four-digit years order correctly as strings.
  return balanceDate < staleBefore(today);
}

// Every debt of a view asks with the same `today`: the last answer is kept (a pure function of it).
let lastToday: string | undefined;
let lastStaleBefore = '';

function staleBefore(today: string): string {
  if (today !== lastToday) {
    lastStaleBefore = subtractCalendarMonths(today, BALANCE_STALE_AFTER_MONTHS);
    lastToday = today;
  }
  return lastStaleBefore;
}

/** A written confirmation by the creditor is as fresh as a new balance statement. */
export function latestBalanceEvidence(balanceDate: string | null, balanceConfirmedOn: string | null): string | null {
  if (balanceDate === null) return balanceConfirmedOn;
  if (balanceConfirmedOn === null) return balanceDate;
  return balanceConfirmedOn > balanceDate ? balanceConfirmedOn : balanceDate;
}

export function isCrisisStatus(status: DebtStatus): boolean {
  return CRISIS_STATUSES.includes(status);
}

export function debtFlags(debt: DebtFlagsInput, today: string): DebtFlags {
  const collectionCosts = checkCollectionCosts(debt);
  return {
    balanceStale: isBalanceStale(latestBalanceEvidence(debt.balanceDate, debt.balanceConfirmedOn ?? null), today),
    collectionCostsMaxCents: collectionCosts.maxCents,
    collectionCostsTooHigh: collectionCosts.tooHigh,
    collectionCostsVat: collectionCosts.vat,
    crisis: isCrisisStatus(debt.status),
    urgency: debtUrgency(debt),
  };
}
