// Kysely access to the users table. No rules here: services decide who may do what and pass the
// resulting scope in.
import { sql, type Insertable, type Updateable } from 'kysely';
import { dossierVisibleTo } from '../../access/dossier-scope.js';
import type { Db } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { Role } from '../../lib/vocabulary.js';

/** Which accounts a caller may see: these roles, and when set, only this location. */
export interface UserScope {
  roles: readonly Role[];
  locationId?: string;
  /** Only residents every live dossier of whom this maatje sees. */
  seenWhole?: Parameters<typeof dossierVisibleTo>[0];
}

const USER_COLUMNS = [
  'users.id', 'users.role', 'users.username', 'users.displayNameEncrypted', 'users.locationId', 'users.disabledAt',
  'users.trainedAt', 'users.createdAt', 'users.version',
] as const;

export async function insertUser(db: Db, values: Insertable<UsersTable>) {
  return db
    .insertInto('users')
    .values(values)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Whether any account of this role exists, disabled ones included (a disabled admin is still the first admin). */
export async function anyUserWithRole(db: Db, role: Role): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('role', '=', role).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Serializes first-admin setups for the rest of the transaction, so two at once cannot both succeed. */
export async function lockFirstAdminSetup(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('schoon-schip/first-admin-setup'))`.execute(trx);
}

export async function findUserIdByUsername(db: Db, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}

function scoped(db: Db, scope: UserScope) {
  let query = db.selectFrom('users').where('users.role', 'in', [...scope.roles]);
  if (scope.locationId !== undefined) query = query.where('users.locationId', '=', scope.locationId);
  if (scope.seenWhole !== undefined) {
    // Every live dossier of the resident is one this maatje sees now (assigned, trained, consent
    // standing): a resident's code opens all of them, so a maatje who lacks even one may not
    // issue it (issue 15, rule 1).
    const visible = dossierVisibleTo(scope.seenWhole);
    query = query
      .where(({ exists, selectFrom }) => exists(selectFrom('dossiers').select('dossiers.id')
        .whereRef('dossiers.residentId', '=', 'users.id').where(visible)))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossiers').select('dossiers.id')
        .whereRef('dossiers.residentId', '=', 'users.id').where('dossiers.erasedAt', 'is', null)
        .where((eb) => eb.not(visible(eb))))));
  }
  return query;
}

export async function findUserInScope(db: Db, id: string, scope: UserScope) {
  if (scope.roles.length === 0) return undefined;
  return scoped(db, scope).select(USER_COLUMNS).where('users.id', '=', id).executeTakeFirst();
}

export async function listUsersInScope(db: Db, scope: UserScope, page: { limit: number; after?: Cursor }) {
  if (scope.roles.length === 0) return [];
  let query = scoped(db, scope)
    .select([...USER_COLUMNS, cursorTime('users.createdAt').as('cursorTime')])
    .orderBy('users.createdAt')
    .orderBy('users.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(afterCursor('users.createdAt', 'users.id', page.after));
  return query.execute();
}

/**
 * The edit and its version check in one statement (docs/api.md): nothing changes unless the row
 * still has the version the client saw. Undefined means someone else changed it first.
 */
export async function updateUserAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<UsersTable>,
) {
  return db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb(eb.ref('version'), '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

/** Ends a maatje's active assignments outside `locationId`; returns the dossiers they left. */
export async function endAssignmentsOutsideLocation(db: Db, input: { maatjeId: string; locationId: string | null; endedBy: string; now: Date }) {
  const rows = await db.updateTable('dossierAssignments')
    .set({ endedAt: input.now, endedBy: input.endedBy })
    .where('maatjeId', '=', input.maatjeId)
    .where('endedAt', 'is', null)
    .where(({ eb, selectFrom }) => eb('dossierId', 'in', selectFrom('dossiers').select('dossiers.id')
      .where((w) => input.locationId === null ? w.lit(true) : w('dossiers.locationId', '<>', input.locationId))))
    .returning('dossierId')
    .execute();
  return rows.map((row) => row.dossierId);
}
