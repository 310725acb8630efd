// How to call each route in the authorization matrix: a valid request (so nothing but access decides
// the status) against fresh objects, so no cell depends on what an earlier cell changed.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { receiptHmac } from '../../src/modules/erasure/erasure.service.js';
import { sealDisplayName } from '../../src/lib/display-name.js';
import type { ActorKey, World } from '../support/world.js';

export type ObjectKey = 'own' | 'other' | 'nonexistent';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Call as a twin of the actor (same role and state), for requests that end all the caller's sessions. */
  freshSession?: boolean;
}

export interface CellContext {
  app: FastifyInstance;
  world: World;
  actor: ActorKey;
  object: ObjectKey;
}

const API = '/api/v1';

/** A fresh dossier with the same relationships as the world's own/other dossier, or a random id. */
export async function freshDossier(ctx: CellContext): Promise<string> {
  if (ctx.object === 'nonexistent') return randomUUID();
  const { app, world } = ctx;
  const u = world.users;
  const own = ctx.object === 'own';
  const resident = own ? u.ownResident : u.otherResident;
  const id = randomUUID();
  await app.db.insertInto('dossiers').values({
    id, residentId: resident.id, locationId: own ? world.locations.own : world.locations.other, phase: 'B',
    openedAt: app.now(), updatedAt: app.now(), consentGivenAt: app.now(), consentTextVersion: 'v1',
    consentStatisticsOptIn: true, consentRecordedOnPaper: false, householdLeefsituatie: 'alleenstaand', householdAgeBand: '21_tot_aow',
  }).execute();
  const history = own
    ? ctx.actor === 'untrainedMaatje' ? [u.untrainedMaatje.id] : [u.previousMaatje.id, u.assignedMaatje.id]
    : [u.otherLocationMaatje.id];
  for (const [index, maatjeId] of history.entries()) {
    const last = index === history.length - 1;
    await app.db.insertInto('dossierAssignments').values({ dossierId: id, maatjeId, assignedAt: app.now(), endedAt: last ? null : app.now() }).execute();
  }
  return id;
}

async function freshChild(ctx: CellContext, table: 'debts' | 'incomes' | 'expenses' | 'actions', dossierId: string): Promise<string> {
  if (ctx.object === 'nonexistent') return randomUUID();
  const id = randomUUID();
  const common = { id, dossierId, createdAt: ctx.app.now(), updatedAt: ctx.app.now() };
  if (table === 'debts') {
    await ctx.app.db.insertInto('debts').values({ ...common, creditorNameEncrypted: ctx.app.cipher.encrypt('Eneco', { table: 'debts', column: 'creditor_name', rowId: id }), creditorType: 'energie', balanceCents: 10_000, status: 'open' }).execute();
  } else if (table === 'incomes') {
    await ctx.app.db.insertInto('incomes').values({ ...common, kind: 'loon', amountCents: 150_000, frequency: 'month' }).execute();
  } else if (table === 'actions') {
    const titleEncrypted = ctx.app.cipher.encrypt('CANARY-matrix-action', { table: 'actions', column: 'title', rowId: id });
    await ctx.app.db.insertInto('actions').values({ ...common, titleEncrypted, owner: 'resident' }).execute();
  } else {
    await ctx.app.db.insertInto('expenses').values({ ...common, group: 'vaste_lasten', category: 'huur', amountCents: 70_000, frequency: 'month' }).execute();
  }
  return id;
}

async function freshStory(ctx: CellContext, dossierId: string) {
  if (ctx.object === 'nonexistent') return;
  const textEncrypted = ctx.app.cipher.encrypt('CANARY-matrix-story', { table: 'dossier_stories', column: 'text', rowId: dossierId });
  await ctx.app.db.insertInto('dossierStories').values({ dossierId, textEncrypted, lifeEvents: ['ziekte'], updatedAt: ctx.app.now() }).execute();
}

async function dossierVersion(ctx: CellContext, dossierId: string): Promise<string> {
  const row = await ctx.app.db.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirst();
  return `"${row?.version ?? 1}"`;
}

