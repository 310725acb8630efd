import { describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../src/lib/dates.js';

const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('amsterdamDate', () => {
  // Amsterdam's midnight in winter and summer, and the two offset changes of 2026 (on the UTC hour).
  const boundaries = ['2026-01-14T23:00:00Z', '2026-07-14T22:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-12-31T23:00:00Z'];

  it('gives the Amsterdam date of every second around midnight and the clock changes, in any order', () => {
    const instants = boundaries.flatMap((boundary) => {
      const at = Date.parse(boundary);
      return Array.from({ length: 361 }, (_, i) => new Date(at + (i - 180) * 1000 + (i % 7) * 137));
    });
    // Jumping between boundaries and back, so the kept answer of one minute is asked for another's.
    instants.sort((a, b) => ((a.getTime() * 7919) % 1009) - ((b.getTime() * 7919) % 1009));
    for (const instant of instants) expect(amsterdamDate(instant), instant.toISOString()).toBe(fresh.format(instant));
  });

  it('turns the date at Amsterdam midnight, to the millisecond', () => {
    expect(amsterdamDate(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(amsterdamDate(new Date('2026-01-14T23:00:00.000Z'))).toBe('2026-01-15');
    expect(amsterdamDate(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(amsterdamDate(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });
});
