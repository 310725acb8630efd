// What `npm run bench` measures: each scenario's requests, its targets from issue 18, and the
// fixtures it needs. scripts/bench.ts runs them beside the ceiling and prints the table.
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { BENCH_DEBT, readHeaders, type BenchFixtures } from './fixtures.js';

export type BenchRequest = NonNullable<autocannon.Options['requests']>[number];

export interface Scenario {
  name: string;
  /** `ceiling` scenarios are the yardsticks the others are divided by. */
  ceiling?: boolean;
  /** The targets of issue 18: throughput at least this share of the ceiling's, p99 at most this multiple of the ceiling's. */
  target?: { minThroughput: number; maxP99?: number };
  /** Runs against a second server that keeps no views (VIEW_CACHE_MB=0): every read builds its view, as the first read after a change does. */
  nothingKept?: boolean;
  request: (fixtures: BenchFixtures) => ScenarioRequest;
}

export interface ScenarioRequest {
  path: string;
  headers?: Record<string, string>;
  requests?: BenchRequest[];
  /** Before each round: make the state the requests keep true again (see editPool). */
  settle?: (base: string) => Promise<void>;
}

const jsonHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

type EditSlot = { dossierId: string; debtId: string; version: number };
type EditContext = { slot?: EditSlot };

/** `dossierId/debtId` pairs, each at its seeded version. */
const editSlots = (targets: string | undefined): EditSlot[] => (targets ?? '').split(',').map((target) => {
  const [dossierId = '', debtId = ''] = target.split('/');
  return { dossierId, debtId, version: 1 };
});

const slotOf = (context: unknown): EditSlot => {
  const { slot } = context as EditContext;
  if (!slot) throw new Error('bench: a request after a save without its save');
  return slot;
};

/**
 * A PATCH to a debt nobody else is editing, with the ETag of that debt's last answer; the debt is
 * in the connection's context for the rest of its cycle. It is free again once its answer is in,
 * so a run that ends after it keeps no debt.
 */
function patchOfAFreeDebt(free: EditSlot[], token: string): BenchRequest {
  return {
    method: 'PATCH',
    setupRequest: (req, context) => {
      const slot = free.shift();
      if (!slot) throw new Error('bench: more PATCH connections than dossiers to edit');
      (context as EditContext).slot = slot;
      return {
        ...req,
        path: `/api/v1/dossiers/${slot.dossierId}/debts/${slot.debtId}`,
        headers: { ...jsonHeaders(token), 'if-match': `"${slot.version}"` },
        body: JSON.stringify({ balanceCents: 10_000 + Math.floor(Math.random() * 90_000) }),
      };
    },
    onResponse: (_status, _body, context, headers) => {
      const slot = slotOf(context);
      const etag = /"(\d+)"/.exec(String(headers?.etag ?? ''));
      if (etag) slot.version = Number(etag[1]);
      free.push(slot);
    },
  };
}

/**
 * The debts PATCH requests edit, each with the version its last answer gave. A run that ends on
 * time cuts off the requests in flight: their debts stay held and may or may not have been
 * changed, so `settle` (before every round) reads each held debt's version again and frees it.
 */
