// The resident's right to erasure (AVG art. 17): a request in the app or on paper, a 7-day
// cooling-off in which the resident can cancel, then the erasure itself (erasure.repository.ts),
// carried out by housekeeping. The receipt code lets a resident without an account see the result.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { deriveKey } from '../../lib/keys.js';
import { withDossier } from '../dossiers/dossier-gate.service.js';
import { forgetDossierViews } from '../dossiers/view-cache.js';
import { forgetDataKey } from '../dossiers/known-data-keys.js';
import type { ServiceContext } from '../../core/service-context.js';
import {
  cancelRequest, deleteErasedAccount, dueRequestDossierIds, eraseDossier, findManagedDossierId, findPendingRequest, findReceipt,
  insertRequest, ledgerEntries, recordLedgerEntry, type ErasureOutcome, type ErasureReason,
} from './erasure.repository.js';
import { ERASURE_CATEGORIES } from './erasure.schemas.js';

export const COOLING_OFF_DAYS = 7;
const RECEIPT_DAYS = 365;
const DAY_MS = 86_400_000;

type SecretContext = ServiceContext & { secret: Buffer };

const CATEGORY_LABELS: Record<(typeof ERASURE_CATEGORIES)[number], string> = {
  dossier: 'Uw dossier: uw gegevens, uw huishouden en notities',
  story: 'Uw verhaal en wat er in uw leven gebeurde',
  debts: 'Uw schulden: namen van schuldeisers, kenmerken, bedragen en notities',
  incomes: 'Uw inkomsten',
  expenses: 'Uw uitgaven',
  actions: 'Uw actiepunten',
  questionnaire: 'Uw antwoorden op de vragenlijst',
  consent: 'Uw toestemmingen',
  assignments: 'Welk maatje u hielp',
  referral: 'De papieren voor de doorverwijzing',
  account: 'Uw account: uw naam, gebruikersnaam en wachtwoord',
};

export function receiptHmac(secret: Buffer, code: string): Buffer {
  return createHmac('sha256', deriveKey(secret, 'erasure-receipt')).update(code, 'utf8').digest();
}

async function openRequest(trx: Kysely<Database>, ctx: SecretContext, dossierId: string, channel: 'app' | 'paper') {
  if (await findPendingRequest(trx, dossierId)) {
    throw new ConflictError('erasure_already_requested', 'Erasure of this dossier is already requested.');
  }
  const receiptCode = randomBytes(18).toString('base64url');
  const request = await insertRequest(trx, {
    dossierId, channel, requestedAt: ctx.now, requestedBy: ctx.actor.userId,
    dueAt: new Date(ctx.now.getTime() + COOLING_OFF_DAYS * DAY_MS),
    receiptCodeHmac: receiptHmac(ctx.secret, receiptCode),
    receiptExpiresAt: new Date(ctx.now.getTime() + RECEIPT_DAYS * DAY_MS),
  });
  return { request: { channel: request.channel, requestedAt: request.requestedAt, dueAt: request.dueAt }, receiptCode };
}

/** The resident asks; the resident and the assigned maatje see the pending request. */
export async function requestErasure(ctx: SecretContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'erasure.requested', write: false }, (trx) => openRequest(trx, ctx, dossierId, 'app'));
}

export async function erasureStatus(ctx: ServiceContext, dossierId: string) {
  return withDossier(ctx, dossierId, { action: 'erasure.read', write: false }, async (trx) => {
    const pending = await findPendingRequest(trx, dossierId);
    return { pending: pending ? { channel: pending.channel, requestedAt: pending.requestedAt, dueAt: pending.dueAt } : null };
  });
}

export async function cancelErasure(ctx: ServiceContext, dossierId: string) {
  await withDossier(ctx, dossierId, { action: 'erasure.cancelled', write: false }, async (trx) => {
    const pending = await findPendingRequest(trx, dossierId);
    if (!pending) throw new ConflictError('no_pending_erasure', 'There is no pending erasure request to cancel.');
    await cancelRequest(trx, pending.id, pending.receiptCodeHmac, ctx.now);
  });
}

