// No single account but the assigned maatje and the resident reaches dossier content by a sequence
// of its own actions (issue 15, rule 1): the parts that are closed so far.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';

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

const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(user), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('a resident\'s activation code', () => {
  it('is re-issued by the dossier\'s assigned maatje, and by no coordinator or admin', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const otherMaatje = await createUser(h.app, { role: 'maatje', locationId: location });
    // A resident who never activated: their id is on the coordinator's caseload.
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await call(coordinator, 'POST', `/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    expect((await call(admin, 'POST', `/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    expect((await call(otherMaatje, 'POST', `/users/${resident.id}/activation-code`)).statusCode).toBe(404);
    const issued = await call(maatje, 'POST', `/users/${resident.id}/activation-code`);
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});

describe('moving a maatje to another location', () => {
  it('ends their assignments at the old one: the dossier is no longer theirs', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}`)).statusCode).toBe(200);
    const version = (await call(admin, 'GET', `/users/${maatje.id}`)).json().version;
    const moved = await call(admin, 'PATCH', `/users/${maatje.id}`, { locationId: otherLocation }, { 'if-match': `"${version}"` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}`)).statusCode).toBe(404);
    const active = await t.db.selectFrom('dossierAssignments').select('id').where('dossierId', '=', dossierId).where('endedAt', 'is', null).execute();
    expect(active).toEqual([]);
    const log = (await call(resident, 'GET', `/dossiers/${dossierId}/access-log`)).json().items as { action: string }[];
    expect(log.map((e) => e.action)).toContain('assignment.ended');
  });
});
