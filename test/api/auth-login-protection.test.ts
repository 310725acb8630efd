import argon2 from 'argon2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueActivationCode } from '../../src/modules/auth/activation.service.js';
import { LOGIN_BACK_OFF, LOGIN_DAILY_CAP } from '../../src/modules/auth/auth.service.js';
import { createTestApp, useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, bodyWithoutRequestId, postLogin, seedLocation, seedUser, signIn, unique } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t, { trustProxy: true });

let addressSeq = 0;
const address = () => ({ 'x-forwarded-for': `198.51.100.${(addressSeq++ % 250) + 1}` });

async function newUser(options: { disabled?: boolean; passwordHash?: string; password?: string } = {}) {
  const location = await seedLocation(t.db);
  return seedUser(t.db, { role: 'maatje', locationId: location, ...options });
}

async function loginState(userId: string) {
  return t.db.selectFrom('users').select(['failedLoginCount', 'failedLoginSince', 'passwordHash']).where('id', '=', userId).executeTakeFirstOrThrow();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('per-address limit', () => {
  it('answers the 11th rapid login from one address with 429 and Retry-After; other addresses go on', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 10; i += 1) {
      expect((await postLogin(h.app, `CANARY-nobody-${i}`, 'CANARY-pw-guess', from)).statusCode).toBe(401);
    }
    const limited = await postLogin(h.app, 'CANARY-nobody-11', 'CANARY-pw-guess', from);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    expect((await postLogin(h.app, 'CANARY-nobody-x', 'CANARY-pw-guess', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(401);

    // The count lives in PostgreSQL: a restarted process (or another replica) with the same secret
    // and clock still refuses this address.
    const replica = await createTestApp(t, { trustProxy: true, jwtSecret: h.config.jwtSecret, rootSecret: h.config.rootSecret });
    replica.clock.set(h.clock.now());
    try {
      expect((await postLogin(replica.app, 'CANARY-nobody-r', 'CANARY-pw-guess', from)).statusCode).toBe(429);
    } finally {
      await replica.app.close();
      replica.logs.assertNoMarker();
    }

    h.clock.advanceSeconds(retryAfter);
    expect((await postLogin(h.app, 'CANARY-nobody-12', 'CANARY-pw-guess', from)).statusCode).toBe(401);
  });

  it('stores no client address, only a keyed hash', async () => {
    const rows = await t.db.selectFrom('rateLimitCounters').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key.toString('latin1')).not.toContain('203.0.113');
  });
});

describe('back-off per account and address, daily cap per account (issue 15, rule 5)', () => {
  // A fresh pair of addresses per test, so the per-address request limit (10 a minute) stays out of the way.
  let attacker: Record<string, string>;
  let home: Record<string, string>;
  let pairSeq = 0;
  beforeEach(() => {
    pairSeq += 1;
    attacker = { 'x-forwarded-for': `198.18.0.${pairSeq}` };
    home = { 'x-forwarded-for': `198.18.1.${pairSeq}` };
  });

  async function throttle(userId: string) {
    return t.db.selectFrom('loginThrottles').select(['failureCount', 'blockedUntil']).where('userId', '=', userId).execute();
  }

  it('pauses the guessing address from its 5th failure; the rightful user from their own address gets in at once', async () => {
    const user = await newUser();
    for (let i = 1; i <= 4; i += 1) {
      expect((await postLogin(h.app, user.username, `CANARY-wrong-${i}`, attacker)).statusCode).toBe(401);
      expect((await throttle(user.id))[0]?.blockedUntil).toBeNull();
    }
    expect((await postLogin(h.app, user.username, 'CANARY-wrong-5', attacker)).statusCode).toBe(401);
    const [paused] = await throttle(user.id);
    expect(paused?.failureCount).toBe(5);
    expect(paused?.blockedUntil?.getTime()).toBe(h.clock.now().getTime() + LOGIN_BACK_OFF.baseSeconds * 1000);

    // Paused for that address: even the right password is refused there, and not counted again.
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(401);
    expect((await throttle(user.id))[0]?.failureCount).toBe(5);

    // The person at home, same moment, right password: in (before issue 15 this was a 401).
    expect((await postLogin(h.app, user.username, user.password, home)).statusCode).toBe(200);
    // Success clears the account's daily count, but not the guessing address's pause.
    expect((await loginState(user.id)).failedLoginCount).toBe(0);
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(401);

    h.clock.advanceSeconds(LOGIN_BACK_OFF.baseSeconds + 1);
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(200);
    expect(await throttle(user.id)).toEqual([]);
  });

  it('doubles the pause per address with each further failure and caps it at 15 minutes', async () => {
    const user = await newUser();
    for (let i = 1; i <= 5; i += 1) await postLogin(h.app, user.username, `CANARY-wrong-${i}`, attacker);
    h.clock.advanceSeconds(31);
    expect((await postLogin(h.app, user.username, 'CANARY-wrong-6', attacker)).statusCode).toBe(401);
    expect((await throttle(user.id))[0]?.blockedUntil?.getTime()).toBe(h.clock.now().getTime() + 60_000);
    h.clock.advanceSeconds(31);
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(401);
    h.clock.advanceSeconds(30);
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(200);

    await postLogin(h.app, user.username, 'CANARY-wrong-a', attacker);
    await t.db.updateTable('loginThrottles').set({ failureCount: 40 }).where('userId', '=', user.id).execute();
    await postLogin(h.app, user.username, 'CANARY-wrong-41', attacker);
    expect((await throttle(user.id))[0]?.blockedUntil?.getTime()).toBe(h.clock.now().getTime() + LOGIN_BACK_OFF.maxSeconds * 1000);
    h.clock.advanceSeconds(LOGIN_BACK_OFF.maxSeconds);
    expect((await postLogin(h.app, user.username, user.password, attacker)).statusCode).toBe(200);
  });

  it('lets parallel guesses from one address not slip past the pause', async () => {
    const user = await newUser();
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => postLogin(h.app, user.username, `CANARY-wrong-${i}`, attacker)));
    expect(results.every((r) => r.statusCode === 401)).toBe(true);
    // Only the attempts before the pause were counted (and so checked); the rest were refused unseen.
    expect((await throttle(user.id))[0]?.failureCount).toBe(LOGIN_BACK_OFF.threshold);
    expect((await loginState(user.id)).failedLoginCount).toBe(LOGIN_BACK_OFF.threshold);
  });

  it(`after ${LOGIN_DAILY_CAP} failures from any addresses within a day the account needs a new activation code`, async () => {
    expect(LOGIN_DAILY_CAP).toBe(100);
    const user = await newUser();
    // 99 failures spread over many addresses (set directly: 99 argon2 runs would only slow the suite).
    await t.db.updateTable('users').set({ failedLoginCount: LOGIN_DAILY_CAP - 1, failedLoginSince: h.clock.now() }).where('id', '=', user.id).execute();
    expect((await postLogin(h.app, user.username, 'CANARY-wrong-100', address())).statusCode).toBe(401);
    expect((await loginState(user.id)).failedLoginCount).toBe(LOGIN_DAILY_CAP);

    // Now even the right password from a fresh address is refused, and stays refused after a day.
    expect((await postLogin(h.app, user.username, user.password, home)).statusCode).toBe(401);
    h.clock.advanceSeconds(2 * 24 * 3600);
    expect((await postLogin(h.app, user.username, user.password, home)).statusCode).toBe(401);
    const reasons = await t.db.selectFrom('auditEvents').select('details').where('actorUserId', '=', user.id)
      .where('action', '=', 'auth.login').orderBy('id').execute();
    expect(reasons.map((r) => (r.details as { reason: string }).reason).slice(-2)).toEqual(['locked', 'locked']);

    // A reset (a new code, activated by the person) opens it again.
    const { activationCode } = await issueActivationCode(t.db, { userId: user.id, issuedBy: null, now: h.clock.now(), secret: h.config.rootSecret });
    const newPassword = `CANARY-pw-${unique()}-new`;
    const activated = await h.app.inject({ method: 'POST', url: '/api/v1/auth/activate', headers: home,
      payload: { code: activationCode, username: user.username, password: newPassword } });
    expect(activated.statusCode).toBe(200);
    expect((await postLogin(h.app, user.username, newPassword, home)).statusCode).toBe(200);
  });

  it('counts the daily cap from the first failure: an old count starts again after a day', async () => {
    const user = await newUser();
    await t.db.updateTable('users').set({
      failedLoginCount: LOGIN_DAILY_CAP - 1, failedLoginSince: new Date(h.clock.now().getTime() - 25 * 3600 * 1000),
    }).where('id', '=', user.id).execute();
    expect((await postLogin(h.app, user.username, 'CANARY-wrong', address())).statusCode).toBe(401);
    expect(await loginState(user.id)).toMatchObject({ failedLoginCount: 1, failedLoginSince: h.clock.now() });
    expect((await postLogin(h.app, user.username, user.password, address())).statusCode).toBe(200);
  });
});

