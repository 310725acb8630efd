// The evaluator's statistics through the API: catalogue, periods (400/422), frozen publication
// fixed catalogue, CSV, consent filtering, the Amsterdam calendar, and worked examples of dominance and shared outcomes. The
// generated-population properties are in stats-properties.test.ts; the role matrix in test/access.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATS_TABLE_NAMES } from '../../src/modules/stats/stats.catalogue.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { ALLOWED_FIELDS, IDENTIFYING_FIELDS, expectNoIdentifyingField } from '../support/stats-checks.js';
import { INSTRUMENT, insertPopulation, type ModelDossier, type PopulationWorld } from '../support/stats-population.js';

const t = useTestDb();
const h = useTestApp(t);
let evaluator: TestUser;
let locations: { id: string; name: string }[];
let residentId: string;

beforeAll(async () => {
  locations = [await createLocation(t.db), await createLocation(t.db), await createLocation(t.db, '=Zuid, "Oost"')];
  residentId = (await createUser(h.app, { role: 'resident', locationId: locations[0]?.id as string })).id;
  evaluator = await createUser(h.app, { role: 'evaluator' });
  await t.db.insertInto('instruments').values({
    version: INSTRUMENT.version, name: 'Eigenschap', items: JSON.stringify(INSTRUMENT.items), createdAt: h.app.now(),
  }).execute();
});

const worldFrom = (periodStart: string): PopulationWorld => ({ locations, residentId, periodStart: new Date(`${periodStart}T00:00:00Z`) });

/** A plain dossier opened on `day` of the period, opted in, at the first location. */
function dossier(day: number, changes: Partial<ModelDossier> = {}): ModelDossier {
  return {
    location: 0, optIn: true, withdrawn: false, opened: day, steps: [], exit: null, snapshots: [], referral: null,
    lifeEvents: [], measurements: [], ...changes,
  };
}

function closed(day: number, reason: ModelDossier['exit'], changes: Partial<ModelDossier> = {}): ModelDossier {
  return dossier(day, { steps: [{ from: 'A', to: 'closed', day: day + 5 }], exit: reason, ...changes });
}

const many = (count: number, make: (index: number) => ModelDossier) => Array.from({ length: count }, (_, index) => make(index));

const get = (path: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url: `/api/v1/stats${path}`, headers: { ...bearer(evaluator), ...headers } });

async function table(name: string, period: string) {
  const response = await get(`/tables/${name}?period=${period}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the catalogue', () => {
  it('lists every table with its dimensions, kind and the date that places a dossier in a period', async () => {
    const response = await get('/tables');
    expect(response.statusCode).toBe(200);
    const { tables } = response.json();
    expect(tables.map((entry: { name: string }) => entry.name)).toEqual(STATS_TABLE_NAMES);
    expect(tables.find((entry: { name: string }) => entry.name === 'dossiers_started'))
      .toMatchObject({ dimensions: ['location'], kind: 'count', unit: 'dossiers' });
    for (const entry of tables) expect(entry.population).toMatch(/period/);
  });

  it('the response schema names no identifying field, and a table takes no parameter but the period', () => {
    const spec = h.app.swagger() as unknown as OpenApi;
    const operation = spec.paths['/api/v1/stats/tables/{table}']?.get;
    const schema = operation?.responses['200']?.content['application/json']?.schema;
    const properties = propertyNames(spec, schema);
    expect(properties.size).toBeGreaterThan(20);
    expect([...properties].filter((name) => !ALLOWED_FIELDS.has(name))).toEqual([]);
    expect(IDENTIFYING_FIELDS.filter((name) => properties.has(name))).toEqual([]);
    expect((operation?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort()).toEqual(['path:table', 'query:period']);
  });
});

interface OpenApi {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, { get: {
    parameters: { name: string; in: string }[];
    responses: Record<string, { content: Record<string, { schema: JsonSchema }> }>;
  } }>;
}

interface JsonSchema {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Every property name the schema lets a response carry, following $refs, arrays and unions. */
function propertyNames(spec: OpenApi, schema: JsonSchema | undefined, into = new Set<string>(), seen = new Set<string>()): Set<string> {
  if (schema === undefined) return into;
  if (schema.$ref !== undefined) {
    if (seen.has(schema.$ref)) return into;
    seen.add(schema.$ref);
    return propertyNames(spec, spec.components.schemas[schema.$ref.split('/').at(-1) as string], into, seen);
  }
  for (const [name, inner] of Object.entries(schema.properties ?? {})) {
    into.add(name);
    propertyNames(spec, inner, into, seen);
  }
  for (const inner of [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    propertyNames(spec, inner, into, seen);
  }
  return into;
}

describe('periods', () => {
  it.each(['2025-Q5', '2025Q1', '25', '2025-q1', '1999', '2025-Q1&period=2025', ''])('a malformed period %j is 400', async (period) => {
    const response = await get(`/tables/dossiers_started?period=${period}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('no period, an extra filter or an unknown table is 400: the catalogue takes no filters', async () => {
    expect((await get('/tables/dossiers_started')).statusCode).toBe(400);
    expect((await get('/tables/dossiers_started?period=2025-Q1&location=Noord')).statusCode).toBe(400);
    expect((await get('/tables/dossiers?period=2025-Q1')).statusCode).toBe(400);
  });

  it('a period is published 30 days after it ends, in Amsterdam time; before that, and in the future, it is 422', async () => {
    const real = h.app.now();
    try {
      // Q1 2026 ends with 31 March; it is published from 1 May 00:00 in Amsterdam (22:00 UTC the day before).
      h.clock.set(new Date('2026-04-30T21:59:00Z'));
      const early = await get('/tables/exit_reasons?period=2026-Q1');
      expect(early.statusCode).toBe(422);
      expect(early.json()).toMatchObject({ code: 'period_not_published', status: 422 });
      expect((await get('/tables/exit_reasons?period=2026')).statusCode).toBe(422);
      expect((await get('/tables/exit_reasons?period=2026-Q2')).statusCode).toBe(422);
      h.clock.set(new Date('2026-04-30T22:00:00Z'));
      expect((await get('/tables/exit_reasons?period=2026-Q1')).statusCode).toBe(200);
      expect((await get('/tables/exit_reasons?period=2099')).statusCode).toBe(422);
    } finally {
      h.clock.set(real);
    }
    const audits = await t.db.selectFrom('auditEvents').select(['outcome', 'dossierId', 'details'])
      .where('action', '=', 'stats.read').where('actorUserId', '=', evaluator.id).execute();
    expect(audits.some((a) => a.outcome === 'failure' && a.details?.period === '2026-Q1')).toBe(true);
    expect(audits.some((a) => a.outcome === 'success' && a.details?.table === 'exit_reasons')).toBe(true);
    expect(audits.every((a) => a.dossierId === null)).toBe(true);
  });
});

