import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createTestApp, type TestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();
let h: TestApp;

const PROBLEM_KEYS = ['code', 'detail', 'requestId', 'status', 'title', 'type'];

beforeAll(async () => {
  h = await createTestApp(t);
  // Routes that exist only in this test, to provoke each error path through the real handlers.
  const app = h.app.withTypeProvider<ZodTypeProvider>();
  app.post('/api/v1/test/echo', {
    config: { access: 'public' },
    schema: {
      hide: true,
      body: z.strictObject({ amountCents: z.number().int().min(0).max(1_000_000_000), label: z.string().max(20) }),
      response: { 200: z.object({ amountCents: z.number() }) },
    },
  }, async (request) => ({ amountCents: request.body.amountCents, secretField: 'never leaves' }));
  app.get('/api/v1/test/throw', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.object({}) } },
  }, async () => {
    throw new Error('CANARY-internal-detail password=hunter2');
  });
  app.get('/api/v1/test/db-error', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.object({}) } },
  }, async () => {
    // A real database error whose message and detail would echo the submitted value.
    await app.db.selectFrom('users').selectAll().where('id', '=', 'CANARY-not-a-uuid').execute();
    return {};
  });
  await h.app.ready();
});

afterAll(async () => {
  await h.app.close();
});

describe('problem+json errors', () => {
  it('answers a shape error with 400, a stable code and JSON pointers', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { amountCents: -1, label: 'x', role: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'validation_failed', requestId: res.headers['x-request-id'] });
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/body/amountCents');
    expect(body.errors.some((e: { code: string }) => e.code === 'unrecognized_keys')).toBe(true);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"amountCents":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_json');
  });

  it('answers an unknown path with 404 problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(Object.keys(res.json()).sort()).toEqual(PROBLEM_KEYS);
    expect(res.json().code).toBe('not_found');
  });

  it('answers a body over 64 KiB with 413', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { amountCents: 1, label: 'x'.repeat(70 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('body_too_large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', headers: { 'content-type': 'text/plain' }, payload: 'amountCents=1' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('answers a thrown error with a bare 500 that leaks nothing', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/test/throw' });
    expect(res.statusCode).toBe(500);
    expect(Object.keys(res.json()).sort()).toEqual(PROBLEM_KEYS);
    expect(res.body).not.toMatch(/CANARY|hunter2|stack|at /);
  });

  it('answers a database error with 500 and keeps its message out of body and log', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/test/db-error' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/CANARY|uuid|syntax/i);
    const logged = h.logs.lines.map((line) => JSON.parse(line)).find((l) => l.err?.type === 'DatabaseError');
    expect(logged?.err.code).toBe('22P02');
    h.logs.assertNoMarker();
  });
});

describe('response schemas are allow-lists', () => {
  it('drops fields the schema does not declare', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { amountCents: 5, label: 'x' } });
    expect(res.json()).toEqual({ amountCents: 5 });
  });
});

describe('headers', () => {
  it('sends a request id, helmet headers and no-store on the API', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { amountCents: 5, label: 'x' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('never takes a request id from the client', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health/live', headers: { 'request-id': 'CANARY-forged' } });
    expect(res.headers['x-request-id']).not.toContain('CANARY');
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  // Run as the schema owner only: it edits the migrations table, which the application role may not.
  it.skipIf(process.env.TEST_DB_APP_ROLE === '1')('is not ready while a migration is pending, and remembers "migrated" once it is true (owner only: edits the migrations table)', async () => {
    // The newest migration made to look unapplied, as in a database an older release left behind.
    const newest = (await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(t.db)).rows[0]!.name;
    const hide = () => sql`update kysely_migration set name = ${`hidden:${newest}`} where name = ${newest}`.execute(t.db);
    const restore = () => sql`update kysely_migration set name = ${newest} where name = ${`hidden:${newest}`}`.execute(t.db);
    await hide();
    const fresh = await createTestApp(t);
    try {
      expect((await fresh.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);
      await restore();
      expect((await fresh.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      // Once migrated, the probe only asks whether the database answers.
      await hide();
      expect((await fresh.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    } finally {
      await restore();
      await fresh.app.close();
    }
  });
});

describe('request logs', () => {
  it('log the route template, never the raw URL or query', async () => {
    await h.app.inject({ method: 'GET', url: '/health/live?who=CANARY-query' });
    const line = h.logs.lines.map((l) => JSON.parse(l)).findLast((l) => l.msg === 'request completed');
    expect(line).toMatchObject({ method: 'GET', route: '/health/live', statusCode: 200 });
    h.logs.assertNoMarker();
  });
});
