// The first admin through the setup code: only while no admin exists, only with the code, one
// admin even when two setups race, and the route gone for good afterwards.
import { describe, expect, it } from 'vitest';
import { setupCodeFor } from '../../src/modules/setup/setup-code.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { signIn, unique } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);

const API = '/api/v1';
const postSetup = (payload: Record<string, unknown>) => h.app.inject({ method: 'POST', url: `${API}/setup`, payload });
const clearRateLimits = () => t.db.deleteFrom('rateLimitCounters').execute();
const admins = async () => (await t.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).length;

describe('first admin via the setup code', () => {
  const password = `CANARY-pw-${unique()}-${unique()}`;
  const body = () => ({ setupCode: setupCodeFor(h.config.rootSecret), username: `CANARY-admin-${unique()}`, displayName: 'CANARY Beheer', password });

  it('says setup is needed on a new installation', async () => {
    const res = await h.app.inject({ method: 'GET', url: `${API}/setup` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
  });

  it('refuses a wrong code, a malformed code and a weak password, creating nobody', async () => {
    const wrong = await postSetup({ ...body(), setupCode: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(401);
    const malformed = await postSetup({ ...body(), setupCode: 'not a code' });
    expect(malformed.statusCode).toBe(401);
    const weak = await postSetup({ ...body(), password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toMatch(/password/);
    expect(await admins()).toBe(0);
  });

  it('accepts the code as people type it and creates exactly one admin when two setups race', async () => {
    await clearRateLimits();
    const typed = setupCodeFor(h.config.rootSecret).toLowerCase().replace(/-/g, ' ');
    const first = body();
    const [a, b] = await Promise.all([postSetup({ ...first, setupCode: typed }), postSetup(body())]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 404]);
    const created = [a, b].find((res) => res.statusCode === 201)!;
    expect(created.json()).toMatchObject({ role: 'admin', displayName: 'CANARY Beheer' });
    expect(await admins()).toBe(1);

    const tokens = await signIn(h.app, { username: created.json().username as string, password });
    expect(tokens.user.role).toBe('admin');
    const audit = await t.db.selectFrom('auditEvents').select(['action', 'details']).where('subjectUserId', '=', tokens.user.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('user.create');
    expect(JSON.stringify(audit[0]!.details)).toContain('setup');
  });

  it('is gone for good once an admin exists: 404 whatever the code, and needed is false', async () => {
    await clearRateLimits();
    expect((await h.app.inject({ method: 'GET', url: `${API}/setup` })).json()).toEqual({ needed: false });
    expect((await postSetup(body())).statusCode).toBe(404);
    expect((await postSetup({ ...body(), setupCode: 'AAAA-BBBB-CCCC' })).statusCode).toBe(404);
    expect(await admins()).toBe(1);
  });

  it('limits tries per address', async () => {
    await clearRateLimits();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postSetup({ ...body(), setupCode: 'AAAA-BBBB-CCCC' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses[5]).toBe(429);
  });
});

describe('the setup code', () => {
  it('is the same for the same secret and differs between secrets', () => {
    const secret = Buffer.alloc(32, 7);
    expect(setupCodeFor(secret)).toBe(setupCodeFor(Buffer.alloc(32, 7)));
    expect(setupCodeFor(secret)).not.toBe(setupCodeFor(Buffer.alloc(32, 8)));
    expect(setupCodeFor(secret)).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });
});
