// A kept view follows this process's own one-statement write of one row (src/modules/dossiers/view-patch.ts)
// instead of being built again by the next read. It may only ever send what a read without kept
// views sends: two apps share one database, one keeps views, the reference keeps none. Random
// sequences of creates and edits of every kind of row, with and without an Idempotency-Key, must
// leave the kept views at the new revision before any read, and both views must then answer the
// reference's bytes without being built again. A view of another revision, or a new row that would
// not sort last, is dropped instead.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../src/lib/dates.js';
import { CREDITOR_TYPES, DEBT_RANKS, DISCHARGE_EXCLUSIONS, INCOME_KINDS } from '../../src/lib/vocabulary.js';
import { jsonRowsSection } from '../../src/db/json-rows.js';
import { ViewCache, viewCacheOf } from '../../src/modules/dossiers/view-cache.js';
import { readAfterRowWrite } from '../../src/modules/dossiers/view-patch.js';
import { rowsOfTable } from '../../src/db/section-writes.js';
import { stampAfterWrite } from '../../src/modules/dossiers/dossier-read.repository.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';
import { createDossier, createLocation, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';

const t = useTestDb();
const shared = { jwtSecret: randomBytes(32), rootSecret: randomBytes(32), encryptionKeys: [{ id: 'k1', key: randomBytes(32) }] };
const h = useTestApp(t, { ...shared, viewCacheMb: 16 });
const reference = useTestApp(t, { ...shared, viewCacheMb: 0 });

let location: string;
let resident: TestUser;
let maatje: TestUser;

beforeAll(async () => {
  reference.clock.set(h.clock.now());
  location = (await createLocation(t.db)).id;
  resident = await createUser(h.app, { role: 'resident', locationId: location });
  maatje = await createUser(h.app, { role: 'maatje', locationId: location });
});

const cache = () => viewCacheOf(h.app.db, h.config.viewCacheMb) as ViewCache;
const kept = (dossierId: string, kind: 'dossier' | 'overview') => cache().get(kind, dossierId, amsterdamDate(h.clock.now()), h.clock.now().getTime());

function send(app: TestApp, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(maatje), ...headers }, ...(payload ? { payload } : {}) });
}

async function revisionOf(dossierId: string) {
  return String((await t.db.selectFrom('dossiers').select('viewRevision').where('id', '=', dossierId).executeTakeFirstOrThrow()).viewRevision);
}

/** Both apps read the dossier and its overview: the same status, bytes and ETag. */
async function sameAsReference(dossierId: string) {
  for (const suffix of ['', '/overview']) {
    const [cached, plain] = [await send(h, 'GET', `/dossiers/${dossierId}${suffix}`), await send(reference, 'GET', `/dossiers/${dossierId}${suffix}`)];
    expect(cached.statusCode, cached.body).toBe(200);
    expect(cached.body).toBe(plain.body);
    expect(cached.headers.etag).toBe(plain.headers.etag);
  }
}

/** Both clocks a few milliseconds on: rows made one after another are apart, as requests are. */
function tick(ms: number) {
  h.clock.advanceSeconds(ms / 1000);
  reference.clock.set(h.clock.now());
}

type Kind = 'debts' | 'incomes' | 'expenses' | 'actions';
type Step =
  | { op: 'create'; kind: Kind; keyed: boolean; seed: number }
  | { op: 'edit'; kind: Kind; pick: number; seed: number };

const day = (offset: number) => amsterdamDate(new Date(h.clock.now().getTime() + offset * 86_400_000));

