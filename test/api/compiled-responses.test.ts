// The hot responses (whole dossier, overview, debt) are written by fast-json-stringify compiled from
// their zod schema. They must be byte for byte what the zod serializer writes for the same value,
// and a field outside the schema must still never go out.
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app.js';
import { compiledResponse, serializerCompiler } from '../../src/http/serializer.js';
import { debtSchema } from '../../src/modules/debts/debt.schemas.js';
import { dossierSchema } from '../../src/modules/dossiers/dossier.schemas.js';
import { overviewSchema } from '../../src/modules/overview/overview.schemas.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { LogCapture } from '../support/log-capture.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);

const compile = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (data: unknown) => string;
const zodWrite = (schema: z.ZodType) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

describe('compiled response serializer', () => {
  it('writes only the schema fields, as the zod serializer does, also nested and in arrays', () => {
    const schema = compiledResponse(z.object({
      id: z.string(),
      at: z.date(),
      doneAt: z.date().nullable(),
      count: z.number().int().nullable(),
      note: z.string().optional(),
      items: z.array(z.object({ code: z.string(), cents: z.number().int() })),
      owner: z.object({ name: z.string() }).nullable(),
      data: z.record(z.string(), z.string()),
    }));
    const value = {
      secret: 'CANARY-secret', id: 'a"b\\c\u2028é', at: new Date('2026-12-01T10:33:03.029Z'), doneAt: null, count: null,
      items: [{ code: 'x', cents: 5, passwordHash: 'CANARY-hash' }], owner: { name: 'N', token: 'CANARY-token' }, data: { k: 'v' },
    };
    const written = compile(schema)(value);
    expect(written).not.toContain('CANARY');
    expect(written).toBe(zodWrite(schema)(value));
    expect(JSON.parse(written)).toEqual({
      id: 'a"b\\c\u2028é', at: '2026-12-01T10:33:03.029Z', doneAt: null, count: null, items: [{ code: 'x', cents: 5 }], owner: { name: 'N' }, data: { k: 'v' },
    });
  });

  it('leaves unmarked schemas to the zod serializer (a mismatch stays an error)', () => {
    const schema = z.object({ n: z.number().int() });
    expect(() => compile(schema)({ n: 'not a number' })).toThrow();
  });
});

describe('hot responses', () => {
  let location: string;
  let maatje: TestUser;
  let dossierId: string;
  let debtId: string;
  // A second app on the same database and secrets that hands over every value before it is written.
  let capturing: FastifyInstance;
  const captured: unknown[] = [];

  beforeAll(async () => {
    // Without the view cache, so every read builds its view (the cache's own test shows that kept
    // bytes are those of an app without it).
    capturing = await buildApp({ ...h.config, viewCacheMb: 0 }, { db: t.db, logDestination: new LogCapture(), now: h.clock.now });
    capturing.addHook('preSerialization', async (_request, _reply, payload) => {
      captured.push(payload);
      return payload;
    });
    // The hot reads write their bytes with the route's own serializer (reply.serialize) and send
    // those, past preSerialization: their value is handed over here instead.
    capturing.addHook('preHandler', async (_request, reply) => {
      const serialize = reply.serialize.bind(reply);
      reply.serialize = (payload: unknown) => {
        captured.push(payload);
        return serialize(payload);
      };
    });
    await capturing.ready();
    location = (await createLocation(t.db)).id;
    const resident = await createUser(h.app, { role: 'resident', locationId: location });
    maatje = await createUser(h.app, { role: 'maatje', locationId: location });
    dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const base = `/api/v1/dossiers/${dossierId}`;
    const post = async (url: string, payload: object) => {
      h.clock.advanceSeconds(1);
      const res = await h.app.inject({ method: 'POST', url: `${base}${url}`, headers: bearer(maatje), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    debtId = (await post('/debts', {
      creditorName: 'Eneco "zakelijk" \\ é', creditorType: 'energie', status: 'deurwaarder', balanceCents: 12_345, principalCents: 10_000,
      collectionCostsCents: 1_500, balanceDate: '2026-10-01', notes: 'Brief van 3 november',
      arrangement: { amountCents: 2_500, frequency: 'month', startDate: '2026-11-01' },
    })).id;
    await post('/debts', { creditorName: 'Belastingdienst', creditorType: 'belastingdienst', status: 'open', balanceCents: 50_000 });
    await post('/incomes', { kind: 'loon', amountCents: 150_000, frequency: 'four_weeks' });
    await post('/expenses', { group: 'vaste_lasten', category: 'huur', amountCents: 70_000, frequency: 'month' });
    await post('/actions', { title: 'Bel de deurwaarder', owner: 'maatje', dueDate: '2026-01-01' });
  });
  afterAll(async () => {
    await capturing?.close();
  });

  it.each([
    ['the whole dossier', () => `/dossiers/${dossierId}`, dossierSchema],
    ['the overview', () => `/dossiers/${dossierId}/overview`, overviewSchema],
    ['a debt', () => `/dossiers/${dossierId}/debts/${debtId}`, debtSchema],
  ])('%s: the same bytes as the zod serializer', async (_name, url, schema) => {
    captured.length = 0;
    const res = await capturing.inject({ method: 'GET', url: `/api/v1${url()}`, headers: bearer(maatje) });
    expect(res.statusCode, res.body).toBe(200);
    expect(captured).toHaveLength(1);
    expect(res.body).toBe(zodWrite(schema)(captured[0]));
  });
});
