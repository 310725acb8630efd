// The queries of housekeeping: what retention makes due, and the clean-up of expired bookkeeping.
// Months are calendar months (PostgreSQL interval arithmetic), so "24 months after closing" is the
// same calendar day two years on, never a day earlier.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

const monthsBefore = (now: Date, months: number) => sql<Date>`(${now}::timestamptz - make_interval(months => ${months}))`;

// Any constant, the same in every replica: housekeeping's PostgreSQL advisory lock.
const HOUSEKEEPING_LOCK = 0x5343_4850;

/** True when this connection now holds the lock; another replica's run holds it otherwise. */
export async function tryHousekeepingLock(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${HOUSEKEEPING_LOCK}) AS locked`.execute(db);
  return rows[0]?.locked === true;
}

export async function releaseHousekeepingLock(db: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_unlock(${HOUSEKEEPING_LOCK})`.execute(db);
}

/** Closed dossiers whose retention after closing has run out. */
export async function retentionDueDossierIds(db: Kysely<Database>, now: Date, months: number): Promise<string[]> {
  const rows = await db.selectFrom('dossiers').select('id')
    .where('phase', '=', 'closed').where('erasedAt', 'is', null)
    .where('closedAt', '<=', monthsBefore(now, months))
    .orderBy('closedAt').execute();
  return rows.map((row) => row.id);
}

/** Open dossiers without any change for `months`. */
export async function inactiveOpenDossierIds(db: Kysely<Database>, now: Date, months: number): Promise<string[]> {
  const rows = await db.selectFrom('dossiers').select('id')
    .where('phase', '<>', 'closed').where('erasedAt', 'is', null)
    .where('updatedAt', '<=', monthsBefore(now, months))
    .orderBy('updatedAt').execute();
  return rows.map((row) => row.id);
}

/** Staff accounts, still enabled, without a sign-in (or, never signed in, without one since creation) for `months`. */
export async function idleStaffIds(db: Kysely<Database>, now: Date, months: number): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id')
    .where('role', '<>', 'resident').where('disabledAt', 'is', null)
    .where((eb) => eb(eb.fn.coalesce('lastSignInAt', 'createdAt'), '<=', monthsBefore(now, months)))
    .execute();
  return rows.map((row) => row.id);
}

export async function disableUser(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set((eb) => ({ disabledAt: now, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', userId).where('disabledAt', 'is', null).execute();
}

/**
 * Audit rows past their retention, deleted (or counted) by purge_audit_events: it runs as the
 * schema's owner, takes its cutoff from the database clock and never goes below the retention the
 * owner stored, so the application role gets no way to delete younger rows (migration 2026_12_02_0930).
 */
export async function purgeAuditEvents(db: Kysely<Database>, months: number, dryRun: boolean): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT purge_audit_events(${months}::int, ${dryRun}::boolean) AS n`.execute(db);
  return rows[0]?.n ?? 0;
}

export interface BookkeepingCounts {
  sessions: number;
  activationCodes: number;
  erasureReceipts: number;
  idempotencyKeys: number;
  rateLimitCounters: number;
  loginThrottles: number;
}

/** Expired sign-ins, codes, receipts, idempotency answers and rate-limit windows; counted only on a dry run. */
export async function cleanBookkeeping(db: Kysely<Database>, now: Date, dryRun: boolean): Promise<BookkeepingCounts> {
  const month = sql<Date>`(${now}::timestamptz - interval '30 days')`;
  const day = sql<Date>`(${now}::timestamptz - interval '24 hours')`;
  const targets = {
    sessions: sql`FROM sessions WHERE coalesce(revoked_at, expires_at) <= ${month}`,
    activationCodes: sql`FROM activation_codes WHERE expires_at <= ${month}`,
    erasureReceipts: sql`FROM erasure_receipts WHERE expires_at <= ${now}`,
    idempotencyKeys: sql`FROM idempotency_keys WHERE created_at <= ${day}`,
    rateLimitCounters: sql`FROM rate_limit_counters WHERE window_ends_at <= ${now}`,
    // A day after its last failure an address's back-off has long ended (at most 15 minutes).
    loginThrottles: sql`FROM login_throttles WHERE last_failure_at <= ${day}`,
  };
  const counts = {} as BookkeepingCounts;
  for (const [name, from] of Object.entries(targets) as [keyof BookkeepingCounts, typeof targets.sessions][]) {
    if (dryRun) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n ${from}`.execute(db);
      counts[name] = rows[0]?.n ?? 0;
    } else {
      const result = await sql`DELETE ${from}`.execute(db);
      counts[name] = Number(result.numAffectedRows ?? 0n);
    }
  }
  return counts;
}
