// npm run bench -- --stats: every statistics table on 100 000 synthetic dossiers on PostgreSQL,
// timed over HTTP for the first (computing and storing) request of a period and for later
// (stored) requests, next to a plain count(*) over the same rows. Figures are printed, not asserted.
// BENCH_STATS_DOSSIERS and BENCH_STATS_LOCATIONS change the population.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createPostgresPool, kyselyOnPool } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { createFieldCipher } from '../../src/lib/field-crypto.js';
import { parseEncryptionKeys } from '../../src/lib/secrets.js';
import { STATS_TABLE_NAMES, type StatsTableName } from '../../src/modules/stats/stats.catalogue.js';
import { parsePeriod } from '../../src/modules/stats/stats.periods.js';
import { seedSynthetic } from '../synthetic/seed.js';
import { median } from './median.js';

const DOSSIERS = Number(process.env.BENCH_STATS_DOSSIERS ?? 100_000);
const LOCATIONS = Number(process.env.BENCH_STATS_LOCATIONS ?? 12);
const STORED_SAMPLES = 30;
const COUNT_SAMPLES = 10;
const PERIODS = ['2024', '2024-Q2'];
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// The rows each table's SQL reads for a period, counted plainly: the yardstick.
const OPTED_IN = 'd.consent_statistics_opt_in IS TRUE AND d.consent_withdrawn_at IS NULL';
const IN_PERIOD = (column: string) => `${column} >= ($1::timestamp AT TIME ZONE 'Europe/Amsterdam') AND ${column} < ($2::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const OPENED = `SELECT count(*) FROM dossiers d WHERE ${OPTED_IN} AND ${IN_PERIOD('d.opened_at')}`;
const CLOSED = `SELECT count(*) FROM dossiers d WHERE ${OPTED_IN} AND ${IN_PERIOD('d.closed_at')}`;
const REFERRED = `SELECT count(*) FROM referrals r JOIN dossiers d ON d.id = r.dossier_id WHERE ${OPTED_IN} AND r.referred_at >= $1::date AND r.referred_at < $2::date`;
const SNAPSHOTS = `SELECT count(*) FROM debt_snapshots s JOIN dossiers d ON d.id = s.dossier_id WHERE ${OPTED_IN} AND ${IN_PERIOD('s.taken_at')}`;
const COUNTS: Record<StatsTableName, string> = {
  dossiers_started: OPENED,
  phase_reached: OPENED,
  life_events: `SELECT count(*) FROM dossiers d JOIN dossier_stories s ON s.dossier_id = d.id WHERE ${OPTED_IN} AND ${IN_PERIOD('d.opened_at')}`,
  exit_reasons: CLOSED,
  solutions: CLOSED,
  referrals_by_route_status: REFERRED,
  referrals_by_traject: REFERRED,
  days_per_phase: `SELECT count(*) FROM dossier_transitions t JOIN dossiers d ON d.id = t.dossier_id WHERE ${OPTED_IN} AND t.from_phase <> 'closed' AND ${IN_PERIOD('t.at')}`,
  total_debt_median: SNAPSHOTS,
  creditor_count_median: SNAPSHOTS,
  total_debt_bands: SNAPSHOTS,
  creditor_count_bands: SNAPSHOTS,
  measurement_items: `SELECT count(*) FROM measurements m JOIN dossiers d ON d.id = m.dossier_id WHERE ${OPTED_IN} AND ${IN_PERIOD('m.recorded_at')}`,
};

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Like bench.ts: the server in its own process, so the timing client does not share its event loop.
async function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ port: number; fixtures: Record<string, string> }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\d+) (.*)\n/.exec(out);
      if (match) resolve({ port: Number(match[1]), fixtures: JSON.parse(match[2] as string) as Record<string, string> });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...ready };
}

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const database = `bench_stats_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
  // The bench pulls every table many times; the per-evaluator limit is for people.
  STATS_REQUESTS_PER_MINUTE: '1000000',
  JWT_SECRET: randomBytes(32).toString('base64'),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
};
await admin(`CREATE DATABASE "${database}"`);
const db = kyselyOnPool(createPostgresPool(databaseUrl, { poolMax: 2 }));
try {
  await migrateToLatest(db);
  const seeding = await seedSynthetic(db, createFieldCipher(parseEncryptionKeys(env.ENCRYPTION_KEYS)), {
    dossiers: DOSSIERS, locations: LOCATIONS, from: '2019-01-01', now: new Date(), seed: 1,
  });
  const seedSeconds = Object.values(seeding.milliseconds).reduce((sum, ms) => sum + ms, 0) / 1000;
  // Fresh bulk-loaded tables have no planner statistics yet; autovacuum would add them later.
  await sql`ANALYZE`.execute(db);
  const server = await startServer(env);
  const counter = new pg.Client({ connectionString: databaseUrl });
  await counter.connect();
  try {
    const headers = { authorization: `Bearer ${server.fixtures.evaluatorToken}` };
    const base = `http://127.0.0.1:${server.port}/api/v1/stats/tables`;
    const fetchOk = async (url: string) => {
      const response = await fetch(url, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
      return body;
    };
    const totals: number[] = [];
    for (let sample = 0; sample < COUNT_SAMPLES; sample += 1) totals.push(await timedMs(() => counter.query('SELECT count(*) FROM dossiers')));
    const totalCount = median(totals);
    process.stdout.write(`\n${DOSSIERS} synthetic dossiers, ${LOCATIONS} locations, seeded in ${seedSeconds.toFixed(1)} s `
      + `(${Object.entries(seeding.milliseconds).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')})\n`);
    process.stdout.write(`plain SELECT count(*) FROM dossiers: ${totalCount.toFixed(1)} ms\n`);
    process.stdout.write('table | period | first request ms | stored request p50 ms | count(*) same rows ms | rows\n');
    for (const period of PERIODS) {
      const { start, end } = parsePeriod(period);
      for (const table of STATS_TABLE_NAMES) {
        const url = `${base}/${table}?period=${period}`;
        const first = await timedMs(() => fetchOk(url));
        const stored: number[] = [];
        for (let sample = 0; sample < STORED_SAMPLES; sample += 1) stored.push(await timedMs(() => fetchOk(url)));
        const counts: number[] = [];
        let rows = 0;
        for (let sample = 0; sample < COUNT_SAMPLES; sample += 1) {
          counts.push(await timedMs(async () => {
            rows = Number((await counter.query<{ count: string }>(COUNTS[table], [start, end])).rows[0]?.count);
          }));
        }
        process.stdout.write(`${table} | ${period} | ${first.toFixed(1)} | ${median(stored).toFixed(2)} | ${median(counts).toFixed(2)} | ${rows}\n`);
      }
    }
  } finally {
    await counter.end();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
} finally {
  await db.destroy();
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
