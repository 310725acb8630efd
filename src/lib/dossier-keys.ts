// Per-dossier data keys (issue 14): every dossier's fields are encrypted with its own random
// AES-256 data key, stored only wrapped by a master key from ENCRYPTION_KEYS. Erasing a dossier
// deletes its wrapped key first, so any copy of its ciphertext (replica, WAL, an old dump without
// the key) can never be read again; rotating the master key rewraps 32 bytes per dossier instead
// of re-encrypting every field.
//
// Field values under a data key are `v2.<iv>.<tag>.<ciphertext>` (base64url), with
// table:column:rowId:dossierId as associated data. Values written before per-dossier keys are v1
// (master key, field-crypto.ts) or, for columns that used to be plain text, `p.<text>` (marked by
// the migration); both keep reading until `npm run keys:rotate` re-encrypts them under the data key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { randomIv } from './random-iv.js';
import { createFieldCipher, FieldDecryptionError, type FieldCipher, type FieldContext } from './field-crypto.js';
import type { EncryptionKey } from './secrets.js';

/** A data key as stored: which master key wrapped it, and the wrapped bytes. */
export interface WrappedDataKey {
  keyId: string;
  wrappedKey: string;
}

export interface DossierCipher extends FieldCipher {
  /** Whether the dossier has a data key (a dossier from before per-dossier keys may not yet). */
  readonly hasDataKey: boolean;
}

export interface Keyring extends FieldCipher {
  /** The master key new data keys are wrapped with: the first of ENCRYPTION_KEYS. */
  readonly currentKeyId: string;
  /** A fresh random data key for a dossier, wrapped under the current master key. */
  newDataKey(dossierId: string): WrappedDataKey;
  /** The cipher for one dossier's fields. Without a data key it can only read older values. */
  forDossier(dossierId: string, dataKey: WrappedDataKey | null): DossierCipher;
  /** The same data key wrapped under the current master key (rotation). */
  rewrap(dossierId: string, dataKey: WrappedDataKey): WrappedDataKey;
}

const DATA_KEY_VERSION = 'v2';
const PLAIN_PREFIX = 'p.';
const CACHE_ENTRIES = 2_000;
const CACHE_TTL_MS = 5 * 60_000;

/**
 * Unwrapped data keys of recently read dossiers: a GCM unwrap per request is cheap, but the hot
 * read path should not pay it twice for the same screen. Bounded and short-lived, held only in
 * this process's memory; keys are Buffers and never reach a log line.
 */
class DataKeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  get(id: string, now: number): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= now) return undefined;
    this.entries.set(id, entry);
    return entry.key;
  }

  set(id: string, key: Buffer, now: number) {
    this.entries.delete(id);
    this.entries.set(id, { key, expiresAt: now + CACHE_TTL_MS });
    while (this.entries.size > CACHE_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

function wrapAad(dossierId: string, keyId: string) {
  return Buffer.from(`dossier-key:${dossierId}:${keyId}`, 'utf8');
}

function fieldAad(context: FieldContext, dossierId: string) {
  return Buffer.from(`${context.table}:${context.column}:${context.rowId}:${dossierId}`, 'utf8');
}

/** `<iv>.<tag>.<ciphertext>` in base64url. */
function seal(key: Buffer, plaintext: string | Buffer, aad: Buffer): string {
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  // GCM's final() adds no bytes; it computes the tag.
  const rest = cipher.final();
  const sealed = rest.length === 0 ? ciphertext : Buffer.concat([ciphertext, rest]);
  return `${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
}

/** `parts[first..first+2]` are iv, tag and ciphertext; nothing may follow them. */
function open(key: Buffer, parts: readonly string[], first: number, aad: Buffer): Buffer {
  const iv = parts[first];
  const tag = parts[first + 1];
  const ciphertext = parts[first + 2];
  if (parts.length !== first + 3 || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new FieldDecryptionError('stored value is not a ciphertext');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    // The ciphertext is decoded by the cipher itself; GCM's final() adds no bytes, it only checks
    // the tag (and throws), so nothing is returned before it has.
    const plaintext = decipher.update(ciphertext, 'base64url');
    const rest = decipher.final();
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
  } catch {
    throw new FieldDecryptionError('ciphertext failed authentication');
  }
}

export function createKeyring(keys: readonly EncryptionKey[], clock: () => number = Date.now): Keyring {
  const master = createFieldCipher(keys);
  const [current] = keys;
  if (!current) throw new Error('at least one encryption key is required');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const cache = new DataKeyCache();

  const unwrap = (dossierId: string, dataKey: WrappedDataKey): Buffer => {
    const cacheId = `${dossierId}.${dataKey.keyId}.${dataKey.wrappedKey}`;
    const now = clock();
    const cached = cache.get(cacheId, now);
    if (cached) return cached;
    const masterKey = byId.get(dataKey.keyId);
    if (!masterKey) throw new FieldDecryptionError(`no key "${dataKey.keyId}" is configured`);
    const key = open(masterKey, dataKey.wrappedKey.split('.'), 0, wrapAad(dossierId, dataKey.keyId));
    cache.set(cacheId, key, now);
    return key;
  };

  const wrap = (dossierId: string, key: Buffer): WrappedDataKey =>
    ({ keyId: current.id, wrappedKey: seal(current.key, key, wrapAad(dossierId, current.id)) });

  return {
    ...master,
    currentKeyId: current.id,
    newDataKey: (dossierId) => wrap(dossierId, randomBytes(32)),
    rewrap: (dossierId, dataKey) => wrap(dossierId, unwrap(dossierId, dataKey)),
    forDossier(dossierId, dataKey) {
      // Unwrapped on first use: a read of a dossier without encrypted fields never pays for it.
      let key: Buffer | undefined;
      const dataKeyOf = () => {
        if (!dataKey) throw new FieldDecryptionError('the dossier has no data key');
        key ??= unwrap(dossierId, dataKey);
        return key;
      };
      return {
        hasDataKey: dataKey !== null,
        encrypt(plaintext, context) {
          return `${DATA_KEY_VERSION}.${seal(dataKeyOf(), plaintext, fieldAad(context, dossierId))}`;
        },
        decrypt(stored, context) {
          if (stored.startsWith(PLAIN_PREFIX)) return stored.slice(PLAIN_PREFIX.length);
          const parts = stored.split('.');
          if (parts[0] !== DATA_KEY_VERSION) return master.decrypt(stored, context);
          return open(dataKeyOf(), parts, 1, fieldAad(context, dossierId)).toString('utf8');
        },
        keyIdOf(stored) {
          return stored.startsWith(`${DATA_KEY_VERSION}.`) ? 'dossier' : master.keyIdOf(stored);
        },
      };
    },
  };
}
