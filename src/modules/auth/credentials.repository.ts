// Kysely access to the sign-in columns of users (password hash, daily failure count) and to the
// per-address back-off in login_throttles. The
// account as a resource (names, role, location) belongs to modules/users.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';

/** The account a username signs in to (case-insensitive, as the unique index compares). */
export async function findLoginAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'displayNameEncrypted', 'passwordHash', 'disabledAt'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  return (await findLoginAccount(db, username)) !== undefined;
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirst();
  return row?.passwordHash;
}

/** Whether the account was ever in use (a password now, or a sign-in once): then a new code is a reset. */
export async function accountWasInUse(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select(['passwordHash', 'lastSignInAt']).where('id', '=', userId).executeTakeFirst();
  return row !== undefined && (row.passwordHash !== null || row.lastSignInAt !== null);
}

export interface BackOff {
  /** The consecutive failure from one address that starts the first pause for that address. */
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

export type LoginClaim =
  | { claimed: true }
  | { claimed: false; reason: 'paused'; blockedUntil: Date }
  | { claimed: false; reason: 'locked' };

const pauseAfter = (failures: RawBuilder<number>, now: Date, backOff: BackOff) => sql<Date | null>`CASE
  WHEN ${failures} >= ${backOff.threshold}::int
  THEN ${now}::timestamptz + make_interval(secs => LEAST(
    ${backOff.baseSeconds}::double precision
      * power(2, LEAST(${failures} - ${backOff.threshold}::int, 30)),
    ${backOff.maxSeconds}::double precision))
  ELSE NULL END`;

/**
 * Counts a sign-in attempt before the password is checked, unless this account is paused for this
 * address or has reached its daily cap. Counting first (and clearing on success) means parallel
 * guesses cannot all slip in before the pause: the account's row lock orders them. The pause is
 * per account AND address, so guesses from elsewhere never keep the rightful user out; the daily
 * count is per account, over every address, and once at `dailyCap` only a reset (a new activation
 * code) opens the account again. The exponent is capped: years of one guess per pause would
 * overflow power().
 */
export async function claimLoginAttempt(
  db: Db,
  input: { userId: string; addressKey: Buffer; now: Date; backOff: BackOff; dailyCap: number },
): Promise<LoginClaim> {
  const { userId, addressKey, now, backOff } = input;
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('users').select(['failedLoginCount', 'failedLoginSince'])
      .where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!account || account.failedLoginCount >= input.dailyCap) return { claimed: false, reason: 'locked' } as const;
    const { rows } = await sql<{ failureCount: number }>`
      INSERT INTO login_throttles AS t (user_id, address_key, failure_count, blocked_until, last_failure_at)
      VALUES (${userId}, ${addressKey}, 1, ${pauseAfter(sql<number>`1`, now, backOff)}, ${now})
      ON CONFLICT (user_id, address_key) DO UPDATE SET
        failure_count = t.failure_count + 1,
        blocked_until = ${pauseAfter(sql<number>`(t.failure_count + 1)`, now, backOff)},
        last_failure_at = ${now}
      WHERE t.blocked_until IS NULL OR t.blocked_until <= ${now}
      RETURNING failure_count`.execute(trx);
    if (rows.length === 0) {
      const row = await trx.selectFrom('loginThrottles').select('blockedUntil')
        .where('userId', '=', userId).where('addressKey', '=', addressKey).executeTakeFirst();
      return { claimed: false, reason: 'paused', blockedUntil: row?.blockedUntil ?? now } as const;
    }
    const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    const windowOver = account.failedLoginSince === null || account.failedLoginSince <= dayAgo;
    await trx.updateTable('users')
      .set({
        failedLoginCount: windowOver ? 1 : account.failedLoginCount + 1,
        failedLoginSince: windowOver ? now : account.failedLoginSince,
      })
      .where('id', '=', userId)
      .execute();
    return { claimed: true } as const;
  });
}

/** A successful sign-in: the daily count starts again and this address's back-off ends. */
export async function clearLoginFailures(db: Db, userId: string, addressKey: Buffer): Promise<void> {
  await db.updateTable('users').set({ failedLoginCount: 0, failedLoginSince: null }).where('id', '=', userId).execute();
  await db.deleteFrom('loginThrottles').where('userId', '=', userId).where('addressKey', '=', addressKey).execute();
}

/** A reset (new code, activation): a clean slate on every address. */
async function clearAllLoginFailures(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('loginThrottles').where('userId', '=', userId).execute();
}

/** Replaces the hash only if it is still `previousHash`, so a rehash never undoes a password change. */
export async function replacePasswordHash(
  db: Db,
  userId: string,
  values: { passwordHash: string; previousHash: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ passwordHash: values.passwordHash, updatedAt: values.now })
    .where('id', '=', userId)
    .where('passwordHash', '=', values.previousHash)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** No password until the account is activated again: a new code hands the account over anew. */
export async function clearPassword(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash: null, failedLoginCount: 0, failedLoginSince: null, updatedAt: now })
    .where('id', '=', userId)
    .execute();
  await clearAllLoginFailures(db, userId);
}

/** Activation: the chosen username (when there was none), the password, and a clean failure count. */
export async function setCredentials(
  db: Db,
  userId: string,
  values: { username?: string; passwordHash: string; now: Date },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      ...(values.username !== undefined ? { username: values.username } : {}),
      passwordHash: values.passwordHash,
      failedLoginCount: 0,
      failedLoginSince: null,
      updatedAt: values.now,
      // The username is part of the account resource, so its version moves.
      version: eb(eb.ref('version'), '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
  await clearAllLoginFailures(db, userId);
}
