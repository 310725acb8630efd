import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_BITS, generateActivationCode, normalizeActivationCode,
} from '../../src/modules/auth/activation-code.js';

describe('activation codes', () => {
  it('use 31 symbols without look-alikes and carry at least 50 bits', () => {
    expect(ACTIVATION_CODE_ALPHABET).toHaveLength(31);
    expect(ACTIVATION_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(ACTIVATION_CODE_ALPHABET).size).toBe(31);
    expect(ACTIVATION_CODE_BITS).toBeGreaterThan(59);
  });

  it('are shown as XXXX-XXXX-XXXX and normalize back from what people type', () => {
    const code = generateActivationCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);
    const plain = code.replaceAll('-', '');
    expect(normalizeActivationCode(code)).toBe(plain);
    expect(normalizeActivationCode(code.toLowerCase())).toBe(plain);
    expect(normalizeActivationCode(` ${plain.slice(0, 6)} - ${plain.slice(6)} `)).toBe(plain);
    expect(normalizeActivationCode(plain.slice(1))).toBeUndefined();
    expect(normalizeActivationCode(`${plain.slice(1)}O`)).toBeUndefined();
    expect(normalizeActivationCode(`${plain}2`)).toBeUndefined();
  });

  it('draw every symbol at every position', () => {
    const seen = Array.from({ length: 12 }, () => new Set<string>());
    for (let i = 0; i < 2000; i += 1) {
      [...generateActivationCode().replaceAll('-', '')].forEach((symbol, position) => seen[position]?.add(symbol));
    }
    for (const symbols of seen) expect(symbols.size).toBe(31);
  });
});
