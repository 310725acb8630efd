// npm run bench: throughput and latency of real routes on loopback, each next to the ceiling of
// this machine measured in the same run (a bare route, and a bare route plus one database query).
// Figures are printed, never asserted: speed targets are not tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPostgresPool, kyselyOnPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';
import type { BenchFixtures } from './bench/fixtures.js';
import { benchPdf, PDF_BENCH_WORKERS } from './bench/pdf.js';

// `npm run bench -- --stats`: the evaluator's tables on 100 000 synthetic dossiers (scripts/bench/stats.ts).
if (process.argv.includes('--stats')) {
  await import('./bench/stats.js');
  process.exit(0);
}

interface Scenario {
  name: string;
  /** `ceiling` scenarios are the yardsticks the others are divided by. */
  ceiling?: boolean;
  request: (fixtures: BenchFixtures) => { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string> };
}

const SCENARIOS: Scenario[] = [
  { name: 'bare route (GET /health/live)', ceiling: true, request: () => ({ path: '/health/live' }) },
  { name: 'bare + one query (GET /health/ready)', ceiling: true, request: () => ({ path: '/health/ready' }) },
  // A dossier with 30 debts, 10 incomes and 20 expenses, read by its signed-in maatje.
  {
    name: 'dossier read (GET /dossiers/{id})',
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}`, headers: { authorization: `Bearer ${f.maatjeToken}` } }),
  },
  {
    name: 'overview (GET /dossiers/{id}/overview)',
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}/overview`, headers: { authorization: `Bearer ${f.maatjeToken}` } }),
  },
];

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startServer(databaseUrl: string) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    // Four renders at once for the PDF scenario; the per-person download limit is for people, not the bench.
    PDF_WORKERS: String(PDF_BENCH_WORKERS),
    PDF_DOWNLOADS_PER_MINUTE: '1000000',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ port: number; fixtures: BenchFixtures }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\d+) (.*)\n/.exec(out);
      if (match) resolve({ port: Number(match[1]), fixtures: JSON.parse(match[2] as string) as BenchFixtures });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...ready };
}

function run(url: string, request: ReturnType<Scenario['request']>) {
  return autocannon({
    url: `${url}${request.path}`,
    method: request.method ?? 'GET',
    headers: request.headers,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
}

const database = `bench_${randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE "${database}"`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const migrationDb = kyselyOnPool(createPostgresPool(databaseUrl, { poolMax: 1 }));
await migrateToLatest(migrationDb);
await migrationDb.destroy();

const server = await startServer(databaseUrl);
try {
  const base = `http://127.0.0.1:${server.port}`;
  const rows: { name: string; rps: number; p50: number; p99: number; errors: number; ceiling?: boolean }[] = [];
  for (const scenario of SCENARIOS) {
    const result = await run(base, scenario.request(server.fixtures));
    rows.push({
      name: scenario.name,
      ceiling: scenario.ceiling,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  const ceiling = rows.find((r) => r.name.startsWith('bare + one query'));
  process.stdout.write(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario, PostgreSQL on loopback\n`);
  process.stdout.write('scenario | req/s | p50 ms | p99 ms | non-2xx+errors | req/s vs bare+query\n');
  for (const row of rows) {
    const ratio = ceiling ? (row.rps / ceiling.rps).toFixed(2) : 'n/a';
    process.stdout.write(`${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} | ${ratio}\n`);
  }
  const pdf = await benchPdf(base, server.fixtures, DURATION_SECONDS, CONNECTIONS);
  process.stdout.write(`\noverview PDF of the 30-debt dossier, one at a time: p50 ${pdf.pdfP50} ms, p90 ${pdf.pdfP90} ms\n`);
  process.stdout.write(`dossier read p99 without PDFs: ${pdf.quiet.p99} ms (${pdf.quiet.rps} req/s, ${pdf.quiet.errors} errors)\n`);
  process.stdout.write(`dossier read p99 while ${PDF_BENCH_WORKERS} PDFs render at once: ${pdf.busy.p99} ms (${pdf.busy.rps} req/s, ${pdf.busy.errors} errors; ${pdf.pdfsDuringBusy} PDFs made meanwhile)\n`);
} finally {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
