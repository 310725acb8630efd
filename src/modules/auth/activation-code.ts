// Activation codes as people type them (docs/api.md, Roles; docs/architecture.md, two gates): 12 symbols from an alphabet without the
// look-alikes 0/O, 1/I/L, shown as XXXX-XXXX-XXXX. 12 × log2(31) ≈ 59.4 bits of randomness.
import { createHmac, randomInt } from 'node:crypto';

export const ACTIVATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACTIVATION_CODE_LENGTH = 12;
export const ACTIVATION_CODE_BITS = ACTIVATION_CODE_LENGTH * Math.log2(ACTIVATION_CODE_ALPHABET.length);

/** What a person may type: the 12 symbols in either case, with spaces or dashes anywhere. */
export const ACTIVATION_CODE_INPUT = /^[\s-]*(?:[2-9A-HJKMNP-Za-hjkmnp-z][\s-]*){12}$/;

export function generateActivationCode(): string {
  // randomInt draws uniformly (rejection sampling), so every symbol is equally likely.
  const symbols = Array.from({ length: ACTIVATION_CODE_LENGTH }, () => ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)]);
  return [0, 4, 8].map((start) => symbols.slice(start, start + 4).join('')).join('-');
}

/** The 12 symbols in upper case, or undefined when the text cannot be a code. */
export function normalizeActivationCode(input: string): string | undefined {
  if (!ACTIVATION_CODE_INPUT.test(input)) return undefined;
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** What the database keeps instead of the code: HMAC-SHA256 under a key that is not in the database. */
export function activationCodeHmac(key: Buffer, normalizedCode: string): Buffer {
  return createHmac('sha256', key).update(normalizedCode).digest();
}
