// Housekeeping with a moved clock: retention erases a closed dossier exactly RETENTION_MONTHS after
// closing and not a day earlier; inactive dossiers show in the caseload and close as uitgevallen;
// idle staff are disabled; every run is audited; two runs at once do the work once.
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { monthsBefore } from '../../src/lib/dates.js';
import { runHousekeeping } from '../../src/modules/housekeeping/housekeeping.service.js';
import { createDossier, createUser } from '../support/factories.js';
import { bearer } from '../support/identity.js';
import { useDossierWorld } from '../support/world.js';

const { t, h, w } = useDossierWorld({ maatje: 'maatje', coordinator: 'coordinator' }, { app: { retentionMonths: 24 } });

const run = (now: Date, dryRun = false) => runHousekeeping(t.db, { now, retentionMonths: 24, auditRetentionMonths: 60, dryRun });

async function ranReport(now: Date, dryRun = false) {
  const result = await run(now, dryRun);
  if (!result.ran) throw new Error('housekeeping did not run');
  return result.report;
}

async function closedDossier(closedAt: Date) {
  const resident = await createUser(h.app, { role: 'resident', locationId: w.location });
  const id = await createDossier(h.app, { resident, locationId: w.location, maatje: w.maatje });
  await t.db.updateTable('dossiers').set({ phase: 'closed', closedAt, exitReason: 'afgerond', updatedAt: closedAt }).where('id', '=', id).execute();
  return { id, resident };
}

const exists = async (id: string) => (await t.db.selectFrom('dossiers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe('retention', () => {
  it('erases a closed dossier RETENTION_MONTHS after closing, not a day earlier, and audits each run with its counts', async () => {
    const closedAt = new Date('2024-01-31T10:00:00Z');
    const { id, resident } = await closedDossier(closedAt);
    const later = await closedDossier(new Date('2024-03-15T10:00:00Z'));

    expect(await ranReport(new Date('2026-01-30T10:00:00Z'))).toMatchObject({ erasedByRetention: 0 });
    expect(await exists(id)).toBe(true);
    // A dry run on the day says what it would do and changes nothing.
    expect(await ranReport(new Date('2026-01-31T10:00:00Z'), true)).toMatchObject({ erasedByRetention: 1 });
    expect(await exists(id)).toBe(true);

    expect(await ranReport(new Date('2026-01-31T10:00:00Z'))).toMatchObject({ erasedByRetention: 1 });
    expect(await exists(id)).toBe(false);
    expect(await exists(later.id)).toBe(true);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', resident.id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('erasureLedger').select(['reason']).where('dossierId', '=', id).execute()).toEqual([{ reason: 'retention' }]);

    const runs = await t.db.selectFrom('auditEvents').select(['details', 'actorRole', 'actorUserId'])
      .where('action', '=', 'housekeeping.run').orderBy('id').execute();
    expect(runs.map((row) => row.details)).toEqual([
      expect.objectContaining({ dryRun: false, erasedByRetention: 0 }),
      expect.objectContaining({ dryRun: true, erasedByRetention: 1 }),
      expect.objectContaining({ dryRun: false, erasedByRetention: 1, staffDisabled: expect.any(Number), auditRowsDeleted: 0 }),
    ]);
    expect(runs.every((row) => row.actorRole === null && row.actorUserId === null)).toBe(true);
  }, 120_000);
});

