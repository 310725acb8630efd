// The screens call GET /dossiers/{id} and /overview on every step, so their cost must not grow with
// the dossier: every statement sent to the database during one request is counted (pg's Client is
// wrapped, so BEGIN and COMMIT count too) and must stay the same for an empty dossier and a full
// one. The one-statement read decodes its rows from JSON, so the rows are also compared with the
// same rows read one table at a time.
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createDossier, createUser, type TestUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { adminQuery, withDatabase } from '../support/pg-admin.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje', otherMaatje: 'maatje' });

const originalQuery = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

/** The SQL of every statement any pg client sends while `work` runs (nothing else runs meanwhile). */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string };
    sent.push(typeof config === 'string' ? config : config.text);
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  return sent;
}

const get = (user: TestUser, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(user) });
async function post(user: TestUser, url: string, payload: object) {
  const res = await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(user), payload });
  expect(res.statusCode, res.body).toBe(201);
}
async function put(user: TestUser, url: string, payload: object) {
  const res = await h.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: bearer(user), payload });
  expect([200, 201], res.body).toContain(res.statusCode);
}

async function fill(dossierId: string, size: number) {
  const base = `/dossiers/${dossierId}`;
  for (let i = 0; i < size; i++) {
    await post(w.maatje, `${base}/debts`, {
      creditorName: `Schuldeiser ${i}`, creditorType: i % 2 ? 'energie' : 'belastingdienst', status: 'incasso', balanceCents: 10_000 + i,
      principalCents: 8_000, collectionCostsCents: 1_500, balanceDate: '2026-10-01', notes: `CANARY-note-${i}`,
      arrangement: { amountCents: 2_500, frequency: 'month', startDate: '2026-11-01' },
    });
    await post(w.maatje, `${base}/incomes`, { kind: i % 2 ? 'loon' : 'huurtoeslag', amountCents: 50_000 + i, frequency: 'four_weeks' });
    await post(w.maatje, `${base}/expenses`, { group: 'vaste_lasten', category: 'huur', amountCents: 30_000 + i, frequency: 'month' });
    await post(w.maatje, `${base}/actions`, { title: `CANARY-action-${i}`, owner: 'maatje', dueDate: '2026-01-01' });
  }
}

async function countedRead(user: TestUser, url: string) {
  let status = 0;
  const statements = await statementsOf(async () => {
    status = (await get(user, url)).statusCode;
  });
  return { status, statements };
}

