import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import {
  bearer, bodyWithoutRequestId, postLogin, seedLocation, seedUser, signIn, unique, type SeededUser, type Tokens,
} from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t, { trustProxy: true });

let addressSeq = 0;
const address = () => ({ 'x-forwarded-for': `10.1.${Math.floor(addressSeq / 250) % 250}.${(addressSeq++ % 250) + 1}` });

let home: string;
let away: string;
let admin: SeededUser;
let adminTokens: Tokens;
let coordinator: Tokens & { user: { id: string } };
let otherCoordinator: Tokens;
let maatjeTokens: Tokens;
let evaluatorTokens: Tokens;
let residentAtHome: SeededUser;
let residentAway: SeededUser;

beforeAll(async () => {
  home = await seedLocation(t.db);
  away = await seedLocation(t.db);
  admin = await seedUser(t.db, { role: 'admin' });
  adminTokens = await signIn(h.app, admin, address());
  coordinator = await signIn(h.app, await seedUser(t.db, { role: 'coordinator', locationId: home }), address());
  otherCoordinator = await signIn(h.app, await seedUser(t.db, { role: 'coordinator', locationId: away }), address());
  maatjeTokens = await signIn(h.app, await seedUser(t.db, { role: 'maatje', locationId: home }), address());
  evaluatorTokens = await signIn(h.app, await seedUser(t.db, { role: 'evaluator' }), address());
  residentAtHome = await seedUser(t.db, { role: 'resident', locationId: home });
  residentAway = await seedUser(t.db, { role: 'resident', locationId: away });
});

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object; headers?: Record<string, string> };
const call = (tokens: Tokens, request: Call) =>
  h.app.inject({ ...request, headers: { ...bearer(tokens.accessToken), ...request.headers } });

const createUser = (tokens: Tokens, payload: object) => call(tokens, { method: 'POST', url: '/api/v1/users', payload });
const getUser = (tokens: Tokens, id: string) => call(tokens, { method: 'GET', url: `/api/v1/users/${id}` });
const patchUser = (tokens: Tokens, id: string, payload: object, ifMatch?: string) =>
  call(tokens, { method: 'PATCH', url: `/api/v1/users/${id}`, payload, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
const me = (tokens: Tokens) => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(tokens.accessToken) });

async function homeMaatje() {
  const user = await seedUser(t.db, { role: 'maatje', locationId: home });
  return { user, tokens: await signIn(h.app, user, address()) };
}

