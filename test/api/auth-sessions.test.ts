import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/http/authenticate.js';
import { REFRESH_GRACE_SECONDS } from '../../src/modules/auth/auth.service.js';
import { REFRESH_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS } from '../../src/modules/auth/session.service.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, bodyWithoutRequestId, postLogin, seedLocation, seedUser, signIn, type Tokens } from '../support/identity.js';

const t = useTestDb();
// Per-address limits key on X-Forwarded-For here; these tests send none, so all share one address
// and stay under the login limit by signing in sparingly.
const h = useTestApp(t, { trustProxy: true });

let addressSeq = 0;
const address = () => ({ 'x-forwarded-for': `192.0.2.${(addressSeq++ % 250) + 1}` });

async function refresh(refreshToken: string) {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken }, headers: address() });
}

async function me(accessToken: string) {
  return h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(accessToken) });
}

async function newUser() {
  const location = await seedLocation(t.db);
  return seedUser(t.db, { role: 'maatje', locationId: location });
}

async function auditActions(userId: string) {
  const rows = await t.db.selectFrom('auditEvents').select(['action', 'outcome']).where('actorUserId', '=', userId).orderBy('id').execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('POST /auth/login', () => {
  it('answers the token pair and the user; /auth/me knows who it is', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    expect(tokens).toMatchObject({ expiresIn: 600, user: { id: user.id, role: 'maatje' } });
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await me(tokens.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: user.id, role: 'maatje', displayName: tokens.user.displayName, locationId: user.locationId });
    expect(await auditActions(user.id)).toEqual(['auth.login:success']);
  });

  it('stores the refresh token only as its SHA-256', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const stored = await t.db.selectFrom('refreshTokens').innerJoin('sessions', 'sessions.id', 'refreshTokens.sessionId')
      .select('refreshTokens.tokenHash').where('sessions.userId', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash.toString('base64url')).not.toBe(tokens.refreshToken);
    expect(stored[0]?.tokenHash).toHaveLength(32);
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: a new pair in the same session, the old refresh token spent', async () => {
    const user = await newUser();
    const first = await signIn(h.app, user, address());
    const res = await refresh(first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = res.json() as Tokens;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    // Same session: the first access token is still good until it expires.
    expect((await me(first.accessToken)).statusCode).toBe(200);
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).toHaveLength(1);
  });

  it('ends the whole family when a spent token comes back: old and newest refresh tokens and its access tokens fail', async () => {
    const user = await newUser();
    const first = await signIn(h.app, user, address());
    const second = (await refresh(first.refreshToken)).json() as Tokens;
    const third = (await refresh(second.refreshToken)).json() as Tokens;
    h.clock.advanceSeconds(REFRESH_GRACE_SECONDS + 1);

    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect((await refresh(third.refreshToken)).statusCode).toBe(401);
    expect((await me(third.accessToken)).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('auth.refresh_reuse:denied');

    // Another session of the same user is not touched by this family's end.
    const other = await signIn(h.app, user, address());
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('answers tabs that refresh the same token at once with the same new pair; the session goes on (issue 15, rule 5)', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const results = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const pairs = results.map((r) => r.json() as Tokens);
    expect(new Set(pairs.map((p) => p.refreshToken)).size).toBe(1);
    expect(new Set(pairs.map((p) => p.accessToken)).size).toBe(1);
    expect(pairs[0]?.refreshToken).not.toBe(tokens.refreshToken);
    // One rotation happened, not three: the session holds two refresh tokens, and no reuse was seen.
    const rows = await t.db.selectFrom('refreshTokens').innerJoin('sessions', 'sessions.id', 'refreshTokens.sessionId')
      .select('refreshTokens.id').where('sessions.userId', '=', user.id).execute();
    expect(rows).toHaveLength(2);
    expect(await auditActions(user.id)).not.toContain('auth.refresh_reuse:denied');
    expect((await me(pairs[0]?.accessToken as string)).statusCode).toBe(200);
    expect((await refresh(pairs[0]?.refreshToken as string)).statusCode).toBe(200);
  });

  it(`gives a repeat within ${REFRESH_GRACE_SECONDS} s the same pair, and ends the family for a repeat after that`, async () => {
    expect(REFRESH_GRACE_SECONDS).toBeGreaterThanOrEqual(10);
    expect(REFRESH_GRACE_SECONDS).toBeLessThanOrEqual(30);
    const user = await newUser();
    const first = await signIn(h.app, user, address());
    const second = (await refresh(first.refreshToken)).json() as Tokens;
    h.clock.advanceSeconds(REFRESH_GRACE_SECONDS);
    const again = await refresh(first.refreshToken);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ refreshToken: second.refreshToken, accessToken: second.accessToken });
    expect((again.json() as Tokens).expiresIn).toBe(second.expiresIn - REFRESH_GRACE_SECONDS);

    h.clock.advanceSeconds(1);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
    expect((await me(second.accessToken)).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('auth.refresh_reuse:denied');
  });

  it('ends the family for a repeat within the window once the new pair was itself used', async () => {
    const user = await newUser();
    const first = await signIn(h.app, user, address());
    const second = (await refresh(first.refreshToken)).json() as Tokens;
    const third = (await refresh(second.refreshToken)).json() as Tokens;
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(third.refreshToken)).statusCode).toBe(401);
  });

  it('refuses an unknown token with the one 401 body', async () => {
    const res = await refresh(randomBytes(32).toString('base64url'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('lets a refresh token die after two idle hours', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    h.clock.advanceSeconds(REFRESH_IDLE_SECONDS + 1);
    expect((await refresh(tokens.refreshToken)).statusCode).toBe(401);
    // Refused, not spent: a client retrying a dead token is not mistaken for a replay.
    expect((await refresh(tokens.refreshToken)).statusCode).toBe(401);
    const session = await t.db.selectFrom('sessions').select('revokedAt').where('userId', '=', user.id).executeTakeFirstOrThrow();
    expect(session.revokedAt).toBeNull();
  });

  it('ends the session after twelve hours however often it was refreshed, access tokens included', async () => {
    const user = await newUser();
    let tokens = await signIn(h.app, user, address());
    let elapsed = 0;
    const step = REFRESH_IDLE_SECONDS - 60;
    while (elapsed + step < SESSION_ABSOLUTE_SECONDS) {
      h.clock.advanceSeconds(step);
      elapsed += step;
      const res = await refresh(tokens.refreshToken);
      expect(res.statusCode).toBe(200);
      tokens = res.json() as Tokens;
    }
    expect((await me(tokens.accessToken)).statusCode).toBe(200);
    h.clock.advanceSeconds(SESSION_ABSOLUTE_SECONDS - elapsed + 1);
    expect((await refresh(tokens.refreshToken)).statusCode).toBe(401);
    expect((await me(tokens.accessToken)).statusCode).toBe(401);
  });
});

describe('POST /auth/logout and /auth/logout-all', () => {
  it('logout ends the session of the refresh token, its access tokens too', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: tokens.refreshToken }, headers: address() });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await refresh(tokens.refreshToken)).statusCode).toBe(401);
    expect((await me(tokens.accessToken)).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('auth.logout:success');
  });

  it('logout answers an unknown token the same way', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: 'CANARY-not-a-token' }, headers: address() });
    expect(res.statusCode).toBe(204);
  });

  it('logout-all ends every session of the caller', async () => {
    const user = await newUser();
    const a = await signIn(h.app, user, address());
    const b = await signIn(h.app, user, address());
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: bearer(a.accessToken) });
    expect(res.statusCode).toBe(204);
    for (const tokens of [a, b]) {
      expect((await me(tokens.accessToken)).statusCode).toBe(401);
      expect((await refresh(tokens.refreshToken)).statusCode).toBe(401);
    }
    expect(await auditActions(user.id)).toContain('auth.logout_all:success');
  });

  it('logout-all needs a signed-in caller', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all' });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /auth/password', () => {
  async function changePassword(accessToken: string, body: Record<string, string>) {
    return h.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: body, headers: { ...bearer(accessToken), ...address() } });
  }

  it('sets the new password, ends every other session at once and keeps the caller\'s own', async () => {
    const user = await newUser();
    const mine = await signIn(h.app, user, address());
    const other = await signIn(h.app, user, address());
    const newPassword = 'CANARY-new-password-1';
    const res = await changePassword(mine.accessToken, { currentPassword: user.password, newPassword });
    expect(res.statusCode).toBe(204);

    expect((await me(other.accessToken)).statusCode).toBe(401);
    expect((await refresh(other.refreshToken)).statusCode).toBe(401);
    expect((await me(mine.accessToken)).statusCode).toBe(200);
    expect((await refresh(mine.refreshToken)).statusCode).toBe(200);

    expect((await postLogin(h.app, user.username, user.password, address())).statusCode).toBe(401);
    expect((await postLogin(h.app, user.username, newPassword, address())).statusCode).toBe(200);
    expect(await auditActions(user.id)).toContain('auth.password_change:success');
  });

  it('answers a wrong current password with 422 and counts it as a failed sign-in', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const res = await changePassword(tokens.accessToken, { currentPassword: 'CANARY-wrong-current', newPassword: 'CANARY-new-password-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('current_password_incorrect');
    const row = await t.db.selectFrom('users').select('failedLoginCount').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.failedLoginCount).toBe(1);
    expect((await postLogin(h.app, user.username, user.password, address())).statusCode).toBe(200);
  });

  it.each([
    ['CANARY7', 'password_too_short'],
    [`CANARY-${'x'.repeat(122)}`, 'password_too_long'],
    ['password123', 'password_too_common'],
  ])('refuses a new password %#', async (newPassword, code) => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const res = await changePassword(tokens.accessToken, { currentPassword: user.password, newPassword });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });
});

