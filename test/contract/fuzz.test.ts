// Odd input never makes a 500 (security.md IV-1, FZ-1): every registered route, called by a caller
// its matrix row lets in, with generated bodies, query strings and path parameters. Whatever the
// input, the answer is a deliberate status below 500 (and a problem+json body when it is an error).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { bearer, signIn } from '../support/factories.js';
import { buildWorld, type ActorKey, type World } from '../support/world.js';

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

const segment = fc.oneof(
  fc.constant('00000000-0000-4000-8000-000000000000'),
  fc.uuid(),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('T0', 'T2', 'T9', 'dossiers_started', '%00', '..', '-1', '1e309'),
);
const queryString = fc.dictionary(fc.constantFrom('limit', 'cursor', 'period', 'months', 'multiplier', 'includeStory', 'recordedOnPaper', 'x'),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String))).map((q) => new URLSearchParams(q).toString());
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), fc.constant({ __proto__: { polluted: true } }));

describe('no input makes a 500', () => {
  for (const route of Object.keys(matrix.routes)) {
    const [method, template] = route.split(' ') as [string, string];
    it(route, async () => {
      const actor = allowedActor(route);
      const known = actor && actor !== 'anonymous' ? world.users[actor] : undefined;
      await fc.assert(fc.asyncProperty(fc.array(segment, { minLength: 3, maxLength: 3 }), queryString, body, fc.boolean(),
        async (segments, query, payload, ownDossier) => {
          // A session per request: logout-all and a password change end the caller's other sessions.
          const user = known ? { token: await signIn(h.app, known.id, known.role) } : undefined;
          let index = 0;
          const path = template.replace(/:(\w+)/g, (_m, name: string) =>
            name === 'id' && ownDossier ? world.dossiers.own : (segments[index++ % segments.length] as string));
          const res = await h.app.inject({
            method: method as 'GET', url: query ? `${path}?${query}` : path,
            headers: { ...bearer(user), ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
            ...(method === 'GET' || method === 'DELETE' ? {} : { payload: JSON.stringify(payload) }),
          });
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          expect(res.statusCode, `${method} ${path}?${query} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }), { numRuns: RUNS, seed: 20261122 });
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });
  }
});
