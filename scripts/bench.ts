// npm run bench: throughput and latency of real routes on loopback, each next to the ceiling of
// this machine measured in the same run (a bare route, and a bare route plus one database query),
// with the issue's targets beside them. Figures are printed, never asserted: speed targets are not tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPostgresPool, kyselyOnPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { cpuHeader, cpuPerRequest, WARMUP_REQUESTS } from './bench/cpu.js';
import { watchCpuShare, type CpuShare } from './bench/cpu-share.js';
import { benchPdf, PDF_BENCH_RENDERERS, PDF_P99_TARGET } from './bench/pdf.js';
import type { BenchFixtures } from './bench/fixtures.js';
import { median } from './bench/median.js';
import { SCENARIOS, type Scenario } from './bench/scenarios.js';

// `npm run bench -- --stats`: the evaluator's tables on 100 000 synthetic dossiers (scripts/bench/stats.ts).
if (process.argv.includes('--stats')) {
  await import('./bench/stats.js');
  process.exit(0);
}

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
// BENCH_ONLY: a part of the scenario names, to measure those alone (the ceilings always run; the PDF part then does not).
const ONLY = process.env.BENCH_ONLY;
const SCENARIOS_TO_RUN = SCENARIOS.filter((s) => s.ceiling || ONLY === undefined || s.name.includes(ONLY));
// BENCH_ROUNDS: each scenario (and the PDF part) this many times, each round with the ceiling
// beside it; the table shows the median. On these shared 2-core machines one 10 s run of the same
// code put the create at 0.24 and the next at 0.26, so a single round cannot tell a target's two sides apart.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`bench: BENCH_ROUNDS must be a whole number ≥ 1, not ${process.env.BENCH_ROUNDS}`);
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

async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const env = {
    ...process.env,
    ...extraEnv,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    // The PDF pool keeps its defaults (the target is about default settings); the per-person
    // download limit is for people, not the bench.
    PDF_DOWNLOADS_PER_MINUTE: '1000000',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  // BENCH_SERVER_ARGS: extra node flags for the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'scripts/bench/server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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

function run(url: string, request: ReturnType<Scenario['request']>, seconds = DURATION_SECONDS) {
  return autocannon({
    url: `${url}${request.path}`,
    headers: request.headers,
    requests: request.requests,
    connections: CONNECTIONS,
    duration: seconds,
  });
}

// The speed of these shared machines drifts during a run (the same read measured 1 542 and 2 124
// req/s three minutes apart), so a ratio to a ceiling measured minutes earlier measures the drift
// as much as the route. Each scenario (not the ceilings) is divided by the ceiling measured on its own
// server just before and just after it, for as long as the scenario itself, averaged.
const BESIDE_SECONDS = DURATION_SECONDS;
const CEILING_PATH = '/health/ready';

type Measured = { rps: number; p50: number; p99: number; errors: number; cpu: CpuShare | undefined };

/** One run against a server, with how busy its main thread and the machine were meanwhile. */
async function measuredRun(server: Server, request: ReturnType<Scenario['request']>, seconds = DURATION_SECONDS): Promise<Measured> {
  const cpuShare = watchCpuShare(server.child.pid);
  const result = await run(baseOf(server), request, seconds);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpu: cpuShare() };
}

/** The ceiling beside a scenario: the mean of the runs just before and just after it, and their req/s. */
type Beside = { rps: number; p99: number; errors: number; before: number; after: number; cpu: CpuShare | undefined };
/** One round of a scenario; the ceilings run once and have nothing beside them. */
type Round = { result: Measured; beside: Beside | undefined };

/** The index of the value nearest the median: the round whose other columns the table shows. */
const nearestTo = (values: number[], target: number) =>
  values.reduce((best, value, i) => (Math.abs(value - target) < Math.abs((values[best] as number) - target) ? i : best), 0);

/** The scenario, and the ceiling of the same server right before and right after it. */
async function besideCeiling(server: Server, request: ReturnType<Scenario['request']>): Promise<{ scenario: Measured; ceiling: Beside }> {
  const before = await measuredRun(server, { path: CEILING_PATH }, BESIDE_SECONDS);
  const scenario = await measuredRun(server, request);
  const after = await measuredRun(server, { path: CEILING_PATH }, BESIDE_SECONDS);
  const cpu = before.cpu && after.cpu
    ? { serverThread: (before.cpu.serverThread + after.cpu.serverThread) / 2, machineIdle: (before.cpu.machineIdle + after.cpu.machineIdle) / 2 }
    : undefined;
  return {
    scenario,
    ceiling: { rps: (before.rps + after.rps) / 2, p99: (before.p99 + after.p99) / 2, errors: before.errors + after.errors, before: before.rps, after: after.rps, cpu },
  };
}

