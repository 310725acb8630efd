// A restarted or failing-over PostgreSQL kills idle connections; the process must survive and the
// next request must succeed (docs/api.md).
import { inject, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { adminQuery } from '../support/pg-admin.js';

const t = useTestDb();
const h = useTestApp(t);

describe.skipIf(inject('testDb').kind !== 'server')('database connections (skipped on PGlite: it has no server connections to kill)', () => {
  it('survives the server terminating every idle connection', async () => {
    const ready = () => h.app.inject({ method: 'GET', url: '/health/ready' });
    await Promise.all([ready(), ready(), ready()]);
    const info = inject('testDb');
    if (info.kind !== 'server' || !t.url) throw new Error('server mode expected');
    const database = new URL(t.url).pathname.slice(1);
    const killed = await adminQuery(info.adminUrl,
      'SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    expect(killed.rowCount).toBeGreaterThan(0);
    // pg_terminate_backend only signals. "The next request" is the one after the connections are
    // gone, so wait until no killed backend is left (a fixed pause is too short on a loaded machine);
    // their "terminating connection" messages reach the pool during these round trips.
    const pids = (killed.rows as { pid: number }[]).map((row) => row.pid);
    const alive = async () => ((await adminQuery(info.adminUrl, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids])).rows[0] as { n: number }).n;
    await expect.poll(alive, { timeout: 60_000, interval: 20 }).toBe(0);
    // The last check's answer and a backend's goodbye can come in the same I/O turn: let that turn
    // finish, so the pool has dropped every dead client before the next request takes one.
    await new Promise((resolve) => setImmediate(resolve));
    const after = await ready();
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ status: 'ok' });
  });
});
