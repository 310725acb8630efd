// Calendar dates are Dutch dates: "today" is the date in Amsterdam, not in UTC.

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** 'YYYY-MM-DD' of the given instant in Europe/Amsterdam. */
export function amsterdamDate(instant: Date): string {
  return AMSTERDAM_DATE.format(instant);
}
