// The view cache (src/modules/dossiers/view-cache.ts) may only ever send what a read without it
// would send, for the whole dossier and for the overview. Two apps share one database: one keeps views, the reference keeps none. After every
// kind of write (through the routes, straight in SQL, a rename, a new maatje, a key rotation, a new
// day) both answer the same bytes; a read that changed nothing is served from the kept view, still
// with its own audit row; an erasure or a lost scope leaves nothing kept. The triggers that move the
// revision are checked on every table that belongs to a dossier, so a new table cannot be missed.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../src/lib/dossier-keys.js';
import { sealDisplayName } from '../../src/lib/display-name.js';
import { amsterdamDate } from '../../src/lib/dates.js';
import { eraseNow } from '../../src/modules/erasure/erasure.service.js';
import { rotateKeys } from '../../src/modules/keys/key-rotation.service.js';
import { insertNormPeriod } from '../../src/modules/norms/norm-period.repository.js';
import { JUL_2025 } from '../support/norm-periods.js';
import { VIEW_TTL_MS, ViewCache, viewCacheOf } from '../../src/modules/dossiers/view-cache.js';
import { STAMPED_EXCEPT } from '../../migrations/2026_12_02_1200_dossier_view_revision.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { assign, createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';

const t = useTestDb();
const firstKey = { id: 'k1', key: randomBytes(32) };
const laterKey = { id: 'k2', key: randomBytes(32) };
const shared = { jwtSecret: randomBytes(32), rootSecret: randomBytes(32), encryptionKeys: [firstKey, laterKey] };
const h = useTestApp(t, { ...shared, viewCacheMb: 16 });
const reference = useTestApp(t, { ...shared, viewCacheMb: 0 });

let location: string;
let resident: TestUser;
let maatje: TestUser;
let otherMaatje: TestUser;

beforeAll(async () => {
  // One instant for both apps: each clock started at its own app's creation, and a reference whose
  // clock crossed midnight first would answer with another day's flags.
  reference.clock.set(h.clock.now());
  location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
  otherMaatje = await createUser(h.app, { role: 'maatje', locationId: location });
});

const cache = () => viewCacheOf(h.app.db, h.config.viewCacheMb) as ViewCache;
const kept = (dossierId: string, kind: 'dossier' | 'overview' = 'dossier') =>
  cache().get(kind, dossierId, amsterdamDate(h.clock.now()), h.clock.now().getTime());

function send(app: TestApp, user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(user), ...headers }, ...(payload ? { payload } : {}) });
}

async function write(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, version?: number) {
  const res = await send(h, maatje, method, url, payload, version === undefined ? {} : { 'if-match': `"${version}"` });
  expect([200, 201, 204], res.body).toContain(res.statusCode);
  return res.statusCode === 204 ? undefined : (res.json() as { id: string; version: number });
}

/** Both apps read the dossier and its overview as `user`: the same status, bytes and ETag; returns the dossier's body. */
async function sameAsReference(dossierId: string, user: TestUser = maatje) {
  let dossierBody = '';
  for (const suffix of ['', '/overview']) {
    const [cached, plain] = [await send(h, user, 'GET', `/dossiers/${dossierId}${suffix}`), await send(reference, user, 'GET', `/dossiers/${dossierId}${suffix}`)];
    expect(cached.statusCode, cached.body).toBe(plain.statusCode);
    if (cached.statusCode !== 200) return cached.body;
    expect(cached.body).toBe(plain.body);
    expect(cached.headers.etag).toBe(plain.headers.etag);
    expect(cached.headers['content-type']).toBe('application/json; charset=utf-8');
    if (suffix === '') dossierBody = cached.body;
  }
  return dossierBody;
}

/** The revision the database has for the dossier now. */
async function revisionOf(dossierId: string) {
  return (await t.db.selectFrom('dossiers').select('viewRevision').where('id', '=', dossierId).executeTakeFirstOrThrow()).viewRevision;
}

/** After `change`, the kept view is of the new revision and the answer is the reference's. */
async function changedBy(dossierId: string, change: () => Promise<unknown>, options: { sameContent?: boolean } = {}) {
  await sameAsReference(dossierId);
  const before = await revisionOf(dossierId);
  const body = (await send(h, maatje, 'GET', `/dossiers/${dossierId}`)).body;
  await change();
  expect(await revisionOf(dossierId)).toBeGreaterThan(before);
  const after = await sameAsReference(dossierId);
  if (!options.sameContent) expect(after).not.toBe(body);
  expect(kept(dossierId)?.stamp).toBe(String(await revisionOf(dossierId)));
}

