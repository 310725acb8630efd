// Dates as the Dutch type and read them: day-month-year ("15-03-2026") in every field, whatever
// the browser's language, and ISO ("2026-03-15") to and from the API. A browser's own date input
// shows its locale's order (mm/dd/yyyy in an English browser), so the fields are plain text.

/**
 * Reads a date typed the Dutch way: "15-03-2026", "15-3-2026", "15/03/2026", "15.03.2026",
 * "15 03 2026" or "15032026"; an ISO date ("2026-03-15", as a paste from elsewhere) is read as
 * well, since a four-digit year first cannot be mistaken. Returns the ISO date, or null for
 * anything else and for a day that does not exist (31-04, 29-02 outside a leap year).
 */
export function parseDutchDate(input: string): string | null {
  const text = input.trim();
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  const iso = dutch ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = dutch ? [dutch[1], dutch[2], dutch[3]] : iso ? [iso[3], iso[2], iso[1]] : null;
  if (!parts) return null;
  const [day, month, year] = parts.map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An ISO date as it goes back into a field: "2026-03-15" becomes "15-03-2026"; nothing stays empty. */
export function formatDateInput(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : '';
}

/** An optional date field for the API: the ISO date, null when left empty, false when it is no date. */
export function optionalDate(text: string): string | null | false {
  if (text.trim() === '') return null;
  return parseDutchDate(text) ?? false;
}

/** "1 december 2026" from an ISO date or timestamp, in Amsterdam's calendar. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
}

/** Today as YYYY-MM-DD in Amsterdam. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