describe('inactivity and idle staff', () => {
  it('flags a dossier inactive after 12 months, closes it as uitgevallen after 18, and disables staff after 6 months without sign-in', async () => {
    // Tokens are signed on the real clock, so this test lives at the real "now" and dates around it.
    const now = h.clock.now();
    const at = (months: number, days = 0) => new Date(monthsBefore(now, months).getTime() + days * 86_400_000);
    const resident = await createUser(h.app, { role: 'resident', locationId: w.location });
    const quiet = await createDossier(h.app, { resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    const busy = await createDossier(h.app, { resident, locationId: w.location, maatje: w.maatje, phase: 'B' });
    await t.db.updateTable('dossiers').set({ updatedAt: at(12, -1) }).where('id', '=', quiet).execute();

    const caseload = await h.app.inject({ method: 'GET', url: '/api/v1/caseload', headers: bearer(w.coordinator) });
    expect(caseload.statusCode, caseload.body).toBe(200);
    const flags = Object.fromEntries(caseload.json().items.map((item: { dossierId: string; inactive: boolean }) => [item.dossierId, item.inactive]));
    expect(flags[quiet]).toBe(true);
    expect(flags[busy]).toBe(false);

    // Staff: a sign-in 6 months ago minus a day stays, one 6 months ago goes; residents never.
    const recent = await createUser(h.app, { role: 'maatje', locationId: w.location });
    const idle = await createUser(h.app, { role: 'evaluator' });
    const idleResident = await createUser(h.app, { role: 'resident', locationId: w.location });
    await t.db.updateTable('users').set({ lastSignInAt: at(6, 1) }).where('id', '=', recent.id).execute();
    await t.db.updateTable('users').set({ lastSignInAt: at(6) }).where('id', 'in', [idle.id, idleResident.id]).execute();
    await t.db.updateTable('users').set({ lastSignInAt: now }).where('id', 'in', [w.maatje.id, w.coordinator.id]).execute();

    // 18 months after the last change, minus a day: still open.
    await t.db.updateTable('dossiers').set({ updatedAt: at(18, 1) }).where('id', '=', quiet).execute();
    const first = await ranReport(now);
    expect(first).toMatchObject({ closedAsDroppedOut: 0, staffDisabled: 1 });
    const disabled = await t.db.selectFrom('users').select(['id', 'disabledAt']).where('id', 'in', [recent.id, idle.id, idleResident.id]).execute();
    expect(Object.fromEntries(disabled.map((u) => [u.id, u.disabledAt !== null]))).toEqual({ [recent.id]: false, [idle.id]: true, [idleResident.id]: false });
    // A disabled account's token stops working at once.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(idle) })).statusCode).toBe(401);

    await t.db.updateTable('dossiers').set({ updatedAt: at(18) }).where('id', '=', quiet).execute();
    expect(await ranReport(now)).toMatchObject({ closedAsDroppedOut: 1 });
    const closed = await t.db.selectFrom('dossiers').select(['phase', 'exitReason', 'closedAt']).where('id', '=', quiet).executeTakeFirstOrThrow();
    expect(closed).toEqual({ phase: 'closed', exitReason: 'uitgevallen', closedAt: now });
    expect(await t.db.selectFrom('dossierTransitions').select(['fromPhase', 'toPhase', 'actorId']).where('dossierId', '=', quiet).execute())
      .toEqual([{ fromPhase: 'B', toPhase: 'closed', actorId: null }]);
    expect(await t.db.selectFrom('debtSnapshots').select('moment').where('dossierId', '=', quiet).execute()).toEqual([{ moment: 'T1' }]);
    expect(await t.db.selectFrom('dossiers').select('phase').where('id', '=', busy).executeTakeFirstOrThrow()).toEqual({ phase: 'B' });
  }, 120_000);
});

// The lock is held on a second connection while a run tries to take it; PGlite has one.
describe.skipIf(inject('testDb').kind !== 'server')('one run at a time (skipped on PGlite: its one in-process connection cannot hold a lock while another runs)', () => {
  it('skips while another connection holds the lock, and two concurrent runs erase a due dossier once', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { id } = await closedDossier(new Date('2027-01-01T00:00:00Z'));

    await t.db.connection().execute(async (holder) => {
      await sql`SELECT pg_advisory_lock(${0x5343_4850})`.execute(holder);
      try {
        expect(await run(now)).toEqual({ ran: false });
      } finally {
        await sql`SELECT pg_advisory_unlock(${0x5343_4850})`.execute(holder);
      }
    });
    expect(await exists(id)).toBe(true);

    const due = (await ranReport(now, true)).erasedByRetention;
    expect(due).toBeGreaterThanOrEqual(1);
    const results = await Promise.all([run(now), run(now), run(now)]);
    const erased = results.reduce((sum, result) => sum + (result.ran ? result.report.erasedByRetention : 0), 0);
    expect(erased).toBe(due);
    expect(await exists(id)).toBe(false);
    const executed = await t.db.selectFrom('auditEvents').select('id').where('action', '=', 'erasure.executed').where('dossierId', '=', id).execute();
    expect(executed).toHaveLength(1);
  }, 120_000);
});

describe('audit retention', () => {
  it('deletes audit rows older than AUDIT_RETENTION_MONTHS by the database clock, keeps younger ones whatever the caller asks, and counts them', async () => {
    // The database's clock decides, so the rows are dated back instead of moving it.
    const ages = { '61 months': 'old', '60 months 1 day': 'old', '60 months -1 day': 'young', '59 months': 'young' } as const;
    for (const age of Object.keys(ages)) {
      await t.db.insertInto('auditEvents')
        .values({ action: 'test.retention', outcome: 'success', details: JSON.stringify({ age }), occurredAt: sql<Date>`now() - ${age}::interval` })
        .execute();
    }
    const left = async () => (await t.db.selectFrom('auditEvents').select('details').where('action', '=', 'test.retention').orderBy('id').execute())
      .map((row) => (row.details as { age: string }).age);

    // The application's clock a century ahead and a 6-month wish change nothing: the floor is the stored 60.
    const farAhead = new Date(h.clock.now().getTime() + 100 * 365 * 86_400_000);
    const dry = await runHousekeeping(t.db, { now: farAhead, retentionMonths: 24, auditRetentionMonths: 6, dryRun: true });
    expect(dry.ran && dry.report.auditRowsDeleted).toBe(2);
    expect(await left()).toHaveLength(4);

    const done = await runHousekeeping(t.db, { now: farAhead, retentionMonths: 24, auditRetentionMonths: 6 });
    expect(done.ran && done.report.auditRowsDeleted).toBe(2);
    expect(await left()).toEqual(['60 months -1 day', '59 months']);
    const last = await t.db.selectFrom('auditEvents').select('details').where('action', '=', 'housekeeping.run').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.details).toMatchObject({ dryRun: false, auditRowsDeleted: 2 });

    for (const months of [6, 0, -1200, null]) {
      const { rows } = await sql<{ n: number }>`SELECT purge_audit_events(${months}::int, false) AS n`.execute(t.db);
      expect(rows).toEqual([{ n: 0 }]);
    }
    expect(await left()).toEqual(['60 months -1 day', '59 months']);
    // A longer retention than the stored one is honoured.
    const { rows: longer } = await sql<{ n: number }>`SELECT purge_audit_events(1200, true) AS n`.execute(t.db);
    expect(longer).toEqual([{ n: 0 }]);
  }, 120_000);
});