const isMaatje = (actor: ActorKey) => actor.endsWith('Maatje');

const CHILD_BODIES = {
  debts: { create: { creditorName: 'Essent', creditorType: 'energie', balanceCents: 12_345, status: 'aanmaning', reference: 'CANARY-matrix-ref' }, patch: { balanceCents: 12_000 } },
  incomes: { create: { kind: 'uitkering_participatiewet', amountCents: 120_000, frequency: 'month' }, patch: { amountCents: 121_000 } },
  expenses: { create: { group: 'vaste_lasten', category: 'energie', amountCents: 15_000, frequency: 'month' }, patch: { amountCents: 16_000 } },
  actions: { create: { title: 'CANARY-matrix-bel de woningcorporatie', owner: 'resident', dueDate: '2026-12-01' }, patch: { done: true } },
} as const;

const INSTRUMENT_VERSION = 'matrix-1';

async function ensureInstrument(ctx: CellContext) {
  await ctx.app.db.insertInto('instruments')
    .values({ version: INSTRUMENT_VERSION, name: 'Matrix', items: JSON.stringify([{ code: 'stress', minScore: 0, maxScore: 10 }]), createdAt: ctx.app.now() })
    .onConflict((oc) => oc.column('version').doNothing()).execute();
}

async function freshReferral(ctx: CellContext, dossierId: string) {
  if (ctx.object === 'nonexistent') return;
  await ctx.app.db.insertInto('referrals').values({
    dossierId, route: 'kredietbank', status: 'aangemeld', updatedAt: ctx.app.now(),
    organisationEncrypted: ctx.app.cipher.encrypt('Kredietbank', { table: 'referrals', column: 'organisation', rowId: dossierId }),
  }).execute();
}

async function freshChecklist(ctx: CellContext, dossierId: string) {
  if (ctx.object === 'nonexistent') return;
  await ctx.app.db.insertInto('referralChecklists').values({ dossierId, items: JSON.stringify({ legitimatie: 'aanwezig' }), updatedAt: ctx.app.now() }).execute();
}

let instrumentCounter = 0;
let accountCounter = 0;

/** The address limits of the sign-in routes would turn later cells into 429s: each cell starts clean. */
async function clearRateLimits(ctx: CellContext) {
  await ctx.app.db.deleteFrom('rateLimitCounters').execute();
}

/** A maatje account at the location the object names: own = the world's own location. */
async function freshAccount(ctx: CellContext): Promise<string> {
  if (ctx.object === 'nonexistent') return randomUUID();
  const id = randomUUID();
  await ctx.app.db.insertInto('users').values({
    id, role: 'maatje', username: `matrix-account-${accountCounter++}`, displayNameEncrypted: sealDisplayName(ctx.app.cipher, id, 'CANARY-matrix-account'),
    locationId: ctx.object === 'own' ? ctx.world.locations.own : ctx.world.locations.other, trainedAt: ctx.app.now(), updatedAt: ctx.app.now(),
  }).execute();
  return id;
}

