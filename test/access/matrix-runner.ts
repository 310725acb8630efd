// Runs the authorization matrix against matrix.json: every registered
// route, every kind of caller, own / other / nonexistent objects. A denied write must leave every
// table as it was; every 404 is the same body as a nonexistent id. The routes are split over a few
// test files (matrix-*.test.ts) only so they run in parallel; one of them checks completeness.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDisplayName, sealDisplayName } from '../../src/lib/display-name.js';
import { NotFoundError } from '../../src/lib/errors.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { useTestDb, type TestDb } from '../support/db.js';

import { buildWorld, type ActorKey, type World } from '../support/world.js';
import { BUILDERS, type ObjectKey } from './matrix-requests.js';
import { bearer, sessionToken } from '../support/identity.js';

interface Matrix {
  actors: ActorKey[];
  objects: ObjectKey[];
  routes: Record<string, Record<ActorKey, number | [number, number, number]>>;
}

export const matrix = JSON.parse(readFileSync(new URL('./matrix.json', import.meta.url), 'utf8')) as Matrix;

// Tables whose rows a denied request may legitimately add: the audit trail of the denial itself,
// and bookkeeping of sessions and rate limits.
const BOOKKEEPING = new Set(['audit_events', 'sessions', 'refresh_tokens', 'rate_limit_counters', 'idempotency_keys', 'kysely_migration', 'kysely_migration_lock']);

const NOT_FOUND_BODY = (() => {
  const { status, code, title, detail } = new NotFoundError();
  return { status, code, title, detail, type: `urn:schoon-schip:problem:${code}` };
})();

const TWIN_PASSWORD = 'CANARY-matrix-twin-password';
let twins = 0;
let twinPasswordHash: Promise<string> | undefined;

function matrixTools(t: TestDb, h: TestApp) {
  let snapshotQuery: string | undefined;

  /** One digest per table in a single round trip; bookkeeping tables are left out. */
  async function snapshot(): Promise<Record<string, string>> {
    if (snapshotQuery === undefined) {
      const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(t.db);
      snapshotQuery = tables.rows
        .filter(({ tablename }) => !BOOKKEEPING.has(tablename))
        .map(({ tablename }) => `SELECT '${tablename}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${tablename}" x`)
        .join(' UNION ALL ');
    }
    const rows = await sql<{ t: string; d: string }>`${sql.raw(snapshotQuery)}`.execute(t.db);
    return Object.fromEntries(rows.rows.map((r) => [r.t, r.d]));
  }

  /**
   * A copy of an actor's account (same role, location, training, disabling) with its own session:
   * for requests that end every session of the caller, which must not end the world's tokens.
   */
  async function twinOf(userId: string) {
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    const id = randomUUID();
    twinPasswordHash ??= hashPassword(TWIN_PASSWORD);
    await t.db.insertInto('users').values({
      ...row, id, username: `matrix-twin-${twins++}`, passwordHash: await twinPasswordHash,
      // A sealed name is bound to its row: the twin's is sealed anew for its own id.
      displayNameEncrypted: sealDisplayName(h.app.cipher, id, openDisplayName(h.app.cipher, userId, row.displayNameEncrypted)),
      createdAt: undefined, updatedAt: h.app.now(), version: undefined, failedLoginCount: undefined,
    }).execute();
    return { token: await sessionToken(h.app, id, row.role) };
  }

  return { snapshot, twinOf };
}

const sameBody = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([key, value]) => a[key] === value);

export function describeMatrix(name: string, includes: (route: string) => boolean) {
  const t: TestDb = useTestDb();
  const h: TestApp = useTestApp(t);
  let world: World;
  const { snapshot, twinOf } = matrixTools(t, h);

  beforeAll(async () => {
    world = await buildWorld(h.app);
  });

  // A row tries every actor on every object; password and PDF rows took 20-34 s on a loaded 2-core
  // machine, beyond the suite's default of 30 s.
  describe(`authorization matrix: ${name}`, { timeout: 180_000 }, () => {
    it('has a row for every registered route and no row for a route that does not exist', () => {
      const registered = h.app.routeInventory.map((r) => `${r.method} ${r.url}`).sort();
      const listed = Object.keys(matrix.routes).sort();
      expect(registered.filter((r) => !listed.includes(r)), 'routes missing from test/access/matrix.json').toEqual([]);
      expect(listed.filter((r) => !registered.includes(r)), 'matrix rows for routes that do not exist').toEqual([]);
      expect(Object.keys(BUILDERS).sort()).toEqual(listed);
    });

    for (const [route, row] of Object.entries(matrix.routes).filter(([route]) => includes(route))) {
      it(route, async () => {
        const failures: string[] = [];
        for (const actor of matrix.actors) {
          const expected = row[actor];
          for (const [index, object] of matrix.objects.entries()) {
            const want = Array.isArray(expected) ? expected[index] : expected;
            const build = BUILDERS[route];
            if (build === undefined || want === undefined) throw new Error(`no builder or expectation for ${route} ${actor}`);
            const spec = await build({ app: h.app, world, actor, object });
            const known = actor === 'anonymous' ? undefined : world.users[actor];
            const user = known && spec.freshSession ? await twinOf(known.id) : known;
            const mutating = spec.method !== 'GET';
            const before = mutating && want >= 400 ? await snapshot() : undefined;
            const res = await h.app.inject({
              method: spec.method, url: spec.url, headers: { ...bearer(user), ...spec.headers },
              ...(spec.payload === undefined ? {} : { payload: spec.payload as object }),
            });
            if (res.statusCode !== want) {
              failures.push(`${actor} × ${object}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
              continue;
            }
            if (res.statusCode === 404) {
              const { requestId, ...rest } = res.json();
              if (!sameBody(rest, NOT_FOUND_BODY) || requestId !== res.headers['x-request-id']) {
                failures.push(`${actor} × ${object}: 404 body differs from a nonexistent id's`);
              }
            }
            if (before) {
              const after = await snapshot();
              const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
              if (changed.length > 0) failures.push(`${actor} × ${object}: denied ${want} but changed ${changed.join(', ')}`);
            }
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });
}
