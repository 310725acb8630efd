// Two people for every staff credential (issue 15, rule 1): one asks, a different admin approves
// and gets the code once; the reset ends the account's sessions and shows in the access log of
// every dossier the account opens afterwards.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer, sessionToken } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t, { trustProxy: true });
let location: string;
let otherLocation: string;
let admin: TestUser;
let secondAdmin: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let addressSeq = 0;

beforeAll(async () => {
  location = (await createLocation(t.db)).id;
  otherLocation = (await createLocation(t.db)).id;
  admin = await createUser(h.app, { role: 'admin' });
  secondAdmin = await createUser(h.app, { role: 'admin' });
  coordinator = await createUser(h.app, { role: 'coordinator', locationId: location });
  otherCoordinator = await createUser(h.app, { role: 'coordinator', locationId: otherLocation });
});

const call = (user: TestUser | undefined, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({
    method, url: `/api/v1${url}`,
    headers: { ...(user ? bearer(user) : {}), 'x-forwarded-for': `100.100.0.${(addressSeq++ % 250) + 1}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const ask = (by: TestUser, userId: string) => call(by, 'POST', `/users/${userId}/credential-resets`);
const approve = (by: TestUser, resetId: string) => call(by, 'POST', `/credential-resets/${resetId}/approve`);

describe('asking for a reset', () => {
  it('is open to an admin for any staff account and to a coordinator for their location\'s maatjes only', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const farMaatje = await createUser(h.app, { role: 'maatje', locationId: otherLocation });
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    expect((await ask(coordinator, farMaatje.id)).statusCode).toBe(404);
    expect((await ask(coordinator, otherCoordinator.id)).statusCode).toBe(404);
    expect((await ask(coordinator, resident.id)).statusCode).toBe(404);
    expect((await ask(admin, resident.id)).statusCode).toBe(404);
    expect((await ask(admin, randomUUID())).statusCode).toBe(404);
    const asked = await ask(coordinator, maatje.id);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ userId: maatje.id, requestedBy: coordinator.id, status: 'pending' });
    // One open request per account.
    const again = await ask(admin, maatje.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('reset_already_requested');
    // Nothing happened to the account yet.
    expect((await call(maatje, 'GET', '/auth/me')).statusCode).toBe(200);
  });

  it('refuses the caller\'s own account, disabled accounts, and maatjes, evaluators and residents altogether', async () => {
    const own = await ask(admin, admin.id);
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('cannot_reset_own_account');
    const disabled = await createUser(h.app, { role: 'maatje', locationId: location, disabled: true });
    expect((await ask(admin, disabled.id)).json().code).toBe('user_disabled');
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    for (const role of ['maatje', 'evaluator', 'resident'] as const) {
      const caller = await createUser(h.app, { role, locationId: role === 'evaluator' ? null : location });
      expect((await ask(caller, maatje.id)).statusCode, role).toBe(403);
      expect((await call(caller, 'GET', '/credential-resets')).statusCode, role).toBe(403);
    }
    expect((await call(coordinator, 'GET', '/credential-resets')).statusCode).toBe(403);
  });
});

describe('approving a reset', () => {
  it('needs a second admin: never the one who asked, never the account itself, never a coordinator', async () => {
    const target = await createUser(h.app, { role: 'admin' });
    const resetId = (await ask(admin, target.id)).json().id as string;
    const byRequester = await approve(admin, resetId);
    expect(byRequester.statusCode).toBe(403);
    const byTarget = await approve(target, resetId);
    expect(byTarget.statusCode).toBe(403);
    expect((await approve(coordinator, resetId)).statusCode).toBe(403);
    expect((await approve(secondAdmin, randomUUID())).statusCode).toBe(404);

    const pending = (await call(secondAdmin, 'GET', '/credential-resets?limit=200')).json().items as { id: string; requestedBy: string }[];
    expect(pending).toContainEqual(expect.objectContaining({ id: resetId, requestedBy: admin.id }));

    const approved = await approve(secondAdmin, resetId);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ resetId, userId: target.id, activationCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    const twice = await approve(secondAdmin, resetId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('reset_already_approved');
    const after = (await call(secondAdmin, 'GET', '/credential-resets?limit=200')).json().items as { id: string }[];
    expect(after.map((r) => r.id)).not.toContain(resetId);
  });

  it('ends every session of the account and its password; the code activates it', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location, username: `canary-reset-${randomUUID().slice(0, 8)}` });
    expect((await call(maatje, 'GET', '/auth/me')).statusCode).toBe(200);
    const resetId = (await ask(coordinator, maatje.id)).json().id as string;
    const { activationCode } = (await approve(admin, resetId)).json();
    expect((await call(maatje, 'GET', '/auth/me')).statusCode).toBe(401);
    const sessions = await t.db.selectFrom('sessions').select(['revokedAt', 'revokedReason']).where('userId', '=', maatje.id).execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    const username = (await t.db.selectFrom('users').select('username').where('id', '=', maatje.id).executeTakeFirstOrThrow()).username;
    const activated = await call(undefined, 'POST', '/auth/activate', { code: activationCode, username, password: `CANARY-pw-${randomUUID()}` });
    expect(activated.statusCode, activated.body).toBe(200);
    const audit = await t.db.selectFrom('auditEvents').select(['action', 'actorUserId']).where('subjectUserId', '=', maatje.id).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['user.credential_reset_requested', 'auth.activation_code_issued', 'user.credential_reset_approved']));
  });

});

describe('a new staff account', () => {
  it('gets its first code only through a second admin', async () => {
    const created = await call(admin, 'POST', '/users', { role: 'coordinator', username: `canary-c-${randomUUID().slice(0, 8)}`, displayName: 'CANARY-coord', locationId: location });
    expect(created.statusCode, created.body).toBe(201);
    const { id, credentialResetId, username } = created.json();
    expect(created.json().activationCode).toBeUndefined();
    expect((await approve(admin, credentialResetId)).statusCode).toBe(403);
    const approved = await approve(secondAdmin, credentialResetId);
    expect(approved.statusCode).toBe(200);
    const activated = await call(undefined, 'POST', '/auth/activate', { code: approved.json().activationCode, username, password: `CANARY-pw-${randomUUID()}` });
    expect(activated.statusCode).toBe(200);
    expect(activated.json().user).toMatchObject({ id, role: 'coordinator' });
  });
});

describe('the resident\'s access log', () => {
  it('says on the first entry of a reset account that it got a new code, and when', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location, username: `canary-log-${randomUUID().slice(0, 8)}` });
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
    expect((await call(maatje, 'GET', `/dossiers/${dossierId}`)).statusCode).toBe(200);
    // The account was in use (it has a password): a new code is a reset.
    await t.db.updateTable('users').set({ passwordHash: 'x' }).where('id', '=', maatje.id).execute();
    const resetId = (await ask(coordinator, maatje.id)).json().id as string;
    const { activationCode } = (await approve(admin, resetId)).json();
    h.clock.advanceSeconds(60);
    const username = (await t.db.selectFrom('users').select('username').where('id', '=', maatje.id).executeTakeFirstOrThrow()).username;
    const tokens = (await call(undefined, 'POST', '/auth/activate', { code: activationCode, username, password: `CANARY-pw-${randomUUID()}` })).json();
    const asMaatje = { ...maatje, token: tokens.accessToken as string };
    expect((await call(asMaatje, 'GET', `/dossiers/${dossierId}`)).statusCode).toBe(200);
    expect((await call(asMaatje, 'GET', `/dossiers/${dossierId}/debts`)).statusCode).toBe(200);
    const asResident = { ...resident, token: await sessionToken(h.app, resident.id, 'resident') };

    const log = (await call(asResident, 'GET', `/dossiers/${dossierId}/access-log?limit=200`)).json().items as
      { action: string; actorDisplayName: string | null; accountResetAt: string | null; description: string }[];
    const byMaatje = log.filter((e) => e.actorDisplayName === maatje.displayName && e.action !== 'accessLog.read');
    expect(byMaatje.length).toBeGreaterThanOrEqual(3);
    // Before the reset: no note. The first entry after it: the note. Later ones: none.
    expect(byMaatje[0]?.accountResetAt).toBeNull();
    const flagged = byMaatje.filter((e) => e.accountResetAt !== null);
    expect(flagged).toHaveLength(1);
    const resetAt = (await t.db.selectFrom('auditEvents').select('occurredAt').where('subjectUserId', '=', maatje.id)
      .where('action', '=', 'auth.activation_code_issued').executeTakeFirstOrThrow()).occurredAt;
    expect(flagged[0]?.accountResetAt).toBe(resetAt.toISOString());
    const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(resetAt);
    expect(day).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(flagged[0]?.description).toContain(`Let op: Dit account kreeg op ${day} een nieuwe code om in te loggen.`);
  });
});

describe('an old request', () => {
  it('refuses an expired request', async () => {
    const maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    const resetId = (await ask(coordinator, maatje.id)).json().id as string;
    // A week later (moved in the row: the test tokens are signed on the real clock).
    await t.db.updateTable('credentialResets').set({ expiresAt: h.clock.now() }).where('id', '=', resetId).execute();
    const res = await approve(admin, resetId);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('reset_request_expired');
    // A new request replaces the lapsed one.
    expect((await ask(coordinator, maatje.id)).statusCode).toBe(201);
  });
});
