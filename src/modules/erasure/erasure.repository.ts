// Erasure requests and the erasure itself. Carrying out an erasure is SQL in one transaction: the
// dossier's personal rows go, an anonymous statistical remainder stays under a fresh id, the ids
// go into the ledger, and the resident's account goes when it has no other dossier.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { dossierManagedBy } from '../../access/dossier-scope.js';
import type { Database } from '../../db/schema.js';

/** The Amsterdam calendar day of a timestamp, as its local midnight: periods and day counts survive. */
function amsterdamDay(column: string): RawBuilder<Date> {
  return sql<Date>`(date_trunc('day', ${sql.ref(column)} AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam')`;
}

export async function findPendingRequest(db: Kysely<Database>, dossierId: string) {
  return db.selectFrom('erasureRequests').select(['id', 'channel', 'requestedAt', 'dueAt', 'receiptCodeHmac'])
    .where('dossierId', '=', dossierId).where('cancelledAt', 'is', null).executeTakeFirst();
}

export async function insertRequest(
  db: Kysely<Database>,
  values: { dossierId: string; channel: 'app' | 'paper'; requestedAt: Date; requestedBy: string; dueAt: Date; receiptCodeHmac: Buffer; receiptExpiresAt: Date },
) {
  const { receiptExpiresAt, ...request } = values;
  await db.insertInto('erasureReceipts')
    .values({ codeHmac: values.receiptCodeHmac, requestedAt: values.requestedAt, expiresAt: receiptExpiresAt }).execute();
  return db.insertInto('erasureRequests').values(request)
    .returning(['id', 'channel', 'requestedAt', 'dueAt']).executeTakeFirstOrThrow();
}

export async function cancelRequest(db: Kysely<Database>, requestId: string, receiptCodeHmac: Buffer, at: Date) {
  await db.updateTable('erasureRequests').set({ cancelledAt: at }).where('id', '=', requestId).execute();
  await db.deleteFrom('erasureReceipts').where('codeHmac', '=', receiptCodeHmac).execute();
}

/** Ids of dossiers whose request's cooling-off has passed. */
export async function dueRequestDossierIds(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await db.selectFrom('erasureRequests').select('dossierId')
    .where('cancelledAt', 'is', null).where('dueAt', '<=', now).orderBy('dueAt').execute();
  return rows.map((row) => row.dossierId);
}

export async function findReceipt(db: Kysely<Database>, codeHmac: Buffer, now: Date) {
  return db.selectFrom('erasureReceipts').select(['requestedAt', 'erasedAt', 'categories'])
    .where('codeHmac', '=', codeHmac).where('expiresAt', '>', now).executeTakeFirst();
}

export type ErasureReason = 'request' | 'retention' | 'replay';

export interface ErasureOutcome {
  residentId: string;
  /** Codes of what was erased, for the receipt and the audit row. */
  categories: string[];
  accountDeleted: boolean;
  remainderKept: boolean;
}

// Child tables whose rows an erasure deletes outright, with the receipt category they stand for.
const DELETED_CHILDREN = [
  ['dossier_stories', 'story'],
  ['debts', 'debts'],
  ['incomes', 'incomes'],
  ['expenses', 'expenses'],
  ['actions', 'actions'],
  ['measurements', 'questionnaire'],
  ['consent_events', 'consent'],
  ['dossier_assignments', 'assignments'],
  ['referral_checklists', 'referral'],
] as const;

/**
 * Erases one dossier inside the caller's transaction; undefined when it does not exist or was
 * erased already. The caller audits. Published statistics are frozen rows and stay as they are.
 */
