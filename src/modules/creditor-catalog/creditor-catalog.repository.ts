import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function listCatalogCreditors(db: Kysely<Database>) {
  return db.selectFrom('creditorCatalog').select(['id', 'name', 'creditorType', 'suggestedRank']).orderBy('name').execute();
}

export async function findCatalogCreditor(db: Kysely<Database>, id: string) {
  return db.selectFrom('creditorCatalog').select(['id', 'name', 'creditorType', 'suggestedRank']).where('id', '=', id).executeTakeFirst();
}
