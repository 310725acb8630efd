// GET /dossiers/{id}/overview.pdf through the real app: the text a resident reads, checked against
// the overview endpoint's own figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/lib/money-format.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { asExtracted, pdfText } from '../support/pdf-text.js';

const t = useTestDb();
const h = useTestApp(t, { pdfWorkers: 1, pdfQueueSize: 1 });

let resident: TestUser;
let maatje: TestUser;
let dossierId: string;

const call = (user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: bearer(user), ...(payload === undefined ? {} : { payload: payload as object }) });

const CREDITORS = ['Belastingdienst', 'CANARY-Woonstichting Zuidoost', 'Vattenfall', 'CANARY-Jan de Vries (lening)'];

beforeAll(async () => {
  const location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
  const debts = [
    { creditorName: CREDITORS[0], creditorType: 'belastingdienst', rank: 'preferent', balanceCents: 123_456, balanceDate: '2026-10-01', status: 'aanmaning' },
    { creditorName: CREDITORS[1], creditorType: 'verhuurder', balanceCents: 250_000, balanceDate: '2026-09-15', status: 'ontruiming_of_afsluiting_aangezegd', reference: 'CANARY-HUUR-99' },
    { creditorName: CREDITORS[2], creditorType: 'energie', balanceCents: 45_678, balanceDate: '2025-01-10', status: 'incasso', principalCents: 30_000, collectionCostsCents: 9_000 },
    { creditorName: CREDITORS[3], creditorType: 'particulier', balanceCents: 80_000, status: 'open' },
  ];
  for (const debt of debts) expect((await call(maatje, 'POST', `/dossiers/${dossierId}/debts`, debt)).statusCode).toBe(201);
  await call(resident, 'POST', `/dossiers/${dossierId}/incomes`, { kind: 'uitkering_participatiewet', amountCents: 131_500, frequency: 'month' });
  await call(resident, 'POST', `/dossiers/${dossierId}/incomes`, { kind: 'zorgtoeslag', amountCents: 12_300, frequency: 'month' });
  await call(resident, 'POST', `/dossiers/${dossierId}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 72_500, frequency: 'month' });
  await call(resident, 'POST', `/dossiers/${dossierId}/expenses`, { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 7_500, frequency: 'week' });
  await call(resident, 'PUT', `/dossiers/${dossierId}/story`, { text: 'CANARY-PDF-STORY het verhaal', lifeEvents: ['scheiding'] });
});

describe('the overview PDF', () => {
  it('prints every creditor and the overview endpoint\'s totals, formatted, without the story by default', async () => {
    const overview = (await call(resident, 'GET', `/dossiers/${dossierId}/overview`)).json();
    const res = await call(resident, 'GET', `/dossiers/${dossierId}/overview.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const { text } = await pdfText(res.rawPayload);
    const flat = asExtracted(text);
    for (const creditor of CREDITORS) expect(flat.replace(/\s+/g, ' '), creditor).toContain(creditor);
    for (const cents of [overview.totalDebtCents, overview.incomeMonthlyCents, overview.expensesMonthlyCents, overview.aflosruimteCents]) {
      expect(flat, String(cents)).toContain(asExtracted(formatEuro(cents)));
    }
    expect(flat).toContain(asExtracted(formatEuro(Math.abs(overview.saldoCents))));
    expect(flat).not.toContain('CANARY-PDF-STORY');
    const audited = await t.db.selectFrom('auditEvents').select('action').where('dossierId', '=', dossierId).where('action', '=', 'export.pdf').execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('adds the story only when the resident asks, and never for the maatje', async () => {
    const own = await call(resident, 'GET', `/dossiers/${dossierId}/overview.pdf?includeStory=true`);
    expect(asExtracted((await pdfText(own.rawPayload)).text)).toContain('CANARY-PDF-STORY');
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}/overview.pdf?includeStory=true`)).statusCode).toBe(403);
    const maatjeCopy = await call(maatje, 'GET', `/dossiers/${dossierId}/overview.pdf`);
    expect(maatjeCopy.statusCode).toBe(200);
  });

  it('is a 404 for another resident, identical to a nonexistent dossier', async () => {
    const stranger = await createUser(h.app, { role: 'resident', locationId: resident.locationId });
    const theirs = await call(stranger, 'GET', `/dossiers/${dossierId}/overview.pdf`);
    const none = await call(stranger, 'GET', '/dossiers/00000000-0000-4000-8000-000000000000/overview.pdf');
    expect(theirs.statusCode).toBe(404);
    const { requestId: _a, ...a } = theirs.json();
    const { requestId: _b, ...b } = none.json();
    expect(a).toEqual(b);
  });

  it('limits downloads per person (429 with Retry-After)', async () => {
    const person = await createUser(h.app, { role: 'maatje', locationId: resident.locationId });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await call(person, 'GET', '/dossiers/00000000-0000-4000-8000-000000000000/overview.pdf')).statusCode);
    expect(statuses.slice(0, 6)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    const limited = await call(person, 'GET', '/dossiers/00000000-0000-4000-8000-000000000000/overview.pdf');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After when the render queue is full instead of piling up', async () => {
    const many = await Promise.all(Array.from({ length: 6 }, () => call(resident, 'GET', `/dossiers/${dossierId}/overview.pdf`)));
    const statuses = many.map((r) => r.statusCode);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = many.find((r) => r.statusCode === 503)!;
    expect(busy.json().code).toBe('pdf_busy');
    expect(busy.headers['retry-after']).toBeDefined();
  });
});
