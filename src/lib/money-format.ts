// Display formatting for the PDF (docs/api.md: formatting happens only in the PDF and the client).
// Pure string work on integer cents and ISO dates: no floats, no Intl, so the output cannot change
// with the ICU data of whichever Node runs it.

const NBSP = '\u00A0';
/** U+2212: a real minus sign, wider than a hyphen, so a shortfall cannot be misread as a dash. */
export const MINUS_SIGN = '\u2212';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * `€ 1.234,56` with a non-breaking space after the euro sign, so the sign never ends up alone at
 * the end of a line. Negative amounts: `−€ 1.234,56` (sign before the euro sign, as in Dutch bank
 * statements). Throws on anything that is not a safe integer: a fractional "cent" is a bug upstream.
 */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('formatEuro needs integer cents');
  const negative = cents < 0;
  const magnitude = String(Math.abs(cents)).padStart(3, '0');
  const euros = groupThousands(magnitude.slice(0, -2));
  const rest = magnitude.slice(-2);
  return `${negative ? MINUS_SIGN : ''}€${NBSP}${euros},${rest}`;
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError('expected a date as YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 31 February over into March; comparing back catches dates that do not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError('expected a date that exists');
  }
  return { year, month, day };
}

/**
 * `22 november 2026`: the one date format of the PDF, in text and tables alike (22-11-2026 reads
 * as a sum or a phone number to some, and two formats in one letter confuse).
 */
export function formatDateLong(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
