// Opaque refresh tokens: 256 random bits, handed out once, stored only as SHA-256.
// A plain hash suffices here, unlike for passwords: the input has full entropy, nothing to guess.
import { createHash, randomBytes } from 'node:crypto';

export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
