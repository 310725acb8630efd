// Creates and edits of a dossier's rows first try ONE statement (writeInOneStatement) that checks
// the session, the scope, the dossier's state, its data key and the row's version while it writes.
// Whatever that statement does not settle must end exactly as the general path ends it: the same
// status, the same audit rows, and nothing of the refused statement left behind (no mark on the
// dossier, no audit row, no row). The process knows the dossier's key after the first write, so
// every request here after `known()` takes the one-statement path first.
import { describe, expect, it } from 'vitest';
import { createDossier, createUser, type TestUser } from '../support/factories.js';
import { apiFor } from '../support/api.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje', otherMaatje: 'maatje' });
const api = (user: TestUser) => apiFor(h.app, user);

const DEBT = { creditorName: 'CANARY-Eneco', creditorType: 'energie', status: 'open', balanceCents: 5_000 };

/** A dossier of the world's maatje whose data key this process has seen (its first debt made it). */
async function known() {
  const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
  const first = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT);
  expect(first.statusCode, first.body).toBe(201);
  return { dossierId, debt: first.json() as { id: string; version: number } };
}

const dossierRow = (dossierId: string) => t.db.selectFrom('dossiers').select(['version', 'viewRevision', 'overviewConfirmedAt'])
  .where('id', '=', dossierId).executeTakeFirstOrThrow();
const auditOf = (requestId: string) => t.db.selectFrom('auditEvents').select(['action', 'outcome', 'actorUserId', 'dossierId'])
  .where('requestId', '=', requestId).execute();
const debtCount = async (dossierId: string) => (await t.db.selectFrom('debts').select('id').where('dossierId', '=', dossierId).execute()).length;

