// A person's name (users.display_name_encrypted) is sealed under the master key, not a dossier's
// data key: a resident's name is read outside any one dossier (caseload, access log, sign-in), and
// staff names are personal data too. Erasure deletes the resident's account row, name and all.
// A name from before encryption is marked plain text (`p.`, migration 2026_12_02_1100) and reads
// as it is until `npm run keys:rotate` encrypts it.
import type { FieldCipher } from './field-crypto.js';

const PLAIN_PREFIX = 'p.';

const contextOf = (userId: string) => ({ table: 'users', column: 'display_name', rowId: userId });

export function sealDisplayName(cipher: FieldCipher, userId: string, name: string): string {
  return cipher.encrypt(name, contextOf(userId));
}

export function openDisplayName(cipher: FieldCipher, userId: string, stored: string): string {
  return stored.startsWith(PLAIN_PREFIX) ? stored.slice(PLAIN_PREFIX.length) : cipher.decrypt(stored, contextOf(userId));
}
