import { describe, expect, it } from 'vitest';
import { isPublished, parsePeriod, publishedPeriods } from '../../src/modules/stats/stats.periods.js';

describe('statistics periods', () => {
  it('quarters and years run from their first day to the first day after, published 30 days later', () => {
    expect(parsePeriod('2025-Q1')).toEqual({ label: '2025-Q1', start: '2025-01-01', end: '2025-04-01', publishedFrom: '2025-05-01' });
    expect(parsePeriod('2024-Q4')).toEqual({ label: '2024-Q4', start: '2024-10-01', end: '2025-01-01', publishedFrom: '2025-01-31' });
    expect(parsePeriod('2024')).toEqual({ label: '2024', start: '2024-01-01', end: '2025-01-01', publishedFrom: '2025-01-31' });
    expect(parsePeriod('2026-Q2').publishedFrom).toBe('2026-07-31');
    expect(() => parsePeriod('2024-Q0')).toThrow(RangeError);
    expect(() => parsePeriod('1999')).toThrow(RangeError);
  });

  it('publication day begins at midnight in Amsterdam, not in UTC', () => {
    const q1 = parsePeriod('2025-Q1');
    expect(isPublished(q1, new Date('2025-04-30T21:59:59Z'))).toBe(false); // 23:59:59 CEST
    expect(isPublished(q1, new Date('2025-04-30T22:00:00Z'))).toBe(true); // 00:00 CEST on 1 May
    const q3 = parsePeriod('2025-Q3');
    expect(q3.publishedFrom).toBe('2025-10-31');
    expect(isPublished(q3, new Date('2025-10-30T22:59:59Z'))).toBe(false); // 23:59:59 CET (winter time since 26 Oct)
    expect(isPublished(q3, new Date('2025-10-30T23:00:00Z'))).toBe(true);
  });
});

describe('published periods for the picker', () => {
  it('lists every published quarter and year from the first year, newest end first, and nothing unpublished', () => {
    // 15 May 2026: 2026-Q1 is published since 1 May; 2026-Q2 and the year 2026 are not.
    const labels = publishedPeriods(2025, new Date('2026-05-15T10:00:00Z')).map((period) => `${period.kind}:${period.label}`);
    expect(labels).toEqual([
      'quarter:2026-Q1',
      'year:2025', 'quarter:2025-Q4', 'quarter:2025-Q3', 'quarter:2025-Q2', 'quarter:2025-Q1',
    ]);
  });

  it('adds a period on its publication day (Amsterdam) and never one before', () => {
    expect(publishedPeriods(2026, new Date('2026-04-30T21:59:59Z')).map((p) => p.label)).toEqual([]);
    expect(publishedPeriods(2026, new Date('2026-04-30T22:00:00Z')).map((p) => p.label)).toEqual(['2026-Q1']);
    for (const period of publishedPeriods(2020, new Date('2026-12-01T12:00:00Z'))) {
      expect(isPublished(period, new Date('2026-12-01T12:00:00Z'))).toBe(true);
    }
  });
});
