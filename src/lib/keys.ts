// Purpose-bound keys derived from the root secret (config `rootSecret`; HKDF, RFC 5869), so a key
// that leaks from one use (say, the rate-limit table's HMAC) says nothing about another.
import { hkdfSync } from 'node:crypto';

export type KeyPurpose = 'activation-code' | 'rate-limit-key' | 'login-address' | 'refresh-successor' | 'setup-code' | 'erasure-receipt' | 'jwt-signing';

const cache = new WeakMap<Buffer, Map<KeyPurpose, Buffer>>();

/** A 32-byte key for one purpose; the same secret and purpose always give the same key. */
export function deriveKey(secret: Buffer, purpose: KeyPurpose): Buffer {
  let perSecret = cache.get(secret);
  if (!perSecret) {
    perSecret = new Map();
    cache.set(secret, perSecret);
  }
  let key = perSecret.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'schoon-schip', `schoon-schip/${purpose}/v1`, 32));
    perSecret.set(purpose, key);
  }
  return key;
}