/** Moves both apps' clocks; the maatje signs in again (a token lives ten minutes). */
async function bothClocks(seconds: number) {
  h.clock.advanceSeconds(seconds);
  reference.clock.advanceSeconds(seconds);
  const session = await t.db.insertInto('sessions').values({ userId: maatje.id, expiresAt: new Date(h.clock.now().getTime() + 3600_000) })
    .returning('id').executeTakeFirstOrThrow();
  const token = h.app.jwt.sign({ sub: maatje.id, sid: session.id, role: 'maatje' }, { jti: randomUUID(), clockTimestamp: h.clock.now().getTime() });
  maatje = { ...maatje, token };
}

describe('the view cache', () => {
  it('serves a read that changed nothing from the kept view, each read with its own audit row', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await write('POST', `/dossiers/${dossierId}/debts`, { creditorName: 'CANARY-Eneco', creditorType: 'energie', status: 'open', balanceCents: 1_000 });
    const first = await sameAsReference(dossierId);
    const view = kept(dossierId);
    expect(view?.stamp).toBe(String(await revisionOf(dossierId)));
    for (let i = 0; i < 3; i++) expect((await send(h, resident, 'GET', `/dossiers/${dossierId}`)).body).toBe(first);
    expect(kept(dossierId)).toBe(view);
    const reads = await t.db.selectFrom('auditEvents').select(['actorUserId', 'requestId', 'outcome'])
      .where('dossierId', '=', dossierId).where('action', '=', 'dossier.read').execute();
    // The maatje's read by each app, and the resident's three, all served from the kept view.
    expect(reads.filter((r) => r.actorUserId === resident.id)).toHaveLength(3);
    expect(reads.filter((r) => r.actorUserId === maatje.id)).toHaveLength(2);
    expect(new Set(reads.map((r) => r.requestId)).size).toBe(5);
    expect(reads.every((r) => r.outcome === 'success')).toBe(true);
  });

  it('answers as the reference after every write through the routes, for every kind of row', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const base = `/dossiers/${dossierId}`;
    let debt!: { id: string; version: number };
    await changedBy(dossierId, async () => {
      debt = (await write('POST', `${base}/debts`, { creditorName: 'CANARY-Vattenfall', creditorType: 'energie', status: 'open', balanceCents: 2_000 }))!;
    });
    await changedBy(dossierId, async () => { debt = (await write('PATCH', `${base}/debts/${debt.id}`, { balanceCents: 2_500, notes: 'CANARY-debt-note' }, debt.version))!; });
    let income!: { id: string; version: number };
    await changedBy(dossierId, async () => { income = (await write('POST', `${base}/incomes`, { kind: 'loon', amountCents: 150_000, frequency: 'month' }))!; });
    await changedBy(dossierId, () => write('PATCH', `${base}/incomes/${income.id}`, { amountCents: 160_000 }, income.version));
    await changedBy(dossierId, () => write('POST', `${base}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 70_000, frequency: 'month' }));
    let action!: { id: string; version: number };
    await changedBy(dossierId, async () => { action = (await write('POST', `${base}/actions`, { title: 'CANARY-bel de verhuurder', owner: 'maatje' }))!; });
    await changedBy(dossierId, () => write('PATCH', `${base}/actions/${action.id}`, { done: true }, action.version));
    await changedBy(dossierId, () => write('PUT', `${base}/referral`, { route: 'kredietbank', organisation: 'CANARY-Kredietbank', status: 'aangemeld', referredAt: '2026-11-02' }));
    await changedBy(dossierId, () => write('PUT', `${base}/checklist`, { items: { bkr_inzage: 'aanwezig' } }));
    const version = () => revisionOfVersion(dossierId);
    await changedBy(dossierId, async () => write('PATCH', base, { notes: 'CANARY-dossier-note' }, await version()));
    await changedBy(dossierId, async () => write('DELETE', `${base}/incomes/${income.id}`, undefined, (await send(h, maatje, 'GET', `${base}/incomes/${income.id}`)).json().version));
  });

  it('answers as the reference after writes no route made: SQL on the rows, a transition, a rename, a new maatje', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await write('POST', `/dossiers/${dossierId}/debts`, { creditorName: 'CANARY-Waternet', creditorType: 'energie', status: 'open', balanceCents: 3_000 });
    await changedBy(dossierId, () => t.db.updateTable('debts').set({ balanceCents: 3_100 }).where('dossierId', '=', dossierId).execute());
    await changedBy(dossierId, () => t.db.insertInto('dossierTransitions').values({ dossierId, fromPhase: 'A', toPhase: 'B', at: h.clock.now(), actorId: null }).execute());
    await changedBy(dossierId, () => t.db.deleteFrom('debts').where('dossierId', '=', dossierId).execute());
    await changedBy(dossierId, () => t.db.updateTable('users').set({ displayNameEncrypted: sealDisplayName(h.app.cipher, resident.id, 'CANARY-Nieuwe Naam') })
      .where('id', '=', resident.id).execute());
    await changedBy(dossierId, () => t.db.updateTable('users').set({ displayNameEncrypted: sealDisplayName(h.app.cipher, maatje.id, 'CANARY-Maatje Anders') })
      .where('id', '=', maatje.id).execute());

    // Another maatje: the first one's next read is a 404 that leaves nothing kept.
    await sameAsReference(dossierId);
    await assign(h.app, dossierId, otherMaatje.id);
    expect((await send(h, maatje, 'GET', `/dossiers/${dossierId}`)).statusCode).toBe(404);
    expect(kept(dossierId)).toBeUndefined();
    const seenByNew = await sameAsReference(dossierId, otherMaatje);
    expect(JSON.parse(seenByNew).assignedMaatje.id).toBe(otherMaatje.id);
    await assign(h.app, dossierId, maatje.id);
  });

  it('builds the overview again when a norm period is added (it reads the norms too)', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await write('POST', `/dossiers/${dossierId}/incomes`, { kind: 'loon', amountCents: 150_000, frequency: 'month' });
    const before = JSON.parse((await send(h, maatje, 'GET', `/dossiers/${dossierId}/overview`)).body);
    await sameAsReference(dossierId);
    const keptOverview = kept(dossierId, 'overview');
    expect(keptOverview).toBeDefined();
    const revision = await revisionOf(dossierId);
    // Periods start on 1 January or 1 July: the latest such day, after the seeded periods.
    const today = amsterdamDate(h.clock.now());
    await insertNormPeriod(t.db, {
      validFrom: `${today.slice(0, 4)}-${today.slice(5, 7) >= '07' ? '07' : '01'}-01`, label: 'CANARY-Bijstandsnormen nieuw', createdAt: h.clock.now(), createdBy: maatje.id,
      norms: JUL_2025.norms,
    });
    expect(await revisionOf(dossierId)).toBe(revision);
    await sameAsReference(dossierId);
    const after = JSON.parse((await send(h, maatje, 'GET', `/dossiers/${dossierId}/overview`)).body);
    expect(after.normPeriod.label).toBe('CANARY-Bijstandsnormen nieuw');
    expect(after.normPeriod).not.toEqual(before.normPeriod);
    expect(kept(dossierId, 'overview')).not.toBe(keptOverview);
  });

  it('answers as the reference across a key rotation', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await write('POST', `/dossiers/${dossierId}/debts`, { creditorName: 'CANARY-Rotated', creditorType: 'energie', status: 'open', balanceCents: 4_000, notes: 'CANARY-rotated-note' });
    await changedBy(dossierId, () => rotateKeys(t.db, createKeyring([laterKey, firstKey]), { now: () => h.clock.now() }), { sameContent: true });
    expect(JSON.parse(await sameAsReference(dossierId)).debts[0].notes).toBe('CANARY-rotated-note');
  });

  it('keeps nothing of a dossier once it is erased, or once its consent is withdrawn for the maatje', async () => {
    const erased = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await sameAsReference(erased);
    expect(kept(erased)).toBeDefined();
    expect(kept(erased, 'overview')).toBeDefined();
    await eraseNow(h.app.db, erased, 'request', h.clock.now());
    expect(kept(erased)).toBeUndefined();
    expect(kept(erased, 'overview')).toBeUndefined();
    expect((await send(h, maatje, 'GET', `/dossiers/${erased}`)).statusCode).toBe(404);
    expect(kept(erased)).toBeUndefined();

    const withdrawn = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    await sameAsReference(withdrawn);
    const res = await send(h, resident, 'DELETE', `/dossiers/${withdrawn}/consent`);
    expect(res.statusCode, res.body).toBe(200);
    await sameAsReference(withdrawn, resident);
    expect(JSON.parse((await send(h, resident, 'GET', `/dossiers/${withdrawn}`)).body).consent.withdrawnAt).not.toBeNull();
    expect((await send(h, maatje, 'GET', `/dossiers/${withdrawn}`)).statusCode).toBe(404);
    expect(kept(withdrawn)).toBeUndefined();
  });

  it('moves the revision on a write to every table that belongs to a dossier, audit_events alone excepted', async () => {
    const { rows } = await sql<{ table: string; stamped: boolean }>`
      SELECT c.table_name AS table, EXISTS (
        SELECT 1 FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
        WHERE tg.tgrelid = (quote_ident(c.table_name))::regclass AND p.proname = 'dossier_view_revision_of_row' AND NOT tg.tgisinternal
      ) AS stamped
      FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'dossier_id' ORDER BY 1`.execute(t.db);
    expect(rows.length).toBeGreaterThan(10);
    const unstamped = rows.filter((r) => !r.stamped).map((r) => r.table);
    expect(unstamped).toEqual([...STAMPED_EXCEPT]);
  });

  it('builds the view again on a new day (flags depend on today) and after five minutes', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const today = amsterdamDate(h.clock.now());
    await write('POST', `/dossiers/${dossierId}/actions`, { title: 'CANARY-morgen bellen', owner: 'maatje', dueDate: today });
    expect(JSON.parse(await sameAsReference(dossierId)).actions[0].overdue).toBe(false);
    const view = kept(dossierId);
    await bothClocks(24 * 3600);
    expect(JSON.parse(await sameAsReference(dossierId)).actions[0].overdue).toBe(true);
    const nextDay = kept(dossierId);
    expect(nextDay).not.toBe(view);
    await bothClocks(VIEW_TTL_MS / 1000);
    await sameAsReference(dossierId);
    expect(kept(dossierId)).not.toBe(nextDay);
  });
});

describe('the view cache bounds', () => {
  const view = (bytes: number) => ({ stamp: '1', version: 1, body: Buffer.alloc(bytes), encoded: {}, day: '2026-12-01', storedAt: 0 });

  it('keeps at most its byte budget, dropping the least recently used first', () => {
    const views = new ViewCache(250);
    views.set('dossier', 'a', view(100));
    views.set('dossier', 'b', view(100));
    expect(views.get('dossier', 'a', '2026-12-01', 1)).toBeDefined();
    views.set('overview', 'c', view(100));
    expect(views.get('dossier', 'b', '2026-12-01', 1)).toBeUndefined();
    expect(views.get('dossier', 'a', '2026-12-01', 1)).toBeDefined();
    expect(views.size).toEqual({ views: 2, bytes: 200 });
    views.set('dossier', 'big', view(251));
    expect(views.size).toEqual({ views: 2, bytes: 200 });
    views.forget('c');
    expect(views.size).toEqual({ views: 1, bytes: 100 });
  });

  it('counts the compressed bytes it keeps with a view in its budget', () => {
    const views = new ViewCache(250);
    const a = view(100);
    views.set('dossier', 'a', a);
    views.set('dossier', 'b', view(100));
    views.keepEncoded('dossier', 'a', a, 'br', Buffer.alloc(30));
    expect(views.size).toEqual({ views: 2, bytes: 230 });
    expect(views.get('dossier', 'a', '2026-12-01', 1)?.encoded.br?.length).toBe(30);
    // Over the budget: the least recently used view goes, with all it kept.
    views.keepEncoded('dossier', 'a', a, 'gzip', Buffer.alloc(40));
    expect(views.size).toEqual({ views: 1, bytes: 170 });
    views.forget('a');
    expect(views.size).toEqual({ views: 0, bytes: 0 });
  });

  it('keeps compressed bytes only with the view they were made of', () => {
    const views = new ViewCache(1_000);
    const older = view(100);
    views.set('dossier', 'a', older);
    const newer = view(100);
    views.set('dossier', 'a', newer);
    views.keepEncoded('dossier', 'a', older, 'br', Buffer.alloc(30));
    expect(views.get('dossier', 'a', '2026-12-01', 1)?.encoded.br).toBeUndefined();
    expect(views.size).toEqual({ views: 1, bytes: 100 });
  });

  it('gives nothing of another day or older than five minutes', () => {
    const views = new ViewCache(1_000);
    views.set('dossier', 'a', view(10));
    expect(views.get('dossier', 'a', '2026-12-02', 1)).toBeUndefined();
    views.set('dossier', 'a', view(10));
    expect(views.get('dossier', 'a', '2026-12-01', VIEW_TTL_MS)).toBeUndefined();
    expect(views.size).toEqual({ views: 0, bytes: 0 });
  });

  it('is off with VIEW_CACHE_MB=0', () => {
    expect(viewCacheOf(reference.app.db, reference.config.viewCacheMb)).toBeUndefined();
  });
});

async function revisionOfVersion(dossierId: string) {
  return (await t.db.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirstOrThrow()).version;
}
