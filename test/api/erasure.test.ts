// Erasure on request (AVG art. 17): a full dossier, A to closed with every kind of child row, is
// requested for erasure, survives the 7-day cooling-off, and is then erased. Afterwards no table and
// no log line holds any of its personal strings or amounts; published statistics are byte-identical,
// an unpublished period still counts the anonymous remainder, and the audit trail shows the erasure.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { executeDueErasures } from '../../src/modules/erasure/erasure.service.js';
import { aggregateTable } from '../../src/modules/stats/stats-aggregates.repository.js';
import { STATS_TABLE_NAMES } from '../../src/modules/stats/stats.catalogue.js';
import { apiFor, type Api } from '../support/api.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje', coordinator: 'coordinator', evaluator: 'evaluator', admin: 'admin' });
const DAY = 86_400;

const api = (user?: TestUser) => apiFor(h.app, user);

async function ok(response: Awaited<ReturnType<Api['post']>>, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

// Unusual amounts (cents) so a scan of the whole database finds them only where they really are.
const AMOUNTS = { debtA: 98_765_431, debtB: 87_654_329, income: 76_543_217, expense: 65_432_183, arrangement: 54_321_097 };
const STRINGS = {
  story: 'CANARY-erasure-story ik verloor mijn baan',
  creditor: 'CANARY-erasure-creditor',
  collector: 'CANARY-erasure-collector',
  reference: 'CANARY-erasure-reference',
  debtNotes: 'CANARY-erasure-debt-notes',
  dossierNotes: 'CANARY-erasure-dossier-notes',
  incomeDescription: 'CANARY-erasure-income',
  expenseDescription: 'CANARY-erasure-expense',
  actionTitle: 'CANARY-erasure-action',
  actionDescription: 'CANARY-erasure-action-description',
  organisation: 'CANARY-erasure-organisation',
};

/** Every row of every table as text, so nothing is missed that a later migration adds. */
async function wholeDatabaseText(): Promise<string> {
  const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(t.db);
  const parts: string[] = [];
  for (const { tablename } of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT x::text AS row FROM ${sql.table(tablename)} x`.execute(t.db);
    parts.push(...rows.rows.map((r) => `${tablename}: ${r.row}`));
  }
  return parts.join('\n');
}

async function publishedBodies(period: string) {
  const bodies: Record<string, string> = {};
  for (const name of STATS_TABLE_NAMES) {
    const response = await api(w.evaluator).get(`/stats/tables/${name}?period=${period}`);
    expect(response.statusCode, response.body).toBe(200);
    bodies[name] = response.body;
  }
  return bodies;
}

async function buildFullDossier(): Promise<string> {
  await ok(await api(w.admin).post('/instruments', { version: 'erasure-1', name: 'Vragenlijst', items: [{ code: 'regie', minScore: 1, maxScore: 5 }] }), 201);
  const id = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, consent: false, household: null });
  await ok(await api(w.resident).put(`/dossiers/${id}/consent`, { textVersion: '2026-01', statisticsOptIn: true }));
  let dossier = await ok(await api(w.maatje).get(`/dossiers/${id}`));
  dossier = await ok(await api(w.maatje).patch(`/dossiers/${id}`,
    { household: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' }, notes: STRINGS.dossierNotes }, { 'if-match': `"${dossier.version}"` }));
  await ok(await api(w.resident).put(`/dossiers/${id}/story`, { text: STRINGS.story, lifeEvents: ['baanverlies', 'ziekte'] }), 201);
  await ok(await api(w.resident).put(`/dossiers/${id}/measurements/T0`, { instrumentVersion: 'erasure-1', items: { regie: 2 } }), 201);
  await ok(await api(w.maatje).post(`/dossiers/${id}/transitions`, { to: 'B' }));
  await ok(await api(w.maatje).post(`/dossiers/${id}/debts`, {
    creditorName: STRINGS.creditor, creditorType: 'energie', collectorName: STRINGS.collector, reference: STRINGS.reference,
    balanceCents: AMOUNTS.debtA, balanceDate: '2026-01-20', principalCents: AMOUNTS.debtA, status: 'betalingsregeling', notes: STRINGS.debtNotes,
    arrangement: { amountCents: AMOUNTS.arrangement, frequency: 'month', startDate: '2026-02-01' },
  }), 201);
  await ok(await api(w.maatje).post(`/dossiers/${id}/debts`, { creditorName: 'Ymere', creditorType: 'verhuurder', balanceCents: AMOUNTS.debtB, balanceDate: '2026-01-20', status: 'open' }), 201);
  await ok(await api(w.resident).post(`/dossiers/${id}/incomes`, { kind: 'loon', amountCents: AMOUNTS.income, frequency: 'month', description: STRINGS.incomeDescription }), 201);
  await ok(await api(w.resident).post(`/dossiers/${id}/expenses`,
    { group: 'vaste_lasten', category: 'huur', amountCents: AMOUNTS.expense, frequency: 'month', description: STRINGS.expenseDescription }), 201);
  dossier = await ok(await api(w.resident).get(`/dossiers/${id}`));
  await ok(await api(w.resident).patch(`/dossiers/${id}`, { overviewConfirmed: true }, { 'if-match': `"${dossier.version}"` }));
  await ok(await api(w.maatje).post(`/dossiers/${id}/transitions`, { to: 'C' }));
  await ok(await api(w.resident).post(`/dossiers/${id}/actions`, { title: STRINGS.actionTitle, description: STRINGS.actionDescription, owner: 'resident' }), 201);
  await ok(await api(w.maatje).put(`/dossiers/${id}/referral`,
    { route: 'kredietbank', organisation: STRINGS.organisation, referredAt: '2026-02-10', status: 'aangemeld' }), 201);
  await ok(await api(w.maatje).put(`/dossiers/${id}/checklist`, { items: { legitimatie: 'aanwezig' } }), 201);
  h.clock.advanceSeconds(3 * DAY);
  await ok(await api(w.maatje).post(`/dossiers/${id}/close`, { exitReason: 'doorverwezen', solution: 'schuldbemiddeling' }));
  await ok(await api(w.resident).put(`/dossiers/${id}/measurements/T2`, { instrumentVersion: 'erasure-1', items: { regie: 4 } }), 201);
  await ok(await api(w.resident).get(`/dossiers/${id}/export.json`));
  return id;
}

describe('erasure on request', () => {
  it('erases a full dossier after the cooling-off and leaves only an anonymous remainder', async () => {
    h.clock.set(new Date('2026-02-02T09:30:00Z'));
    const dossierId = await buildFullDossier();
    const residentAccount = await t.db.selectFrom('users').select(['username']).where('id', '=', w.resident.id).executeTakeFirstOrThrow();
    // A sign-in session and an activation code of the resident exist and must go too.
    await t.db.insertInto('activationCodes').values({
      userId: w.resident.id, codeHmac: Buffer.from('erasure-test-code'), expiresAt: new Date('2026-12-01T00:00:00Z'),
    }).execute();

    // Q1 2026 is published (30 days after it ended) before the erasure: its bytes must never change.
    h.clock.set(new Date('2026-05-04T10:00:00Z'));
    const before = await publishedBodies('2026-Q1');
    const countedBefore = await aggregateTable(t.db, 'dossiers_started', { start: '2026-01-01', end: '2027-01-01' });

    // The resident asks; resident and maatje see it; the coordinator may not ask in the app.
    const created = await ok(await api(w.resident).post(`/dossiers/${dossierId}/erasure-request`), 201);
    expect(created.request).toMatchObject({ channel: 'app', dueAt: '2026-05-11T10:00:00.000Z' });
    expect(created.receiptCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await ok(await api(w.maatje).get(`/dossiers/${dossierId}/erasure-request`))).pending).toMatchObject({ channel: 'app' });
    expect((await api(w.resident).post(`/dossiers/${dossierId}/erasure-request`)).statusCode).toBe(409);
    expect(await ok(await api().post('/erasure-receipts/lookup', { receiptCode: created.receiptCode })))
      .toMatchObject({ erasedAt: null, categories: [] });

    // Not a day early.
    h.clock.set(new Date('2026-05-11T09:59:59Z'));
    expect(await executeDueErasures(t.db, h.clock.now())).toBe(0);
    expect(await t.db.selectFrom('dossiers').select('id').where('id', '=', dossierId).executeTakeFirst()).toBeDefined();

    h.clock.set(new Date('2026-05-11T10:00:00Z'));
    expect(await executeDueErasures(t.db, h.clock.now(), { dryRun: true })).toBe(1);
    expect(await executeDueErasures(t.db, h.clock.now())).toBe(1);
    expect(await executeDueErasures(t.db, h.clock.now())).toBe(0);

    // Nothing personal is left anywhere: strings, amounts, the account, its username.
    const text = await wholeDatabaseText();
    for (const value of [...Object.values(STRINGS), w.resident.displayName, residentAccount.username ?? 'no-username']) {
      expect(text.includes(value), `"${value}" is still stored`).toBe(false);
    }
    for (const amount of [AMOUNTS.debtA, AMOUNTS.debtB, AMOUNTS.income, AMOUNTS.expense, AMOUNTS.arrangement]) {
      expect(text.includes(String(amount)), `amount ${amount} is still stored`).toBe(false);
    }
    // The old dossier id and the resident's id survive only as ids in the audit trail and the ledger.
    const holdingIds = new Set(text.split('\n').filter((line) => line.includes(dossierId) || line.includes(w.resident.id)).map((line) => line.split(':')[0]));
    expect([...holdingIds].sort()).toEqual(['audit_events', 'erasure_ledger']);

    // No log line holds any of it either.
    for (const value of [...Object.values(STRINGS), ...Object.values(AMOUNTS).map(String)]) {
      expect(h.logs.linesContaining(value)).toEqual([]);
    }

    // The resident's token is dead; the maatje finds nothing; the caseload no longer lists it.
    expect((await api(w.resident).get(`/dossiers/${dossierId}`)).statusCode).toBe(401);
    expect((await api(w.maatje).get(`/dossiers/${dossierId}`)).statusCode).toBe(404);
    const caseload = await ok(await api(w.coordinator).get('/caseload'));
    expect(caseload.items).toEqual([]);

    // The remainder: a fresh id, no resident, days instead of instants, only what statistics count.
    const remainder = await t.db.selectFrom('dossiers').selectAll().where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(remainder).toMatchObject({
      residentId: null, createdBy: null, locationId: w.location, phase: 'closed', exitReason: 'doorverwezen', solution: 'schuldbemiddeling',
      consentStatisticsOptIn: true, notesEncrypted: null, householdLeefsituatie: null, consentGivenAt: null,
      openedAt: new Date('2026-02-01T23:00:00Z'), closedAt: new Date('2026-02-04T23:00:00Z'), erasedAt: new Date('2026-04-30T22:00:00Z'),
    });
    expect(remainder.id).not.toBe(dossierId);
    expect(await t.db.selectFrom('dossierTransitions').select(['toPhase', 'actorId']).where('dossierId', '=', remainder.id).orderBy('seq').execute())
      .toEqual([{ toPhase: 'B', actorId: null }, { toPhase: 'C', actorId: null }, { toPhase: 'closed', actorId: null }]);
    expect(await t.db.selectFrom('debtSnapshots').select(['moment', 'totalDebtCents']).where('dossierId', '=', remainder.id).orderBy('moment').execute())
      .toEqual([{ moment: 'T0', totalDebtCents: AMOUNTS.debtA + AMOUNTS.debtB }, { moment: 'T1', totalDebtCents: AMOUNTS.debtA + AMOUNTS.debtB }]);
    expect(await t.db.selectFrom('referrals').select(['route', 'status', 'organisationEncrypted', 'updatedBy']).where('dossierId', '=', remainder.id).execute())
      .toEqual([{ route: 'kredietbank', status: 'aangemeld', organisationEncrypted: '', updatedBy: null }]);

    // Published statistics are byte-identical; an unpublished period still counts the remainder.
    expect(await publishedBodies('2026-Q1')).toEqual(before);
    expect(await aggregateTable(t.db, 'dossiers_started', { start: '2026-01-01', end: '2027-01-01' })).toEqual(countedBefore);
    expect(countedBefore).toEqual([{ key: [expect.stringContaining('CANARY-location')], count: 1 }]);

    // The audit trail names the erasure with ids, roles and codes only.
    const audit = await t.db.selectFrom('auditEvents').select(['action', 'actorRole', 'subjectUserId', 'details'])
      .where('dossierId', '=', dossierId).where('action', 'like', 'erasure.%').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['erasure.requested', 'erasure.read', 'erasure.executed']);
    expect(audit.at(-1)).toMatchObject({
      actorRole: null, subjectUserId: w.resident.id,
      details: { reason: 'request', remainderKept: true, categories: expect.arrayContaining(['story', 'debts', 'account', 'questionnaire', 'consent']) },
    });

    // The receipt, without an account.
    const receipt = await ok(await api().post('/erasure-receipts/lookup', { receiptCode: created.receiptCode }));
    expect(receipt.erasedAt).toBe('2026-05-11T10:00:00.000Z');
    expect(receipt.categories.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['dossier', 'story', 'debts', 'incomes', 'expenses', 'actions', 'account']));
    for (const category of receipt.categories) expect(category.label).toMatch(/^Uw |^Welk |^De /);
  }, 180_000);

  it('lets the resident cancel during the cooling-off, and a coordinator record a paper request for their location only', async () => {
    h.clock.set(new Date('2026-06-01T08:00:00Z'));
    const other = await createUser(h.app, { role: 'resident', locationId: w.location });
    const dossierId = await createDossier(h.app, { resident: other, locationId: w.location, maatje: w.maatje });
    const created = await ok(await api(other).post(`/dossiers/${dossierId}/erasure-request`), 201);
    expect((await api(w.maatje).delete(`/dossiers/${dossierId}/erasure-request`)).statusCode).toBe(403);
    expect((await api(other).delete(`/dossiers/${dossierId}/erasure-request`)).statusCode).toBe(204);
    expect((await api(other).delete(`/dossiers/${dossierId}/erasure-request`)).statusCode).toBe(409);
    expect((await ok(await api(other).get(`/dossiers/${dossierId}/erasure-request`))).pending).toBeNull();
    expect((await api().post('/erasure-receipts/lookup', { receiptCode: created.receiptCode })).statusCode).toBe(404);
    h.clock.advanceSeconds(8 * DAY);
    expect(await executeDueErasures(t.db, h.clock.now())).toBe(0);

    const elsewhere = await createUser(h.app, { role: 'coordinator', locationId: (await createLocation(t.db)).id });
    expect((await api(elsewhere).post(`/dossiers/${dossierId}/erasure-request/paper`, { identityChecked: true })).statusCode).toBe(404);
    expect((await api(w.coordinator).post(`/dossiers/${dossierId}/erasure-request/paper`, {})).statusCode).toBe(400);
    const paper = await ok(await api(w.coordinator).post(`/dossiers/${dossierId}/erasure-request/paper`, { identityChecked: true }), 201);
    expect(paper.request.channel).toBe('paper');
    const audit = await t.db.selectFrom('auditEvents').select(['actorUserId', 'actorRole', 'details'])
      .where('dossierId', '=', dossierId).where('action', '=', 'erasure.requested').where('actorRole', '=', 'coordinator')
      .where('outcome', '=', 'success').execute();
    expect(audit).toEqual([{ actorUserId: w.coordinator.id, actorRole: 'coordinator', details: { channel: 'paper', identityChecked: true } }]);

    // Without the statistics opt-in nothing at all remains.
    await t.db.updateTable('dossiers').set({ consentStatisticsOptIn: false }).where('id', '=', dossierId).execute();
    const remaindersBefore = await t.db.selectFrom('dossiers').select('id').where('erasedAt', 'is not', null).execute();
    h.clock.advanceSeconds(7 * DAY);
    expect(await executeDueErasures(t.db, h.clock.now())).toBe(1);
    expect(await t.db.selectFrom('dossiers').select('id').where('erasedAt', 'is not', null).execute()).toEqual(remaindersBefore);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', other.id).executeTakeFirst()).toBeUndefined();
  }, 60_000);
});
