// Calendar dates are Dutch dates: "today" is the date in Amsterdam, not in UTC.

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

// A request asks for the date of its one `now` once per row it shows (every debt's flags), and
// formatting in a time zone is costly: the last answer is kept.
let lastInstant = Number.NaN;
let lastDate = '';

/** 'YYYY-MM-DD' of the given instant in Europe/Amsterdam. */
export function amsterdamDate(instant: Date): string {
  const time = instant.getTime();
  if (time !== lastInstant) {
    lastDate = AMSTERDAM_DATE.format(instant);
    lastInstant = time;
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