describe('one answer for every failed sign-in', () => {
  it('gives unknown user, wrong password, paused, locked, disabled and not-yet-activated the identical 401 body', async () => {
    const known = await newUser();
    const paused = await newUser();
    const pausedFrom = { 'x-forwarded-for': '198.51.100.251' };
    for (let i = 0; i < 5; i += 1) await postLogin(h.app, paused.username, `CANARY-wrong-${i}`, pausedFrom);
    const locked = await newUser();
    await t.db.updateTable('users').set({ failedLoginCount: LOGIN_DAILY_CAP, failedLoginSince: h.clock.now() }).where('id', '=', locked.id).execute();
    const disabled = await newUser({ disabled: true });
    const location = await seedLocation(t.db);
    const noPassword = await t.db.insertInto('users').values({
      role: 'maatje', username: `CANARY-inactive-${unique()}`, displayNameEncrypted: 'p.CANARY-name-inactive', locationId: location, updatedAt: new Date(),
    }).returning('username').executeTakeFirstOrThrow();

    const answers = [
      await postLogin(h.app, `CANARY-unknown-${unique()}`, 'CANARY-pw-any', address()),
      await postLogin(h.app, known.username, 'CANARY-pw-wrong', address()),
      await postLogin(h.app, paused.username, paused.password, pausedFrom),
      await postLogin(h.app, locked.username, locked.password, address()),
      await postLogin(h.app, disabled.username, disabled.password, address()),
      await postLogin(h.app, noPassword.username as string, 'CANARY-pw-any', address()),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const bodies = new Set(answers.map((res) => JSON.stringify(bodyWithoutRequestId(res))));
    expect(bodies.size).toBe(1);
  });

  it('spends one argon2 verification on an unknown username too', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    await postLogin(h.app, `CANARY-unknown-${unique()}`, 'CANARY-pw-any', address());
    expect(verify).toHaveBeenCalledTimes(1);
    const user = await newUser();
    verify.mockClear();
    await postLogin(h.app, user.username, 'CANARY-pw-wrong', address());
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('audits successes and failures without the typed username', async () => {
    const user = await newUser();
    const typed = `CANARY-typed-${unique()}`;
    await postLogin(h.app, typed, 'CANARY-pw-any', address());
    await postLogin(h.app, user.username, 'CANARY-pw-wrong', address());
    await signIn(h.app, user, address());
    const own = await t.db.selectFrom('auditEvents').select(['action', 'outcome', 'details']).where('actorUserId', '=', user.id).orderBy('id').execute();
    expect(own.map((r) => [r.action, r.outcome, r.details])).toEqual([
      ['auth.login', 'failure', { reason: 'bad_password' }],
      ['auth.login', 'success', null],
    ]);
    const all = await t.db.selectFrom('auditEvents').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain(typed);
    expect(JSON.stringify(all)).not.toContain(user.username);
    expect(all.some((r) => r.action === 'auth.login' && r.actorUserId === null && (r.details as { reason?: string })?.reason === 'unknown_user')).toBe(true);
  });
});

describe('password storage', () => {
  function phcParameters(hash: string) {
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    expect(match, 'an argon2id PHC string').not.toBeNull();
    return { m: Number(match?.[1]), t: Number(match?.[2]), p: Number(match?.[3]) };
  }

  it('rehashes a weaker stored hash at the next successful sign-in', async () => {
    const password = `CANARY-pw-${unique()}`;
    const weak = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const user = await newUser({ passwordHash: weak, password });
    expect(phcParameters(weak)).toMatchObject({ m: 4096, t: 1 });
    await signIn(h.app, user, address());
    const stored = (await loginState(user.id)).passwordHash as string;
    expect(stored).not.toBe(weak);
    const parameters = phcParameters(stored);
    expect(parameters.m).toBeGreaterThanOrEqual(19456);
    expect(parameters.t).toBeGreaterThanOrEqual(2);
    await signIn(h.app, user, address());
  });

  it('keeps the boundaries: 7 and 129 characters refused, 8 and 128 taken, common refused, no truncation', async () => {
    const user = await newUser();
    let current = user.password;
    const tokens = await signIn(h.app, user, address());
    const change = (newPassword: string) => h.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { ...bearer(tokens.accessToken), ...address() },
      payload: { currentPassword: current, newPassword },
    });
    const accept = async (newPassword: string) => {
      const res = await change(newPassword);
      expect(res.statusCode, res.body).toBe(204);
      current = newPassword;
      const stored = (await loginState(user.id)).passwordHash as string;
      expect(phcParameters(stored)).toEqual({ m: 19456, t: 2, p: 1 });
    };
    const refuse = async (newPassword: string, code: string) => {
      const res = await change(newPassword);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
    };

    await refuse('CANARY7', 'password_too_short');
    await accept('CANARY-8');
    await accept(`CANARY-${'a'.repeat(121)}`);
    await refuse(`CANARY-${'a'.repeat(122)}`, 'password_too_long');
    // Characters are counted as people see them: 7 emoji are 14 UTF-16 units but too short.
    await refuse('🙂'.repeat(7), 'password_too_short');
    await accept('🙂'.repeat(8));
    await refuse('Welkom01', 'password_too_common');
    await refuse('PASSWORD123', 'password_too_common');

    const long = `CANARY-${'b'.repeat(65)}X${'c'.repeat(20)}`;
    expect(long[72]).toBe('X');
    await accept(long);
    const differentAt73 = `${long.slice(0, 72)}Y${long.slice(73)}`;
    expect((await postLogin(h.app, user.username, differentAt73, address())).statusCode).toBe(401);
    expect((await postLogin(h.app, user.username, long, address())).statusCode).toBe(200);
  });
});