/** A valid body for a new row or an edit of `kind`, varied by `seed`. */
function bodyFor(kind: Kind, seed: number, edit: boolean): Record<string, unknown> {
  const amount = 1_000 + (seed % 97) * 1_234;
  switch (kind) {
    case 'debts': {
      const status = (['open', 'aanmaning', 'incasso', 'deurwaarder', 'beslag', 'afgelost'] as const)[seed % 6];
      // Every kind of column: the new row as planned must be the row as stored (plannedChildRow).
      const fields = {
        balanceCents: amount, status, notes: seed % 3 === 0 ? null : `CANARY-note-${seed}`,
        courtDate: seed % 4 === 0 ? day((seed % 40) - 10) : null, collectorName: seed % 5 === 0 ? `CANARY-Incasso-${seed}` : null,
        reference: seed % 7 === 0 ? null : `CANARY-REF-${seed}`, rank: DEBT_RANKS[seed % DEBT_RANKS.length],
        principalCents: seed % 2 === 0 ? amount - 500 : null, interestCents: seed % 3 === 1 ? 250 : null,
        collectionCostsCents: seed % 4 === 1 ? 4_000 : null, collectionCostsIncludeVat: seed % 4 === 1 ? seed % 8 === 1 : null,
        creditorCanDeductVat: seed % 5 === 2 ? true : null, legalCostsCents: seed % 6 === 3 ? 12_300 : null,
        balanceDate: seed % 3 === 2 ? day(-(seed % 200)) : null, balanceConfirmedOn: seed % 5 === 4 ? day(-(seed % 30)) : null,
        arrangement: seed % 4 === 2 ? { amountCents: 2_500, frequency: seed % 8 === 2 ? 'week' : 'month', startDate: day(-(seed % 60)) } : null,
        excludedFromDischarge: seed % 9 === 0 ? DISCHARGE_EXCLUSIONS[seed % DISCHARGE_EXCLUSIONS.length] : null,
      };
      return edit ? fields : { ...fields, creditorName: `CANARY-Schuldeiser-${seed}`, creditorType: CREDITOR_TYPES[seed % CREDITOR_TYPES.length] };
    }
    case 'incomes':
      return { ...(edit ? {} : { kind: INCOME_KINDS[seed % INCOME_KINDS.length] }), amountCents: amount, frequency: seed % 2 === 0 ? 'month' : 'week' };
    case 'expenses':
      return edit ? { amountCents: amount } : { group: 'vaste_lasten', category: 'huur', amountCents: amount, frequency: 'month' };
    case 'actions':
      return edit
        ? { done: seed % 2 === 0, dueDate: day((seed % 20) - 10) }
        : { title: `CANARY-actie-${seed}`, owner: seed % 2 === 0 ? 'maatje' : 'resident', dueDate: day((seed % 20) - 10) };
  }
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), kind: fc.constantFrom<Kind>('debts', 'incomes', 'expenses', 'actions'), keyed: fc.boolean(), seed: fc.nat(10_000) }),
  fc.record({ op: fc.constant('edit' as const), kind: fc.constantFrom<Kind>('debts', 'incomes', 'expenses', 'actions'), pick: fc.nat(), seed: fc.nat(10_000) }),
);

describe('a kept view after this process\'s own write of one row', () => {
  it('is at the new revision before any read, and answers as the reference without being built again', async () => {
    await fc.assert(fc.asyncProperty(fc.array(stepArbitrary, { minLength: 4, maxLength: 10 }), async (steps) => {
      const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
      const rows: Record<Kind, { id: string; version: number }[]> = { debts: [], incomes: [], expenses: [], actions: [] };
      // The first write goes the general way and makes this process know the dossier's key.
      const first = await send(h, 'POST', `/dossiers/${dossierId}/debts`, bodyFor('debts', 1, false));
      expect(first.statusCode, first.body).toBe(201);
      rows.debts.push(first.json());
      for (const step of steps) {
        tick(3);
        await sameAsReference(dossierId);
        const before = { dossier: kept(dossierId, 'dossier'), overview: kept(dossierId, 'overview') };
        expect(before.dossier?.stamp).toBe(await revisionOf(dossierId));
        const target = step.op === 'edit' ? rows[step.kind][step.pick % Math.max(rows[step.kind].length, 1)] : undefined;
        if (step.op === 'edit' && target === undefined) continue;
        const res = target
          ? await send(h, 'PATCH', `/dossiers/${dossierId}/${step.kind}/${target.id}`, bodyFor(step.kind, step.seed, true), { 'if-match': `"${target.version}"` })
          : await send(h, 'POST', `/dossiers/${dossierId}/${step.kind}`, bodyFor(step.kind, step.seed, false),
            step.op === 'create' && step.keyed ? { 'idempotency-key': randomUUID() } : {});
        expect([200, 201], res.body).toContain(res.statusCode);
        const written = res.json() as { id: string; version: number };
        if (target) target.version = written.version;
        else rows[step.kind].push(written);
        // No read since the write: the kept views were brought to the new revision by the write itself.
        const revision = await revisionOf(dossierId);
        const after = { dossier: kept(dossierId, 'dossier'), overview: kept(dossierId, 'overview') };
        expect(after.dossier?.stamp).toBe(revision);
        expect(after.overview?.stamp.split(':')[0]).toBe(revision);
        expect(after.dossier).not.toBe(before.dossier);
        await sameAsReference(dossierId);
        // Served as kept: the reads built nothing again.
        expect(kept(dossierId, 'dossier')).toBe(after.dossier);
        expect(kept(dossierId, 'overview')).toBe(after.overview);
      }
    }), { numRuns: 8 });
  });

  it('is dropped when another process wrote the dossier since it was built', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const debt = (await send(h, 'POST', `/dossiers/${dossierId}/debts`, bodyFor('debts', 2, false))).json() as { id: string; version: number };
    tick(3);
    await sameAsReference(dossierId);
    expect(kept(dossierId, 'dossier')).toBeDefined();
    // Another process's write (both test apps share one database handle, and so one cache: SQL
    // stands in for the other process): it moves the revision past the one kept here.
    await t.db.updateTable('debts').set({ balanceCents: 7_777, version: debt.version + 1 }).where('id', '=', debt.id).execute();
    tick(3);
    const here = await send(h, 'POST', `/dossiers/${dossierId}/incomes`, bodyFor('incomes', 3, false));
    expect(here.statusCode, here.body).toBe(201);
    expect(kept(dossierId, 'dossier')).toBeUndefined();
    expect(kept(dossierId, 'overview')).toBeUndefined();
    await sameAsReference(dossierId);
    expect(JSON.parse((await send(h, 'GET', `/dossiers/${dossierId}`)).body).debts[0].balanceCents).toBe(7_777);
  });

  it('is dropped when another transaction wrote the dossier while this write waited for its lock', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const debt = (await send(h, 'POST', `/dossiers/${dossierId}/debts`, bodyFor('debts', 6, false))).json() as { id: string; version: number };
    tick(3);
    await sameAsReference(dossierId);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => { locked = resolve; });
    const other = t.db.transaction().execute(async (trx) => {
      await trx.updateTable('debts').set({ balanceCents: 8_888, version: debt.version + 1 }).where('id', '=', debt.id).execute();
      await trx.updateTable('dossiers').set({ updatedAt: h.clock.now() }).where('id', '=', dossierId).execute();
      locked();
      await held;
    });
    await lockTaken;
    tick(3);
    // Its statement started before the other committed: only the trigger, under the row's lock, sees what came between.
    const writing = send(h, 'POST', `/dossiers/${dossierId}/incomes`, bodyFor('incomes', 7, false));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await other;
    const here = await writing;
    expect(here.statusCode, here.body).toBe(201);
    expect(kept(dossierId, 'dossier')).toBeUndefined();
    await sameAsReference(dossierId);
    expect(JSON.parse((await send(h, 'GET', `/dossiers/${dossierId}`)).body).debts[0].balanceCents).toBe(8_888);
  });

  it('is dropped when the new row would not sort last (a row with a later creation time is there)', async () => {
    const dossierId = await createDossier(h.app, { resident, locationId: location, maatje, phase: 'B' });
    const debt = (await send(h, 'POST', `/dossiers/${dossierId}/debts`, bodyFor('debts', 4, false))).json() as { id: string };
    await t.db.updateTable('debts').set({ createdAt: new Date(h.clock.now().getTime() + 60_000) }).where('id', '=', debt.id).execute();
    tick(3);
    await sameAsReference(dossierId);
    expect(kept(dossierId, 'dossier')).toBeDefined();
    const created = await send(h, 'POST', `/dossiers/${dossierId}/debts`, bodyFor('debts', 5, false));
    expect(created.statusCode, created.body).toBe(201);
    expect(kept(dossierId, 'dossier')).toBeUndefined();
    expect(kept(dossierId, 'overview')).toBeUndefined();
    await sameAsReference(dossierId);
    const shown = JSON.parse((await send(h, 'GET', `/dossiers/${dossierId}`)).body) as { debts: { id: string }[] };
    expect(shown.debts.map((d) => d.id)).toEqual([created.json().id, debt.id]);
  });
});