export async function eraseDossier(
  db: Kysely<Database>, dossierId: string, options: { reason: ErasureReason; now: Date },
): Promise<ErasureOutcome | undefined> {
  const dossier = await db.selectFrom('dossiers')
    .select(['id', 'residentId', 'consentStatisticsOptIn', 'consentWithdrawnAt'])
    .where('id', '=', dossierId).where('erasedAt', 'is', null)
    .$narrowType<{ residentId: string }>()
    .forUpdate().executeTakeFirst();
  if (!dossier) return undefined;
  // The data key goes first: from here on every copy of the dossier's ciphertext, wherever it
  // lies (a replica, the WAL, a dump taken without this row), is noise.
  await db.deleteFrom('dossierKeys').where('dossierId', '=', dossierId).execute();

  const present = await sql<{ category: string }>`${sql.join(DELETED_CHILDREN.map(([table, category]) =>
    sql`SELECT ${category}::text AS category WHERE EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE dossier_id = ${dossierId})`), sql` UNION ALL `)}`
    .execute(db);
  const categories = ['dossier', ...present.rows.map((row) => row.category)];

  // A stored answer to a create request may repeat the dossier's data, encrypted under the master
  // key and without a dossier column: the answers of everyone who worked on it go (their retries
  // of the last 24 hours lose replay protection; a lingering copy of the data would be worse).
  await sql`
    DELETE FROM idempotency_keys WHERE strpos(response_body::text, ${dossierId}) > 0
      OR user_id IN (SELECT maatje_id FROM dossier_assignments WHERE dossier_id = ${dossierId})`.execute(db);

  const request = await findPendingRequest(db, dossierId);
  // Only a dossier the statistics may count leaves a remainder; the others go entirely.
  const remainderKept = dossier.consentStatisticsOptIn === true && dossier.consentWithdrawnAt === null;
  if (remainderKept) await moveToRemainder(db, dossierId, options.now);
  // Cascades to every child row still pointing at the old id, the request included.
  await db.deleteFrom('dossiers').where('id', '=', dossierId).execute();

  const accountDeleted = await deleteAccountWithoutDossiers(db, dossier.residentId);
  if (accountDeleted) categories.push('account');

  await db.insertInto('erasureLedger')
    .values({ dossierId, residentId: dossier.residentId, erasedAt: options.now, reason: options.reason })
    .onConflict((oc) => oc.column('dossierId').doNothing()).execute();
  if (request) {
    await db.updateTable('erasureReceipts').set({ erasedAt: options.now, categories })
      .where('codeHmac', '=', request.receiptCodeHmac).execute();
  }
  return { residentId: dossier.residentId, categories, accountDeleted, remainderKept };
}

/**
 * Copies what the statistics catalogue counts to a new dossier row with a fresh id, no resident,
 * no actor and days instead of instants, and moves the kept child rows over to it.
 */
async function moveToRemainder(db: Kysely<Database>, dossierId: string, now: Date) {
  const remainderId = randomUUID();
  await sql`
    INSERT INTO dossiers (id, resident_id, location_id, phase, opened_at, updated_at, closed_at, consent_statistics_opt_in,
      exit_reason, solution, erased_at)
    SELECT ${remainderId}, NULL, location_id, phase, ${amsterdamDay('opened_at')}, ${amsterdamDay('opened_at')},
      ${amsterdamDay('closed_at')}, true, exit_reason, solution,
      date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam'
    FROM dossiers WHERE id = ${dossierId}`.execute(db);
  await sql`
    UPDATE dossier_transitions SET dossier_id = ${remainderId}, at = ${amsterdamDay('at')}, actor_id = NULL
    WHERE dossier_id = ${dossierId}`.execute(db);
  await sql`
    UPDATE debt_snapshots SET dossier_id = ${remainderId}, taken_at = ${amsterdamDay('taken_at')}
    WHERE dossier_id = ${dossierId}`.execute(db);
  await sql`
    UPDATE referrals SET dossier_id = ${remainderId}, organisation_encrypted = '', first_contact_at = NULL, accepted_at = NULL,
      updated_at = ${amsterdamDay('updated_at')}, updated_by = NULL, version = 1
    WHERE dossier_id = ${dossierId}`.execute(db);
}

/** The resident's account with its sessions, tokens and codes, once no dossier of theirs remains. */
async function deleteAccountWithoutDossiers(db: Kysely<Database>, residentId: string): Promise<boolean> {
  const result = await sql`
    DELETE FROM users u WHERE u.id = ${residentId} AND u.role = 'resident'
      AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.resident_id = u.id)`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** Ledger entries (ids only), to replay after a restore. */
export async function ledgerEntries(db: Kysely<Database>) {
  return db.selectFrom('erasureLedger').select(['dossierId', 'residentId', 'erasedAt', 'reason']).orderBy('erasedAt').execute();
}

export async function recordLedgerEntry(db: Kysely<Database>, entry: { dossierId: string; residentId: string | null; erasedAt: Date }) {
  await db.insertInto('erasureLedger').values({ ...entry, reason: 'replay' })
    .onConflict((oc) => oc.column('dossierId').doNothing()).execute();
}

/** A resident account that a ledger says was erased, if it came back with a restore. */
export async function deleteErasedAccount(db: Kysely<Database>, residentId: string): Promise<boolean> {
  return deleteAccountWithoutDossiers(db, residentId);
}

/** A dossier of the coordinator's location (assignment metadata scope), never a remainder. */
export async function findManagedDossierId(db: Kysely<Database>, actor: Actor, dossierId: string) {
  return db.selectFrom('dossiers').select('id').where('id', '=', dossierId).where(dossierManagedBy(actor)).forUpdate().executeTakeFirst();
}
