// Stored first results of creating requests, per user and key.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function findIdempotencyRecord(db: Kysely<Database>, userId: string, key: string, notBefore: Date) {
  return db
    .selectFrom('idempotencyKeys')
    // As text: parsed here, the CamelCasePlugin would rename the stored body's nested snake_case
    // keys (expensesByGroup's vaste_lasten, a norm period's alleenstaand_21_aow) on the way out.
    .select(['operation', 'requestHash', 'statusCode', sql<string>`response_body::text`.as('responseBodyText')])
    .where('userId', '=', userId)
    .where('key', '=', key)
    .where('createdAt', '>=', notBefore)
    .executeTakeFirst();
}

export async function saveIdempotencyRecord(
  db: Kysely<Database>,
  record: { userId: string; key: string; operation: string; requestHash: Buffer; statusCode: number; responseBody: string; createdAt: Date },
  expiredBefore: Date,
) {
  // An expired record of the same key would block the insert: it no longer counts, so it goes.
  await db.deleteFrom('idempotencyKeys')
    .where('userId', '=', record.userId).where('key', '=', record.key).where('createdAt', '<', expiredBefore)
    .execute();
  await db.insertInto('idempotencyKeys').values(record).execute();
}

export async function deleteExpiredIdempotencyRecords(db: Kysely<Database>, expiredBefore: Date) {
  await db.deleteFrom('idempotencyKeys').where('createdAt', '<', expiredBefore).execute();
}

/** A transaction-scoped lock on one user's key: released by the commit or rollback. */
export async function lockIdempotencyKey(db: Kysely<Database>, userId: string, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`idempotency:${userId}:${key}`}, 0))`.execute(db);
}