function editPool(targets: string | undefined, token: string) {
  const all = editSlots(targets);
  const free = [...all];
  return {
    patch: patchOfAFreeDebt(free, token),
    async settle(base: string) {
      const held = all.filter((slot) => !free.includes(slot));
      if (held.length === 0) return;
      // A cut-off request may still be running on the server: let it finish before reading.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const slot of held) {
        const res = await fetch(`${base}/api/v1/dossiers/${slot.dossierId}/debts/${slot.debtId}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        const etag = /"(\d+)"/.exec(res.headers.get('etag') ?? '');
        if (!etag) throw new Error(`bench: reading a held debt again answered ${res.status}`);
        slot.version = Number(etag[1]);
        free.push(slot);
      }
    },
  };
}

function patchRequests(fixtures: BenchFixtures): ScenarioRequest {
  const pool = editPool(fixtures.writeTargets, fixtures.maatjeToken as string);
  return { path: '/', requests: [pool.patch], settle: pool.settle };
}

/**
 * What the web app sends after every save: the PATCH, then the dossier and its overview again, in
 * dossiers as large as the read scenarios' one (one per connection).
 */
function saveAndReadAgainRequests(fixtures: BenchFixtures): ScenarioRequest {
  const token = fixtures.maatjeToken as string;
  const readOfTheSaved = (path: (dossierId: string) => string): BenchRequest => ({
    method: 'GET',
    setupRequest: (req, context) => ({ ...req, path: path(slotOf(context).dossierId), headers: readHeaders(token), body: undefined }),
  });
  const pool = editPool(fixtures.editTargets, token);
  const requests = [
    pool.patch,
    readOfTheSaved((id) => `/api/v1/dossiers/${id}`),
    readOfTheSaved((id) => `/api/v1/dossiers/${id}/overview`),
  ];
  return { path: '/', requests, settle: pool.settle };
}

/**
 * Creates go round the write dossiers, so concurrent creates rarely wait for one dossier's lock.
 * `keyed`: each with an Idempotency-Key of its own, as the web app sends every create.
 */
function createRequests(fixtures: BenchFixtures, keyed = false): BenchRequest[] {
  const dossiers = (fixtures.writeTargets ?? '').split(',').map((target) => target.split('/')[0]);
  let next = 0;
  return [{
    method: 'POST',
    setupRequest: (req) => ({
      ...req,
      path: `/api/v1/dossiers/${dossiers[next++ % dossiers.length]}/debts`,
      headers: { ...jsonHeaders(fixtures.maatjeToken as string), ...(keyed ? { 'idempotency-key': randomUUID() } : {}) },
      body: JSON.stringify(BENCH_DEBT),
    }),
  }];
}

export const SCENARIOS: Scenario[] = [
  { name: 'bare route (GET /health/live)', ceiling: true, request: () => ({ path: '/health/live' }) },
  { name: 'bare + one query (GET /health/ready)', ceiling: true, request: () => ({ path: '/health/ready' }) },
  // A dossier with 30 debts, 10 incomes and 20 expenses, read by its signed-in maatje.
  {
    name: 'dossier read (GET /dossiers/{id})',
    target: { minThroughput: 0.35, maxP99: 3 },
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}`, headers: readHeaders(f.maatjeToken as string) }),
  },
  {
    name: 'overview (GET /dossiers/{id}/overview)',
    target: { minThroughput: 0.35, maxP99: 3 },
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}/overview`, headers: readHeaders(f.maatjeToken as string) }),
  },
  // The same read from a client that asks for no compression (a script, curl without --compressed): no target.
  {
    name: 'dossier read, uncompressed (no Accept-Encoding)',
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}`, headers: { authorization: `Bearer ${f.maatjeToken}` } }),
  },
  // Writes go to dossiers of their own, one per connection, so the read scenarios' dossier stays as seeded.
  { name: 'debt create (POST /dossiers/{id}/debts)', target: { minThroughput: 0.25 }, request: (f) => ({ path: '/', requests: createRequests(f) }) },
  {
    name: 'debt create with Idempotency-Key (as the web app sends it)',
    target: { minThroughput: 0.25 },
    request: (f) => ({ path: '/', requests: createRequests(f, true) }),
  },
  { name: 'debt edit (PATCH …/debts/{debtId}, If-Match)', target: { minThroughput: 0.25 }, request: patchRequests },
  // The reads above find the view their process kept (the dossier does not change during the run);
  // these build it on every read, as the first read after a change does.
  {
    name: 'dossier read, no kept view (VIEW_CACHE_MB=0)',
    nothingKept: true,
    target: { minThroughput: 0.35, maxP99: 3 },
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}`, headers: readHeaders(f.maatjeToken as string) }),
  },
  {
    name: 'overview, no kept view (VIEW_CACHE_MB=0)',
    nothingKept: true,
    target: { minThroughput: 0.35, maxP99: 3 },
    request: (f) => ({ path: `/api/v1/dossiers/${f.dossierId}/overview`, headers: readHeaders(f.maatjeToken as string) }),
  },
  // The web app's step: a save, then the dossier and its overview again (three requests, each
  // counted). The save brings the kept views to the new revision (view-patch.ts). No target.
  {
    name: 'a save and the two reads after it (PATCH, dossier, overview), as the web app does',
    request: saveAndReadAgainRequests,
  },
];
