// Kysely access to the sign-in columns of users: password hash, failure count and pause. The
// account as a resource (names, role, location) belongs to modules/users.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** The account a username signs in to (case-insensitive, as the unique index compares). */
export async function findLoginAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'displayName', 'passwordHash', 'disabledAt'])
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

export interface BackOff {
  /** The consecutive failure that starts the first pause. */
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * Counts a sign-in attempt before the password is checked, unless the account is paused. Counting
 * first (and clearing on success) means parallel guesses cannot all slip in before the pause: the
 * row lock orders them and the one that reaches the threshold starts it. The pause doubles from
 * `baseSeconds` with each failure beyond the threshold, is capped, and always ends.
 */
export async function claimLoginAttempt(
  db: Db,
  userId: string,
  now: Date,
  backOff: BackOff,
): Promise<{ claimed: true } | { claimed: false; blockedUntil: Date }> {
  const claimed = await db
    .updateTable('users')
    .set((eb) => ({
      failedLoginCount: eb(eb.ref('failedLoginCount'), '+', 1),
      // The exponent is capped too: years of one guess per pause would overflow power().
      loginBlockedUntil: sql<Date | null>`CASE WHEN failed_login_count + 1 >= ${backOff.threshold}::int
        THEN ${now}::timestamptz + make_interval(secs => LEAST(
          ${backOff.baseSeconds}::double precision
            * power(2, LEAST(failed_login_count + 1 - ${backOff.threshold}::int, 30)),
          ${backOff.maxSeconds}::double precision))
        ELSE NULL END`,
    }))
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('loginBlockedUntil', 'is', null), eb('loginBlockedUntil', '<=', now)]))
    .returning('id')
    .executeTakeFirst();
  if (claimed) return { claimed: true };
  const row = await db.selectFrom('users').select('loginBlockedUntil').where('id', '=', userId).executeTakeFirst();
  return { claimed: false, blockedUntil: row?.loginBlockedUntil ?? now };
}

export async function clearLoginFailures(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedLoginCount: 0, loginBlockedUntil: null })
    .where('id', '=', userId)
    .execute();
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
    .set({ passwordHash: null, failedLoginCount: 0, loginBlockedUntil: null, updatedAt: now })
    .where('id', '=', userId)
    .execute();
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
      loginBlockedUntil: null,
      updatedAt: values.now,
      // The username is part of the account resource, so its version moves.
      version: eb(eb.ref('version'), '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}
