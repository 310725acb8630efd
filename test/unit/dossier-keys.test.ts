import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../src/lib/dossier-keys.js';
import { FieldDecryptionError } from '../../src/lib/field-crypto.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const dossierA = '6f1c0e0e-0000-4000-8000-00000000000a';
const dossierB = '6f1c0e0e-0000-4000-8000-00000000000b';
const notes = { table: 'debts', column: 'notes', rowId: '6f1c0e0e-0000-4000-8000-000000000001' };

describe('per-dossier data keys', () => {
  it('encrypts under the data key, and the wrapped key opens only for its own dossier', () => {
    const keyring = createKeyring([k1]);
    const wrapped = keyring.newDataKey(dossierA);
    expect(wrapped.keyId).toBe('k1');
    const stored = keyring.forDossier(dossierA, wrapped).encrypt('CANARY schuld bij de energieleverancier', notes);
    expect(stored).toMatch(/^v2\./);
    expect(stored).not.toContain('CANARY');
    expect(keyring.forDossier(dossierA, wrapped).decrypt(stored, notes)).toBe('CANARY schuld bij de energieleverancier');
    // A wrapped key copied to another dossier does not open.
    expect(() => keyring.forDossier(dossierB, wrapped).decrypt(stored, notes)).toThrow(FieldDecryptionError);
    // Nor does the value moved to another row.
    expect(() => keyring.forDossier(dossierA, wrapped).decrypt(stored, { ...notes, rowId: dossierB })).toThrow(FieldDecryptionError);
  });

  it('rewraps under the first master key without changing the data key', () => {
    const before = createKeyring([k1]);
    const wrapped = before.newDataKey(dossierA);
    const stored = before.forDossier(dossierA, wrapped).encrypt('tekst', notes);
    const rewrapped = createKeyring([k2, k1]).rewrap(dossierA, wrapped);
    expect(rewrapped.keyId).toBe('k2');
    const after = createKeyring([k2]);
    expect(after.forDossier(dossierA, rewrapped).decrypt(stored, notes)).toBe('tekst');
    expect(() => after.forDossier(dossierA, wrapped).decrypt(stored, notes)).toThrow(FieldDecryptionError);
  });

  it('reads older values (master key, or marked plain text) and writes nothing without a data key', () => {
    const keyring = createKeyring([k1]);
    const older = keyring.encrypt('oud', notes);
    const reader = keyring.forDossier(dossierA, null);
    expect(reader.hasDataKey).toBe(false);
    expect(reader.decrypt(older, notes)).toBe('oud');
    expect(reader.decrypt('p.Eneco', notes)).toBe('Eneco');
    expect(() => reader.encrypt('nieuw', notes)).toThrow(FieldDecryptionError);
  });
});
