import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_BITS } from '../../src/modules/auth/activation-code.js';
import {
  ACTIVATION_CODE_MAX_ATTEMPTS, ACTIVATION_CODE_TTL_SECONDS, issueActivationCode,
} from '../../src/modules/auth/activation.service.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, bodyWithoutRequestId, postLogin, seedLocation, seedUser, signIn, unique, type Tokens } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t, { trustProxy: true });

let addressSeq = 0;
const address = () => ({ 'x-forwarded-for': `100.64.0.${(addressSeq++ % 250) + 1}` });

async function newResident() {
  const location = await seedLocation(t.db);
  const row = await t.db.insertInto('users').values({
    role: 'resident', displayNameEncrypted: `p.CANARY-resident-${unique()}`, locationId: location, updatedAt: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, locationId: location };
}

async function issue(userId: string) {
  return issueActivationCode(t.db, { userId, issuedBy: null, now: h.clock.now(), secret: h.config.rootSecret });
}

async function activate(body: { code: string; username: string; password: string }, headers: Record<string, string> = address()) {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: body, headers });
}

const password = () => `CANARY-pw-${unique()}-${unique()}`;

describe('issueActivationCode', () => {
  it('makes a typeable code of at least 50 bits and keeps only an HMAC of it', async () => {
    expect(ACTIVATION_CODE_BITS).toBeGreaterThanOrEqual(50);
    const resident = await newResident();
    const { activationCode, expiresAt } = await issue(resident.id);
    expect(activationCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(expiresAt.getTime()).toBe(h.clock.now().getTime() + ACTIVATION_CODE_TTL_SECONDS * 1000);
    expect(ACTIVATION_CODE_TTL_SECONDS).toBe(14 * 24 * 3600);
    const rows = await t.db.selectFrom('activationCodes').selectAll().where('userId', '=', resident.id).execute();
    expect(rows).toHaveLength(1);
    const normalized = activationCode.replaceAll('-', '');
    // Not the code and not an unkeyed hash of it that a dump alone could be tested against.
    expect(JSON.stringify(rows)).not.toContain(normalized);
    expect(rows[0]?.codeHmac.equals(createHash('sha256').update(normalized).digest())).toBe(false);
  });
});

describe('POST /auth/activate', () => {
  it('lets a resident choose a username and password with the code as typed, and signs them in', async () => {
    const resident = await newResident();
    const { activationCode } = await issue(resident.id);
    const username = `CANARY-res-${unique()}`;
    const secret = password();
    const typed = ` ${activationCode.toLowerCase().replaceAll('-', ' ')} `;
    const res = await activate({ code: typed, username, password: secret });
    expect(res.statusCode, res.body).toBe(200);
    const tokens = res.json() as Tokens;
    expect(tokens).toMatchObject({ expiresIn: 600, user: { id: resident.id, role: 'resident' } });
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(tokens.accessToken) });
    expect(me.json()).toMatchObject({ id: resident.id, role: 'resident', locationId: resident.locationId });
    await signIn(h.app, { username, password: secret }, address());
    const audit = await t.db.selectFrom('auditEvents').select(['action', 'outcome']).where('actorUserId', '=', resident.id).execute();
    expect(audit).toContainEqual({ action: 'auth.activate', outcome: 'success' });
  });

  it('uses a code once', async () => {
    const resident = await newResident();
    const { activationCode } = await issue(resident.id);
    expect((await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(200);
    expect((await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(401);
  });

  it('lets a code expire after 14 days', async () => {
    const resident = await newResident();
    const { activationCode } = await issue(resident.id);
    h.clock.advanceSeconds(ACTIVATION_CODE_TTL_SECONDS);
    expect((await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(401);

    const other = await newResident();
    const fresh = await issue(other.id);
    h.clock.advanceSeconds(ACTIVATION_CODE_TTL_SECONDS - 1);
    expect((await activate({ code: fresh.activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(200);
  });

  it('answers a taken username (any case) with 409, counted against the code; after 5 refusals the code is dead', async () => {
    const location = await seedLocation(t.db);
    const existing = await seedUser(t.db, { role: 'maatje', locationId: location, username: `CANARY-Taken-${unique()}` });
    const resident = await newResident();
    const { activationCode } = await issue(resident.id);
    for (let i = 0; i < ACTIVATION_CODE_MAX_ATTEMPTS; i += 1) {
      const res = await activate({ code: activationCode, username: existing.username.toLowerCase(), password: password() });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('username_taken');
    }
    expect((await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(401);
  });

  it('makes an account that has a username name it; wrong names count against the code', async () => {
    const location = await seedLocation(t.db);
    const username = `CANARY-Staff-${unique()}`;
    const staff = await t.db.insertInto('users').values({
      role: 'maatje', username, displayNameEncrypted: 'p.CANARY-name-staff', locationId: location, updatedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    const first = await issue(staff.id);
    for (let i = 0; i < ACTIVATION_CODE_MAX_ATTEMPTS; i += 1) {
      expect((await activate({ code: first.activationCode, username: `CANARY-other-${i}`, password: password() })).statusCode).toBe(401);
    }
    expect((await activate({ code: first.activationCode, username, password: password() })).statusCode).toBe(401);

    const second = await issue(staff.id);
    const secret = password();
    expect((await activate({ code: second.activationCode, username: username.toUpperCase(), password: secret })).statusCode).toBe(200);
    const row = await t.db.selectFrom('users').select('username').where('id', '=', staff.id).executeTakeFirstOrThrow();
    expect(row.username).toBe(username);
    await signIn(h.app, { username, password: secret }, address());
  });

  it('refuses a weak password with 400 before looking at the code, so it costs no attempt', async () => {
    const resident = await newResident();
    const { activationCode } = await issue(resident.id);
    for (let i = 0; i < ACTIVATION_CODE_MAX_ATTEMPTS + 1; i += 1) {
      const res = await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('password_too_short');
    }
    expect((await activate({ code: activationCode, username: `CANARY-res-${unique()}`, password: password() })).statusCode).toBe(200);
  });

  it('answers unknown, used, expired, exhausted and disabled codes with one identical 401 body', async () => {
    const answers = [];
    answers.push(await activate({ code: 'AAAA-BBBB-CCCC', username: `CANARY-res-${unique()}`, password: password() }));

    const used = await newResident();
    const usedCode = await issue(used.id);
    await activate({ code: usedCode.activationCode, username: `CANARY-res-${unique()}`, password: password() });
    answers.push(await activate({ code: usedCode.activationCode, username: `CANARY-res-${unique()}`, password: password() }));

    const disabled = await newResident();
    const disabledCode = await issue(disabled.id);
    await t.db.updateTable('users').set({ disabledAt: new Date() }).where('id', '=', disabled.id).execute();
    answers.push(await activate({ code: disabledCode.activationCode, username: `CANARY-res-${unique()}`, password: password() }));

    const replaced = await newResident();
    const replacedCode = await issue(replaced.id);
    await issue(replaced.id);
    answers.push(await activate({ code: replacedCode.activationCode, username: `CANARY-res-${unique()}`, password: password() }));

    const expired = await newResident();
    const expiredCode = await issue(expired.id);
    h.clock.advanceSeconds(ACTIVATION_CODE_TTL_SECONDS + 1);
    answers.push(await activate({ code: expiredCode.activationCode, username: `CANARY-res-${unique()}`, password: password() }));

    for (const res of answers) expect(res.statusCode).toBe(401);
    expect(new Set(answers.map((res) => JSON.stringify(bodyWithoutRequestId(res)))).size).toBe(1);
  });

  it('refuses text that cannot be a code (0, O, 1, I, L, wrong length) with 400', async () => {
    for (const code of ['AAAA-BBBB-CCC0', 'OOOO-BBBB-CCCC', 'AAAA-BBBB-CCC', 'AAAA-BBBB-CCCCD', 'AAAA-BBBB-CCCL']) {
      const res = await activate({ code, username: `CANARY-res-${unique()}`, password: password() });
      expect(res.statusCode, code).toBe(400);
    }
  });

  it('ends the sessions of the account when a new code is issued', async () => {
    const resident = await newResident();
    const first = await issue(resident.id);
    const tokens = (await activate({ code: first.activationCode, username: `CANARY-res-${unique()}`, password: password() })).json() as Tokens;
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(tokens.accessToken) });
    expect((await me()).statusCode).toBe(200);
    await issue(resident.id);
    expect((await me()).statusCode).toBe(401);
    const refreshed = await h.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: tokens.refreshToken }, headers: address() });
    expect(refreshed.statusCode).toBe(401);
  });

  it('limits activations per address more strictly than sign-in', async () => {
    const from = { 'x-forwarded-for': '100.64.9.9' };
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await activate({ code: 'AAAA-BBBB-CCCC', username: `CANARY-res-${i}`, password: password() }, from)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('stops the old password at once: only the holder of the new code gets in', async () => {
    const location = await seedLocation(t.db);
    const user = await seedUser(t.db, { role: 'maatje', locationId: location });
    const { activationCode } = await issue(user.id);
    expect((await postLogin(h.app, user.username, user.password, address())).statusCode).toBe(401);
    const secret = password();
    expect((await activate({ code: activationCode, username: user.username, password: secret })).statusCode).toBe(200);
    expect((await postLogin(h.app, user.username, secret, address())).statusCode).toBe(200);
  });
});
