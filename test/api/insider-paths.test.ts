// No single account but the assigned maatje and the resident reaches dossier content by a sequence
// of its own actions (issue 15, rule 1). The random walk over many such sequences is
// insider-exploration.test.ts; these are the paths the adversarial test found.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { apiFor } from '../support/api.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';

const t = useTestDb();
const h = useTestApp(t);
let location: string;
let otherLocation: string;
let coordinator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  location = (await createLocation(t.db)).id;
  otherLocation = (await createLocation(t.db)).id;
  coordinator = await createUser(h.app, { role: 'coordinator', locationId: location });
  admin = await createUser(h.app, { role: 'admin' });
});

const api = (user?: TestUser) => apiFor(h.app, user);

describe('a resident\'s activation code', () => {
  it('is re-issued by the dossier\'s assigned maatje, and by no coordinator or admin', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const otherMaatje = await createUser(h.app, { role: 'maatje', locationId: location });
    // A resident who never activated: their id is on the coordinator's caseload.
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    await createDossier(h.app, { resident, locationId: location, maatje });
    // Coordinators and admins never issue a code alone (a staff account's needs two people): 403.
    expect((await api(coordinator).post(`/users/${resident.id}/activation-code`)).statusCode).toBe(403);
    expect((await api(admin).post(`/users/${resident.id}/activation-code`)).statusCode).toBe(403);
    expect((await api(otherMaatje).post(`/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    const issued = await api(maatje).post(`/users/${resident.id}/activation-code`);
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});

describe('a resident\'s code from a maatje who does not see all of the resident\'s dossiers', () => {
  it('is refused (404): the code would open the dossiers that maatje may not read', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const otherMaatje = await createUser(h.app, { role: 'maatje', locationId: location });
    // Two dossiers of one resident, each with its own maatje.
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    await createDossier(h.app, { resident, locationId: location, maatje });
    const second = await createDossier(h.app, { resident, locationId: location, maatje: otherMaatje });
    expect((await api(maatje).post(`/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    expect((await api(otherMaatje).post(`/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    expect((await api(maatje).get(`/dossiers/${second}`)).statusCode).toBe(404);

    // Consent withdrawn: the maatje no longer sees the dossier, so no code through the resident either.
    const alone = await createUser(h.app, { role: 'resident', locationId: location });
    const withdrawn = await createDossier(h.app, { resident: alone, locationId: location, maatje });
    await t.db.updateTable('dossiers').set({ consentWithdrawnAt: h.app.now() }).where('id', '=', withdrawn).execute();
    expect((await api(maatje).post(`/users/${alone.id}/activation-code`)).statusCode).toBe(404);
  });
});

describe('moving a maatje to another location', () => {
  it('ends their assignments at the old one: the dossier is no longer theirs', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await api(maatje).get(`/dossiers/${dossierId}`)).statusCode).toBe(200);
    const version = (await api(admin).get(`/users/${maatje.id}`)).json().version;
    const moved = await api(admin).patch(`/users/${maatje.id}`, { locationId: otherLocation }, { 'if-match': `"${version}"` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await api(maatje).get(`/dossiers/${dossierId}`)).statusCode).toBe(404);
    const active = await t.db.selectFrom('dossierAssignments').select('id').where('dossierId', '=', dossierId).where('endedAt', 'is', null).execute();
    expect(active).toEqual([]);
    const log = (await api(resident).get(`/dossiers/${dossierId}/access-log`)).json().items as { action: string }[];
    expect(log.map((e) => e.action)).toContain('assignment.ended');
  });
});

describe('the path an admin alone had: new coordinator and maatje, training, activation, assignment', () => {
  it('stops at the first code: it needs a second admin', async () => {
    const created = async (payload: object) => {
      const res = await api(admin).post('/users', payload);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().activationCode).toBeUndefined();
      return res.json() as { id: string; credentialResetId: string; version: number };
    };
    const newCoordinator = await created({ role: 'coordinator', username: `canary-c-${Date.now()}`, displayName: 'CANARY-c', locationId: location });
    const newMaatje = await created({ role: 'maatje', username: `canary-m-${Date.now()}`, displayName: 'CANARY-m', locationId: location });
    // Training can be recorded, but nobody holds a way into either account.
    const trained = await api(admin).patch(`/users/${newMaatje.id}`, { trainedAt: new Date().toISOString() }, { 'if-match': `"${newMaatje.version}"` });
    expect(trained.statusCode).toBe(200);
    for (const account of [newCoordinator, newMaatje]) {
      expect((await api(admin).post(`/credential-resets/${account.credentialResetId}/approve`)).statusCode).toBe(403);
      expect((await api(admin).post(`/users/${account.id}/activation-code`)).statusCode).toBe(403);
      const again = await api(admin).post(`/users/${account.id}/credential-resets`);
      expect(again.statusCode).toBe(409);
    }
    const codes = await t.db.selectFrom('activationCodes').select('id').where('userId', 'in', [newCoordinator.id, newMaatje.id]).execute();
    expect(codes).toEqual([]);
  });
});
