// The resident's right of access: every stored field about them, decrypted, in one JSON document.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { apiFor } from '../support/api.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';

const t = useTestDb();
const h = useTestApp(t);

let resident: TestUser;
let maatje: TestUser;
let coordinator: TestUser;
let dossierId: string;

const api = (user?: TestUser) => apiFor(h.app, user);

beforeAll(async () => {
  const location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  const second = await createUser(h.app, { role: 'maatje', locationId: location });
  coordinator = await createUser(h.app, { role: 'coordinator', locationId: location });
  const admin = await createUser(h.app, { role: 'admin' });
  dossierId = await createDossier(h.app, { resident, locationId: location, maatje: second, phase: 'B', consent: false });
  await api(coordinator).put(`/dossiers/${dossierId}/assignment`, { maatjeId: maatje.id, reason: 'CANARY-EXPORT-assignment-reason' });
  await api(resident).put(`/dossiers/${dossierId}/consent`, { textVersion: 'v1', statisticsOptIn: true });
  const dossier = (await api(maatje).get(`/dossiers/${dossierId}`)).json();
  await api(maatje).patch(`/dossiers/${dossierId}`, {
    notes: 'CANARY-EXPORT-dossier-notes', bvvOfficial: { amountCents: 150_000, source: 'CANARY-EXPORT-bvv-source', date: '2026-10-01' },
    vtlbOfficial: { amountCents: 160_000, source: 'Kredietbank', date: '2026-10-02' },
    vtlbCorrections: [{ type: 'eigen_risico', amountCents: 3_200, justification: 'CANARY-EXPORT-correction' }],
  }, { 'if-match': `"${dossier.version}"` });
  await api(resident).put(`/dossiers/${dossierId}/story`, { text: 'CANARY-EXPORT-story', lifeEvents: ['ziekte'] });
  await api(maatje).post(`/dossiers/${dossierId}/debts`, {
    creditorName: 'CANARY-EXPORT-creditor', creditorType: 'particulier', collectorName: 'CANARY-EXPORT-collector',
    reference: 'CANARY-EXPORT-reference', balanceCents: 50_000, principalCents: 40_000, interestCents: 1_000, collectionCostsCents: 2_000,
    collectionCostsIncludeVat: false, legalCostsCents: 500, balanceDate: '2026-10-01', status: 'betalingsregeling',
    arrangement: { amountCents: 2_500, frequency: 'month', startDate: '2026-11-01' }, excludedFromDischarge: 'overig', notes: 'CANARY-EXPORT-debt-notes',
  });
  await api(resident).post(`/dossiers/${dossierId}/incomes`, { kind: 'loon', amountCents: 200_000, frequency: 'month', description: 'CANARY-EXPORT-income' });
  await api(resident).post(`/dossiers/${dossierId}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 80_000, frequency: 'month', description: 'CANARY-EXPORT-expense' });
  await api(maatje).post(`/dossiers/${dossierId}/transitions`, { to: 'A' });
  await api(maatje).post(`/dossiers/${dossierId}/actions`, { title: 'CANARY-EXPORT-action-title', description: 'CANARY-EXPORT-action-description', owner: 'resident', dueDate: '2026-12-01' });
  await api(maatje).put(`/dossiers/${dossierId}/referral`, { route: 'kredietbank', organisation: 'CANARY-EXPORT-organisation', status: 'aangemeld', referredAt: '2026-11-01', firstContactAt: '2026-11-02' });
  await api(maatje).put(`/dossiers/${dossierId}/checklist`, { items: { legitimatie: 'aanwezig' } });
  await api(admin).post('/instruments', { version: 'export-1', name: 'Export', items: [{ code: 'regie', minScore: 1, maxScore: 5 }] });
  await api(resident).put(`/dossiers/${dossierId}/measurements/T0`, { instrumentVersion: 'export-1', items: { regie: 4 } });
  await t.db.insertInto('debtSnapshots').values({ dossierId, moment: 'T0', totalDebtCents: 50_000, creditorCount: 1, takenAt: new Date() }).execute();
  const debtId = (await api(maatje).get(`/dossiers/${dossierId}/debts`)).json().items[0].id;
  const letter = (await api(maatje).post(`/dossiers/${dossierId}/letters`, { kind: 'saldo_opgave', debtIds: [debtId] })).json().items[0];
  await api(maatje).patch(`/dossiers/${dossierId}/letters/${letter.id}`, { sentOn: '2026-11-03', answeredOn: '2026-11-20' }, { 'if-match': `"${letter.version}"` });
  await api(resident).put(`/dossiers/${dossierId}/handover-consent`, { organisation: 'CANARY-EXPORT-organisation', includeStory: false });
});

describe('GET /dossiers/{id}/export.json', () => {
  it('is the resident\'s alone: a maatje may not, another resident gets 404', async () => {
    expect((await api(maatje).get(`/dossiers/${dossierId}/export.json`)).statusCode).toBe(403);
    const stranger = await createUser(h.app, { role: 'resident', locationId: resident.locationId });
    expect((await api(stranger).get(`/dossiers/${dossierId}/export.json`)).statusCode).toBe(404);
  });

  it('holds every stored personal value, decrypted, and is audited', async () => {
    const res = await api(resident).get(`/dossiers/${dossierId}/export.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const text = res.body;
    for (const marker of ['assignment-reason', 'dossier-notes', 'bvv-source', 'correction', 'story', 'creditor', 'collector', 'reference',
      'debt-notes', 'income', 'expense', 'action-title', 'action-description', 'organisation']) {
      expect(text, marker).toContain(`CANARY-EXPORT-${marker}`);
    }
    const body = res.json();
    expect(body.account).toMatchObject({ id: resident.id, displayName: resident.displayName, role: 'resident' });
    expect(body.consentRecords.map((r: { kind: string }) => r.kind)).toEqual(['given']);
    expect(body.assignmentHistory).toHaveLength(2);
    expect(body.accessLog.length).toBeGreaterThan(5);
    expect(body.measurements).toEqual([expect.objectContaining({ moment: 'T0', items: { regie: 4 } })]);
    expect(body.letters).toEqual([expect.objectContaining({ kind: 'saldo_opgave', creditorName: 'CANARY-EXPORT-creditor', sentOn: '2026-11-03', answeredOn: '2026-11-20' })]);
    expect(body.handoverConsents).toEqual([expect.objectContaining({ organisation: 'CANARY-EXPORT-organisation', includeStory: false, withdrawnAt: null })]);
    const audited = await t.db.selectFrom('auditEvents').select('action').where('dossierId', '=', dossierId).where('action', '=', 'export.json').where('outcome', '=', 'success').execute();
    expect(audited).toHaveLength(1);
  });

  it('leaves no stored column about the resident out (inventory check against the schema)', async () => {
    const body = (await api(resident).get(`/dossiers/${dossierId}/export.json`)).json();
    const keys = new Set<string>();
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) { keys.add(key); collect(inner); }
    };
    collect(body);
    // Columns that are internal references rather than facts about the resident.
    const internal = new Set(['id', 'dossier_id', 'created_by', 'updated_by', 'recorded_by', 'assigned_by', 'ended_by', 'overview_confirmed_by',
      'actor_id', 'resident_id', 'maatje_id', 'version', 'seq', 'password_hash', 'failed_login_count', 'login_blocked_until', 'withdrawn_by',
      // Set only on an erased dossier's anonymous remainder, which no resident can export.
      'erased_at',
      // The id of the last transaction that wrote the dossier: it tells a kept view is current, nothing about the resident.
      'view_revision', 'prior_view_revision']);
    const camel = (column: string) => column.replace(/_encrypted$/, '').replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    // Column groups that the export nests under one object.
    const nested: [RegExp, string][] = [[/^(?:bvv|vtlb)_official_cents$/, 'amount_cents'], [/^household_(.*)$/, '$1'], [/^consent_(.*)$/, '$1'], [/^(?:bvv|vtlb)_official_(.*)$/, '$1'],
      [/^arrangement_(.*)$/, '$1'], [/^(from|to)_phase$/, '$1'], [/^consent_given_at$/, 'givenAt']];
    const tables = ['dossiers', 'debts', 'incomes', 'expenses', 'actions', 'referrals', 'referral_checklists', 'dossier_stories',
      'consent_events', 'dossier_transitions', 'measurements', 'debt_snapshots', 'dossier_assignments', 'letters', 'handover_consents'];
    // The CamelCasePlugin renames the result columns to tableName and columnName.
    const columns = await sql<{ tableName: string; columnName: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY(${tables})`.execute(t.db);
    const missing = columns.rows.filter(({ columnName: column_name }) => {
      if (internal.has(column_name)) return false;
      const candidates = [camel(column_name), ...nested.filter(([re]) => re.test(column_name)).map(([re, to]) => camel(column_name.replace(re, to)))];
      if (column_name === 'location_id') candidates.push('locationId');
      if (column_name === 'text_encrypted') candidates.push('text');
      return !candidates.some((candidate) => keys.has(candidate));
    }).map((c) => `${c.tableName}.${c.columnName}`);
    expect(missing).toEqual([]);
  });
});