describe('a dossier read costs the same number of statements whatever the dossier holds', () => {
  it.each(['', '/overview'])('GET /dossiers/{id}%s: empty and full dossiers, one statement with the sign-in check inside', async (suffix) => {
    const empty = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    const full = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    await fill(full, 6);

    const small = await countedRead(w.maatje, `/dossiers/${empty}${suffix}`);
    const large = await countedRead(w.maatje, `/dossiers/${full}${suffix}`);
    expect(small.status).toBe(200);
    expect(large.status).toBe(200);
    expect(large.statements.length, large.statements.join('\n')).toBe(small.statements.length);
    // The session check, the read and its audit row in one: no BEGIN/COMMIT round trips.
    expect(large.statements.length, large.statements.join('\n')).toBe(1);
    expect(large.statements.some((text) => /^\s*(begin|commit)/i.test(text))).toBe(false);
  });

  it('writes exactly one audit row per read, success or denied, in the read statement itself', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    const auditRows = (outcome: 'success' | 'denied') => t.db.selectFrom('auditEvents').select(['action', 'actorUserId', 'requestId'])
      .where('dossierId', '=', dossierId).where('outcome', '=', outcome).execute();

    const seen = await countedRead(w.maatje, `/dossiers/${dossierId}`);
    expect(seen.status).toBe(200);
    expect(await auditRows('success')).toEqual([expect.objectContaining({ action: 'dossier.read', actorUserId: w.maatje.id })]);

    const refused = await countedRead(w.otherMaatje, `/dossiers/${dossierId}/overview`);
    expect(refused.status).toBe(404);
    expect(refused.statements.length).toBe(1);
    expect(await auditRows('denied')).toEqual([expect.objectContaining({ action: 'overview.read', actorUserId: w.otherMaatje.id })]);
  });

  // The hot reads load no actor first: their one statement checks the session as the sign-in gate
  // would, so an ended session shows nothing and leaves no audit row, exactly like any other route.
  it.each([
    ['a revoked session', (user: TestUser) => t.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', user.id).execute()],
    ['an expired session', (user: TestUser) => t.db.updateTable('sessions').set({ expiresAt: new Date(h.app.now().getTime() - 1000) }).where('userId', '=', user.id).execute()],
    ['a disabled account', (user: TestUser) => t.db.updateTable('users').set({ disabledAt: new Date() }).where('id', '=', user.id).execute()],
    ['another role now', (user: TestUser) => t.db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', user.id).execute()],
  ] as const)('after %s, the one-statement reads answer 401, show nothing and write no audit row', async (_case, end) => {
    const resident = await createUser(h.app, { role: 'resident', locationId: w.location });
    const dossierId = await createDossier(h.app, { resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    for (const suffix of ['', '/overview']) expect((await get(resident, `/dossiers/${dossierId}${suffix}`)).statusCode).toBe(200);
    const audited = async () => (await t.db.selectFrom('auditEvents').select('id').where('actorUserId', '=', resident.id).execute()).length;
    const before = await audited();
    await end(resident);
    for (const suffix of ['', '/overview']) {
      const res = await get(resident, `/dossiers/${dossierId}${suffix}`);
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
      expect(res.body).not.toContain(dossierId);
    }
    expect(await audited()).toBe(before);
  });

  it('a read with a kept view names none of the dossier\'s rows; a moved stamp costs one statement more, still one audit row', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    await fill(dossierId, 2);
    const readsAudited = async () => (await t.db.selectFrom('auditEvents').select('id')
      .where('dossierId', '=', dossierId).where('action', '=', 'dossier.read').execute()).length;
    const first = await countedRead(w.maatje, `/dossiers/${dossierId}`);
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatch(/"debts"/);

    const kept = await countedRead(w.maatje, `/dossiers/${dossierId}`);
    expect(kept.status).toBe(200);
    expect(kept.statements).toHaveLength(1);
    expect(kept.statements[0]).not.toMatch(/"debts"|"incomes"|"dossier_keys"/);
    expect(await readsAudited()).toBe(2);

    // Another process's write: the stamp moved under this process's kept view.
    await t.db.updateTable('debts').set({ balanceCents: 777 }).where('dossierId', '=', dossierId).execute();
    let body = '';
    const moved = await statementsOf(async () => {
      body = (await get(w.maatje, `/dossiers/${dossierId}`)).body;
    });
    expect(moved).toHaveLength(2);
    expect(JSON.parse(body).debts.map((debt: { balanceCents: number }) => debt.balanceCents)).toEqual([777, 777]);
    expect(await readsAudited()).toBe(3);

    // This process's own edit of one row brings its kept view to the new revision (view-patch.ts):
    // the next read is the small statement again, and shows the edit.
    const debtId = JSON.parse(body).debts[0].id as string;
    const version = JSON.parse(body).debts[0].version as number;
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/v1/dossiers/${dossierId}/debts/${debtId}`,
      headers: { ...bearer(w.maatje), 'if-match': `"${version}"` }, payload: { balanceCents: 888 } });
    expect(patched.statusCode).toBe(200);
    let afterOwnWrite = '';
    const ownWriteStatements = await statementsOf(async () => {
      afterOwnWrite = (await get(w.maatje, `/dossiers/${dossierId}`)).body;
    });
    expect(ownWriteStatements).toHaveLength(1);
    expect(ownWriteStatements[0]).not.toMatch(/"debts"|"incomes"|"dossier_keys"/);
    expect(JSON.parse(afterOwnWrite).debts.map((debt: { balanceCents: number }) => debt.balanceCents)).toEqual([888, 777]);
    expect(await readsAudited()).toBe(4);

    // A write the one-statement path does not take (a dossier field, through the gate) drops it: the next read is whole at once.
    const dossierVersion = JSON.parse(afterOwnWrite).version as number;
    const edited = await h.app.inject({ method: 'PATCH', url: `/api/v1/dossiers/${dossierId}`,
      headers: { ...bearer(w.maatje), 'if-match': `"${dossierVersion}"` }, payload: { notes: 'CANARY-dossier-note' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const afterGateWrite = await countedRead(w.maatje, `/dossiers/${dossierId}`);
    expect(afterGateWrite.statements).toHaveLength(1);
    expect(afterGateWrite.statements[0]).toMatch(/"debts"/);
    expect(await readsAudited()).toBe(5);
  });

  it('shows the rows exactly as the per-table routes do (JSON decoding loses nothing)', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    await fill(dossierId, 3);
    await put(w.maatje, `/dossiers/${dossierId}/referral`, { route: 'kredietbank', organisation: 'Kredietbank Zuidoost', status: 'aangemeld', referredAt: '2026-11-02' });
    await put(w.maatje, `/dossiers/${dossierId}/checklist`, { items: { bkr_inzage: 'aanwezig', legitimatie: 'ontbreekt' } });

    const dossier = (await get(w.resident, `/dossiers/${dossierId}`)).json();
    for (const part of ['debts', 'incomes', 'expenses', 'actions'] as const) {
      const page = (await get(w.resident, `/dossiers/${dossierId}/${part}`)).json();
      expect(dossier[part]).toEqual(page.items);
      expect(dossier[part]).toHaveLength(3);
    }
    expect(dossier.referral).toEqual((await get(w.resident, `/dossiers/${dossierId}/referral`)).json());
    expect(dossier.checklist).toEqual((await get(w.resident, `/dossiers/${dossierId}/checklist`)).json());
    // Decrypted, and nested shapes built: not merely equal to another path's mistakes.
    expect(dossier.debts.map((debt: { notes: string }) => debt.notes).sort()).toEqual(['CANARY-note-0', 'CANARY-note-1', 'CANARY-note-2']);
    expect(dossier.debts[0]).toMatchObject({ arrangement: { amountCents: 2_500, monthlyCents: 2_500 } });
    expect(dossier.checklist.items).toEqual({ bkr_inzage: 'aanwezig', legitimatie: 'ontbreekt' });
  });

  it('sends the read as a named statement: PostgreSQL parses and plans it once per connection', async ({ skip }) => {
    // Embedded PGlite runs every statement unnamed.
    if (t.kind !== 'server') skip();
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    const names: (string | undefined)[] = [];
    pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { name?: string };
      names.push(typeof config === 'string' ? undefined : config.name);
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
    for (const user of [w.maatje, w.resident, w.maatje]) expect((await get(user, `/dossiers/${dossierId}`)).statusCode).toBe(200);
    expect((await get(w.otherMaatje, `/dossiers/${dossierId}`)).statusCode).toBe(404);
    pg.Client.prototype.query = originalQuery;
    expect(names).toHaveLength(4);
    expect(names.every((name) => typeof name === 'string')).toBe(true);
    // One text per role and kind of read: the first read is whole, the others find the view it kept
    // and send the stamp read, the maatjes the same text with their own ids as values.
    expect(new Set(names).size).toBe(3);
  });

  it('recovers when a migration adds a column under the prepared read: at most the call under way fails', async ({ skip }) => {
    const info = inject('testDb');
    if (t.kind !== 'server' || info.kind !== 'server') return skip();
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    for (let i = 0; i < 3; i++) expect((await get(w.maatje, `/dossiers/${dossierId}`)).statusCode).toBe(200);
    // As the owner: the service's role may not change the schema (TEST_DB_APP_ROLE=1).
    const owner = withDatabase(info.adminUrl, new URL(t.url as string).pathname.slice(1));
    await adminQuery(owner, 'alter table dossiers add column speed_probe integer');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await get(w.maatje, `/dossiers/${dossierId}`)).statusCode);
      expect(statuses.filter((status) => status !== 200).length, statuses.join(' ')).toBeLessThanOrEqual(1);
      expect(statuses.slice(-6)).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      await adminQuery(owner, 'alter table dossiers drop column speed_probe');
    }
  });

  it('creates and edits a debt in one statement: the session, the scope, the write, the dossier mark and the audit row', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    await fill(dossierId, 2);
    let created: { id: string; version: number } | undefined;
    const create = await statementsOf(async () => {
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/debts`, headers: bearer(w.maatje),
        payload: { creditorName: 'Eneco', creditorType: 'energie', status: 'open', balanceCents: 5_000 } });
      expect(res.statusCode).toBe(201);
      created = res.json();
    });
    const patch = await statementsOf(async () => {
      const res = await h.app.inject({ method: 'PATCH', url: `/api/v1/dossiers/${dossierId}/debts/${created?.id}`,
        headers: { ...bearer(w.maatje), 'if-match': '"1"' }, payload: { balanceCents: 4_000 } });
      expect(res.statusCode).toBe(200);
    });
    // As the web app sends it: the key's record goes with the row.
    const keyed = await statementsOf(async () => {
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/debts`, headers: { ...bearer(w.maatje), 'idempotency-key': 'statements-1' },
        payload: { creditorName: 'Vattenfall', creditorType: 'energie', status: 'open', balanceCents: 7_000 } });
      expect(res.statusCode).toBe(201);
    });
    // The process knows the dossier's data key from `fill`, so all three take the one-statement path.
    expect(create.length, create.join('\n')).toBe(1);
    expect(patch.length, patch.join('\n')).toBe(1);
    expect(keyed.length, keyed.join('\n')).toBe(1);
    expect(create[0]).toMatch(/one_statement_write_applied/);
    expect(keyed[0]).toMatch(/"idempotency_keys"/);
    const audit = await t.db.selectFrom('auditEvents').select('action').where('dossierId', '=', dossierId)
      .where('action', 'in', ['debt.created', 'debt.updated']).where('requestId', 'is not', null).execute();
    expect(audit.map((row) => row.action).filter((action) => action === 'debt.updated')).toHaveLength(1);
  });

  it('bounds the prepared shapes of edits: past them one statement becomes the general path, then the edit goes apart', async () => {
    const dossierId = await createDossier(h.app, { resident: w.resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/debts`, headers: bearer(w.maatje),
      payload: { creditorName: 'Eneco', creditorType: 'energie', status: 'open', balanceCents: 5_000 } });
    const debt = res.json() as { id: string; version: number };
    // Every pair and triple of these fields is a shape of its own (a set of changed columns).
    const fields: Record<string, unknown>[] = [
      { principalCents: 4_000 }, { interestCents: 100 }, { collectionCostsCents: 200 }, { legalCostsCents: 300 }, { balanceCents: 4_500 },
      { balanceDate: '2026-10-01' }, { courtDate: '2026-12-24' }, { rank: 'concurrent' }, { status: 'aanmaning' }, { notes: 'CANARY-shape' },
      { reference: 'CANARY-ref' }, { collectorName: 'CANARY-collector' }, { collectionCostsIncludeVat: false },
    ];
    const shapes: Record<string, unknown>[] = [];
    for (let i = 0; i < fields.length; i++) {
      for (let j = i + 1; j < fields.length; j++) {
        shapes.push({ ...fields[i], ...fields[j] });
        for (let k = j + 1; k < fields.length; k++) shapes.push({ ...fields[i], ...fields[j], ...fields[k] });
      }
    }
    shapes.sort((a, b) => Object.keys(a).length - Object.keys(b).length);
    let version = debt.version;
    const counts: number[] = [];
    let apart: { body: Record<string, unknown>; sent: Record<string, unknown> } | undefined;
    for (const sent of shapes) {
      let answer: { statusCode: number; json: () => Record<string, unknown> } | undefined;
      const statements = await statementsOf(async () => {
        answer = await h.app.inject({ method: 'PATCH', url: `/api/v1/dossiers/${dossierId}/debts/${debt.id}`,
          headers: { ...bearer(w.maatje), 'if-match': `"${version}"` }, payload: sent });
      });
      expect(answer?.statusCode).toBe(200);
      const body = answer!.json();
      expect(body.version).toBe(version + 1);
      version = body.version as number;
      counts.push(statements.length);
      if (statements.length === 6) {
        apart = { body, sent };
        break;
      }
    }
    // One statement while the shapes last; then the general path (sign-in check, BEGIN, the scope
    // with its lock, the edit with the mark and audit row, COMMIT) while its own shapes last; then apart.
    const firstGeneral = counts.indexOf(5);
    expect(firstGeneral, counts.join(' ')).toBeGreaterThan(0);
    expect(counts.slice(0, firstGeneral).every((count) => count === 1), counts.join(' ')).toBe(true);
    expect(counts.slice(firstGeneral, -1).every((count) => count === 5), counts.join(' ')).toBe(true);
    expect(apart?.body).toMatchObject(apart?.sent ?? {});
    const updated = await t.db.selectFrom('auditEvents').select('id').where('dossierId', '=', dossierId).where('action', '=', 'debt.updated').execute();
    expect(updated).toHaveLength(version - debt.version);
  });
});
