import { describe, expect, it } from 'vitest';
import { formatDateLong, formatEuro, MINUS_SIGN } from '../../src/lib/money-format.js';

const NBSP = '\u00A0';

describe('formatEuro', () => {
  it('puts a non-breaking space after the euro sign', () => {
    expect(formatEuro(123_456)).toBe(`€${NBSP}1.234,56`);
    expect(formatEuro(123_456)).not.toContain(' ');
  });

  it.each([
    [0, '0,00'],
    [1, '0,01'],
    [9, '0,09'],
    [10, '0,10'],
    [99, '0,99'],
    [100, '1,00'],
    [99_999, '999,99'],
    [100_000, '1.000,00'],
    [123_456, '1.234,56'],
    [10_000_000, '100.000,00'],
    [123_456_789, '1.234.567,89'],
    [1_000_000_000, '10.000.000,00'],
  ])('%i cents → € %s', (cents, expected) => {
    expect(formatEuro(cents)).toBe(`€${NBSP}${expected}`);
  });

  it('marks negative amounts with a real minus sign before the euro sign', () => {
    expect(MINUS_SIGN).toBe('\u2212');
    expect(formatEuro(-1)).toBe(`${MINUS_SIGN}€${NBSP}0,01`);
    expect(formatEuro(-99)).toBe(`${MINUS_SIGN}€${NBSP}0,99`);
    expect(formatEuro(-100_000)).toBe(`${MINUS_SIGN}€${NBSP}1.000,00`);
    expect(formatEuro(-123_456_789)).toBe(`${MINUS_SIGN}€${NBSP}1.234.567,89`);
    expect(formatEuro(-123_456)).not.toContain('-');
  });

  it('prints negative zero as zero', () => {
    expect(formatEuro(-0)).toBe(`€${NBSP}0,00`);
  });

  it('handles the largest safe integer without losing digits', () => {
    expect(formatEuro(Number.MAX_SAFE_INTEGER)).toBe(`€${NBSP}90.071.992.547.409,91`);
  });

  it.each([0.5, 1.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %d', (value) => {
    expect(() => formatEuro(value)).toThrow(RangeError);
  });
});

describe('Dutch dates', () => {
  it('writes the long form with the month in words and no leading zero', () => {
    expect(formatDateLong('2026-11-22')).toBe('22 november 2026');
    expect(formatDateLong('2027-01-01')).toBe('1 januari 2027');
    expect(formatDateLong('2024-02-29')).toBe('29 februari 2024');
    expect(formatDateLong('2026-03-09')).toBe('9 maart 2026');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '22-11-2026', '2026-11-22T10:00:00Z', ''])(
    'refuses %s',
    (value) => {
      expect(() => formatDateLong(value)).toThrow(RangeError);
    },
  );
});