describe('POST /users by the admin', () => {
  it('creates a staff account without password or code, and files the request for its first code (issue 15)', async () => {
    const username = `CANARY-new-${unique()}`;
    const res = await createUser(adminTokens, { role: 'maatje', username, displayName: 'CANARY-name-new', locationId: home });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String), role: 'maatje', username, displayName: 'CANARY-name-new', locationId: home,
      disabled: false, trainedAt: null, createdAt: expect.any(String), version: 1, credentialResetId: expect.any(String),
    });
    expect(res.headers.etag).toBe('"1"');
    const row = await t.db.selectFrom('users').select('passwordHash').where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.passwordHash).toBeNull();
    expect(await t.db.selectFrom('activationCodes').select('id').where('userId', '=', body.id).execute()).toEqual([]);
    const reset = await t.db.selectFrom('credentialResets').selectAll().where('id', '=', body.credentialResetId).executeTakeFirstOrThrow();
    expect(reset).toMatchObject({ userId: body.id, requestedBy: admin.id, approvedAt: null });
  });

  it('takes no password: nobody chooses another person\'s password through the API', async () => {
    const res = await createUser(adminTokens, { role: 'maatje', username: `CANARY-new-${unique()}`, displayName: 'CANARY-name-new', locationId: home, password: `CANARY-pw-${unique()}-x` });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('creates an evaluator or admin without a location', async () => {
    const res = await createUser(adminTokens, { role: 'evaluator', username: `CANARY-eval-${unique()}`, displayName: 'CANARY-name-eval' });
    expect(res.statusCode).toBe(201);
    expect(res.json().locationId).toBeNull();
  });

  it('refuses what the request alone shows is wrong (400), unknown locations (422) and taken names (409)', async () => {
    const base = { displayName: 'CANARY-name-x' };
    const cases: [object, number, string][] = [
      [{ ...base, role: 'maatje', username: `CANARY-u-${unique()}` }, 400, 'location_required'],
      [{ ...base, role: 'resident', username: `CANARY-u-${unique()}`, locationId: home }, 400, 'validation_failed'],
      [{ ...base, role: 'maatje', username: `CANARY-u-${unique()}`, locationId: home, version: 7 }, 400, 'validation_failed'],
      [{ ...base, role: 'maatje', username: `CANARY-u-${unique()}`, locationId: home, trainedAt: new Date().toISOString() }, 400, 'validation_failed'],
      [{ ...base, role: 'maatje', username: 'no spaces allowed', locationId: home }, 400, 'validation_failed'],
      [{ ...base, role: 'maatje', username: `CANARY-u-${unique()}`, locationId: randomUUID() }, 422, 'location_unknown'],
      [{ ...base, role: 'maatje', username: admin.username.toUpperCase(), locationId: home }, 409, 'username_taken'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await createUser(adminTokens, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().code).toBe(code);
    }
  });
});

describe('POST /users by a coordinator', () => {
  it('creates maatjes of their own location only', async () => {
    const res = await createUser(coordinator, { role: 'maatje', username: `CANARY-m-${unique()}`, displayName: 'CANARY-name-m' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'maatje', locationId: home });
    expect(res.json().activationCode).toBeUndefined();
    expect(res.json().credentialResetId).toEqual(expect.any(String));

    const own = await createUser(coordinator, { role: 'maatje', username: `CANARY-m-${unique()}`, displayName: 'CANARY-name-m', locationId: home });
    expect(own.statusCode).toBe(201);

    const elsewhere = await createUser(coordinator, { role: 'maatje', username: `CANARY-m-${unique()}`, displayName: 'CANARY-name-m', locationId: away });
    expect(elsewhere.statusCode).toBe(403);
    for (const role of ['coordinator', 'evaluator', 'admin']) {
      const res2 = await createUser(coordinator, { role, username: `CANARY-m-${unique()}`, displayName: 'CANARY-name-m' });
      expect(res2.statusCode, role).toBe(403);
    }
  });

  it('refuses maatjes and evaluators the route entirely', async () => {
    for (const tokens of [maatjeTokens, evaluatorTokens]) {
      expect((await createUser(tokens, { role: 'maatje', username: `CANARY-m-${unique()}`, displayName: 'CANARY-name-m' })).statusCode).toBe(403);
      expect((await call(tokens, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    }
  });
});

describe('GET /users and /users/{id}', () => {
  it('shows the admin every staff account and no resident', async () => {
    const res = await call(adminTokens, { method: 'GET', url: '/api/v1/users?limit=200' });
    expect(res.statusCode).toBe(200);
    const roles = new Set((res.json().items as { role: string }[]).map((u) => u.role));
    expect(roles).toEqual(new Set(['admin', 'coordinator', 'maatje', 'evaluator']));
    const resident = await getUser(adminTokens, residentAtHome.id);
    const missing = await getUser(adminTokens, randomUUID());
    expect(resident.statusCode).toBe(404);
    expect(bodyWithoutRequestId(resident)).toEqual(bodyWithoutRequestId(missing));
  });

  it('shows a coordinator the maatjes of their location only; anything else is 404', async () => {
    const { user } = await homeMaatje();
    const awayMaatje = await seedUser(t.db, { role: 'maatje', locationId: away });
    const res = await call(coordinator, { method: 'GET', url: '/api/v1/users?limit=200' });
    const items = res.json().items as { role: string; locationId: string; id: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.role === 'maatje' && u.locationId === home)).toBe(true);
    expect(items.some((u) => u.id === user.id)).toBe(true);

    const found = await getUser(coordinator, user.id);
    expect(found.statusCode).toBe(200);
    expect(found.headers.etag).toBe(`"${found.json().version}"`);
    for (const id of [awayMaatje.id, residentAtHome.id, admin.id, coordinator.user.id]) {
      expect((await getUser(coordinator, id)).statusCode).toBe(404);
    }
    expect((await getUser(otherCoordinator, user.id)).statusCode).toBe(404);
  });

  it('pages with limit and cursor', async () => {
    const first = await call(adminTokens, { method: 'GET', url: '/api/v1/users?limit=2' });
    const body = first.json();
    expect(body.items).toHaveLength(2);
    const next = await call(adminTokens, { method: 'GET', url: `/api/v1/users?limit=2&cursor=${body.nextCursor}` });
    expect(next.statusCode).toBe(200);
    const ids = [...body.items, ...next.json().items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call(adminTokens, { method: 'GET', url: '/api/v1/users?limit=500' })).statusCode).toBe(400);
  });
});

describe('PATCH /users/{id}', () => {
  it('needs If-Match: missing 428, stale 412 with the current version, garbage 412', async () => {
    const { user } = await homeMaatje();
    const missing = await patchUser(adminTokens, user.id, { displayName: 'CANARY-name-2' });
    expect(missing.statusCode).toBe(428);
    const ok = await patchUser(adminTokens, user.id, { displayName: 'CANARY-name-2' }, '"1"');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'CANARY-name-2', version: 2 });
    expect(ok.headers.etag).toBe('"2"');

    const stale = await patchUser(adminTokens, user.id, { displayName: 'CANARY-name-3' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toMatchObject({ code: 'version_mismatch', current: { id: user.id, displayName: 'CANARY-name-2', version: 2 } });
    for (const header of ['*', 'W/"2"', '"2", "3"', 'two']) {
      expect((await patchUser(adminTokens, user.id, { displayName: 'CANARY-name-3' }, header)).statusCode, header).toBe(412);
    }
  });

  it('lets exactly one of two concurrent edits of one version win', async () => {
    const { user } = await homeMaatje();
    const results = await Promise.all([
      patchUser(adminTokens, user.id, { displayName: 'CANARY-name-a' }, '"1"'),
      patchUser(adminTokens, user.id, { displayName: 'CANARY-name-b' }, '"1"'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
  });

  it('lets the admin record training for a maatje only', async () => {
    const { user } = await homeMaatje();
    const trainedAt = '2026-10-01T09:00:00.000Z';
    const res = await patchUser(adminTokens, user.id, { trainedAt }, '"1"');
    expect(res.statusCode).toBe(200);
    expect(res.json().trainedAt).toBe(trainedAt);
    const coordinatorRow = await seedUser(t.db, { role: 'coordinator', locationId: home });
    const refused = await patchUser(adminTokens, coordinatorRow.id, { trainedAt }, '"1"');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('training_only_for_maatjes');
  });

  it('refuses a coordinator training, role and location (403, before anything is looked up)', async () => {
    const { user } = await homeMaatje();
    for (const payload of [{ trainedAt: '2026-10-01T09:00:00Z' }, { role: 'coordinator' }, { locationId: away }]) {
      expect((await patchUser(coordinator, user.id, payload, '"1"')).statusCode, JSON.stringify(payload)).toBe(403);
      expect((await patchUser(coordinator, randomUUID(), payload)).statusCode).toBe(403);
    }
    expect((await patchUser(otherCoordinator, user.id, { displayName: 'CANARY-name-z' }, '"1"')).statusCode).toBe(404);
  });

  it('lets a coordinator disable a maatje of their location: the maatje\'s live tokens stop at once', async () => {
    const { user, tokens } = await homeMaatje();
    expect((await me(tokens)).statusCode).toBe(200);
    const res = await patchUser(coordinator, user.id, { disabled: true }, '"1"');
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me(tokens)).statusCode).toBe(401);
    const refreshed = await h.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: tokens.refreshToken }, headers: address() });
    expect(refreshed.statusCode).toBe(401);
    expect((await postLogin(h.app, user.username, user.password, address())).statusCode).toBe(401);

    const enabled = await patchUser(coordinator, user.id, { disabled: false }, '"2"');
    expect(enabled.json().disabled).toBe(false);
    await signIn(h.app, user, address());
  });

  it('ends a user\'s live access tokens when the admin changes their role, and drops their training', async () => {
    const { user, tokens } = await homeMaatje();
    await patchUser(adminTokens, user.id, { trainedAt: '2026-10-01T09:00:00Z' }, '"1"');
    const res = await patchUser(adminTokens, user.id, { role: 'coordinator' }, '"2"');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'coordinator', trainedAt: null, version: 3 });
    expect((await me(tokens)).statusCode).toBe(401);
    const again = await signIn(h.app, user, address());
    expect(again.user.role).toBe('coordinator');
  });

  it('keeps the admin from disabling or demoting themselves, and located roles located', async () => {
    const self = await getUser(adminTokens, admin.id);
    const version = `"${self.json().version}"`;
    const disable = await patchUser(adminTokens, admin.id, { disabled: true }, version);
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('cannot_disable_self');
    expect((await patchUser(adminTokens, admin.id, { role: 'evaluator' }, version)).statusCode).toBe(409);
    expect((await me(adminTokens)).statusCode).toBe(200);

    const { user } = await homeMaatje();
    const unlocated = await patchUser(adminTokens, user.id, { locationId: null }, '"1"');
    expect(unlocated.statusCode).toBe(422);
    expect(unlocated.json().code).toBe('location_required');
    const moved = await patchUser(adminTokens, user.id, { locationId: away }, '"1"');
    expect(moved.json().locationId).toBe(away);
    expect((await patchUser(adminTokens, user.id, { locationId: randomUUID() }, '"2"')).json().code).toBe('location_unknown');
  });

  it('refuses an empty or unknown-keyed body with 400 and changes nothing', async () => {
    const { user } = await homeMaatje();
    expect((await patchUser(adminTokens, user.id, {}, '"1"')).statusCode).toBe(400);
    expect((await patchUser(adminTokens, user.id, { version: 9 }, '"1"')).statusCode).toBe(400);
    expect((await patchUser(adminTokens, user.id, { username: 'CANARY-new-name' }, '"1"')).statusCode).toBe(400);
    expect((await getUser(adminTokens, user.id)).json().version).toBe(1);
  });
});

