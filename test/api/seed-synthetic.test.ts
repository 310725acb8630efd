// The synthetic seed (npm run seed:synthetic) writes data the service itself accepts: consistent
// phases and transitions, snapshots where the service would take them, stories it can decrypt,
// and statistics it can publish. A few hundred dossiers here; the 100 000 are for the benchmark.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATS_TABLE_NAMES } from '../../src/modules/stats/stats.catalogue.js';
import { seedSynthetic, type SyntheticReport } from '../../scripts/synthetic/seed.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createLocation, createUser } from '../support/factories.js';
import { bearer, sessionToken } from '../support/identity.js';

const t = useTestDb();
const h = useTestApp(t);
let report: SyntheticReport;

beforeAll(async () => {
  report = await seedSynthetic(t.db, h.app.cipher, { dossiers: 400, locations: 3, from: '2023-01-01', now: h.app.now(), seed: 7 });
});

describe('seed:synthetic', () => {
  it('writes the dossiers with their history, mostly opted in, all in the past', async () => {
    expect(report.rows.dossiers).toBe(400);
    expect(report.rows.debts).toBeGreaterThan(400);
    const { rows: [facts] } = await sql<{ optedIn: number; future: number; closedWithoutOutcome: number; locations: number }>`
      SELECT count(*) FILTER (WHERE consent_statistics_opt_in)::int AS opted_in,
        count(*) FILTER (WHERE greatest(opened_at, closed_at, updated_at) > now() + interval '1 minute')::int AS future,
        count(*) FILTER (WHERE phase = 'closed' AND (exit_reason IS NULL OR solution IS NULL))::int AS closed_without_outcome,
        count(DISTINCT location_id)::int AS locations
      FROM dossiers`.execute(t.db);
    expect(facts?.optedIn).toBeGreaterThan(320);
    expect(facts).toMatchObject({ future: 0, closedWithoutOutcome: 0, locations: 3 });
  });

  it('keeps phases, transitions and snapshots consistent the way the service writes them', async () => {
    // The last transition leads to the current phase; T0 exists exactly for dossiers that entered C.
    const { rows } = await sql<{ problems: number }>`
      SELECT count(*)::int AS problems FROM dossiers d
      LEFT JOIN LATERAL (SELECT to_phase FROM dossier_transitions t WHERE t.dossier_id = d.id ORDER BY at DESC LIMIT 1) last ON true
      WHERE coalesce(last.to_phase, 'A') <> d.phase
        OR (EXISTS (SELECT 1 FROM dossier_transitions t WHERE t.dossier_id = d.id AND t.to_phase = 'C'))
          <> (EXISTS (SELECT 1 FROM debt_snapshots s WHERE s.dossier_id = d.id AND s.moment = 'T0'))
        OR (d.phase = 'closed') <> (EXISTS (SELECT 1 FROM debt_snapshots s WHERE s.dossier_id = d.id AND s.moment = 'T1'))`.execute(t.db);
    expect(rows[0]?.problems).toBe(0);
  });

  it('writes stories the service decrypts for the resident', async () => {
    const story = await t.db.selectFrom('dossierStories').innerJoin('dossiers', 'dossiers.id', 'dossierStories.dossierId')
      .select(['dossiers.id', 'dossiers.residentId']).$narrowType<{ residentId: string }>().limit(1).executeTakeFirstOrThrow();
    const token = await sessionToken(h.app, story.residentId, 'resident');
    const response = await h.app.inject({ method: 'GET', url: `/api/v1/dossiers/${story.id}/story`, headers: bearer({ token }) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().text).toContain('Synthetisch');
  });

  it('gives every statistics table something to publish', async () => {
    const evaluator = await createUser(h.app, { role: 'evaluator' });
    let published = 0;
    for (const table of STATS_TABLE_NAMES) {
      const response = await h.app.inject({ method: 'GET', url: `/api/v1/stats/tables/${table}?period=2024`, headers: bearer(evaluator) });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      published += [...body.cells, ...body.totals].filter((entry: { count?: number | null; value?: number | null }) =>
        (entry.count ?? entry.value ?? null) !== null).length;
    }
    expect(published).toBeGreaterThan(20);
  });

  it('seeds into a database that already has locations and users: what is missing is added', async () => {
    // Someone's own room and its coordinator, besides the three synthetic rooms of the first run.
    const own = await createLocation(t.db);
    await createUser(h.app, { role: 'coordinator', locationId: own.id });
    const again = await seedSynthetic(t.db, h.app.cipher, { dossiers: 20, locations: 5, from: '2023-01-01', now: h.app.now(), seed: 8 });
    expect(again.rows.dossiers).toBe(20);
    const rooms = await t.db.selectFrom('locations').select('name').where('name', 'like', 'Synthetische BWK %').orderBy('name').execute();
    expect(rooms.map((room) => room.name)).toEqual([1, 2, 3, 4, 5].map((n) => `Synthetische BWK 0${n}`));
    const homeless = await t.db.selectFrom('users').select('id').where('role', '=', 'maatje').where('locationId', 'is', null).execute();
    expect(homeless).toEqual([]);
  });
});
