// Odd input never makes a 500: every registered route, called by a caller
// its matrix row lets in, with generated bodies, query strings and path parameters. Whatever the
// input, the answer is a deliberate status below 500 (and a problem+json body when it is an error).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

import { buildWorld, type ActorKey, type World } from '../support/world.js';
import { bearer, sessionToken } from '../support/identity.js';

const matrix = JSON.parse(readFileSync(new URL('../access/matrix.json', import.meta.url), 'utf8')) as {
  routes: Record<string, Record<ActorKey, number | number[]>>;
};
const t = useTestDb();
// One person pulls everything here: per-person limits are not what this file is about.
const h = useTestApp(t, { pdfDownloadsPerMinute: 1_000_000, statsRequestsPerMinute: 1_000_000 });
let world: World;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const statuses: Record<number, number> = {};

beforeAll(async () => {
  world = await buildWorld(h.app);
});

// The generated requests must reach the handlers, not stop at the door: most get past sign-in.
afterAll(() => {
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  expect(statuses[401] ?? 0).toBeLessThan(total / 10);
});

/** The first caller whose row says they may use the route on their own object. */
function allowedActor(route: string): ActorKey | undefined {
  const row: Partial<Record<ActorKey, number | number[]>> = matrix.routes[route] ?? {};
  return (Object.keys(row) as ActorKey[]).find((actor) => {
    const expected = row[actor];
    const own = Array.isArray(expected) ? expected[0] : expected;
    return actor !== 'anonymous' && own !== undefined && own < 300;
  });
}

// Text people never type: NUL and other controls, broken UTF-16 halves (issue 15, rule 6).
const oddText = fc.oneof(
  fc.constantFrom('a\u0000b', '\u0000', 'x\u0007', '\u001b[31m', 'x\ud800', '\udc00y', 'x\u007f'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
// Calendar dates outside any sane range, or typed with a missing century.
const oddDate = fc.constantFrom('0000-01-15', '0026-01-15', '0001-03-01', '1899-12-31', '2101-01-01', '9999-12-31', '2026-02-30');
const oddString = fc.oneof(oddText, oddDate);
// A lone UTF-16 half cannot be percent-encoded as UTF-8; send the bytes of an unpaired surrogate.
const encodeSegment = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};
const segment = fc.oneof(
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.uuid(),
  fc.string({ maxLength: 40 }).map(encodeSegment),
  fc.constantFrom('T0', 'T2', 'T9', 'dossiers_started', '%00', '..', '-1', '1e309', '%01', '%E2%80%AE'),
  oddText.map(encodeSegment),
);
const queryString = fc.dictionary(fc.constantFrom('limit', 'cursor', 'period', 'months', 'multiplier', 'includeStory', 'recordedOnPaper', 'x'),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), oddString)).map((q) => new URLSearchParams(q).toString());
// Every string in a generated value may become odd text or an odd date.
const withOddStrings = (value: fc.Arbitrary<unknown>) => fc.tuple(value, oddString).map(([v, odd]) => replaceStrings(v, odd));
function replaceStrings(value: unknown, odd: string): unknown {
  if (typeof value === 'string') return odd;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, odd));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, odd)]));
  return value;
}
// Typed as JSON text: an object literal's __proto__ would set the prototype and send `{}`.
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"resident":{"__proto__":{"polluted":true}},"text":"x","__proto__":{"polluted":true}}',
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.object({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  withOddStrings(fc.object({ maxDepth: 2 })).map((v) => JSON.stringify(v)),
  pollution,
);

// A route's runs include PDF renders and password hashing: 20 s and more on a loaded 2-core machine.
describe('no input makes a 500', { timeout: 180_000 }, () => {
  for (const route of Object.keys(matrix.routes)) {
    const [method, template] = route.split(' ') as [string, string];
    it(route, async () => {
      const actor = allowedActor(route);
      const known = actor && actor !== 'anonymous' ? world.users[actor] : undefined;
      await fc.assert(fc.asyncProperty(fc.array(segment, { minLength: 3, maxLength: 3 }), queryString, body, fc.boolean(),
        async (segments, query, payload, ownDossier) => {
          // A session per request: logout-all and a password change end the caller's other sessions.
          const user = known ? { token: await sessionToken(h.app, known.id, known.role) } : undefined;
          let index = 0;
          const path = template.replace(/:(\w+)/g, (_m, name: string) =>
            name === 'id' && ownDossier ? world.dossiers.own : (segments[index++ % segments.length] as string));
          const res = await h.app.inject({
            method: method as 'GET', url: query ? `${path}?${query}` : path,
            headers: { ...bearer(user), ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
            ...(method === 'GET' || method === 'DELETE' ? {} : { payload }),
          });
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          expect(res.statusCode, `${method} ${path}?${query} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }), { numRuns: RUNS, seed: 20261122 });
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });
  }
});

describe('prototype pollution through JSON bodies', () => {
  it.each(['POST /api/v1/dossiers', 'POST /api/v1/locations', 'PATCH /api/v1/dossiers/:id'])('%s refuses a __proto__ key and pollutes nothing', async (route) => {
    const [method, template] = route.split(' ') as [string, string];
    const actor = allowedActor(route);
    const user = actor && actor !== 'anonymous' ? { token: await sessionToken(h.app, world.users[actor].id, world.users[actor].role) } : undefined;
    for (const payload of ['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}']) {
      const res = await h.app.inject({ method: method as 'POST', url: template.replace(':id', world.dossiers.own),
        headers: { ...bearer(user), 'content-type': 'application/json', 'if-match': '"1"' }, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });
});
