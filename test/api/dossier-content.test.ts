import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { apiFor, type Api } from '../support/api.js';
import { createDossier, type TestUser } from '../support/factories.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje' });

const api = (user?: TestUser) => apiFor(h.app, user);

const DEBT = {
  creditorName: 'Vattenfall', creditorType: 'energie', reference: 'CANARY-REF-001', balanceCents: 45_678,
  principalCents: 30_000, collectionCostsCents: 6_000, status: 'incasso', balanceDate: '2026-10-01', notes: 'CANARY-debt-note',
} as const;

async function newDossier(options: { consent?: boolean; household?: null } = {}) {
  return createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, ...options });
}

describe('debts', () => {
  it('creates, reads, edits with If-Match and deletes a debt', async () => {
    const dossierId = await newDossier();
    const created = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT);
    expect(created.statusCode).toBe(201);
    const debt = created.json();
    expect(created.headers.etag).toBe('"1"');
    // 15 % of € 300 = € 45, below the € 40 minimum? No: 4 500 cents > 4 000, so the maximum is € 45,00.
    expect(debt).toMatchObject({ creditorName: 'Vattenfall', reference: 'CANARY-REF-001', notes: 'CANARY-debt-note', rank: 'concurrent',
      collectionCostsMaxCents: 4_500, collectionCostsTooHigh: true, crisis: false, version: 1 });

    const read = await api(w.resident).get(`/dossiers/${dossierId}/debts/${debt.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(debt);

    expect((await api(w.resident).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 40_000 })).statusCode).toBe(428);
    const dossierVersion = async () => (await t.db.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirstOrThrow()).version;
    const before = await dossierVersion();
    const patched = await api(w.resident).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 40_000, reference: null }, { 'if-match': '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ balanceCents: 40_000, reference: null, version: 2, notes: 'CANARY-debt-note' });
    expect(patched.headers.etag).toBe('"2"');
    // The whole dossier's version moves with any part of it (its ETag covers the debts too) ...
    expect(await dossierVersion()).toBe(before + 1);
    // ... and the audit row says who changed which fields, never to what.
    const updates = await t.db.selectFrom('auditEvents').select(['action', 'outcome', 'actorUserId', 'actorRole', 'details'])
      .where('dossierId', '=', dossierId).where('action', '=', 'debt.updated').execute();
    expect(updates).toEqual([{
      action: 'debt.updated', outcome: 'success', actorUserId: w.resident.id, actorRole: 'resident', details: { fields: ['reference', 'balanceCents'] },
    }]);

    const stale = await api(w.maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 1 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json().current).toMatchObject({ balanceCents: 40_000, version: 2 });

    const page = await api(w.maatje).get(`/dossiers/${dossierId}/debts`);
    expect(page.json()).toMatchObject({ items: [{ id: debt.id }], nextCursor: null });

    expect((await api(w.maatje).delete(`/dossiers/${dossierId}/debts/${debt.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await api(w.maatje).delete(`/dossiers/${dossierId}/debts/${debt.id}`, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await api(w.maatje).get(`/dossiers/${dossierId}/debts/${debt.id}`)).statusCode).toBe(404);
  });

  it('lets exactly one of two concurrent edits with the same ETag win', async () => {
    const dossierId = await newDossier();
    const debt = (await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT)).json();
    const [a, b] = await Promise.all([
      api(w.maatje).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 111 }, { 'if-match': '"1"' }),
      api(w.resident).patch(`/dossiers/${dossierId}/debts/${debt.id}`, { balanceCents: 222 }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const stored = await t.db.selectFrom('debts').select(['balanceCents', 'version']).where('id', '=', debt.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ balanceCents: winner.balanceCents, version: 2 });
  });

  it('replays a create with the same Idempotency-Key and refuses the key for another body', async () => {
    const dossierId = await newDossier();
    const key = { 'idempotency-key': 'create-debt-1' };
    const first = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, key);
    const again = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...DEBT, balanceCents: 1 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const count = await t.db.selectFrom('debts').select((eb) => eb.fn.countAll().as('n')).where('dossierId', '=', dossierId).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    // Keys are per user: the resident's own use of the same key is a separate request.
    expect((await api(w.resident).post(`/dossiers/${dossierId}/debts`, DEBT, key)).statusCode).toBe(201);
  });

  it('refuses bad shapes and unknown keys with 400 and changes nothing', async () => {
    const dossierId = await newDossier();
    for (const body of [
      { ...DEBT, version: 7 },
      { ...DEBT, balanceCents: -1 },
      { ...DEBT, balanceCents: 1.5 },
      { ...DEBT, balanceCents: 1_000_000_001 },
      { ...DEBT, status: 'unknown' },
      { ...DEBT, balanceDate: '2026-02-30' },
      { ...DEBT, creditorName: undefined },
      { ...DEBT, dossierId },
    ]) {
      const res = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await t.db.selectFrom('debts').selectAll().where('dossierId', '=', dossierId).execute()).toEqual([]);
  });

  it('requires consent before any content', async () => {
    const dossierId = await newDossier({ consent: false });
    const res = await api(w.maatje).post(`/dossiers/${dossierId}/debts`, DEBT);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('consent_required');
  });
});

