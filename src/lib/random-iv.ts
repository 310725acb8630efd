// GCM nonces for field encryption. Each randomBytes(12) is a call into OpenSSL's generator with
// its locking, about half the cost of encrypting a short field; drawing 4 KiB at a time and handing
// out 12-byte slices costs the same randomness once per 341 values (Node's randomUUID does the
// same). A refill makes a new buffer, so a slice already handed out never changes, and no slice is
// handed out twice: every nonce is still fresh randomness from the operating system's CSPRNG.
import { randomFillSync } from 'node:crypto';

export const IV_BYTES = 12;
const POOL_BYTES = 4096;

let pool = Buffer.alloc(0);
let offset = 0;

export function randomIv(): Buffer {
  if (offset + IV_BYTES > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    offset = 0;
  }
  const iv = pool.subarray(offset, offset + IV_BYTES);
  offset += IV_BYTES;
  return iv;
}