describe('one-statement creates and edits end exactly as the general path when they cannot write', () => {
  it('writes in one request what the general path writes: the row, one mark on the dossier, one audit row', async () => {
    const { dossierId } = await known();
    const before = await dossierRow(dossierId);
    await t.db.updateTable('dossiers').set({ overviewConfirmedAt: h.app.now(), overviewConfirmedBy: w.resident.id }).where('id', '=', dossierId).execute();
    const res = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...DEBT, notes: 'CANARY-one-statement' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ creditorName: 'CANARY-Eneco', notes: 'CANARY-one-statement', version: 1, dossierId });
    expect(res.headers.etag).toBe('"1"');
    const after = await dossierRow(dossierId);
    expect(after.version).toBe(before.version + 1);
    expect(after.overviewConfirmedAt).toBeNull();
    expect(await auditOf(String(res.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'debt.created', outcome: 'success', actorUserId: w.maatje.id, dossierId }),
    ]);
    const read = await api(w.maatje).get(`/dossiers/${dossierId}/debts/${res.json().id}`);
    expect(read.json()).toEqual(res.json());
  });

  it('a maatje who may not see the dossier: 404 and one denied audit row, nothing written', async () => {
    const { dossierId } = await known();
    const before = await dossierRow(dossierId);
    const res = await api(w.otherMaatje).post(`/dossiers/${dossierId}/debts`, DEBT);
    expect(res.statusCode).toBe(404);
    expect(await auditOf(res.json().requestId)).toEqual([
      expect.objectContaining({ action: 'debt.created', outcome: 'denied', actorUserId: w.otherMaatje.id, dossierId }),
    ]);
    expect(await dossierRow(dossierId)).toEqual(before);
    expect(await debtCount(dossierId)).toBe(1);
  });

  it('a body the resource refuses: 404 for a stranger (the scope comes first), 400 for the maatje, nothing written', async () => {
    const { dossierId } = await known();
    const before = await dossierRow(dossierId);
    const untyped = { creditorName: 'CANARY-untyped', status: 'open', balanceCents: 100 };
    expect((await api(w.otherMaatje).post(`/dossiers/${dossierId}/debts`, untyped)).statusCode).toBe(404);
    const refused = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, untyped);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('validation_failed');
    expect(await dossierRow(dossierId)).toEqual(before);
    expect(await debtCount(dossierId)).toBe(1);
  });

  it('a stale If-Match: 412 with the current debt, the disclosure audited, no edit, no mark', async () => {
    const { dossierId, debt } = await known();
    const edited = await api(w.maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 4_000 }, { 'if-match': '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    const before = await dossierRow(dossierId);
    const stale = await api(w.maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 3_000 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toMatchObject({ code: 'version_mismatch', current: { balanceCents: 4_000, version: 2 } });
    expect(await auditOf(stale.json().requestId)).toEqual([expect.objectContaining({ action: 'conflict.read', dossierId })]);
    expect(await dossierRow(dossierId)).toEqual(before);
  });

  it('an ended session: 401, no audit row, nothing written', async () => {
    const { dossierId, debt } = await known();
    const maatje = await createUser(h.app, { role: 'maatje', locationId: w.location });
    await t.db.updateTable('dossierAssignments').set({ maatjeId: maatje.id }).where('dossierId', '=', dossierId).execute();
    expect((await api(maatje).post(`/dossiers/${dossierId}/debts`, DEBT)).statusCode).toBe(201);
    const before = await dossierRow(dossierId);
    await t.db.updateTable('sessions').set({ revokedAt: h.app.now() }).where('userId', '=', maatje.id).execute();
    const created = await api(maatje).post(`/dossiers/${dossierId}/debts`, DEBT);
    const edited = await api(maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 1 }, { 'if-match': '"1"' });
    for (const res of [created, edited]) {
      expect(res.statusCode).toBe(401);
      expect(await auditOf(res.json().requestId)).toEqual([]);
    }
    expect(await dossierRow(dossierId)).toEqual(before);
    expect(await debtCount(dossierId)).toBe(2);
  });

  it('a withdrawn consent or a closed dossier: 409 with the general path\'s code, nothing written', async () => {
    for (const [change, code] of [
      [{ consentWithdrawnAt: h.app.now() }, 'consent_withdrawn'],
      [{ phase: 'closed', closedAt: h.app.now(), exitReason: 'afgerond' }, 'dossier_closed'],
    ] as const) {
      const { dossierId, debt } = await known();
      await t.db.updateTable('dossiers').set(change).where('id', '=', dossierId).execute();
      const before = await dossierRow(dossierId);
      // The resident still sees a frozen dossier, so the refusal is theirs to get.
      const created = await api(w.resident).post(`/dossiers/${dossierId}/debts`, DEBT);
      const edited = await api(w.resident).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 1 }, { 'if-match': '"1"' });
      for (const res of [created, edited]) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe(code);
      }
      expect(await dossierRow(dossierId)).toEqual(before);
    }
  });

  it('a data key rotated since this process saw it: the general path writes with the new one', async () => {
    const { dossierId } = await known();
    // Another process's rotation rewrapped the key: this process's memory of it is stale.
    const stored = await t.db.selectFrom('dossierKeys').select(['keyId', 'wrappedKey']).where('dossierId', '=', dossierId).executeTakeFirstOrThrow();
    const rewrapped = h.app.cipher.rewrap(dossierId, stored);
    expect(rewrapped.wrappedKey).not.toBe(stored.wrappedKey);
    await t.db.updateTable('dossierKeys').set(rewrapped).where('dossierId', '=', dossierId).execute();
    const res = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT);
    expect(res.statusCode, res.body).toBe(201);
    expect(await auditOf(String(res.headers['x-request-id']))).toEqual([expect.objectContaining({ action: 'debt.created', outcome: 'success' })]);
    expect(await debtCount(dossierId)).toBe(2);
    // And the next write knows the new wrapping: one statement again, readable as ever.
    const next = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...DEBT, creditorName: 'CANARY-after-rewrap' });
    expect((await api(w.maatje).get(`/dossiers/${dossierId}/debts/${next.json().id}`)).json().creditorName).toBe('CANARY-after-rewrap');
  });

  it('concurrent edits with one If-Match: exactly one applies, one mark and one audit row, the rest 412', async () => {
    const { dossierId, debt } = await known();
    const before = await dossierRow(dossierId);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      api(w.maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 1_000 + i }, { 'if-match': '"1"' })));
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 412, 412, 412, 412, 412]);
    expect((await dossierRow(dossierId)).version).toBe(before.version + 1);
    const updates = await t.db.selectFrom('auditEvents').select('id').where('dossierId', '=', dossierId).where('action', '=', 'debt.updated').execute();
    expect(updates).toHaveLength(1);
  });

  it('concurrent creates: every one written, marked and audited once', async () => {
    const { dossierId } = await known();
    const before = await dossierRow(dossierId);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...DEBT, balanceCents: i + 1 })));
    expect(answers.every((res) => res.statusCode === 201)).toBe(true);
    expect(await debtCount(dossierId)).toBe(9);
    expect((await dossierRow(dossierId)).version).toBe(before.version + 8);
    const created = await t.db.selectFrom('auditEvents').select('id').where('dossierId', '=', dossierId).where('action', '=', 'debt.created').execute();
    expect(created).toHaveLength(9);
  });
});
