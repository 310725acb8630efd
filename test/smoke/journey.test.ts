// The service as a newcomer meets it, end to end on whichever database the run uses (CI runs this
// folder on embedded PGlite too): sign in, accounts, a dossier, consent, figures, the PDF.
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/password.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();
const h = useTestApp(t);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function call(token: string | undefined, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await h.app.inject({
    method, url: `/api/v1${url}`, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return res;
}

async function login(username: string, password: string): Promise<string> {
  const res = await call(undefined, 'POST', '/auth/login', { username, password });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().accessToken;
}

describe('smoke: from the first admin to a resident\'s PDF', () => {
  it('works end to end', async () => {
    await t.db.insertInto('users').values({
      role: 'admin', username: 'canary-admin', displayNameEncrypted: 'p.CANARY-Beheerder', passwordHash: await hashPassword('CANARY-admin-password'), updatedAt: new Date(),
    }).execute();
    const admin = await login('canary-admin', 'CANARY-admin-password');

    const location = (await call(admin, 'POST', '/locations', { name: 'CANARY-BuurtWerkKamer Bijlmer', city: 'Amsterdam' })).json();
    // A staff account's first code needs a second admin (two people for every staff credential).
    await t.db.insertInto('users').values({
      role: 'admin', username: 'canary-admin-2', displayNameEncrypted: 'p.CANARY-Beheerder-2', passwordHash: await hashPassword('CANARY-admin2-password'), updatedAt: new Date(),
    }).execute();
    const secondAdmin = await login('canary-admin-2', 'CANARY-admin2-password');
    const created = await call(admin, 'POST', '/users', { role: 'maatje', username: 'canary-maatje', displayName: 'CANARY-Maatje', locationId: location.id });
    expect(created.statusCode, created.body).toBe(201);
    const trained = await call(admin, 'PATCH', `/users/${created.json().id}`, { trainedAt: new Date().toISOString() }, { 'if-match': created.headers.etag as string });
    expect(trained.statusCode, trained.body).toBe(200);
    const approved = await call(secondAdmin, 'POST', `/credential-resets/${created.json().credentialResetId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const maatjeActivated = await call(undefined, 'POST', '/auth/activate', { code: approved.json().activationCode, username: 'canary-maatje', password: 'CANARY-maatje-password' });
    expect(maatjeActivated.statusCode, maatjeActivated.body).toBe(200);
    const maatje = await login('canary-maatje', 'CANARY-maatje-password');

    const opened = await call(maatje, 'POST', '/dossiers', { resident: { displayName: 'CANARY-Bewoner', ageBand: '21_tot_aow' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const { dossier, residentActivationCode } = opened.json();
    const activated = await call(undefined, 'POST', '/auth/activate', { code: residentActivationCode, username: 'canary-bewoner', password: 'CANARY-bewoner-password' });
    expect(activated.statusCode, activated.body).toBe(200);
    const resident = activated.json().accessToken;

    expect((await call(resident, 'PUT', `/dossiers/${dossier.id}/consent`, { textVersion: 'v1', statisticsOptIn: true })).statusCode).toBe(200);
    const current = (await call(maatje, 'GET', `/dossiers/${dossier.id}`)).json();
    const household = await call(maatje, 'PATCH', `/dossiers/${dossier.id}`, { household: { leefsituatie: 'alleenstaand', ageBand: '21_tot_aow' } }, { 'if-match': `"${current.version}"` });
    expect(household.statusCode, household.body).toBe(200);
    expect((await call(maatje, 'POST', `/dossiers/${dossier.id}/transitions`, { to: 'B' })).statusCode).toBe(200);
    expect((await call(maatje, 'POST', `/dossiers/${dossier.id}/debts`, { catalogCreditorId: (await call(maatje, 'GET', '/creditor-catalog')).json().items[0].id, balanceCents: 120_000, balanceDate: '2026-10-01', status: 'aanmaning' })).statusCode).toBe(201);
    expect((await call(resident, 'POST', `/dossiers/${dossier.id}/incomes`, { kind: 'uitkering_participatiewet', amountCents: 135_000, frequency: 'month' })).statusCode).toBe(201);

    const overview = await call(resident, 'GET', `/dossiers/${dossier.id}/overview`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json()).toMatchObject({ totalDebtCents: 120_000, incomeMonthlyCents: 135_000 });
    const pdf = await call(resident, 'GET', `/dossiers/${dossier.id}/overview.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