/** An open request for a fresh account's new code, asked by the world's coordinator (never the admin who approves). */
async function freshResetRequest(ctx: CellContext): Promise<string> {
  const userId = await freshAccount(ctx);
  if (ctx.object === 'nonexistent') return userId;
  const row = await ctx.app.db.insertInto('credentialResets').values({
    userId, requestedBy: ctx.world.users.coordinator.id, requestedAt: ctx.app.now(), expiresAt: new Date(ctx.app.now().getTime() + 3600_000),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The next valid period after the newest one: norm periods are only ever appended, on 1 January or
 * 1 July, at most six months ahead of the clock, so the builder moves the clock along with them.
 */
async function nextNormPeriod(ctx: CellContext) {
  const newest = await ctx.app.db.selectFrom('normPeriods').select('validFrom').orderBy('validFrom', 'desc').executeTakeFirstOrThrow();
  const [year, month] = newest.validFrom.split('-').map(Number) as [number, number];
  const validFrom = month === 1 ? `${year}-07-01` : `${year + 1}-01-01`;
  // Each key's including norm is 1/0,95 of the excluding one, as the published norms are.
  const norm = (excl: number) => ({ excludingHolidayCents: excl, includingHolidayCents: Math.round((excl * 100) / 95) });
  return { validFrom, label: `Matrix ${validFrom}`, norms: {
    alleenstaand_21_aow: norm(130_000), samenwonend_21_aow: norm(186_000), alleenstaand_aow: norm(145_000), samenwonend_aow: norm(197_000),
  } };
}

/** A saldo-opgave letter for a fresh debt of the dossier; random ids for the nonexistent object. */
async function freshLetter(ctx: CellContext, dossierId: string): Promise<{ id: string; batchId: string }> {
  if (ctx.object === 'nonexistent') return { id: randomUUID(), batchId: randomUUID() };
  const debtId = await freshChild(ctx, 'debts', dossierId);
  const letter = { id: randomUUID(), batchId: randomUUID() };
  await ctx.app.db.insertInto('letters').values({
    ...letter, dossierId, debtId, kind: 'saldo_opgave', templateVersion: 1, proposal: null, createdAt: ctx.app.now(), updatedAt: ctx.app.now(),
  }).execute();
  return letter;
}

/** A referral and the resident's standing consent to hand over to its organisation. */
async function freshHandoverConsent(ctx: CellContext, dossierId: string, withReferral: boolean) {
  if (ctx.object === 'nonexistent') return;
  if (withReferral) await freshReferral(ctx, dossierId);
  const id = randomUUID();
  await ctx.app.db.insertInto('handoverConsents').values({
    id, dossierId, organisationEncrypted: ctx.app.cipher.encrypt('Kredietbank', { table: 'handover_consents', column: 'organisation', rowId: id }), includeStory: false, givenAt: ctx.app.now(), recordedOnPaper: false,
  }).execute();
}

const ownLocationOf = (ctx: CellContext) => (ctx.actor === 'otherCoordinator' ? ctx.world.locations.other : ctx.world.locations.own);

type Builder = (ctx: CellContext) => Promise<RequestSpec>;

function childBuilders(segment: 'debts' | 'incomes' | 'expenses' | 'actions', idParam: string): Record<string, Builder> {
  const base = `${API}/dossiers/:id/${segment}`;
  return {
    [`GET ${base}`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/${segment}` }),
    [`POST ${base}`]: async (ctx) => ({ method: 'POST', url: `${API}/dossiers/${await freshDossier(ctx)}/${segment}`, payload: CHILD_BODIES[segment].create }),
    [`GET ${base}/:${idParam}`]: async (ctx) => {
      const dossierId = await freshDossier(ctx);
      return { method: 'GET', url: `${API}/dossiers/${dossierId}/${segment}/${await freshChild(ctx, segment, dossierId)}` };
    },
    [`PATCH ${base}/:${idParam}`]: async (ctx) => {
      const dossierId = await freshDossier(ctx);
      const id = await freshChild(ctx, segment, dossierId);
      return { method: 'PATCH', url: `${API}/dossiers/${dossierId}/${segment}/${id}`, payload: CHILD_BODIES[segment].patch, headers: { 'if-match': '"1"' } };
    },
    [`DELETE ${base}/:${idParam}`]: async (ctx) => {
      const dossierId = await freshDossier(ctx);
      const id = await freshChild(ctx, segment, dossierId);
      return { method: 'DELETE', url: `${API}/dossiers/${dossierId}/${segment}/${id}`, headers: { 'if-match': '"1"' } };
    },
  };
}

const BROWSER_APP = { origin: 'http://localhost:80', 'x-schoon-schip-client': 'web' };

/** A pending erasure request on a dossier, so a cancel has something to cancel. */
async function pendingErasure(ctx: CellContext, dossierId: string) {
  if (ctx.object === 'nonexistent') return;
  const receiptCodeHmac = receiptHmac(ctx.app.appConfig.rootSecret, randomUUID());
  const now = ctx.app.now();
  await ctx.app.db.insertInto('erasureReceipts').values({ codeHmac: receiptCodeHmac, requestedAt: now, expiresAt: new Date(now.getTime() + 86_400_000) }).execute();
  await ctx.app.db.insertInto('erasureRequests').values({
    dossierId, channel: 'app', requestedAt: now, requestedBy: ctx.world.users.ownResident.id, dueAt: new Date(now.getTime() + 86_400_000), receiptCodeHmac,
  }).execute();
}

export const BUILDERS: Record<string, Builder> = {
  'GET /openapi.json': async () => ({ method: 'GET', url: '/openapi.json' }),
  'GET /health/live': async () => ({ method: 'GET', url: '/health/live' }),
  'GET /health/ready': async () => ({ method: 'GET', url: '/health/ready' }),
  [`GET ${API}/setup`]: async () => ({ method: 'GET', url: `${API}/setup` }),
  [`POST ${API}/setup`]: async (ctx) => {
    await clearRateLimits(ctx);
    return {
      method: 'POST', url: `${API}/setup`,
      payload: { setupCode: 'AAAA-BBBB-CCCC', username: 'matrix-setup', displayName: 'Matrix', password: 'CANARY-matrix-setup-password' },
    };
  },
  [`POST ${API}/auth/login`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/login`, payload: { username: 'no-such-user', password: 'CANARY-matrix-password' } };
  },
  [`POST ${API}/auth/refresh`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/refresh`, payload: { refreshToken: 'A'.repeat(43) } };
  },
  [`POST ${API}/auth/logout`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/logout`, payload: { refreshToken: 'A'.repeat(43) } };
  },
  [`POST ${API}/auth/activate`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/activate`, payload: { code: 'ABCD-EFGH-JKMN', username: 'matrix-new-user', password: 'CANARY-matrix-password' } };
  },
  // The web app's cookie routes, called as the app itself calls them (same Origin, custom header).
  [`POST ${API}/auth/browser/login`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/browser/login`, headers: BROWSER_APP, payload: { username: 'no-such-user', password: 'CANARY-matrix-password' } };
  },
  [`POST ${API}/auth/browser/activate`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/browser/activate`, headers: BROWSER_APP, payload: { code: 'ABCD-EFGH-JKMN', username: 'matrix-new-user', password: 'CANARY-matrix-password' } };
  },
  [`POST ${API}/auth/browser/refresh`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/browser/refresh`, headers: { ...BROWSER_APP, cookie: `schoon_schip_refresh=${'A'.repeat(43)}` } };
  },
  [`POST ${API}/auth/browser/logout`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/browser/logout`, headers: { ...BROWSER_APP, cookie: `schoon_schip_refresh=${'A'.repeat(43)}` } };
  },
  [`POST ${API}/auth/logout-all`]: async () => ({ method: 'POST', url: `${API}/auth/logout-all`, freshSession: true }),
  [`POST ${API}/auth/password`]: async (ctx) => {
    await clearRateLimits(ctx);
    return { method: 'POST', url: `${API}/auth/password`, payload: { currentPassword: 'CANARY-matrix-twin-password', newPassword: 'CANARY-a-new-long-password' }, freshSession: true };
  },
  [`GET ${API}/auth/me`]: async () => ({ method: 'GET', url: `${API}/auth/me` }),
  [`GET ${API}/locations`]: async () => ({ method: 'GET', url: `${API}/locations` }),
  [`POST ${API}/locations`]: async () => ({ method: 'POST', url: `${API}/locations`, payload: { name: `Matrix ${accountCounter++}`, city: 'Utrecht' } }),
  [`GET ${API}/users`]: async () => ({ method: 'GET', url: `${API}/users` }),
  [`POST ${API}/users`]: async (ctx) => ({
    method: 'POST', url: `${API}/users`,
    payload: { role: 'maatje', username: `matrix-created-${accountCounter++}`, displayName: 'CANARY-matrix-created', locationId: ownLocationOf(ctx) },
  }),
  [`GET ${API}/users/:id`]: async (ctx) => ({ method: 'GET', url: `${API}/users/${await freshAccount(ctx)}` }),
  [`PATCH ${API}/users/:id`]: async (ctx) => ({
    method: 'PATCH', url: `${API}/users/${await freshAccount(ctx)}`, payload: { displayName: 'CANARY-matrix-renamed' }, headers: { 'if-match': '"1"' },
  }),
  [`POST ${API}/users/:id/activation-code`]: async (ctx) => ({ method: 'POST', url: `${API}/users/${await freshAccount(ctx)}/activation-code` }),
  [`POST ${API}/users/:id/credential-resets`]: async (ctx) => ({ method: 'POST', url: `${API}/users/${await freshAccount(ctx)}/credential-resets` }),
  [`GET ${API}/credential-resets`]: async () => ({ method: 'GET', url: `${API}/credential-resets` }),
  [`POST ${API}/credential-resets/:id/approve`]: async (ctx) => ({ method: 'POST', url: `${API}/credential-resets/${await freshResetRequest(ctx)}/approve` }),
  [`GET ${API}/dossiers`]: async () => ({ method: 'GET', url: `${API}/dossiers` }),
  [`POST ${API}/dossiers`]: async () => ({ method: 'POST', url: `${API}/dossiers`, payload: { resident: { displayName: 'CANARY-matrix-new-resident' } } }),
  [`GET ${API}/dossiers/:id`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}` }),
  [`PATCH ${API}/dossiers/:id`]: async (ctx) => {
    const id = await freshDossier(ctx);
    return { method: 'PATCH', url: `${API}/dossiers/${id}`, payload: { notes: 'CANARY-matrix-notes' }, headers: { 'if-match': await dossierVersion(ctx, id) } };
  },
  [`POST ${API}/dossiers/:id/transitions`]: async (ctx) => ({ method: 'POST', url: `${API}/dossiers/${await freshDossier(ctx)}/transitions`, payload: { to: 'A' } }),
  [`PUT ${API}/dossiers/:id/consent`]: async (ctx) => ({
    method: 'PUT', url: `${API}/dossiers/${await freshDossier(ctx)}/consent`,
    payload: { textVersion: 'v2', statisticsOptIn: false, ...(isMaatje(ctx.actor) ? { recordedOnPaper: true } : {}) },
  }),
  [`DELETE ${API}/dossiers/:id/consent`]: async (ctx) => ({
    method: 'DELETE', url: `${API}/dossiers/${await freshDossier(ctx)}/consent${isMaatje(ctx.actor) ? '?recordedOnPaper=true' : ''}`,
  }),
  [`GET ${API}/dossiers/:id/story`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshStory(ctx, id);
    return { method: 'GET', url: `${API}/dossiers/${id}/story` };
  },
  [`PUT ${API}/dossiers/:id/story`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshStory(ctx, id);
    return { method: 'PUT', url: `${API}/dossiers/${id}/story`, payload: { text: 'CANARY-matrix-story-2', lifeEvents: [] }, headers: { 'if-match': '"1"' } };
  },
  [`GET ${API}/dossiers/:id/access-log`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/access-log` }),
  ...childBuilders('debts', 'debtId'),
  ...childBuilders('incomes', 'incomeId'),
  ...childBuilders('expenses', 'expenseId'),
  ...childBuilders('actions', 'actionId'),
  [`POST ${API}/dossiers/:id/close`]: async (ctx) => ({ method: 'POST', url: `${API}/dossiers/${await freshDossier(ctx)}/close`, payload: { exitReason: 'afgerond', solution: 'betalingsregeling' } }),
  [`GET ${API}/dossiers/:id/referral`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshReferral(ctx, id);
    return { method: 'GET', url: `${API}/dossiers/${id}/referral` };
  },
  [`PUT ${API}/dossiers/:id/referral`]: async (ctx) => ({
    method: 'PUT', url: `${API}/dossiers/${await freshDossier(ctx)}/referral`,
    payload: { route: 'gemeentelijke_schuldhulpverlening', organisation: 'Gemeente Amsterdam', status: 'aangemeld', referredAt: '2026-11-01' },
  }),
  [`GET ${API}/dossiers/:id/checklist`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshChecklist(ctx, id);
    return { method: 'GET', url: `${API}/dossiers/${id}/checklist` };
  },
  [`PUT ${API}/dossiers/:id/checklist`]: async (ctx) => ({
    method: 'PUT', url: `${API}/dossiers/${await freshDossier(ctx)}/checklist`, payload: { items: { legitimatie: 'aanwezig', bkr_inzage: 'ontbreekt' } },
  }),
  [`GET ${API}/instruments`]: async () => ({ method: 'GET', url: `${API}/instruments` }),
  [`POST ${API}/instruments`]: async () => ({
    method: 'POST', url: `${API}/instruments`,
    payload: { version: `matrix-new-${instrumentCounter++}`, name: 'Financiële stress', items: [{ code: 'stress', minScore: 0, maxScore: 10 }] },
  }),
  [`GET ${API}/dossiers/:id/measurements`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/measurements` }),
  [`PUT ${API}/dossiers/:id/measurements/:moment`]: async (ctx) => {
    await ensureInstrument(ctx);
    return { method: 'PUT', url: `${API}/dossiers/${await freshDossier(ctx)}/measurements/T0`, payload: { instrumentVersion: INSTRUMENT_VERSION, items: { stress: 7 } } };
  },
  [`GET ${API}/dossiers/:id/overview.pdf`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/overview.pdf` }),
  [`GET ${API}/dossiers/:id/export.json`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/export.json` }),
  [`GET ${API}/dossiers/:id/overview`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/overview` }),
  [`GET ${API}/dossiers/:id/settlement`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/settlement?months=18&multiplier=2` }),
  [`GET ${API}/norm-periods`]: async () => ({ method: 'GET', url: `${API}/norm-periods` }),
  [`POST ${API}/norm-periods`]: async (ctx) => ({ method: 'POST', url: `${API}/norm-periods`, payload: await nextNormPeriod(ctx) }),
  [`POST ${API}/norm-periods/preview`]: async (ctx) => ({ method: 'POST', url: `${API}/norm-periods/preview`, payload: await nextNormPeriod(ctx) }),
  [`GET ${API}/creditor-catalog`]: async () => ({ method: 'GET', url: `${API}/creditor-catalog` }),
  [`GET ${API}/caseload`]: async () => ({ method: 'GET', url: `${API}/caseload` }),
  [`PUT ${API}/dossiers/:id/assignment`]: async (ctx) => {
    const id = await freshDossier(ctx);
    const maatje = ctx.object === 'other' ? ctx.world.users.otherLocationMaatje : ctx.world.users.otherMaatje;
    return { method: 'PUT', url: `${API}/dossiers/${id}/assignment`, payload: { maatjeId: maatje.id, reason: 'CANARY-matrix-reason' } };
  },
  [`DELETE ${API}/dossiers/:id/assignment`]: async (ctx) => ({ method: 'DELETE', url: `${API}/dossiers/${await freshDossier(ctx)}/assignment` }),
  [`GET ${API}/dossiers/:id/erasure-request`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/erasure-request` }),
  [`POST ${API}/dossiers/:id/erasure-request`]: async (ctx) => ({ method: 'POST', url: `${API}/dossiers/${await freshDossier(ctx)}/erasure-request` }),
  [`DELETE ${API}/dossiers/:id/erasure-request`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await pendingErasure(ctx, id);
    return { method: 'DELETE', url: `${API}/dossiers/${id}/erasure-request` };
  },
  [`POST ${API}/dossiers/:id/erasure-request/paper`]: async (ctx) => ({
    method: 'POST', url: `${API}/dossiers/${await freshDossier(ctx)}/erasure-request/paper`, payload: { identityChecked: true },
  }),
  [`POST ${API}/erasure-receipts/lookup`]: async (ctx) => {
    await clearRateLimits(ctx);
    const receiptCode = `matrix-receipt-${randomUUID()}`;
    const now = ctx.app.now();
    await ctx.app.db.insertInto('erasureReceipts').values({
      codeHmac: receiptHmac(ctx.app.appConfig.rootSecret, receiptCode), requestedAt: now, expiresAt: new Date(now.getTime() + 86_400_000),
    }).execute();
    return { method: 'POST', url: `${API}/erasure-receipts/lookup`, payload: { receiptCode } };
  },
  [`GET ${API}/letter-templates`]: async () => ({ method: 'GET', url: `${API}/letter-templates` }),
  [`POST ${API}/letter-templates`]: async () => ({
    method: 'POST', url: `${API}/letter-templates`, payload: { kind: 'incasso_pauze', subject: 'Matrix', paragraphs: ['Mijn schuld is {bedrag}.'] },
  }),
  [`POST ${API}/dossiers/:id/letters`]: async (ctx) => {
    const id = await freshDossier(ctx);
    return { method: 'POST', url: `${API}/dossiers/${id}/letters`, payload: { kind: 'saldo_opgave', debtIds: [await freshChild(ctx, 'debts', id)] } };
  },
  [`GET ${API}/dossiers/:id/letters`]: async (ctx) => ({ method: 'GET', url: `${API}/dossiers/${await freshDossier(ctx)}/letters` }),
  [`PATCH ${API}/dossiers/:id/letters/:letterId`]: async (ctx) => {
    const id = await freshDossier(ctx);
    const letter = await freshLetter(ctx, id);
    return { method: 'PATCH', url: `${API}/dossiers/${id}/letters/${letter.id}`, payload: { sentOn: '2026-11-30' }, headers: { 'if-match': '"1"' } };
  },
  [`GET ${API}/dossiers/:id/letter-batches/:batchId/pdf`]: async (ctx) => {
    const id = await freshDossier(ctx);
    return { method: 'GET', url: `${API}/dossiers/${id}/letter-batches/${(await freshLetter(ctx, id)).batchId}/pdf` };
  },
  [`GET ${API}/dossiers/:id/handover-consent`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshHandoverConsent(ctx, id, false);
    return { method: 'GET', url: `${API}/dossiers/${id}/handover-consent` };
  },
  [`PUT ${API}/dossiers/:id/handover-consent`]: async (ctx) => ({
    method: 'PUT', url: `${API}/dossiers/${await freshDossier(ctx)}/handover-consent`,
    payload: { organisation: 'Kredietbank', includeStory: false, ...(isMaatje(ctx.actor) ? { recordedOnPaper: true } : {}) },
  }),
  [`DELETE ${API}/dossiers/:id/handover-consent`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshHandoverConsent(ctx, id, false);
    return { method: 'DELETE', url: `${API}/dossiers/${id}/handover-consent${isMaatje(ctx.actor) ? '?recordedOnPaper=true' : ''}` };
  },
  [`GET ${API}/dossiers/:id/handover`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshHandoverConsent(ctx, id, true);
    return { method: 'GET', url: `${API}/dossiers/${id}/handover` };
  },
  [`GET ${API}/dossiers/:id/handover.pdf`]: async (ctx) => {
    const id = await freshDossier(ctx);
    await freshHandoverConsent(ctx, id, true);
    return { method: 'GET', url: `${API}/dossiers/${id}/handover.pdf` };
  },
  [`GET ${API}/stats/tables`]: async () => ({ method: 'GET', url: `${API}/stats/tables` }),
  [`GET ${API}/stats/periods`]: async () => ({ method: 'GET', url: `${API}/stats/periods` }),
  // A quarter long published, so only the role decides; the table holds no object of anyone's.
  [`GET ${API}/stats/tables/:table`]: async () => ({ method: 'GET', url: `${API}/stats/tables/dossiers_started?period=2025-Q1` }),
};
