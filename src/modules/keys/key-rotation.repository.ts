// The queries of `npm run keys:rotate`: which dossiers still need their key rewrapped or older
// values re-encrypted, and the compare-and-set writes that do it. Raw SQL over the registry of
// encrypted columns (encrypted-fields.ts); every name in it is a constant of this module.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DOSSIER_FIELDS, type DossierField } from './encrypted-fields.js';

/** Values written before per-dossier keys: under a master key (v1) or marked plain text (p.). */
const isLegacy = (column: string) => sql<SqlBool>`(${sql.ref(column)} LIKE 'v1.%' OR ${sql.ref(column)} LIKE 'p.%')`;

function needsRotation(currentKeyId: string): RawBuilder<SqlBool> {
  const legacy = DOSSIER_FIELDS.map((f) => sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(f.table)} x
    WHERE ${sql.ref(`x.${f.dossierId}`)} = d.id AND ${isLegacy(`x.${f.column}`)})`);
  return sql<SqlBool>`(k.key_id IS DISTINCT FROM ${currentKeyId} OR ${sql.join(legacy, sql` OR `)})`;
}

export async function countDossiersToRotate(db: Kysely<Database>, currentKeyId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM dossiers d LEFT JOIN dossier_keys k ON k.dossier_id = d.id
    WHERE d.erased_at IS NULL AND ${needsRotation(currentKeyId)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The next dossiers after `afterId` that need work, locked like a write locks them, so no write
 * to them interleaves with their rotation and the batch's commit is all or nothing.
 */
export async function lockDossiersToRotate(db: Kysely<Database>, currentKeyId: string, afterId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT d.id FROM dossiers d LEFT JOIN dossier_keys k ON k.dossier_id = d.id
    WHERE d.erased_at IS NULL AND d.id > ${afterId} AND ${needsRotation(currentKeyId)}
    ORDER BY d.id LIMIT ${limit} FOR UPDATE OF d`.execute(db);
  return rows.map((row) => row.id);
}

/**
 * The keys of dossiers this transaction locked, read in a statement of its own: the locking one
 * may have waited for a write that gave a dossier its key, which its own snapshot cannot show.
 */
export async function dataKeysOf(db: Kysely<Database>, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return new Map<string, { keyId: string; wrappedKey: string }>();
  const rows = await db.selectFrom('dossierKeys').select(['dossierId', 'keyId', 'wrappedKey']).where('dossierId', 'in', dossierIds).execute();
  return new Map(rows.map((row) => [row.dossierId, { keyId: row.keyId, wrappedKey: row.wrappedKey }]));
}

export async function insertDossierKey(db: Kysely<Database>, dossierId: string, key: { keyId: string; wrappedKey: string }) {
  await db.insertInto('dossierKeys').values({ dossierId, ...key }).execute();
}

export async function replaceDossierKey(db: Kysely<Database>, dossierId: string, key: { keyId: string; wrappedKey: string }, now: Date) {
  await db.updateTable('dossierKeys').set({ ...key, rewrappedAt: now }).where('dossierId', '=', dossierId).execute();
}

export async function legacyValues(db: Kysely<Database>, field: DossierField, dossierId: string) {
  const { rows } = await sql<{ rowId: string; value: string }>`
    SELECT ${sql.ref(field.rowId)}::text AS row_id, ${sql.ref(field.column)} AS value FROM ${sql.table(field.table)}
    WHERE ${sql.ref(field.dossierId)} = ${dossierId} AND ${isLegacy(field.column)}`.execute(db);
  return rows;
}

export async function replaceValue(db: Kysely<Database>, field: { table: string; column: string; rowId: string }, rowId: string, from: string, to: string) {
  await sql`UPDATE ${sql.table(field.table)} SET ${sql.ref(field.column)} = ${to}
    WHERE ${sql.ref(field.rowId)}::text = ${rowId} AND ${sql.ref(field.column)} = ${from}`.execute(db);
}

/**
 * Values of a master-key column written under another master key than the current one, or marked
 * plain text by the migration that encrypted the column (`p.`, account names). Locked FOR NO KEY
 * UPDATE, the lock the UPDATE itself takes: a write that references one of these rows (a new row's
 * created_by) only needs a key-share lock on it, which this one lets through. FOR UPDATE shut it
 * out, and since re-encrypting an account's name then waits for that account's dossiers (their
 * view stamp), a write holding one of them and referencing the account deadlocked with the rotation.
 */
export async function staleMasterValues(db: Kysely<Database>, field: { table: string; column: string }, currentKeyId: string, afterId: string, limit: number) {
  const { rows } = await sql<{ rowId: string; value: string }>`
    SELECT id::text AS row_id, ${sql.ref(field.column)} AS value FROM ${sql.table(field.table)}
    WHERE id::text > ${afterId} AND ((${sql.ref(field.column)} LIKE 'v1.%' AND ${sql.ref(field.column)} NOT LIKE ${`v1.${currentKeyId}.%`})
      OR ${sql.ref(field.column)} LIKE 'p.%')
    ORDER BY id::text LIMIT ${limit} FOR NO KEY UPDATE`.execute(db);
  return rows;
}

/** Stored idempotent replies (a JSON string holding a v1 value) under another master key. */
export async function staleReplies(db: Kysely<Database>, currentKeyId: string, limit: number) {
  const { rows } = await sql<{ userId: string; key: string; value: string }>`
    SELECT user_id::text AS user_id, key, response_body #>> '{}' AS value FROM idempotency_keys
    WHERE jsonb_typeof(response_body) = 'string' AND response_body #>> '{}' LIKE 'v1.%'
      AND response_body #>> '{}' NOT LIKE ${`v1.${currentKeyId}.%`}
    ORDER BY user_id, key LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(db);
  return rows;
}

export async function replaceReply(db: Kysely<Database>, userId: string, key: string, from: string, to: string) {
  await sql`UPDATE idempotency_keys SET response_body = to_jsonb(${to}::text)
    WHERE user_id::text = ${userId} AND key = ${key} AND response_body #>> '{}' = ${from}`.execute(db);
}
