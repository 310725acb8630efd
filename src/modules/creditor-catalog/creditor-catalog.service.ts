// Common Dutch creditors with their type and suggested rank, so a maatje picks instead of types.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DomainRuleError } from '../../lib/errors.js';
import { findCatalogCreditor, listCatalogCreditors } from './creditor-catalog.repository.js';

export async function creditorCatalog(db: Kysely<Database>) {
  return { items: await listCatalogCreditors(db) };
}

export async function requireCatalogCreditor(db: Kysely<Database>, id: string) {
  const creditor = await findCatalogCreditor(db, id);
  if (!creditor) throw new DomainRuleError('unknown_catalog_creditor', 'The catalogue has no creditor with this id.');
  return creditor;
}
