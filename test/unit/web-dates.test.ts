import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDutchDate } from '../../web/src/lib/dates.js';

describe('Dutch date input (web app)', () => {
  it.each([
    ['15-03-2026', '2026-03-15'], ['15-3-2026', '2026-03-15'], ['5-3-2026', '2026-03-05'], ['15/03/2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'], ['15 03 2026', '2026-03-15'], ['15032026', '2026-03-15'], [' 01-10-2026 ', '2026-10-01'],
    ['29-02-2028', '2028-02-29'], ['29-02-2000', '2000-02-29'], ['31-12-2026', '2026-12-31'], ['2026-03-15', '2026-03-15'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDutchDate(text)).toBe(iso);
  });

  it.each([
    '', 'morgen', '15-03-26', '03/15/2026', '31-04-2026', '29-02-2026', '29-02-1900', '00-01-2026', '15-13-2026',
    '15-00-2026', '1532026', '2026-3-15', '15-03-2026x', '01-01-1899',
  ])('refuses %j', (text) => {
    expect(parseDutchDate(text)).toBeNull();
  });

  it('writes an ISO date back day first, and nothing as empty', () => {
    expect(formatDateInput('2026-03-05')).toBe('05-03-2026');
    expect(formatDateInput('2026-11-28T12:00:00.000Z')).toBe('28-11-2026');
    expect(formatDateInput(null)).toBe('');
    expect(formatDateInput(undefined)).toBe('');
  });

  it('reads back what it writes, for every day of a leap year', () => {
    for (let day = new Date(Date.UTC(2028, 0, 1)); day.getUTCFullYear() === 2028; day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      expect(parseDutchDate(formatDateInput(iso))).toBe(iso);
    }
  });
});
