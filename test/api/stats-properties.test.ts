// Property-based tests of the evaluator's tables through the API: fast-check
// generates populations of dossiers, they are inserted into the test database, and every table of
// the catalogue is requested and checked against the disclosure rules and against an oracle that
// computes the raw figures from the model. k is 5 here (the lowest allowed) so that cells are
// published often enough for the rules on published figures to be exercised.
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATS_TABLES } from '../../src/modules/stats/stats.catalogue.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { checkTable, type TableBody } from '../support/stats-checks.js';
import { INSTRUMENT, insertPopulation, oracle, populationArb, type PopulationWorld } from '../support/stats-population.js';

const MIN_CELL = 5;
const t = useTestDb();
// Many generated populations, one evaluator: the per-person limit is not what this file tests.
const h = useTestApp(t, { statsMinCell: MIN_CELL, statsRequestsPerMinute: 1_000_000 });
// Fixed so a run is reproducible; fast-check prints seed and path on failure. FC_SEED overrides.
const FC = { numRuns: 50, seed: Number(process.env.FC_SEED ?? 20_261_122) } as const;

const PERIOD = '2024-Q3';
const PERIOD_DAYS = 92;
let world: PopulationWorld;
let evaluator: TestUser;

beforeAll(async () => {
  const locations = [];
  for (let index = 0; index < 4; index += 1) locations.push(await createLocation(t.db));
  const resident = await createUser(h.app, { role: 'resident', locationId: locations[0]?.id as string });
  evaluator = await createUser(h.app, { role: 'evaluator' });
  await t.db.insertInto('instruments').values({
    version: INSTRUMENT.version, name: 'Eigenschap', items: JSON.stringify(INSTRUMENT.items), createdAt: h.app.now(),
  }).execute();
  world = { locations, residentId: resident.id, periodStart: new Date('2024-07-01T00:00:00Z') };
});

// Each run starts from nothing: no dossiers and no frozen publication of the period.
async function reset() {
  await sql`DELETE FROM dossiers`.execute(t.db);
  await sql`DELETE FROM stats_publications`.execute(t.db);
}

const get = (table: string, accept?: string) => h.app.inject({
  method: 'GET', url: `/api/v1/stats/tables/${table}?period=${PERIOD}`,
  headers: { ...bearer(evaluator), ...(accept ? { accept } : {}) },
});

describe('statistics over generated populations', () => {
  it('every table publishes only counts ≥ k in fives, with no derivable, dominated or homogeneous cell', async () => {
    await fc.assert(fc.asyncProperty(populationArb, async (population) => {
      await reset();
      await insertPopulation(h.app, world, population);
      for (const definition of STATS_TABLES) {
        const response = await get(definition.name);
        expect(response.statusCode, response.body).toBe(200);
        checkTable(definition, response.json() as TableBody, oracle(definition.name, world, population, PERIOD_DAYS), MIN_CELL);
      }
    }), FC);
  }, 240_000);

  it('the CSV carries the same figures as the JSON, row for row', async () => {
    await fc.assert(fc.asyncProperty(populationArb, async (population) => {
      await reset();
      await insertPopulation(h.app, world, population);
      for (const definition of STATS_TABLES) {
        const json = (await get(definition.name)).json() as TableBody;
        const csv = await get(definition.name, 'text/csv');
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        const rows = csv.body.split('\r\n').filter((line) => line !== '' && !line.startsWith('#'));
        const names = json.dimensions.map((dimension) => dimension.name);
        const figure = json.kind === 'count' ? 'count' : 'value';
        expect(rows[0]).toBe(['row', ...names, figure, 'suppressed'].join(','));
        const expected = [
          ...json.cells.map((entry) => ['cell', entry]),
          ...json.totals.map((entry) => ['total', entry]),
        ].map(([kind, entry]) => {
          const e = entry as Record<string, unknown>;
          return [kind, ...names.map((name) => String(e[name] ?? '')), e[figure] === null ? '' : String(e[figure]), String(e.suppressed ?? '')].join(',');
        });
        // Location names from the factories hold no comma or quote, so no field needs quoting here.
        expect(rows.slice(1)).toEqual(expected);
      }
    }), { ...FC, numRuns: 10 });
  }, 120_000);
});
