// Kysely access to the users table. No rules here: services decide who may do what.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';

export async function insertUser(db: Db, values: Insertable<UsersTable>) {
  return db
    .insertInto('users')
    .values(values)
    .returning(['id', 'role', 'username', 'displayName', 'locationId', 'createdAt'])
    .executeTakeFirstOrThrow();
}

export async function findUserIdByUsername(db: Db, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}
