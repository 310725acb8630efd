// Calendar dates are Dutch dates: "today" is the date in Amsterdam, not in UTC.

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

// Every request asks for the date of its `now` (a kept view is kept per day) and a view asks once
// per row it shows (every debt's flags), and formatting in a time zone is costly: the answer is
// kept per UTC minute. Amsterdam is a whole number of hours from UTC and changes its offset on a
// whole hour, so all instants of one UTC minute share their Amsterdam date.
const MINUTE_MS = 60_000;
let lastMinute = Number.NaN;
let lastDate = '';

/** 'YYYY-MM-DD' of the given instant in Europe/Amsterdam. */
export function amsterdamDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / MINUTE_MS);
  if (minute !== lastMinute) {
    lastDate = AMSTERDAM_DATE.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

/** The same instant `months` calendar months earlier (UTC calendar; the day clamps at a month's end). */
export function monthsBefore(instant: Date, months: number): Date {
  const result = new Date(instant);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
