import { describe, expect, it } from 'vitest';
import { formatEuro, formatEuroInput, parseEuroInput } from '../../web/src/lib/money.js';

describe('Dutch money input (web app)', () => {
  it.each([
    ['1.234,56', 123456], ['1234,56', 123456], ['€ 1.234,56', 123456], ['1234', 123400], ['0,5', 50], [',99', 99],
    ['12.50', 1250], ['12.5', 1250], ['1.234', 123400], ['1.234.567,89', 123456789], ['10.000.000', 1_000_000_000],
    ['  87,10 ', 8710], ['1 234,56', 123456], ['0', 0], ['12,', 1200],
  ])('reads %s as %d cents', (text, cents) => {
    expect(parseEuroInput(text)).toBe(cents);
  });

  it.each(['', 'abc', '1,234', '1,2,3', '12.3456', '1.23.456', '-5', '10.000.000,01', '1e3'])('refuses %j', (text) => {
    expect(parseEuroInput(text)).toBeNull();
  });

  it('formats cents with a euro sign, dots between thousands and a comma before the cents', () => {
    expect(formatEuro(123456)).toBe('€ 1.234,56');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(-98765)).toBe('-€ 987,65');
    expect(formatEuro(1_000_000_000)).toBe('€ 10.000.000,00');
    expect(formatEuroInput(123456)).toBe('1.234,56');
    expect(formatEuroInput(null)).toBe('');
  });

  it('round-trips every formatted amount', () => {
    for (const cents of [0, 1, 99, 100, 12345, 999999, 123456789, 1_000_000_000]) {
      expect(parseEuroInput(formatEuro(cents))).toBe(cents);
      expect(parseEuroInput(formatEuroInput(cents))).toBe(cents);
    }
  });
});
