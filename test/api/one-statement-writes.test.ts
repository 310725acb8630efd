// Creates and edits of a dossier's rows first try ONE statement (writeInOneStatement) that checks
// the session, the scope, the dossier's state, its data key and the row's version while it writes.
// Whatever that statement does not settle must end exactly as the general path ends it: the same
// status, the same audit rows, and nothing of the refused statement left behind (no mark on the
// dossier, no audit row, no row). The process knows the dossier's key after the first write, so
// every request here after `known()` takes the one-statement path first.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
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

  // The insert answers only the columns the request did not give (the dossier, the version, the
  // table's defaults), and the answer shows the fields from the plaintexts it sealed: what a create
  // answers must still be exactly what a read of that row gives, for every table and both ends of a body.
  it.each([
    ['debts', { creditorName: 'CANARY-min', creditorType: 'energie', status: 'open', balanceCents: 1 }],
    ['debts', {
      creditorName: 'CANARY-Eneco', creditorType: 'energie', collectorName: 'CANARY-GGN', reference: 'CANARY-ref-1', rank: 'preferent',
      principalCents: 10_000, interestCents: 250, collectionCostsCents: 1_500, collectionCostsIncludeVat: true, creditorCanDeductVat: false,
      legalCostsCents: 700, balanceCents: 12_450, balanceDate: '2026-10-01', balanceConfirmedOn: '2026-10-02', status: 'dagvaarding',
      courtDate: '2027-01-15', arrangement: { amountCents: 2_500, frequency: 'month', startDate: '2026-11-01' },
      excludedFromDischarge: 'cjib_strafrechtelijk', notes: 'CANARY-notes 🧾 é',
    }],
    ['incomes', { kind: 'loon', amountCents: 100_000, frequency: 'month' }],
    ['incomes', { kind: 'huurtoeslag', amountCents: 30_000, frequency: 'four_weeks', description: 'CANARY-income' }],
    ['expenses', { group: 'vaste_lasten', category: 'huur', amountCents: 65_000, frequency: 'month' }],
    ['expenses', { group: 'vaste_lasten', category: 'huur', amountCents: 65_000, frequency: 'quarter', description: 'CANARY-expense' }],
    ['actions', { title: 'CANARY-min-action', owner: 'maatje' }],
    ['actions', { title: 'CANARY-action', description: 'CANARY-action-description', owner: 'resident', dueDate: '2026-12-24', done: true }],
  ] as const)('a one-statement create of %s answers exactly what a read of the row gives', async (segment, body) => {
    const { dossierId } = await known();
    const created = await api(w.maatje).post(`/dossiers/${dossierId}/${segment}`, body);
    expect(created.statusCode, created.body).toBe(201);
    const read = await api(w.maatje).get(`/dossiers/${dossierId}/${segment}/${created.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(created.body).toBe(read.body);
    expect(created.headers.etag).toBe(read.headers.etag);
  });
});

// The web app sends every create with an Idempotency-Key: its first use is stored by the same one
// statement (the record comes from the dossier's mark like the row); everything else about the key
// (a repeat, a reuse for another body, an expired record, a race) ends on the general path.
describe('a create with an Idempotency-Key in one statement', () => {
  const keyed = (key: string) => ({ 'idempotency-key': key });
  const recordsOf = (key: string) => t.db.selectFrom('idempotencyKeys').select(['userId', 'operation', 'createdAt', sql<string>`response_body::text`.as('body')])
    .where('key', '=', key).execute();

  it('stores the row and the key\'s record; a repeat replays the same reply, another body is refused', async () => {
    const { dossierId } = await known();
    const key = randomUUID();
    const body = { ...DEBT, notes: 'CANARY-keyed-notes' };
    const first = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, body, keyed(key));
    expect(first.statusCode, first.body).toBe(201);
    const records = await recordsOf(key);
    expect(records).toEqual([expect.objectContaining({ userId: w.maatje.id, operation: `debt.create:${dossierId}` })]);
    expect(records[0]?.body).not.toContain('CANARY');
    const again = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, body, keyed(key));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const read = await api(w.maatje).get(`/dossiers/${dossierId}/debts/${first.json().id}`);
    expect(read.json()).toEqual(first.json());
    const reused = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...body, balanceCents: 1 }, keyed(key));
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    expect(await debtCount(dossierId)).toBe(2);
    expect(await auditOf(String(first.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'debt.created', outcome: 'success', actorUserId: w.maatje.id, dossierId }),
    ]);
    expect(await auditOf(String(again.headers['x-request-id']))).toEqual([expect.objectContaining({ action: 'debt.read', outcome: 'success' })]);
  });

  it('a refused create stores no record: the same key works once the dossier takes it', async () => {
    const { dossierId } = await known();
    const key = randomUUID();
    const stranger = await api(w.otherMaatje).post(`/dossiers/${dossierId}/debts`, DEBT, keyed(key));
    expect(stranger.statusCode).toBe(404);
    expect(await recordsOf(key)).toEqual([]);
    const mine = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, keyed(key));
    expect(mine.statusCode).toBe(201);
    expect(await recordsOf(key)).toHaveLength(1);
  });

  it('concurrent first uses of one key: one row, one record, every answer the same debt', async () => {
    const { dossierId } = await known();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, keyed(key))));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1);
    expect(await debtCount(dossierId)).toBe(2);
    expect(await recordsOf(key)).toHaveLength(1);
  });

  it('an expired record of the key: the general path removes it and creates anew', async () => {
    const { dossierId } = await known();
    const key = randomUUID();
    const first = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, keyed(key));
    expect(first.statusCode).toBe(201);
    await t.db.updateTable('idempotencyKeys').set({ createdAt: new Date(h.app.now().getTime() - 25 * 3600_000) }).where('key', '=', key).execute();
    const later = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, keyed(key));
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);
    expect(await debtCount(dossierId)).toBe(3);
    const records = await recordsOf(key);
    expect(records).toHaveLength(1);
    expect(records[0]?.createdAt.getTime()).toBe(h.app.now().getTime());
  });
});
