// Access that ends must end on the very next request, with the same still-valid token.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);

let location: string;
let coordinator: TestUser;
let resident: TestUser;

beforeAll(async () => {
  location = (await createLocation(t.db)).id;
  coordinator = await createUser(h.app, { role: 'coordinator', locationId: location });
  resident = await createUser(h.app, { role: 'resident', locationId: location });
});

const get = (user: TestUser, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(user) });

describe('access ends on the next request', () => {
  it('after a reassignment, for the previous maatje', async () => {
    const first = await createUser(h.app, { role: 'maatje', locationId: location });
    const second = await createUser(h.app, { role: 'maatje', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje: first });
    expect((await get(first, `/dossiers/${dossierId}`)).statusCode).toBe(200);

    const reassigned = await h.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierId}/assignment`, headers: bearer(coordinator), payload: { maatjeId: second.id, reason: 'CANARY-verhuisd' } });
    expect(reassigned.statusCode).toBe(200);
    expect(reassigned.json()).toMatchObject({ dossierId, maatjeId: second.id });

    expect((await get(first, `/dossiers/${dossierId}`)).statusCode).toBe(404);
    expect((await get(second, `/dossiers/${dossierId}`)).statusCode).toBe(200);
    expect((await get(first, '/dossiers')).json().items).toEqual([]);

    // The resident sees the reassignment in who-looked-at-my-dossier.
    const log = (await get(resident, `/dossiers/${dossierId}/access-log`)).json();
    expect(log.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['dossier.read', 'assignment.changed']));
    const change = log.items.find((i: { action: string }) => i.action === 'assignment.changed');
    expect(change).toMatchObject({ actorRole: 'coordinator', actorDisplayName: coordinator.displayName, outcome: 'success' });
  });

  it('after the maatje is disabled (401 on any route) or loses their training record (404)', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    await t.db.updateTable('users').set({ trainedAt: null }).where('id', '=', maatje.id).execute();
    expect((await get(maatje, `/dossiers/${dossierId}`)).statusCode).toBe(404);
    await t.db.updateTable('users').set({ trainedAt: new Date(), disabledAt: new Date() }).where('id', '=', maatje.id).execute();
    expect((await get(maatje, `/dossiers/${dossierId}`)).statusCode).toBe(401);
    expect((await get(maatje, '/creditor-catalog')).statusCode).toBe(401);
  });

  it('after the resident withdraws consent, for the maatje only', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/dossiers/${dossierId}/consent`, headers: bearer(resident) })).statusCode).toBe(200);
    expect((await get(maatje, `/dossiers/${dossierId}`)).statusCode).toBe(404);
    expect((await get(resident, `/dossiers/${dossierId}`)).statusCode).toBe(200);
  });

  it('after unassigning, the dossier shows as orphaned in the caseload', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/dossiers/${dossierId}/assignment`, headers: bearer(coordinator) })).statusCode).toBe(204);
    expect((await get(maatje, `/dossiers/${dossierId}`)).statusCode).toBe(404);
    const caseload = (await get(coordinator, '/caseload?limit=200')).json();
    const item = caseload.items.find((i: { dossierId: string }) => i.dossierId === dossierId);
    expect(Object.keys(item).sort()).toEqual(['crisis', 'dossierId', 'inactive', 'lastActivityAt', 'maatjeDisplayName', 'maatjeId', 'noActiveMaatje', 'overdueActions',
      'openedAt', 'phase', 'residentDisplayName', 'residentId'].sort());
    expect(item).toMatchObject({ maatjeId: null, maatjeDisplayName: null, noActiveMaatje: true, crisis: false, overdueActions: 0, phase: 'A', inactive: false });
  });
});

describe('assignment rules', () => {
  it('refuses a maatje who is untrained, disabled or of another location (422)', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    const elsewhere = await createUser(h.app, { role: 'maatje', locationId: (await createLocation(t.db)).id });
    const untrained = await createUser(h.app, { role: 'maatje', locationId: location, trained: false });
    const disabled = await createUser(h.app, { role: 'maatje', locationId: location, disabled: true });
    for (const candidate of [elsewhere, untrained, disabled, resident]) {
      const res = await h.app.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierId}/assignment`, headers: bearer(coordinator), payload: { maatjeId: candidate.id } });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('maatje_not_eligible');
    }
    expect((await get(maatje, `/dossiers/${dossierId}`)).statusCode).toBe(200);
  });
});

describe('lists never leak across callers', () => {
  it('shows a maatje only their own dossiers', async () => {
    const a = await createUser(h.app, { role: 'maatje', locationId: location });
    const b = await createUser(h.app, { role: 'maatje', locationId: location });
    const mine = await createDossier(h.app, { resident, locationId: location, maatje: a });
    const theirs = await createDossier(h.app, { resident, locationId: location, maatje: b });
    const ids = (await get(a, '/dossiers?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
  });

  it('pages through with a cursor and refuses a forged one', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    for (let i = 0; i < 3; i += 1) {
      await createDossier(h.app, { resident, locationId: location, maatje });
      h.clock.advanceSeconds(1);
    }
    const first = (await get(maatje, '/dossiers?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(maatje, `/dossiers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect((await get(maatje, '/dossiers?limit=201')).statusCode).toBe(400);
    expect((await get(maatje, '/dossiers?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});