describe('the rules of a patched read', () => {
  const mark = { version: 2, updatedAt: new Date(0), overviewConfirmedAt: null, overviewConfirmedBy: null, viewRevision: '20', priorViewRevision: '10' };
  const found = {
    dossier: { id: 'd', version: 1 } as never,
    row: { version: 1 } as never,
    sections: { debts: [{ id: 'a', createdAt: new Date(1_000) }] },
  };
  const write = { table: 'debts' as const, kind: 'insert' as const, row: { id: 'b', createdAt: new Date(2_000) }, mark };

  it('refuses a section that does not say how a row write changes it', () => {
    const undeclared = jsonRowsSection<{ id: string }>(() => { throw new Error('not compiled here'); }, 'created_at, id', {});
    expect(readAfterRowWrite(found, { debts: undeclared }, write)).toBeUndefined();
    const declared = rowsOfTable(jsonRowsSection<{ id: string }>(() => { throw new Error('not compiled here'); }, 'created_at, id', {}), 'debts');
    expect(readAfterRowWrite(found, { debts: declared }, write)?.sections.debts).toEqual([found.sections.debts[0], write.row]);
  });

  it('refuses an edit of a row the view does not hold, and a row of the same millisecond', () => {
    const declared = rowsOfTable(jsonRowsSection<{ id: string }>(() => { throw new Error('not compiled here'); }, 'created_at, id', {}), 'debts');
    expect(readAfterRowWrite(found, { debts: declared }, { ...write, kind: 'update' })).toBeUndefined();
    expect(readAfterRowWrite(found, { debts: declared }, { ...write, row: { id: 'b', createdAt: new Date(1_000) } })).toBeUndefined();
  });

  it('moves only the revision part of a stamp, and only from the revision before the write', () => {
    expect(stampAfterWrite('10', '10', '20')).toBe('20');
    expect(stampAfterWrite('10:norms-3', '10', '20')).toBe('20:norms-3');
    expect(stampAfterWrite('11:norms-3', '10', '20')).toBeUndefined();
    expect(stampAfterWrite('100', '10', '20')).toBeUndefined();
  });
});