describe('the access-token gate refuses forged and misplaced tokens', () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  function forge(header: object, claims: object, key: Buffer | null) {
    const unsigned = `${encode(header)}.${encode(claims)}`;
    const signature = key === null ? '' : createHmac('sha256', key).update(unsigned).digest('base64url');
    return `${unsigned}.${signature}`;
  }

  it('answers every forgery with one identical 401 body, while the same token done right passes', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    const session = await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).executeTakeFirstOrThrow();
    const key = h.config.jwtSecret;
    const iat = Math.floor(h.clock.now().getTime() / 1000);
    const header = { alg: 'HS256', typ: 'at+jwt' };
    const claims = { sub: user.id, sid: session.id, role: 'maatje', iat, exp: iat + 600, jti: randomUUID(), iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE };
    const { exp: _exp, ...claimsWithoutExp } = claims;

    // The control: built by hand exactly like ours, it is accepted.
    expect((await me(forge(header, claims, key))).statusCode).toBe(200);

    const forgeries: Record<string, { headers?: Record<string, string>; url?: string }> = {
      'alg none': { headers: bearer(forge({ alg: 'none', typ: 'at+jwt' }, claims, null)) },
      'HS256 with another key': { headers: bearer(forge(header, claims, randomBytes(32))) },
      'wrong audience': { headers: bearer(forge(header, { ...claims, aud: 'another-api' }, key)) },
      'wrong issuer': { headers: bearer(forge(header, { ...claims, iss: 'someone-else' }, key)) },
      'missing exp': { headers: bearer(forge(header, claimsWithoutExp, key)) },
      'exp not a number': { headers: bearer(forge(header, { ...claims, exp: String(claims.exp) }, key)) },
      'not valid before a minute from now': { headers: bearer(forge(header, { ...claims, nbf: iat + 60 }, key)) },
      'typ not at+jwt': { headers: bearer(forge({ alg: 'HS256', typ: 'JWT' }, claims, key)) },
      'alg HS512 claimed': { headers: bearer(forge({ alg: 'HS512', typ: 'at+jwt' }, claims, key)) },
      'refresh token as access token': { headers: bearer(tokens.refreshToken) },
      'token only in the query string': { url: `/api/v1/auth/me?access_token=${tokens.accessToken}&token=${tokens.accessToken}` },
      'no token': {},
    };
    const bodies = new Map<string, unknown>();
    for (const [name, request] of Object.entries(forgeries)) {
      const res = await h.app.inject({ method: 'GET', url: request.url ?? '/api/v1/auth/me', headers: request.headers });
      expect(res.statusCode, name).toBe(401);
      bodies.set(name, bodyWithoutRequestId(res));
    }
    // Expired by one second, on the app clock, though the server verified (and cached) it just before.
    expect((await me(tokens.accessToken)).statusCode).toBe(200);
    h.clock.advanceSeconds(601);
    const expired = await me(tokens.accessToken);
    expect(expired.statusCode).toBe(401);
    bodies.set('expired by 1 s', bodyWithoutRequestId(expired));

    const distinct = new Set([...bodies.values()].map((body) => JSON.stringify(body)));
    expect(distinct.size).toBe(1);
    expect([...bodies.values()][0]).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('accepts a token until its last second', async () => {
    const user = await newUser();
    const tokens = await signIn(h.app, user, address());
    h.clock.advanceSeconds(599);
    expect((await me(tokens.accessToken)).statusCode).toBe(200);
  });
});
