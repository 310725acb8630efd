// Kysely access to credential_resets: requests for a staff account's new activation code and their
// approval by a second person. No rules here; the service decides who may ask and who may approve.
import type { Db } from '../../db/database.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';

const RESET_COLUMNS = [
  'r.id', 'r.userId', 'r.requestedBy', 'r.requestedAt', 'r.expiresAt', 'r.approvedBy', 'r.approvedAt',
  'target.role as targetRole', 'target.displayNameEncrypted as targetDisplayNameEncrypted', 'target.locationId as targetLocationId',
  'target.disabledAt as targetDisabledAt', 'requester.displayNameEncrypted as requesterDisplayNameEncrypted',
] as const;

function withNames(db: Db) {
  return db.selectFrom('credentialResets as r')
    .innerJoin('users as target', 'target.id', 'r.userId')
    .innerJoin('users as requester', 'requester.id', 'r.requestedBy');
}

/** An expired open request holds no claim on the account: removed before a new one is filed. */
export async function deleteExpiredPending(db: Db, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('credentialResets').where('userId', '=', userId).where('approvedAt', 'is', null)
    .where('expiresAt', '<=', now).execute();
}

export async function findPendingFor(db: Db, userId: string) {
  return db.selectFrom('credentialResets').select('id').where('userId', '=', userId).where('approvedAt', 'is', null).executeTakeFirst();
}

export async function insertReset(db: Db, values: { userId: string; requestedBy: string; requestedAt: Date; expiresAt: Date }) {
  return db.insertInto('credentialResets').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function findReset(db: Db, id: string, options: { lock?: boolean } = {}) {
  let query = withNames(db).select(RESET_COLUMNS).where('r.id', '=', id);
  if (options.lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

/** Sets the approval unless someone approved it first: of two concurrent approvals one gets true. */
export async function markApproved(db: Db, id: string, values: { approvedBy: string; approvedAt: Date }): Promise<boolean> {
  const result = await db.updateTable('credentialResets').set(values).where('id', '=', id).where('approvedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Open, unexpired requests, oldest first. */
export async function listPending(db: Db, now: Date, page: { limit: number; after?: Cursor }) {
  let query = withNames(db)
    .select([...RESET_COLUMNS, cursorTime('r.requestedAt').as('cursorTime')])
    .where('r.approvedAt', 'is', null)
    .where('r.expiresAt', '>', now)
    .orderBy('r.requestedAt')
    .orderBy('r.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(afterCursor('r.requestedAt', 'r.id', page.after));
  return query.execute();
}
