// Kysely access to sessions (one refresh-token family each) and their refresh tokens.
import type { Db } from '../../db/database.js';

export async function insertSession(db: Db, values: { userId: string; createdAt: Date; expiresAt: Date }): Promise<string> {
  const row = await db.insertInto('sessions').values(values).returning('id').executeTakeFirstOrThrow();
  // Sessions are cleaned up later; this stays, so housekeeping can disable staff who stopped coming.
  await db.updateTable('users').set({ lastSignInAt: values.createdAt }).where('id', '=', values.userId).execute();
  return row.id;
}

export async function insertRefreshToken(
  db: Db,
  values: { sessionId: string; tokenHash: Buffer; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insertInto('refreshTokens').values(values).execute();
}

/** A refresh token with its session and account, whatever their state; the service judges it. */
export async function findRefreshToken(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('refreshTokens')
    .innerJoin('sessions', 'sessions.id', 'refreshTokens.sessionId')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'refreshTokens.id as tokenId', 'refreshTokens.expiresAt as tokenExpiresAt', 'refreshTokens.spentAt',
      'sessions.id as sessionId', 'sessions.expiresAt as sessionExpiresAt', 'sessions.revokedAt',
      'users.id as userId', 'users.role', 'users.displayNameEncrypted', 'users.disabledAt',
    ])
    .where('refreshTokens.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the token spent unless it already was: of two concurrent uses exactly one gets true. */
export async function spendRefreshToken(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('refreshTokens')
    .set({ spentAt: now })
    .where('id', '=', tokenId)
    .where('spentAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findSpentAt(db: Db, tokenId: string): Promise<Date | null> {
  const row = await db.selectFrom('refreshTokens').select('spentAt').where('id', '=', tokenId).executeTakeFirst();
  return row?.spentAt ?? null;
}

export async function revokeSession(db: Db, sessionId: string, now: Date, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: now, revokedReason: reason })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Revokes every live session of the user, but the one named in `except` (the caller's own). */
export async function revokeSessionsOfUser(
  db: Db,
  userId: string,
  now: Date,
  reason: string,
  except?: string,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revokedAt: now, revokedReason: reason })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now);
  if (except !== undefined) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
