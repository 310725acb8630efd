// Kysely access to activation codes.
import type { Db } from '../../db/database.js';

export async function insertActivationCode(
  db: Db,
  values: { userId: string; codeHmac: Buffer; createdAt: Date; expiresAt: Date; createdBy: string | null },
): Promise<void> {
  await db.insertInto('activationCodes').values(values).execute();
}

/** Earlier codes that were never used stop working when a new one is issued. */
export async function deleteUnusedActivationCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('activationCodes').where('userId', '=', userId).where('usedAt', 'is', null).execute();
}

/** The code and its account, locked so two activations with one code are decided one after the other. */
export async function findActivationCodeForUpdate(db: Db, codeHmac: Buffer) {
  return db
    .selectFrom('activationCodes')
    .innerJoin('users', 'users.id', 'activationCodes.userId')
    .select([
      'activationCodes.id', 'activationCodes.expiresAt', 'activationCodes.usedAt', 'activationCodes.attempts',
      'users.id as userId', 'users.role', 'users.username', 'users.displayNameEncrypted', 'users.disabledAt',
    ])
    .where('activationCodes.codeHmac', '=', codeHmac)
    .forUpdate('activationCodes')
    .executeTakeFirst();
}

export async function countActivationAttempt(db: Db, codeId: string): Promise<void> {
  await db
    .updateTable('activationCodes')
    .set((eb) => ({ attempts: eb(eb.ref('attempts'), '+', 1) }))
    .where('id', '=', codeId)
    .execute();
}

export async function markActivationCodeUsed(db: Db, codeId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('activationCodes')
    .set({ usedAt: now })
    .where('id', '=', codeId)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