describe('consent, household and the way from A to B', () => {
  it('walks A → B with consent, household and a confirmed overview guard', async () => {
    const dossierId = await newDossier({ consent: false, household: null });
    const refused = await api(w.maatje).post(`/dossiers/${dossierId}/transitions`, { to: 'B' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().missing).toEqual([{ code: 'consent_missing' }, { code: 'household_missing' }]);
    expect((await api(w.maatje).post(`/dossiers/${dossierId}/transitions`, { to: 'C' })).statusCode).toBe(409);

    expect((await api(w.maatje).put(`/dossiers/${dossierId}/consent`, { textVersion: 'v1', statisticsOptIn: true })).statusCode).toBe(400);
    const consent = await api(w.resident).put(`/dossiers/${dossierId}/consent`, { textVersion: 'v1', statisticsOptIn: true });
    expect(consent.statusCode).toBe(200);
    expect(consent.json()).toMatchObject({ textVersion: 'v1', statisticsOptIn: true, recordedOnPaper: false, withdrawnAt: null });

    const dossier = (await api(w.maatje).get(`/dossiers/${dossierId}`)).json();
    const patched = await api(w.maatje).patch(`/dossiers/${dossierId}`, { household: { leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow' } }, { 'if-match': `"${dossier.version}"` });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().household).toEqual({ leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow', partnerAgeBand: null, otherAdults: 0 });

    const moved = await api(w.maatje).post(`/dossiers/${dossierId}/transitions`, { to: 'B' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().phase).toBe('B');
    expect(moved.json().transitions).toEqual([{ from: 'A', to: 'B', at: expect.any(String) }]);

    const debt = (await api(w.maatje).post(`/dossiers/${dossierId}/debts`, { ...DEBT, balanceDate: undefined })).json();
    const leaveB = await api(w.maatje).post(`/dossiers/${dossierId}/transitions`, { to: 'C' });
    expect(leaveB.statusCode).toBe(422);
    expect(leaveB.json().missing).toEqual([{ code: 'overview_not_confirmed' }, { code: 'balance_date_missing', debtId: debt.id }]);
  });
});

describe('the story', () => {
  it('is encrypted at rest: no table holds its text', async () => {
    const dossierId = await newDossier();
    const text = 'CANARY-STORY-7f3a: na de scheiding liepen de schulden op';
    const created = await api(w.resident).put(`/dossiers/${dossierId}/story`, { text, lifeEvents: ['scheiding', 'inkomensdaling'] });
    expect(created.statusCode).toBe(201);
    expect((await api(w.maatje).get(`/dossiers/${dossierId}/story`)).json()).toMatchObject({ text, lifeEvents: ['scheiding', 'inkomensdaling'], version: 1 });
    expect((await api(w.maatje).put(`/dossiers/${dossierId}/story`, { text: 'x', lifeEvents: [] })).statusCode).toBe(428);

    const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(t.db);
    for (const { tablename } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(tablename)} t`.execute(t.db);
      expect(dump.rows.some((r) => r.row.includes('CANARY-STORY')), tablename).toBe(false);
    }
  });
});

describe('a dump of the database', () => {
  it('shows no name, reference, description, organisation, story or note of a dossier in plain text', async () => {
    const dossierId = await newDossier();
    // A resident named when the maatje opens the dossier (the service seals the name), besides
    // the resident and maatje of the factory.
    const opened = await api(w.maatje).post('/dossiers', { resident: { displayName: 'CANARY-DUMP-resident-name' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const secret = {
      story: 'CANARY-DUMP-story', creditor: 'CANARY-DUMP-creditor', collector: 'CANARY-DUMP-collector', reference: 'CANARY-DUMP-reference',
      debtNotes: 'CANARY-DUMP-debt-notes', income: 'CANARY-DUMP-income', expense: 'CANARY-DUMP-expense', action: 'CANARY-DUMP-action',
      actionDescription: 'CANARY-DUMP-action-description', referral: 'CANARY-DUMP-organisation', dossierNotes: 'CANARY-DUMP-dossier-notes',
      bvvSource: 'CANARY-DUMP-bvv-source', vtlbSource: 'CANARY-DUMP-vtlb-source', justification: 'CANARY-DUMP-vtlb-justification',
    };
    const ok = async (response: ReturnType<Api['post']>, status: number) => {
      const res = await response;
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    await ok(api(w.resident).put(`/dossiers/${dossierId}/story`, { text: secret.story, lifeEvents: [] }), 201);
    // A catalogue creditor is public and linked by id; the name typed beside it is encrypted all the same.
    await ok(api(w.maatje).post(`/dossiers/${dossierId}/debts`, {
      ...DEBT, creditorName: secret.creditor, collectorName: secret.collector, reference: secret.reference, notes: secret.debtNotes,
    }), 201);
    await ok(api(w.maatje).post(`/dossiers/${dossierId}/incomes`, { kind: 'loon', amountCents: 100_000, frequency: 'month', description: secret.income }), 201);
    await ok(api(w.maatje).post(`/dossiers/${dossierId}/expenses`,
      { group: 'vaste_lasten', category: 'huur', amountCents: 50_000, frequency: 'month', description: secret.expense }), 201);
    await ok(api(w.maatje).post(`/dossiers/${dossierId}/actions`, { title: secret.action, description: secret.actionDescription, owner: 'maatje' }), 201);
    await ok(api(w.maatje).put(`/dossiers/${dossierId}/referral`, { route: 'kredietbank', organisation: secret.referral, status: 'aangemeld' }), 201);
    await ok(api(w.resident).put(`/dossiers/${dossierId}/handover-consent`, { organisation: secret.referral, includeStory: false }), 200);
    const before = await ok(api(w.maatje).get(`/dossiers/${dossierId}`), 200);
    await ok(api(w.maatje).patch(`/dossiers/${dossierId}`, {
      notes: secret.dossierNotes,
      bvvOfficial: { amountCents: 150_000, source: secret.bvvSource, date: '2026-10-01' },
      vtlbOfficial: { amountCents: 140_000, source: secret.vtlbSource, date: '2026-10-01' },
      vtlbCorrections: [{ type: 'eigen_risico', amountCents: 3_200, justification: secret.justification }],
    }, { 'if-match': `"${before.version}"` }), 200);

    // Every value reads back through the API…
    const dossier = JSON.stringify(await ok(api(w.maatje).get(`/dossiers/${dossierId}`), 200));
    for (const value of Object.values(secret).filter((v) => v !== secret.story)) expect(dossier).toContain(value);
    expect(JSON.stringify(await ok(api(w.maatje).get(`/dossiers/${dossierId}/handover-consent`), 200))).toContain(secret.referral);
    expect(JSON.parse(dossier)).toMatchObject({
      resident: { id: w.resident.id, displayName: w.resident.displayName }, assignedMaatje: { id: w.maatje.id, displayName: w.maatje.displayName },
    });
    expect((await ok(api(w.maatje).get(`/dossiers/${opened.json().dossier.id}`), 200)).resident.displayName).toBe('CANARY-DUMP-resident-name');
    // …and no row of any table holds one of them, nor the resident's or the maatje's name.
    const names = [w.resident.displayName, w.maatje.displayName];
    const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(t.db);
    for (const { tablename } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(tablename)} t`.execute(t.db);
      expect(dump.rows.filter((r) => r.row.includes('CANARY-DUMP') || names.some((name) => r.row.includes(name))), tablename).toEqual([]);
    }
  });
});

describe('consent withdrawal', () => {
  it('takes the maatje out at once and freezes the dossier; the resident keeps reading', async () => {
    const dossierId = await newDossier();
    expect((await api(w.maatje).get(`/dossiers/${dossierId}`)).statusCode).toBe(200);
    const withdrawn = await api(w.resident).delete(`/dossiers/${dossierId}/consent`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    expect((await api(w.maatje).get(`/dossiers/${dossierId}`)).statusCode).toBe(404);
    expect((await api(w.resident).get(`/dossiers/${dossierId}`)).statusCode).toBe(200);
    const write = await api(w.resident).post(`/dossiers/${dossierId}/debts`, DEBT);
    expect(write.statusCode).toBe(409);
    expect(write.json().code).toBe('consent_withdrawn');
  });
});
