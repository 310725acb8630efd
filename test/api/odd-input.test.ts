// Odd input the fuzz test found once (issue 15, rule 6): each gets a deliberate 4xx problem+json
// and changes nothing, never a 500.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDossier, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ maatje: 'maatje', admin: 'admin', resident: 'resident' });
let dossierId: string;

beforeAll(async () => {
  dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje });
});

const call = (user: TestUser | undefined, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method: method as 'POST', url: `/api/v1${url}`, headers: { ...bearer(user), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }) });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('control characters in text', () => {
  it.each([
    ['a NUL in the username at sign-in', undefined, 'POST', '/auth/login', { username: 'a\u0000b', password: 'x' }],
    ['a NUL in the story', 'maatje', 'PUT', '/dossiers/:id/story', { text: 'hallo\u0000', lifeEvents: [] }, { 'if-match': '"1"' }],
    ['a NUL in a creditor name', 'maatje', 'POST', '/dossiers/:id/debts', { creditorName: 'Bank\u0000', creditorType: 'bank_krediet', balanceCents: 1, status: 'open' }],
    ['a bell in an action title', 'maatje', 'POST', '/dossiers/:id/actions', { title: 'Bellen\u0007', owner: 'maatje' }],
    ['an escape in a location name', 'admin', 'POST', '/locations', { name: 'Zuid\u001b[31m', city: 'Amsterdam' }],
    ['a lone surrogate in a note', 'maatje', 'POST', '/dossiers/:id/actions', { title: 'Bellen', description: 'x\ud800', owner: 'maatje' }],
    ['a NUL in a query value', 'maatje', 'GET', '/dossiers?cursor=%00', undefined],
  ] as [string, string | undefined, string, string, unknown, Record<string, string>?][])('refuses %s with a 400', async (_name, who, method, url, payload, headers = {}) => {
    const user = who === 'maatje' ? w.maatje : who === 'admin' ? w.admin : undefined;
    const res = await call(user, method, url.replace(':id', dossierId), payload, headers);
    expectProblem(res, 400);
  });

  it('keeps line breaks and tabs in multi-line text', async () => {
    const res = await call(w.maatje, 'POST', `/dossiers/${dossierId}/actions`, { title: 'Bellen', description: 'regel 1\nregel 2\r\n\tdaarna', owner: 'maatje' });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('calendar dates stay between 1900 and 2100', () => {
  it.each(['0000-01-15', '0026-01-15', '1899-12-31', '2101-01-01'])('refuses a debt balanced on %s', async (date) => {
    const res = await call(w.maatje, 'POST', `/dossiers/${dossierId}/debts`, { creditorName: 'Bank', creditorType: 'bank_krediet', balanceCents: 1, balanceDate: date, status: 'open' });
    expectProblem(res, 400);
  });

  it.each(['0001-03-01', '2101-01-01'])('refuses an action due on %s', async (date) => {
    const res = await call(w.maatje, 'POST', `/dossiers/${dossierId}/actions`, { title: 'Bellen', owner: 'maatje', dueDate: date });
    expectProblem(res, 400);
  });

  it('accepts the bounds themselves', async () => {
    expect((await call(w.maatje, 'POST', `/dossiers/${dossierId}/debts`, { creditorName: 'Bank', creditorType: 'bank_krediet', balanceCents: 1, balanceDate: '1900-01-01', status: 'open' })).statusCode).toBe(201);
    expect((await call(w.maatje, 'POST', `/dossiers/${dossierId}/actions`, { title: 'Bellen', owner: 'maatje', dueDate: '2100-12-31' })).statusCode).toBe(201);
  });
});

describe('instrument versions', () => {
  it('a version is a code: one with a space is refused with a 400, when created and when named', async () => {
    expectProblem(await call(w.admin, 'POST', '/instruments', { version: 'hva 2026', name: 'Met spatie', items: [{ code: 'regie', minScore: 1, maxScore: 5 }] }), 400);
    expectProblem(await call(w.resident, 'PUT', `/dossiers/${dossierId}/measurements/T0`, { instrumentVersion: 'hva 2026', items: { regie: 3 } }), 400);
    const listed = await call(w.admin, 'GET', '/instruments');
    expect(listed.statusCode).toBe(200);
  });
});

describe('one Idempotency-Key, ten parallel creates', () => {
  it('creates one dossier and answers every request with its result', async () => {
    const key = randomUUID();
    const before = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const replies = await Promise.all(Array.from({ length: 10 }, () =>
      call(w.maatje, 'POST', '/dossiers', { resident: { displayName: 'CANARY-Parallel' } }, { 'idempotency-key': key })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => r.json().dossier.id)).size).toBe(1);
    const after = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
  });
});

describe('tokens', () => {
  it.each([['a subject', { sub: 'not-a-uuid', sid: randomUUID() }], ['a session', { sub: randomUUID(), sid: 'x' }]])(
    'a signed token naming %s that is not a UUID is a 401', async (_name, claims) => {
      const token = h.app.jwt.sign({ ...claims, role: 'maatje' }, { jti: randomUUID() });
      expectProblem(await call({ token } as TestUser, 'GET', '/auth/me'), 401);
    });
});

describe('headers', () => {
  it('a 60 KB header gets a 431 problem+json', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/health/live', headers: { 'x-big': 'a'.repeat(60 * 1024) } }, (r) => {
        let body = '';
        r.on('data', (chunk) => { body += chunk; });
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: r.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });
});