describe('POST /users/{id}/activation-code', () => {
  const issue = (tokens: Tokens, id: string) => call(tokens, { method: 'POST', url: `/api/v1/users/${id}/activation-code` });

  it('refuses a coordinator a code for a resident of their location (only the dossier\'s maatje re-issues it), leaving the resident signed in', async () => {
    const resident = await seedUser(t.db, { role: 'resident', locationId: home });
    const tokens = await signIn(h.app, resident, address());
    const res = await issue(coordinator, resident.id);
    expect(res.statusCode).toBe(403);
    expect((await me(tokens)).statusCode).toBe(200);
  });

  it('is refused to admins, coordinators and evaluators (403): a staff code needs two people; an unrelated maatje gets 404', async () => {
    const { user } = await homeMaatje();
    for (const tokens of [adminTokens, coordinator, evaluatorTokens]) expect((await issue(tokens, user.id)).statusCode).toBe(403);
    // A maatje who is not the assigned maatje of this resident's dossier: not in reach.
    expect((await issue(maatjeTokens, residentAtHome.id)).statusCode).toBe(404);
  });

  it('records every account change in the audit trail', async () => {
    const rows = await t.db.selectFrom('auditEvents').select(['action']).distinct().execute();
    const actions = rows.map((r) => r.action);
    for (const action of ['user.create', 'user.update', 'user.credential_reset_requested']) expect(actions).toContain(action);
  });
});

