// The web app's cookie session: the refresh token only ever travels in an HttpOnly, SameSite=Strict
// cookie scoped to /api/v1/auth/browser, and a request without a same-origin Origin and the app's
// own header is refused before anything happens (a cross-site form can set neither).
import { describe, expect, it, beforeAll } from 'vitest';
import { REFRESH_GRACE_SECONDS } from '../../src/modules/auth/auth.service.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { seedLocation, seedUser, type SeededUser } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);
const APP = { 'x-schoon-schip-client': 'web', origin: 'http://localhost:80' };
const BASE = '/api/v1/auth/browser';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const header = res.headers['set-cookie'];
  const value = Array.isArray(header) ? header.join('\n') : String(header ?? '');
  return value;
}

function refreshTokenIn(setCookie: string): string {
  const match = /schoon_schip_refresh=([^;]*)/.exec(setCookie);
  return match?.[1] ?? '';
}

describe('browser session routes', () => {
  let maatje: SeededUser;
  beforeAll(async () => {
    const locationId = await seedLocation(t.db);
    maatje = await seedUser(t.db, { role: 'maatje', locationId, trained: true });
  });

  async function login(headers: Record<string, string> = APP) {
    return h.app.inject({ method: 'POST', url: `${BASE}/login`, headers, payload: { username: maatje.username, password: maatje.password } });
  }

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict, path-scoped cookie and never in the body', async () => {
    const res = await login();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refreshToken');
    const cookie = cookieOf(res);
    expect(refreshTokenIn(cookie)).toMatch(/.{20,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1/auth/browser');
    // Plain HTTP on loopback (inject's localhost) cannot carry Secure cookies in every browser.
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure anywhere but plain-HTTP loopback', async () => {
    const res = await login({ ...APP, host: 'schoonschip.example', origin: 'http://schoonschip.example' });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res)).toContain('Secure');
  });

  it('refreshes with the cookie and rotates it; a second tab within the grace window gets the same cookie; later the spent cookie ends the session', async () => {
    const first = refreshTokenIn(cookieOf(await login()));
    const res = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, cookie: `schoon_schip_refresh=${first}` } });
    expect(res.statusCode).toBe(200);
    const second = refreshTokenIn(cookieOf(res));
    expect(second).not.toBe(first);
    expect(res.json().user.id).toBe(maatje.id);
    const otherTab = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, cookie: `schoon_schip_refresh=${first}` } });
    expect(otherTab.statusCode).toBe(200);
    expect(refreshTokenIn(cookieOf(otherTab))).toBe(second);
    h.clock.advanceSeconds(REFRESH_GRACE_SECONDS + 1);
    const reuse = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, cookie: `schoon_schip_refresh=${first}` } });
    expect(reuse.statusCode).toBe(401);
    const afterReuse = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, cookie: `schoon_schip_refresh=${second}` } });
    expect(afterReuse.statusCode).toBe(401);
  });

  it('refuses a refresh without a cookie with 401', async () => {
    const res = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: APP });
    expect(res.statusCode).toBe(401);
  });

  const crossSite: Array<[string, Record<string, string>]> = [
    ['no custom header', { origin: APP.origin }],
    ['a foreign Origin', { ...APP, origin: 'https://evil.example' }],
    ['no Origin at all', { 'x-schoon-schip-client': 'web' }],
    ['a wrong header value', { ...APP, 'x-schoon-schip-client': 'form' }],
    ['Origin "null" (sandboxed frame)', { ...APP, origin: 'null' }],
  ];

  for (const [what, headers] of crossSite) {
    it(`refuses refresh and logout with ${what}, and the session survives`, async () => {
      const token = refreshTokenIn(cookieOf(await login()));
      const cookie = { cookie: `schoon_schip_refresh=${token}` };
      for (const route of ['refresh', 'logout']) {
        const res = await h.app.inject({ method: 'POST', url: `${BASE}/${route}`, headers: { ...headers, ...cookie } });
        expect(res.statusCode, route).toBe(403);
        expect(res.json().code).toBe('forbidden');
        expect(res.headers['set-cookie'], route).toBeUndefined();
      }
      const stillAlive = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, ...cookie } });
      expect(stillAlive.statusCode).toBe(200);
    });
  }

  it('refuses a cross-site login before looking at the password', async () => {
    const res = await login({ origin: 'https://evil.example', 'x-schoon-schip-client': 'web' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const token = refreshTokenIn(cookieOf(await login()));
    const res = await h.app.inject({ method: 'POST', url: `${BASE}/logout`, headers: { ...APP, cookie: `schoon_schip_refresh=${token}` } });
    expect(res.statusCode).toBe(204);
    expect(cookieOf(res)).toMatch(/schoon_schip_refresh=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    const after = await h.app.inject({ method: 'POST', url: `${BASE}/refresh`, headers: { ...APP, cookie: `schoon_schip_refresh=${token}` } });
    expect(after.statusCode).toBe(401);
  });
});
