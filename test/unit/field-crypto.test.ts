import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, FieldDecryptionError } from '../../src/lib/field-crypto.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const story = { table: 'dossier_stories', column: 'text', rowId: '6f1c0e0e-0000-4000-8000-000000000001' };

describe('field encryption', () => {
  it('round-trips text and never stores the plaintext', () => {
    const cipher = createFieldCipher([k1]);
    const stored = cipher.encrypt('CANARY het verhaal achter de schulden €', story);
    expect(stored).toMatch(/^v1\.k1\./);
    expect(stored).not.toContain('CANARY');
    expect(cipher.decrypt(stored, story)).toBe('CANARY het verhaal achter de schulden €');
  });

  it('gives two encryptions of one value different ciphertexts (random IV)', () => {
    const cipher = createFieldCipher([k1]);
    expect(cipher.encrypt('same', story)).not.toBe(cipher.encrypt('same', story));
  });

  it('fails closed on a flipped byte', () => {
    const cipher = createFieldCipher([k1]);
    const stored = cipher.encrypt('text', story);
    const parts = stored.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), story)).toThrow(FieldDecryptionError);
  });

  it('fails closed when a ciphertext is copied to another row or column', () => {
    const cipher = createFieldCipher([k1]);
    const stored = cipher.encrypt('text', story);
    expect(() => cipher.decrypt(stored, { ...story, rowId: '6f1c0e0e-0000-4000-8000-000000000002' })).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(stored, { ...story, column: 'notes' })).toThrow(FieldDecryptionError);
  });

  it('rotates: a new first key encrypts, the old key still decrypts', () => {
    const old = createFieldCipher([k1]).encrypt('before rotation', story);
    const rotated = createFieldCipher([k2, k1]);
    expect(rotated.decrypt(old, story)).toBe('before rotation');
    expect(rotated.keyIdOf(rotated.encrypt('after', story))).toBe('k2');
    expect(() => createFieldCipher([k2]).decrypt(old, story)).toThrow(/no key "k1"/);
  });
});
