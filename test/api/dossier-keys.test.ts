// Per-dossier data keys (issue 14): each dossier's fields are encrypted with its own key, stored
// only wrapped by the master key; erasing the dossier deletes that key first, so a copy of its
// ciphertext taken before the erasure can never be read again, not even with the master key.
import { describe, expect, it } from 'vitest';
import { FieldDecryptionError } from '../../src/lib/field-crypto.js';
import { eraseNow } from '../../src/modules/erasure/erasure.service.js';
import { createDossier, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje' });

const call = (user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: bearer(user), ...(payload ? { payload } : {}) });

async function dossierWithContent(label: string) {
  const id = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
  expect((await call(w.resident, 'PUT', `/dossiers/${id}/story`, { text: `CANARY-keys-story-${label}`, lifeEvents: [] })).statusCode).toBe(201);
  const debt = await call(w.maatje, 'POST', `/dossiers/${id}/debts`,
    { creditorName: 'Eneco', creditorType: 'energie', status: 'open', balanceCents: 12_345, notes: `CANARY-keys-note-${label}` });
  expect(debt.statusCode, debt.body).toBe(201);
  return { id, debtId: debt.json().id as string };
}

async function storedCiphertext(dossierId: string, debtId: string) {
  const story = await t.db.selectFrom('dossierStories').select('textEncrypted').where('dossierId', '=', dossierId).executeTakeFirstOrThrow();
  const debt = await t.db.selectFrom('debts').select('notesEncrypted').where('id', '=', debtId).executeTakeFirstOrThrow();
  return { story: story.textEncrypted, notes: debt.notesEncrypted as string };
}

const storyField = (dossierId: string) => ({ table: 'dossier_stories', column: 'text', rowId: dossierId });
const notesField = (debtId: string) => ({ table: 'debts', column: 'notes', rowId: debtId });

describe('per-dossier data keys', () => {
  it('encrypts each dossier under its own key, wrapped by the master key', async () => {
    const a = await dossierWithContent('a');
    const b = await dossierWithContent('b');
    const keys = await t.db.selectFrom('dossierKeys').selectAll().where('dossierId', 'in', [a.id, b.id]).execute();
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.keyId).toBe('k1');
      // Wrapped: 32 random bytes never appear as themselves.
      expect(key.wrappedKey.split('.')).toHaveLength(3);
    }

    const stored = await storedCiphertext(a.id, a.debtId);
    expect(stored.story).toMatch(/^v2\./);
    expect(stored.notes).toMatch(/^v2\./);
    const keyOf = (id: string) => keys.find((key) => key.dossierId === id)!;
    expect(h.app.cipher.forDossier(a.id, keyOf(a.id)).decrypt(stored.story, storyField(a.id))).toBe('CANARY-keys-story-a');
    // Another dossier's key, or the master key alone, cannot read it.
    expect(() => h.app.cipher.forDossier(a.id, keyOf(b.id)).decrypt(stored.story, storyField(a.id))).toThrow(FieldDecryptionError);
    expect(() => h.app.cipher.decrypt(stored.story, storyField(a.id))).toThrow(FieldDecryptionError);

    // The whole dossier still reads back through the API.
    const dossier = (await call(w.maatje, 'GET', `/dossiers/${a.id}`)).json();
    expect(dossier.debts[0].notes).toBe('CANARY-keys-note-a');
    expect((await call(w.maatje, 'GET', `/dossiers/${a.id}/story`)).json().text).toBe('CANARY-keys-story-a');
  });

  it('gives a new dossier its key at creation, with nothing in it a rotation would still have to encrypt', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: bearer(w.maatje),
      payload: { resident: { displayName: 'CANARY-keys-nieuw', ageBand: '21_tot_aow' } } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().dossier.id as string;
    expect(await t.db.selectFrom('dossierKeys').select('keyId').where('dossierId', '=', id).executeTakeFirst()).toEqual({ keyId: 'k1' });
    const row = await t.db.selectFrom('dossiers').select('vtlbCorrectionsEncrypted').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.vtlbCorrectionsEncrypted).toMatch(/^v2\./);
    expect(res.json().dossier.vtlbCorrections).toEqual([]);
  });

  it('gives a dossier from before per-dossier keys its key at its first write, and keeps its older values readable', async () => {
    const id = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    // Written as before this change: under the master key, and no key row.
    await t.db.insertInto('dossierStories').values({
      dossierId: id, textEncrypted: h.app.cipher.encrypt('CANARY-keys-old-story', storyField(id)), lifeEvents: [], updatedAt: h.app.now(), updatedBy: null,
    }).execute();
    expect(await t.db.selectFrom('dossierKeys').select('dossierId').where('dossierId', '=', id).executeTakeFirst()).toBeUndefined();
    expect((await call(w.maatje, 'GET', `/dossiers/${id}/story`)).json().text).toBe('CANARY-keys-old-story');

    const debt = await call(w.maatje, 'POST', `/dossiers/${id}/debts`, { creditorName: 'Vattenfall', creditorType: 'energie', status: 'open', balanceCents: 1, notes: 'CANARY-keys-new-note' });
    expect(debt.statusCode).toBe(201);
    expect(await t.db.selectFrom('dossierKeys').select('dossierId').where('dossierId', '=', id).executeTakeFirst()).toBeDefined();
    const stored = await storedCiphertext(id, debt.json().id);
    expect(stored.story).toMatch(/^v1\.k1\./);
    expect(stored.notes).toMatch(/^v2\./);
    expect((await call(w.maatje, 'GET', `/dossiers/${id}/story`)).json().text).toBe('CANARY-keys-old-story');
    expect((await call(w.maatje, 'GET', `/dossiers/${id}`)).json().debts[0].notes).toBe('CANARY-keys-new-note');
  });

  it('makes a copy of the ciphertext taken before an erasure unreadable after it', async () => {
    const { id, debtId } = await dossierWithContent('erased');
    const copy = await storedCiphertext(id, debtId);
    const wrapped = await t.db.selectFrom('dossierKeys').selectAll().where('dossierId', '=', id).executeTakeFirstOrThrow();
    // Readable before: the key decrypts the copy.
    expect(h.app.cipher.forDossier(id, wrapped).decrypt(copy.notes, notesField(debtId))).toBe('CANARY-keys-note-erased');

    expect(await eraseNow(t.db, id, 'request', h.app.now())).toBeDefined();

    expect(await t.db.selectFrom('dossierKeys').select('dossierId').where('dossierId', '=', id).executeTakeFirst()).toBeUndefined();
    // Without its key nothing reads the copy: not the master key, not any key still stored.
    const reader = h.app.cipher.forDossier(id, null);
    expect(() => reader.decrypt(copy.story, storyField(id))).toThrow(FieldDecryptionError);
    expect(() => reader.decrypt(copy.notes, notesField(debtId))).toThrow(FieldDecryptionError);
    expect(() => h.app.cipher.decrypt(copy.notes, notesField(debtId))).toThrow(FieldDecryptionError);
    const remaining = await t.db.selectFrom('dossierKeys').selectAll().execute();
    expect(remaining.length).toBeGreaterThan(0);
    for (const other of remaining) {
      expect(() => h.app.cipher.forDossier(id, other).decrypt(copy.notes, notesField(debtId))).toThrow(FieldDecryptionError);
      expect(() => h.app.cipher.forDossier(other.dossierId, other).decrypt(copy.notes, notesField(debtId))).toThrow(FieldDecryptionError);
    }
  });
});
