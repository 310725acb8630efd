// Field encryption at rest (docs/operations.md, keys): AES-256-GCM, a random 96-bit IV per
// value, and table:column:rowId:keyId bound as associated data, so a ciphertext copied to another
// row or column fails to decrypt. Stored as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url) so
// keys can rotate: the first key encrypts, any configured key decrypts.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomIv } from './random-iv.js';
import type { EncryptionKey } from './secrets.js';

export interface FieldContext {
  table: string;
  column: string;
  rowId: string;
}

export class FieldDecryptionError extends Error {
  override name = 'FieldDecryptionError';
}

const VERSION = 'v1';

function associatedData(context: FieldContext, keyId: string): Buffer {
  return Buffer.from(`${context.table}:${context.column}:${context.rowId}:${keyId}`, 'utf8');
}

export interface FieldCipher {
  encrypt(plaintext: string, context: FieldContext): string;
  decrypt(stored: string, context: FieldContext): string;
  /** The id of the key a stored value was written with (rotation jobs re-encrypt old ones). */
  keyIdOf(stored: string): string | undefined;
}

export function createFieldCipher(keys: readonly EncryptionKey[]): FieldCipher {
  const [current] = keys;
  if (!current) throw new Error('at least one encryption key is required');
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  return {
    encrypt(plaintext, context) {
      const iv = randomIv();
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(associatedData(context, current.id));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const parts = stored.split('.');
      const [version, keyId, iv, tag, ciphertext] = parts;
      if (parts.length !== 5 || version !== VERSION || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new FieldDecryptionError('stored value is not a v1 ciphertext');
      }
      const key = byId.get(keyId);
      if (!key) throw new FieldDecryptionError(`no key "${keyId}" is configured`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(associatedData(context, keyId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        // GCM's final() adds no bytes, it only checks the tag (and throws): nothing is returned before it has.
        const plaintext = decipher.update(ciphertext, 'base64url');
        const rest = decipher.final();
        return (rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest])).toString('utf8');
      } catch {
        // Tampered, moved to another row, or the wrong key: fail closed, say nothing about the data.
        throw new FieldDecryptionError('ciphertext failed authentication');
      }
    },
    keyIdOf(stored) {
      const [version, keyId] = stored.split('.');
      return version === VERSION ? keyId : undefined;
    },
  };
}