/** "97 % / 24 %": the server's main thread busy, then the machine idle (see bench/cpu-share.ts). */
const shown = (cpu: CpuShare | undefined) =>
  cpu ? `${Math.round(cpu.serverThread * 100)} % / ${Math.round(cpu.machineIdle * 100)} %` : 'unknown';

/** Resident set size of the server process now and at its peak (Linux /proc; elsewhere unknown). */
function serverMemory(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mib = (field: string) => (Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024).toFixed(0);
    return `${mib('VmRSS')} MiB (peak ${mib('VmHWM')} MiB)`;
  } catch {
    return 'unknown on this platform';
  }
}

const verdict = (ok: boolean) => (ok ? 'holds' : 'MISSED');

type Server = Awaited<ReturnType<typeof startServer>>;
const baseOf = (server: Server) => `http://127.0.0.1:${server.port}`;

async function stopServer(server: Server) {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

/** The server a scenario runs against: the main one, or one that keeps no views (started when first needed). */
function serverFor(main: Server, databaseUrl: string) {
  let plain: Promise<Server> | undefined;
  return {
    async of(scenario: Scenario) {
      if (!scenario.nothingKept) return main;
      plain ??= startServer(databaseUrl, { VIEW_CACHE_MB: '0' });
      return plain;
    },
    async stop() {
      if (plain) await stopServer(await plain);
    },
  };
}

/** The scenarios' table against the ceiling, the PDF scenario and the server's memory at the end. */
const out = (line: string) => process.stdout.write(`${line}\n`);

async function tableAndPdf(server: Server, databaseUrl: string) {
  const rows: { scenario: Scenario; rounds: Round[] }[] = [];
  const servers = serverFor(server, databaseUrl);
  try {
    for (const scenario of SCENARIOS_TO_RUN) {
      const target = await servers.of(scenario);
      const request = scenario.request(target.fixtures);
      // Its own warm-up first (JIT, each pooled connection's prepared statements): without it the
      // first route after the ceilings paid its warm-up in its measurement. A fixed number of
      // requests, so none is cut off in flight (a PATCH's next If-Match depends on its answer).
      await autocannon({ url: `${baseOf(target)}${request.path}`, headers: request.headers, requests: request.requests, connections: CONNECTIONS, amount: WARMUP_REQUESTS });
      if (!scenario.ceiling) {
        // One request object for every round: a PATCH's next If-Match lives in it.
        const rounds: Round[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          await request.settle?.(baseOf(target));
          const { scenario: result, ceiling } = await besideCeiling(target, request);
          rounds.push({ result, beside: ceiling });
        }
        rows.push({ scenario, rounds });
      } else {
        const result = await measuredRun(target, request);
        rows.push({ scenario, rounds: [{ result, beside: undefined }] });
      }
    }
  } finally {
    await servers.stop();
  }
  const first = rows.find((r) => r.scenario.name.startsWith('bare + one query'))?.rounds[0]?.result;
  if (!first) throw new Error('bench: no ceiling scenario');
  out(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario and round, ${ROUNDS} round(s), PostgreSQL on loopback, ${availableParallelism()} cores`);
  out(`Each round of a scenario is divided by the ceiling (${CEILING_PATH}) measured on its server ${BESIDE_SECONDS} s just before and ${BESIDE_SECONDS} s just after it;`);
  out('the ratios are the medians of the rounds, and the other columns are those of the round nearest the median throughput ratio.');
  out('The server\'s main thread busy (share of one core) / the machine idle (share of all cores), for the scenario and for the ceiling beside it:');
  out('a run with the thread near 100 % and idle CPU left is bounded by the server\'s one JavaScript thread; one with little idle CPU, by the cores;');
  out('one with neither also waits (for PostgreSQL, for a commit).');
  out('scenario | req/s | p50 ms | p99 ms | non-2xx+errors | ceiling beside it: req/s (before / after), p99 ms | req/s ÷ ceiling | p99 ÷ ceiling p99 | each round\'s req/s ÷ ceiling | target | thread / idle: scenario; ceiling beside it');
  for (const { scenario, rounds } of rows) {
    const ratios = rounds.map(({ result, beside }) => ({ throughput: result.rps / (beside ?? first).rps, p99: result.p99 / (beside ?? first).p99 }));
    const throughput = median(ratios.map((r) => r.throughput));
    const p99 = median(ratios.map((r) => r.p99));
    const { result, beside } = rounds[nearestTo(ratios.map((r) => r.throughput), throughput)] as Round;
    const errors = rounds.reduce((sum, round) => sum + round.result.errors + (round.beside?.errors ?? 0), 0);
    const { target } = scenario;
    const goal = target
      ? `≥ ${target.minThroughput}×${target.maxP99 ? `, p99 ≤ ${target.maxP99}×` : ''}: ${verdict(
        throughput >= target.minThroughput && (target.maxP99 === undefined || p99 <= target.maxP99) && errors === 0)}`
      : scenario.ceiling ? 'ceiling' : 'no target';
    const ceilingShown = beside ? `${Math.round(beside.rps)} (${beside.before} / ${beside.after}), ${beside.p99.toFixed(1)}` : '';
    const each = beside ? ratios.map((r) => r.throughput.toFixed(2)).join(' / ') : '';
    const cpu = `${shown(result.cpu)}${beside ? `; ${shown(beside.cpu)}` : ''}`;
    out(`${scenario.name} | ${result.rps} | ${result.p50} | ${result.p99} | ${errors} | ${ceilingShown} | ${throughput.toFixed(2)} | ${p99.toFixed(2)} | ${each} | ${goal} | ${cpu}`);
  }

  if (ONLY !== undefined) return;
  await pdfPart(server);
}

/** The PDF scenario and the server's memory at the end (alone: `npm run bench -- --pdf`). */
async function pdfPart(server: Server) {
  const rounds: Awaited<ReturnType<typeof benchPdf>>[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await benchPdf(baseOf(server), server.fixtures, DURATION_SECONDS, CONNECTIONS));
  const ratioOf = (round: (typeof rounds)[number]) => round.busy.p99 / round.quiet.p99;
  const pdfRatio = median(rounds.map(ratioOf));
  const pdf = rounds[nearestTo(rounds.map(ratioOf), pdfRatio)] as (typeof rounds)[number];
  const errors = rounds.reduce((sum, round) => sum + round.busy.errors, 0);
  out(`\nPDF part, ${ROUNDS} round(s); the round nearest the median ratio:`);
  out(`overview PDF of the 30-debt dossier, one at a time: p50 ${pdf.pdfP50} ms, p90 ${pdf.pdfP90} ms`);
  out(`dossier read without PDFs, just before and just after: p99 ${pdf.quietBefore.p99} and ${pdf.quietAfter.p99} ms, averaged ${pdf.quiet.p99.toFixed(1)} ms (${pdf.quiet.rps} req/s, ${pdf.quiet.errors} errors)`);
  out(`dossier read while ${PDF_BENCH_RENDERERS} PDFs are asked for at once: p99 ${pdf.busy.p99} ms (${pdf.busy.rps} req/s, ${pdf.busy.errors} errors; ${pdf.pdfsDuringBusy} PDFs made meanwhile)`);
  out(`p99 with PDFs ÷ p99 without, each round: ${rounds.map((round) => ratioOf(round).toFixed(2)).join(' / ')}`);
  out(`p99 with PDFs ÷ p99 without, median: ${pdfRatio.toFixed(2)} (target ≤ ${PDF_P99_TARGET}×: ${verdict(pdfRatio <= PDF_P99_TARGET && errors === 0)})`);
  out(`\nserver resident memory at the end of the run: ${serverMemory(server.child.pid)}`);
}

const database = `bench_${randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE "${database}"`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const migrationDb = kyselyOnPool(createPostgresPool(databaseUrl, { poolMax: 1 }));
await migrateToLatest(migrationDb);
await migrationDb.destroy();

const server = await startServer(databaseUrl);
try {
  if (process.argv.includes('--cpu')) {
    const servers = serverFor(server, databaseUrl);
    const amount = Number(process.env.BENCH_REQUESTS ?? 3000);
    process.stdout.write(`${cpuHeader(amount, CONNECTIONS)}\n`);
    try {
      // The ceiling always runs (second, after the bare route), so every route gets its multiple.
      let ceilingTotal: number | undefined;
      for (const scenario of SCENARIOS_TO_RUN) {
        const target = await servers.of(scenario);
        const total = await cpuPerRequest(baseOf(target), target.child.pid as number, adminUrl, database,
          [{ name: scenario.name, request: scenario.request(target.fixtures) }], amount, CONNECTIONS, ceilingTotal);
        if (scenario.name.startsWith('bare + one query')) ceilingTotal = total;
      }
    } finally {
      await servers.stop();
    }
  } else if (process.argv.includes('--pdf')) {
    await pdfPart(server);
  } else {
    await tableAndPdf(server, databaseUrl);
  }
} finally {
  await stopServer(server);
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
