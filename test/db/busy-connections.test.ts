// PostgreSQL ending connections while requests run on them (a failover, an operator's
// pg_terminate_backend): the process lives on, requests in flight get a 503 problem+json, the next
// ones succeed, and no acknowledged write is lost or doubled (issue 15, rule 2).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { adminQuery } from '../support/pg-admin.js';

const t = useTestDb();
const h = useTestApp(t);
let maatje: TestUser;
let dossierId: string;

beforeAll(async () => {
  const location = (await createLocation(t.db)).id;
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  const resident = await createUser(h.app, { role: 'resident', locationId: location });
  dossierId = await createDossier(h.app, { resident, locationId: location, maatje });
});

const addAction = (key: string) => h.app.inject({
  method: 'POST', url: `/api/v1/dossiers/${dossierId}/actions`,
  headers: { ...bearer(maatje), 'idempotency-key': key },
  payload: { title: `Actie ${key}`, owner: 'maatje' },
});

describe.skipIf(inject('testDb').kind !== 'server')('busy database connections ended by the server (skipped on PGlite: no server connections to kill)', () => {
  it('answers in-flight requests with 503, serves the next ones, and keeps every acknowledged write exactly once', async () => {
    const info = inject('testDb');
    if (info.kind !== 'server' || !t.url) throw new Error('server mode expected');
    // Only this file's own database: the PostgreSQL server is shared.
    const database = new URL(t.url).pathname.slice(1);
    const keys = Array.from({ length: 40 }, () => randomUUID());
    const firstAnswers = new Map<string, { status: number; type: string | undefined; body: string }>();

    let stop = false;
    let busyKilled = 0;
    const killedPids = new Set<number>();
    const killer = (async () => {
      while (!stop) {
        const killed = await adminQuery(info.adminUrl, `SELECT pid, pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`, [database]);
        busyKilled += killed.rowCount ?? 0;
        for (const row of killed.rows as { pid: number }[]) killedPids.add(row.pid);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    // Eight callers at a time, so connections are always busy while the killer runs.
    const queue = [...keys];
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        const res = await addAction(key);
        firstAnswers.set(key, { status: res.statusCode, type: res.headers['content-type'] as string | undefined, body: res.body });
      }
    }));
    stop = true;
    await killer;
    // pg_terminate_backend only signals: a backend it hit just as its query ended dies a moment
    // later, possibly while idle in the pool. "The next requests" are those after the last kill
    // took effect, so wait until every signalled backend is gone (its socket close reaches the
    // pool during these round trips, and the pool drops that client).
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const alive = await adminQuery(info.adminUrl, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [[...killedPids]]);
      if ((alive.rows[0] as { n: number }).n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(busyKilled, 'the killer must have hit busy connections').toBeGreaterThan(0);
    const statuses = [...firstAnswers.values()].map((a) => a.status);
    expect(statuses.filter((s) => s === 503).length, 'some requests were in flight when their connection died').toBeGreaterThan(0);
    for (const answer of firstAnswers.values()) {
      expect([201, 503], answer.body.slice(0, 200)).toContain(answer.status);
      if (answer.status === 503) {
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.body).code).toBe('database_unavailable');
      }
    }

    // The next requests succeed; a client retries its refused ones with the same key.
    const acknowledged = new Map<string, string>();
    for (const [key, answer] of firstAnswers) if (answer.status === 201) acknowledged.set(key, JSON.parse(answer.body).id);
    for (const key of keys) {
      const res = await addAction(key);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(201);
      const id = res.json().id as string;
      if (acknowledged.has(key)) expect(id, 'a replay returns the acknowledged action').toBe(acknowledged.get(key));
      acknowledged.set(key, id);
    }
    const rows = await t.db.selectFrom('actions').select('id').where('dossierId', '=', dossierId).execute();
    expect(rows.length, 'one action per key: none lost, none doubled').toBe(keys.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(acknowledged.values()));
  }, 120_000);
});
