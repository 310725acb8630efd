import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createKeyring } from '../../src/lib/dossier-keys.js';
import { FieldDecryptionError } from '../../src/lib/field-crypto.js';
import { rememberingOwnPlaintexts } from '../../src/lib/own-plaintexts.js';

const dossierId = '6f1c0e0e-0000-4000-8000-00000000000a';
const notes = { table: 'debts', column: 'notes', rowId: '6f1c0e0e-0000-4000-8000-000000000001' };
const keyring = createKeyring([{ id: 'k1', key: randomBytes(32) }]);
const dataKey = keyring.newDataKey(dossierId);

describe('a write\'s cipher that remembers its own plaintexts', () => {
  it('shows a value it sealed without decrypting it, and stores what the plain cipher would store', () => {
    const plain = keyring.forDossier(dossierId, dataKey);
    const remembering = rememberingOwnPlaintexts(plain);
    const decrypt = vi.spyOn(plain, 'decrypt');
    const stored = remembering.encrypt('CANARY-notitie', notes);
    expect(stored).toMatch(/^v2\./);
    expect(stored).not.toContain('CANARY');
    expect(remembering.decrypt(stored, notes)).toBe('CANARY-notitie');
    expect(decrypt).not.toHaveBeenCalled();
    // The plain cipher reads what it stored: nothing about the stored value changed.
    expect(keyring.forDossier(dossierId, dataKey).decrypt(stored, notes)).toBe('CANARY-notitie');
  });

  it('knows a value only under the field it was sealed for: elsewhere it decrypts, and fails as the plain cipher fails', () => {
    const remembering = rememberingOwnPlaintexts(keyring.forDossier(dossierId, dataKey));
    const stored = remembering.encrypt('CANARY-notitie', notes);
    expect(() => remembering.decrypt(stored, { ...notes, column: 'reference' })).toThrow(FieldDecryptionError);
    expect(() => remembering.decrypt(stored, { ...notes, rowId: dossierId })).toThrow(FieldDecryptionError);
    // A value it did not seal is decrypted as always.
    const other = keyring.forDossier(dossierId, dataKey).encrypt('ander', notes);
    expect(remembering.decrypt(other, notes)).toBe('ander');
  });
});
