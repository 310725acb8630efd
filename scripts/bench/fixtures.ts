// Data the benchmark scenarios need. People, the dossier row and a session go straight into the
// app's own database (the bench must not pay argon2 for a login or depend on activation codes);
// the dossier's content goes through the routes, as a maatje would enter it.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/lib/vocabulary.js';
import { sealDisplayName } from '../../src/lib/display-name.js';
import { seedStatsFixtures } from './stats-fixtures.js';

export type BenchFixtures = Record<string, string>;

/** A maatje's read as the web app sends it: Chromium's Accept-Encoding comes with every request. */
export const readHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br, zstd' });

const DEBTS = 30;
const INCOMES = 10;
const EXPENSES = 20;

async function user(app: FastifyInstance, role: Role, locationId: string, name: string) {
  const now = app.now();
  const id = randomUUID();
  const row = await app.db.insertInto('users').values({
    id, role, username: `bench-${name}-${randomUUID().slice(0, 8)}`, displayNameEncrypted: sealDisplayName(app.cipher, id, `Bench ${name}`), locationId,
    trainedAt: role === 'maatje' ? now : null, updatedAt: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// A whole bench (three rounds of every scenario) runs longer than an access token lives (10 min),
// and a token that expired mid-run would turn a scenario into 401s: the bench's token and session last this long.
const BENCH_SIGN_IN_SECONDS = 4 * 3600;

/** A session and an access token for it, as POST /auth/login issues them, but valid for BENCH_SIGN_IN_SECONDS. */
async function signIn(app: FastifyInstance, userId: string, role: Role) {
  const session = await app.db.insertInto('sessions')
    .values({ userId, expiresAt: new Date(app.now().getTime() + BENCH_SIGN_IN_SECONDS * 1000) })
    .returning('id').executeTakeFirstOrThrow();
  return app.jwt.sign({ sub: userId, sid: session.id, role }, { jti: randomUUID(), expiresIn: BENCH_SIGN_IN_SECONDS });
}

async function post(app: FastifyInstance, token: string, url: string, payload: object) {
  const res = await app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  if (res.statusCode !== 201) throw new Error(`bench seed: POST ${url} answered ${res.statusCode}`);
  return res.json() as { id: string; version: number };
}

/** Writes go to dossiers of their own (one per connection, as maatjes edit their own), so the read scenarios' dossier stays as seeded. */
export const WRITE_DOSSIERS = Number(process.env.BENCH_CONNECTIONS ?? 20);

export const BENCH_DEBT = {
  creditorName: 'Schuldeiser', creditorType: 'energie', status: 'incasso', balanceCents: 12_345, principalCents: 10_000,
  collectionCostsCents: 1_500, balanceDate: '2026-10-01',
} as const;

async function openDossier(app: FastifyInstance, residentId: string, locationId: string, maatjeId: string) {
  const now = app.now();
  const dossier = await app.db.insertInto('dossiers').values({
    residentId, locationId, phase: 'B', openedAt: now, updatedAt: now,
    consentGivenAt: now, consentTextVersion: 'v1', consentStatisticsOptIn: true, consentRecordedOnPaper: false,
    householdLeefsituatie: 'alleenstaande_ouder', householdAgeBand: '21_tot_aow', householdOtherAdults: 0,
  }).returning('id').executeTakeFirstOrThrow();
  await app.db.insertInto('dossierAssignments').values({ dossierId: dossier.id, maatjeId, assignedAt: now }).execute();
  return dossier.id;
}

/** 30 debts, 10 incomes and 20 expenses through the routes, as a maatje enters them; answers the first debt's id. */
async function fillLikeAMaatje(app: FastifyInstance, token: string, dossierId: string): Promise<string> {
  const base = `/api/v1/dossiers/${dossierId}`;
  let firstDebt: string | undefined;
  const statuses = ['open', 'aanmaning', 'incasso', 'deurwaarder', 'beslag', 'betalingsregeling'] as const;
  for (let i = 0; i < DEBTS; i++) {
    const debt = await post(app, token, `${base}/debts`, {
      creditorName: `Schuldeiser ${i + 1}`, creditorType: i % 5 === 0 ? 'belastingdienst' : 'energie',
      rank: i % 5 === 0 ? 'preferent' : 'concurrent', status: statuses[i % statuses.length],
      balanceCents: 10_000 + i * 1_234, principalCents: 8_000 + i * 1_000, collectionCostsCents: 1_500, balanceDate: '2026-10-01',
    });
    firstDebt ??= debt.id;
  }
  const kinds = ['loon', 'huurtoeslag', 'zorgtoeslag', 'kindgebonden_budget', 'kinderbijslag', 'vakantiegeld', 'alimentatie', 'overig', 'overig', 'overig'] as const;
  for (let i = 0; i < INCOMES; i++) {
    await post(app, token, `${base}/incomes`, { kind: kinds[i], amountCents: 5_000 + i * 1_000, frequency: i === 0 ? 'four_weeks' : 'month' });
  }
  const lines = [
    ['vaste_lasten', 'huur'], ['vaste_lasten', 'energie'], ['vaste_lasten', 'water'], ['vaste_lasten', 'zorgverzekering'],
    ['reserveringsuitgaven', 'kleding'], ['huishoudelijke_uitgaven', 'voeding'],
  ] as const;
  for (let i = 0; i < EXPENSES; i++) {
    const [group, category] = lines[i % lines.length]!;
    await post(app, token, `${base}/expenses`, { group, category, amountCents: 1_000 + i * 250, frequency: i % 4 === 0 ? 'week' : 'month' });
  }
  if (firstDebt === undefined) throw new Error('bench seed: no debt');
  return firstDebt;
}

export async function seedBenchFixtures(app: FastifyInstance): Promise<BenchFixtures> {
  const location = await app.db.insertInto('locations').values({ name: `Bench BuurtWerkKamer ${randomUUID().slice(0, 8)}`, city: 'Amsterdam' })
    .returning('id').executeTakeFirstOrThrow();
  const residentId = await user(app, 'resident', location.id, 'resident');
  const maatjeId = await user(app, 'maatje', location.id, 'maatje');
  const dossier = { id: await openDossier(app, residentId, location.id, maatjeId) };
  const token = await signIn(app, maatjeId, 'maatje');

  await fillLikeAMaatje(app, token, dossier.id);
  // One debt in each write dossier for the PATCH scenario: `dossierId/debtId` pairs.
  const writeTargets: string[] = [];
  for (let i = 0; i < WRITE_DOSSIERS; i++) {
    const writeDossier = await openDossier(app, residentId, location.id, maatjeId);
    const debt = await post(app, token, `/api/v1/dossiers/${writeDossier}/debts`, BENCH_DEBT);
    writeTargets.push(`${writeDossier}/${debt.id}`);
  }
  // For the save-and-read-again scenario: a dossier like the read one for each connection, and its first debt.
  const editTargets: string[] = [];
  for (let i = 0; i < WRITE_DOSSIERS; i++) {
    const editDossier = await openDossier(app, residentId, location.id, maatjeId);
    editTargets.push(`${editDossier}/${await fillLikeAMaatje(app, token, editDossier)}`);
  }
  return {
    dossierId: dossier.id, maatjeToken: token, writeTargets: writeTargets.join(','), editTargets: editTargets.join(','),
    ...(await seedStatsFixtures(app)),
  };
}
