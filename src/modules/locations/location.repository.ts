// Kysely access to locations.
import type { Db } from '../../db/database.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';

export async function insertLocation(db: Db, values: { name: string; city: string; createdAt: Date }) {
  return db.insertInto('locations').values(values).returning(['id', 'name', 'city']).executeTakeFirstOrThrow();
}

export async function listLocations(db: Db, page: { limit: number; after?: Cursor }) {
  let query = db
    .selectFrom('locations')
    .select(['id', 'name', 'city', cursorTime('locations.createdAt').as('cursorTime')])
    .orderBy('createdAt')
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(afterCursor('locations.createdAt', 'locations.id', page.after));
  return query.execute();
}

export async function locationExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('locations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
