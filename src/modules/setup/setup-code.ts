// The one-time setup code for the first admin. It is derived from the root secret rather than drawn at
// random, so every replica and every restart prints the same code and nothing has to be stored;
// it stops mattering the moment an admin exists (the route is then 404 for good).
import { timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../../lib/keys.js';
import { ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH, normalizeActivationCode } from '../auth/activation-code.js';

/** XXXX-XXXX-XXXX in the activation-code alphabet: 12 symbols, about 59 bits. */
export function setupCodeFor(secret: Buffer): string {
  // 256 key bits spread over 12 base-31 digits: the bias of the remainder is far below 2^-190.
  let value = BigInt(`0x${deriveKey(secret, 'setup-code').toString('hex')}`);
  const base = BigInt(ACTIVATION_CODE_ALPHABET.length);
  let symbols = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) {
    symbols += ACTIVATION_CODE_ALPHABET[Number(value % base)];
    value /= base;
  }
  return [0, 4, 8].map((start) => symbols.slice(start, start + 4)).join('-');
}

/** Compares as people type it (any case, spaces or dashes anywhere), in constant time. */
export function isSetupCode(secret: Buffer, typed: string): boolean {
  const normalized = normalizeActivationCode(typed);
  const expected = normalizeActivationCode(setupCodeFor(secret)) as string;
  return normalized !== undefined && timingSafeEqual(Buffer.from(normalized), Buffer.from(expected));
}