/** A request the resident handed in on paper at the BuurtWerkKamer; the coordinator checked who they are. */
export async function recordPaperErasure(ctx: SecretContext, dossierId: string) {
  const created = await ctx.db.transaction().execute(async (trx) => {
    const managed = await findManagedDossierId(trx, ctx.actor, dossierId);
    if (!managed) return undefined;
    const result = await openRequest(trx, ctx, dossierId, 'paper');
    await recordAudit(trx, {
      action: 'erasure.requested', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role,
      dossierId, requestId: ctx.requestId, details: { channel: 'paper', identityChecked: true },
    });
    return result;
  });
  if (!created) {
    await recordAudit(ctx.db, {
      action: 'erasure.requested', outcome: 'denied', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, dossierId, requestId: ctx.requestId,
    });
    throw new NotFoundError();
  }
  return created;
}

export async function lookupReceipt(ctx: { db: Kysely<Database>; now: Date; secret: Buffer }, receiptCode: string) {
  const receipt = await findReceipt(ctx.db, receiptHmac(ctx.secret, receiptCode), ctx.now);
  if (!receipt) throw new NotFoundError();
  return {
    requestedAt: receipt.requestedAt,
    erasedAt: receipt.erasedAt,
    categories: receipt.categories.filter((code): code is keyof typeof CATEGORY_LABELS => code in CATEGORY_LABELS)
      .map((code) => ({ code, label: CATEGORY_LABELS[code] })),
  };
}

/** Erases one dossier in its own transaction with its audit row; undefined if it was gone already. */
export async function eraseNow(db: Kysely<Database>, dossierId: string, reason: ErasureReason, now: Date): Promise<ErasureOutcome | undefined> {
  // Views this process built of the dossier go too (a read that began before the erasure may
  // still keep one: it lasts at most five minutes, or until the next read finds no dossier).
  forgetDossierViews(db, dossierId);
  forgetDataKey(db, dossierId);
  return db.transaction().execute(async (trx) => {
    const outcome = await eraseDossier(trx, dossierId, { reason, now });
    if (!outcome) return undefined;
    await recordAudit(trx, {
      action: 'erasure.executed', outcome: 'success', actorRole: null, dossierId, subjectUserId: outcome.residentId,
      details: { reason, categories: outcome.categories, remainderKept: outcome.remainderKept },
    });
    return outcome;
  }).finally(() => {
    forgetDossierViews(db, dossierId);
    forgetDataKey(db, dossierId);
  });
}

/** Requests whose cooling-off has ended, in the order they fell due (or just counted, for a dry run). */
export async function executeDueErasures(db: Kysely<Database>, now: Date, options: { dryRun?: boolean } = {}): Promise<number> {
  const due = await dueRequestDossierIds(db, now);
  if (options.dryRun) return due.length;
  let erased = 0;
  for (const dossierId of due) {
    if (await eraseNow(db, dossierId, 'request', now)) erased += 1;
  }
  return erased;
}

export interface LedgerEntry {
  dossierId: string;
  residentId: string | null;
  erasedAt: Date;
}

export async function erasureLedger(db: Kysely<Database>): Promise<LedgerEntry[]> {
  return ledgerEntries(db);
}

/**
 * After a restore: erases again every dossier (and account) the ledgers name that came back with
 * the backup, and copies the entries into this database's ledger so the next restore knows them.
 */
export async function replayErasureLedger(db: Kysely<Database>, entries: readonly LedgerEntry[], now: Date) {
  let dossiersErased = 0;
  let accountsDeleted = 0;
  for (const entry of entries) {
    if (await eraseNow(db, entry.dossierId, 'replay', now)) dossiersErased += 1;
    await db.transaction().execute(async (trx) => {
      if (entry.residentId !== null && (await deleteErasedAccount(trx, entry.residentId))) accountsDeleted += 1;
      await recordLedgerEntry(trx, entry);
    });
  }
  return { entries: entries.length, dossiersErased, accountsDeleted };
}