describe('frozen publication', () => {
  it('changing, erasing and adding dossiers of a published quarter leaves its JSON and CSV byte-identical', async () => {
    const world = worldFrom('2025-04-01');
    const ids = await insertPopulation(h.app, world, [
      ...many(14, (i) => closed(i, { reason: 'afgerond', solution: 'betalingsregeling' }, {
        location: i % 2, snapshots: [{ moment: 'T1', day: i + 5, totalDebtCents: 100_000 + i * 1_000, creditorCount: 3 }],
      })),
      ...many(12, (i) => closed(i, { reason: 'verhuisd', solution: 'geen' }, { location: 0 })),
    ]);
    const names = ['dossiers_started', 'exit_reasons', 'total_debt_median', 'solutions'];
    const first = new Map<string, [string, string]>();
    for (const name of names) {
      const json = await get(`/tables/${name}?period=2025-Q2`);
      const csv = await get(`/tables/${name}?period=2025-Q2`, { accept: 'text/csv' });
      expect(json.statusCode).toBe(200);
      first.set(name, [json.body, csv.body]);
    }
    expect(JSON.parse(first.get('exit_reasons')?.[0] ?? '{}').totals).toEqual([{ count: 25 }]);

    // Later (within the access token's ten minutes), with everything below changed.
    h.clock.advanceSeconds(300);
    await t.db.updateTable('dossiers').set({ exitReason: 'overleden' }).where('id', '=', ids[0] as string).execute();
    await t.db.updateTable('debtSnapshots').set({ totalDebtCents: 50_000_000 }).where('dossierId', '=', ids[1] as string).execute();
    // Erasure: the dossier and everything hanging off it are gone.
    await t.db.deleteFrom('dossiers').where('id', 'in', ids.slice(2, 6)).execute();
    await insertPopulation(h.app, world, many(20, (i) => closed(i, { reason: 'zelf_geregeld', solution: 'geen' }, { location: 1 })));
    await t.db.updateTable('locations').set({ name: 'Hernoemd' }).where('id', '=', locations[1]?.id as string).execute();

    for (const name of names) {
      const json = await get(`/tables/${name}?period=2025-Q2`);
      const csv = await get(`/tables/${name}?period=2025-Q2`, { accept: 'text/csv' });
      expect(json.body, name).toBe(first.get(name)?.[0]);
      expect(csv.body, name).toBe(first.get(name)?.[1]);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // The changes were real: the year, first computed now, sees them.
    const year = await table('exit_reasons', '2025');
    expect(year.totals).toEqual([{ count: 40 }]);
    await t.db.updateTable('locations').set({ name: locations[1]?.name as string }).where('id', '=', locations[1]?.id as string).execute();
  });

  it('two first requests at once store one version and both get it; generatedAt is the first computation', async () => {
    const before = h.app.now().toISOString();
    const [a, b] = await Promise.all([get('/tables/phase_reached?period=2024-Q1'), get('/tables/phase_reached?period=2024-Q1')]);
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    const rows = await t.db.selectFrom('statsPublications').select('generatedAt')
      .where('tableName', '=', 'phase_reached').where('period', '=', '2024-Q1').execute();
    expect(rows).toHaveLength(1);
    expect(a.json().generatedAt).toBe(rows[0]?.generatedAt.toISOString());
    expect(a.json().generatedAt >= before).toBe(true);
  });

  it('the database refuses to rewrite a publication', async () => {
    await table('solutions', '2024-Q2');
    await expect(sql`UPDATE stats_publications SET body_json = '{}' WHERE period = '2024-Q2'`.execute(t.db)).rejects.toThrow();
  });
});

describe('which dossiers count', () => {
  it('only opted-in dossiers whose consent stands; Amsterdam midnight decides the quarter', async () => {
    const world = worldFrom('2023-07-01');
    await insertPopulation(h.app, world, [
      ...many(13, (i) => dossier(i)),
      ...many(10, (i) => dossier(i, { optIn: false })),
      ...many(5, (i) => dossier(i, { optIn: null })),
      ...many(10, (i) => dossier(i, { withdrawn: true })),
    ]);
    const started = await table('dossiers_started', '2023-Q3');
    expect(started.cells.find((cell: { location: string }) => cell.location === locations[0]?.name)).toEqual({ location: locations[0]?.name, count: 15 });
    expect(started.totals).toEqual([{ count: 15 }]);

    // 00:30 on 1 October in Amsterdam is still 30 September in UTC: Q4. 23:30 on 30 September: Q3.
    const times = [...Array<Date>(12).fill(new Date('2023-09-30T22:30:00Z')), ...Array<Date>(11).fill(new Date('2023-09-30T21:30:00Z'))];
    await t.db.insertInto('dossiers').values(times.map((at) => ({
      residentId, locationId: locations[1]?.id as string, openedAt: at, updatedAt: at, consentGivenAt: at,
      consentTextVersion: 'v1', consentStatisticsOptIn: true, consentRecordedOnPaper: false,
    }))).execute();
    const q4 = await table('dossiers_started', '2023-Q4');
    expect(q4.totals).toEqual([{ count: 10 }]);
    const q3Cell = (await table('phase_reached', '2023-Q3')).totals;
    expect(q3Cell).toEqual([{ count: 25 }]); // 13 + 11
  });
});

describe('worked examples of the disclosure rules', () => {
  it('one dominant debt among ten hides the median total debt; the count bands still show', async () => {
    const world = worldFrom('2022-01-01');
    await insertPopulation(h.app, world, many(12, (i) => closed(i, { reason: 'afgerond', solution: 'schuldbemiddeling' }, {
      snapshots: [{ moment: 'T1', day: i + 5, totalDebtCents: i === 0 ? 90_000_000 : 1_500_000, creditorCount: 4 }],
    })));
    const median = await table('total_debt_median', '2022-Q1');
    expect(median.cells).toEqual([
      { moment: 'T0', value: null, suppressed: 'small_cell' },
      { moment: 'T1', value: null, suppressed: 'dominance' },
    ]);
    expect((await table('creditor_count_median', '2022-Q1')).cells).toContainEqual({ moment: 'T1', value: 4 });
  });

  it('when everybody closed in the quarter got the same solution, the solutions table is hidden whole', async () => {
    const world = worldFrom('2022-04-01');
    await insertPopulation(h.app, world, [
      ...many(12, (i) => closed(i, { reason: 'doorverwezen', solution: 'wsnp' })),
      ...many(12, (i) => closed(i, { reason: 'afgerond', solution: 'wsnp' })),
    ]);
    const solutions = await table('solutions', '2022-Q2');
    expect([...solutions.cells, ...solutions.totals].every((entry: { suppressed?: string }) => entry.suppressed === 'homogeneous')).toBe(true);
    expectNoIdentifyingField(solutions);
    const reasons = await table('exit_reasons', '2022-Q2');
    expect(reasons.cells).toContainEqual({ exitReason: 'afgerond', count: 10 });
    expect(reasons.totals).toEqual([{ count: 25 }]);
  });
});

describe('CSV', () => {
  it('answers Accept: text/csv with a commented header block, one row per cell and total, and safe fields', async () => {
    const response = await get('/tables/dossiers_started?period=2021-Q3', { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="schoon-schip_dossiers_started_2021-Q3.csv"');
    const lines = response.body.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['# table: dossiers_started', '# title: Dossiers started, by location', '# period: 2021-Q3']);
    expect(lines.find((line) => line.startsWith('# method: '))).toContain('minCell=10; roundingBase=5; dominanceShare=0.3');
    expect(lines).toContain('row,location,count,suppressed');
    // The location named =Zuid, "Oost" cannot run as a spreadsheet formula nor break the columns.
    expect(lines).toContain('cell,"\'=Zuid, ""Oost""",,small_cell');
    expect(lines).toContain('total,,,small_cell');
    expect(response.body.endsWith('\r\n')).toBe(true);
    // Without Accept, or with JSON preferred by name, the same table is JSON.
    expect((await get('/tables/dossiers_started?period=2021-Q3')).json().table).toBe('dossiers_started');
    expect((await get('/tables/dossiers_started?period=2021-Q3', { accept: 'application/json' })).json().period).toBe('2021-Q3');
  });
});
