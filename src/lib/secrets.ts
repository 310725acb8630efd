// Parsing of key material given as text (environment or generated file).

export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

const MIN_SECRET_BYTES = 32;

/** A secret of at least 32 bytes, written as hex (64+ hex digits) or base64. */
export function parseSecret(text: string): Buffer {
  const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(text) && text.length >= MIN_SECRET_BYTES * 2
    ? Buffer.from(text, 'hex')
    : decodeBase64(text);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new Error(`must hold at least ${MIN_SECRET_BYTES} random bytes (base64 or hex), got ${bytes.length}`);
  }
  return bytes;
}

/** `keyId:base64key[,keyId:base64key…]`; each key exactly 32 bytes (AES-256); ids unique. */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  const keys = text.split(',').map((part, index) => {
    const separator = part.indexOf(':');
    if (separator <= 0) throw new Error(`entry ${index + 1} is not keyId:base64key`);
    const id = part.slice(0, separator).trim();
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new Error(`entry ${index + 1}: key id must be 1-32 letters, digits, _ or -`);
    }
    const key = decodeBase64(part.slice(separator + 1).trim());
    if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
    return { id, key };
  });
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error('is neither hex nor base64');
  return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
}