describe('createResidentAccount (for the dossiers module)', () => {
  it('makes a resident without username or password that activates with a code', async () => {
    const { createResidentAccount } = await import('../../src/modules/users/user.service.js');
    const { issueActivationCode } = await import('../../src/modules/auth/activation.service.js');
    const seeded = await seedUser(t.db, { role: 'maatje', locationId: home, trained: true });
    const maatje = { userId: seeded.id, role: 'maatje' as const, locationId: home, displayName: 'CANARY-name-m', trained: true, sessionId: randomUUID() };
    const { resident, code } = await t.db.transaction().execute(async (trx) => {
      const created = await createResidentAccount(trx, h.app.cipher, { displayName: 'CANARY-name-resident', locationId: home, createdBy: maatje, now: h.clock.now() });
      const issued = await issueActivationCode(trx, { userId: created.id, issuedBy: maatje, now: h.clock.now(), secret: h.config.rootSecret });
      return { resident: created, code: issued };
    });
    expect(resident).toMatchObject({ role: 'resident', username: null, locationId: home, disabled: false });
    const username = `CANARY-res-${unique()}`;
    const res = await h.app.inject({
      method: 'POST', url: '/api/v1/auth/activate', headers: address(),
      payload: { code: code.activationCode, username, password: `CANARY-pw-${unique()}-q` },
    });
    expect(res.statusCode).toBe(200);
    expect((await getUser(coordinator, resident.id)).statusCode).toBe(404);
  });
});
