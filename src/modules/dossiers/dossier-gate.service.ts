// Every operation on a dossier's data goes through `withDossier`: it finds the dossier within the
// caller's scope (not visible = 404, identical to nonexistent), refuses writes a dossier's state
// forbids, runs the work and writes the audit row in the same transaction. A denial is audited
// outside the rolled-back transaction so it is never lost.
import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { ChildTable } from './dossier-children.repository.js';
import type { AuditAction } from '../../audit/audit-actions.js';
import { auditValues, recordAudit, type AuditEvent } from '../../audit/audit.js';
import type { JsonSection, SectionResults } from '../../db/json-rows.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError, PreconditionFailedError, UnauthorizedError } from '../../lib/errors.js';
import type { CallerContext, CallerDossierContext, ServiceContext } from '../../core/service-context.js';
import { passGate, type DossierCore, type DossierFields, type DossierRef } from '../../access/dossier-scope.js';
import {
  findDataKeyAfterLock, findDossierForSystem, findVisibleDossierCore, insertDataKey, insertTouchAndAudit, touchDossierAndAudit, updateTouchAndAudit,
  writeRowInOneStatement, type DossierGateRow, type OneStatementRow,
} from './dossier-gate.repository.js';
import { knownDataKey, rememberDataKey } from './known-data-keys.js';
import { readVisibleDossier } from './dossier-read.repository.js';
import { forgetDossierViews, keepViewsAfterRowWrite, viewToSend, type KeptView, type SentView, type ViewDelivery, type ViewKind, type ViewSource } from './view-cache.js';
import { amsterdamDate } from '../../lib/dates.js';
import { rememberingOwnPlaintexts } from '../../lib/own-plaintexts.js';
import type { RowViews } from '../../lib/row-views.js';
import type { DossierRow } from './dossier.repository.js';

/** For a use case whose sections read more than the dossier's rows (dossier-read.repository.ts). */
export { stampedAlsoBy } from './dossier-read.repository.js';

export interface DossierOperation {
  /** Audit action, e.g. `dossier.read`, `debt.updated`. */
  action: AuditAction;
  /** Writes lock the dossier, are refused on frozen dossiers and mark it as changed. */
  write: boolean;
  /** Writes allowed on a closed dossier (the T2 measurement). */
  allowWhenClosed?: boolean;
  /** Writes allowed before consent is given (consent itself, the household). */
  allowWithoutConsent?: boolean;
  /**
   * Writes allowed on a dossier frozen by a withdrawal: only consent given again, which lifts the
   * freeze. Only the resident still sees such a dossier, so only the resident can give it.
   */
  allowWhenWithdrawn?: boolean;
  /** The work moves the dossier's version itself (a conditional PATCH of the dossier row). */
  versionedByWork?: boolean;
}

export interface AuditNote {
  details?: Record<string, string | number | boolean | null | readonly string[]>;
  /** A more specific action than the operation's, decided by the work. */
  action?: AuditAction;
  /** The work changed what the overview is computed from: a confirmation of it is stale now. */
  invalidatesOverview?: boolean;
}

/**
 * A write's last statement when it inserts one row of the dossier's tables: the insert goes with
 * the gate's mark on the dossier row and its audit row (one round trip instead of two). The note
 * must be complete by then; the gate writes nothing more after it. Answers the inserted row.
 */
export type FinishWithInsert = <T extends ChildTable>(table: T, row: Insertable<Database[T]>) => Promise<Selectable<Database[T]>>;

/**
 * The same for an edit of one row with If-Match: answers the edited row, or undefined when its
 * version was stale or it is gone (the caller refuses, and the mark and audit row go back with the
 * transaction).
 */
export type FinishWithUpdate = <T extends ChildTable>(
  table: T, row: { id: string; version: number; changes: Updateable<Database[T]> },
  apart: () => Promise<Selectable<Database[T]> | undefined>,
) => Promise<Selectable<Database[T]> | undefined>;

export interface FinishWrite {
  insert: FinishWithInsert;
  update: FinishWithUpdate;
}

export async function withDossier<T>(
  ctx: ServiceContext,
  dossierId: string,
  operation: DossierOperation,
  work: (trx: Transaction<Database>, dossier: DossierCore, note: AuditNote, finish: FinishWrite) => Promise<T>,
): Promise<T> {
  let disclosed: string | undefined;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const found = await findVisibleDossierCore(trx, ctx.actor, dossierId, operation.write);
    if (!found) return { found: false as const };
    if (operation.write) assertWritable(found, operation);
    const dossier = await withCipher(trx, ctx, found, operation.write);
    const note: AuditNote = {};
    const audit = (): AuditEvent => ({
      action: note.action ?? operation.action,
      outcome: 'success',
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      dossierId: dossier.id,
      requestId: ctx.requestId,
      details: note.details,
    });
    const touch = () => ({ now: ctx.now, bumpVersion: !operation.versionedByWork, clearOverviewConfirmation: note.invalidatesOverview === true });
    let finished = false;
    const start = () => {
      if (!operation.write || finished) throw new Error('finish: only a write, and only once');
      finished = true;
    };
    const finish: FinishWrite = {
      insert: async (table, row) => {
        start();
        return await insertTouchAndAudit(trx, dossier.id, touch(), auditValues(audit()), table, row as Record<string, unknown>) as never;
      },
      update: async (table, row, apart) => {
        start();
        const written = await updateTouchAndAudit(trx, dossier.id, touch(), auditValues(audit()), table,
          row as { id: string; version: number; changes: Record<string, unknown> });
        if (written !== undefined) return (written ?? undefined) as never;
        // Too many shapes of edit already: the edit alone, then the mark and audit row as usual.
        finished = false;
        return apart();
      },
    };
    let result: T;
    try {
      result = await work(trx, dossier, note, finish);
    } catch (error) {
      if (error instanceof PreconditionFailedError) disclosed = dossier.id;
      throw error;
    }
    // A write's mark on the dossier row and its audit row are one statement: one round trip less.
    if (operation.write) {
      if (!finished) await touchDossierAndAudit(trx, dossier.id, touch(), auditValues(audit()));
    } else {
      await recordAudit(trx, audit());
    }
    return { found: true as const, result };
  }).catch(async (error: unknown) => {
    // A 412 answers with the current resource: a read, audited after the write rolled back.
    if (disclosed !== undefined) {
      await recordAudit(ctx.db, {
        action: 'conflict.read', outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role,
        dossierId: disclosed, requestId: ctx.requestId, details: { attempted: operation.action },
      });
    }
    throw error;
  });
  // This process's kept views of a dossier it just changed are stale: the next read builds the view
  // in one statement instead of first finding the stamp moved (readVisibleDossier).
  if (outcome.found && operation.write) forgetDossierViews(ctx.db, dossierId);
  if (!outcome.found) {
    await recordAudit(ctx.db, {
      action: operation.action,
      outcome: 'denied',
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      dossierId,
      requestId: ctx.requestId,
    });
    throw new NotFoundError();
  }
  return outcome.result;
}

export interface DossierRead<S extends Record<string, JsonSection<unknown>>> {
  dossier: DossierCore;
  /** The dossier row with its resident's and active maatje's display names. */
  row: DossierRow;
  sections: SectionResults<S>;
}

/**
 * A read-only operation in ONE statement (the hot path of the app's screens): the session, the
 * scope, the dossier row, the requested sections and the audit row (`success`, or `denied` with a
 * 404) travel together, with no transaction round trips. Same rules as `withDossier` with
 * `write: false`. A caller that holds a view built at `knownStamp` gets only the stamp while it is
 * still that one (`found` undefined), from a statement that reads none of the dossier's rows
 * (readVisibleDossier); the session, the scope and the audit row are the same.
 * The caller may be a hot route's, known only by its token's claims: the statement checks the
 * session, and an ended one answers 401 as the authentication gate would have.
 */
async function readDossierUnlessRevision<S extends Record<string, JsonSection<unknown>>>(
  ctx: CallerContext,
  dossierId: string,
  read: { action: AuditAction; details?: AuditNote['details'] },
  sections: S,
  knownStamp?: string,
): Promise<{ stamp: string; found: DossierRead<S> | undefined }> {
  // The outcome and the dossier are the statement's to fill in: it takes the other fields.
  const audit = auditValues({
    action: read.action, outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId, details: read.details,
  });
  const result = await readVisibleDossier(ctx.db, ctx.actor, ctx.now, dossierId, audit, sections, knownStamp);
  if (result === 'no-session') throw new UnauthorizedError();
  if (result === 'not-visible') throw new NotFoundError();
  // Still at the known stamp: the statement sent no content, and the caller's view is the answer.
  // The data key is not remembered again: the read that built that view remembered it, at most
  // five minutes ago as the view itself, and a lapsed memory only sends a write the general way.
  if (result.content === undefined) return { stamp: result.stamp, found: undefined };
  const { row, dataKey, sections: results } = result.content;
  rememberDataKey(ctx.db, row.id, dataKey, ctx.now);
  const dossier = passGate({
    id: row.id, residentId: row.residentId, locationId: row.locationId, phase: row.phase, version: row.version,
    consentGivenAt: row.consentGivenAt, consentWithdrawnAt: row.consentWithdrawnAt, closedAt: row.closedAt,
    cipher: ctx.cipher.forDossier(row.id, dataKey),
  });
  return { stamp: result.stamp, found: { dossier, row, sections: results } };
}

/**
 * A whole view of a dossier as the bytes of its JSON, through the process's kept views
 * (view-cache.ts): the caller's session, scope and audit row always run, but while the dossier's
 * stamp is that of the kept bytes nothing of the dossier is read. Otherwise `build` makes
 * the view from this read, and it is kept under this read's stamp, for the day it was built on.
 * Without a cache (VIEW_CACHE_MB=0) every read builds its view. The answer is the view in the
 * client's content coding (`delivery.coding`), compressed once per kept view.
 */
export async function readKeptView<S extends Record<string, JsonSection<unknown>>>(
  ctx: CallerContext,
  delivery: ViewDelivery,
  target: { kind: ViewKind; dossierId: string },
  read: { action: AuditAction },
  sections: S,
  build: (found: DossierRead<S>, day: string, made: RowViews | undefined) => { version: number; body: string },
): Promise<SentView> {
  const { cache, coding } = delivery;
  const { kind, dossierId } = target;
  const day = amsterdamDate(ctx.now);
  const kept = cache?.get(kind, dossierId, day, ctx.now.getTime());
  const { stamp, found } = await readDossierUnlessRevision(ctx, dossierId, read, sections, kept?.stamp)
    .catch((error: unknown) => {
      // Not visible (any more): nothing of it stays here.
      if (error instanceof NotFoundError) cache?.forget(dossierId);
      throw error;
    });
  let view: KeptView;
  if (found === undefined) {
    if (!kept) throw new Error('a read without a kept view always has its content');
    view = kept;
  } else {
    // A kept view's rows' views are made once per row (row-views.ts), for when it is built again.
    const made: RowViews | undefined = cache ? new WeakMap() : undefined;
    const { version, body } = build(found, day, made);
    // The object kept is the one sent, so its compressed bytes join it (keepEncoded). Its rows stay
    // with it, for this process's next write of one row to bring it up to date (view-patch.ts).
    const source = cache ? { found, sections, build, made } as unknown as ViewSource : undefined;
    const built = { stamp, version, body: Buffer.from(body), encoded: {}, day, storedAt: ctx.now.getTime(), source };
    cache?.set(kind, dossierId, built);
    view = built;
  }
  return viewToSend(view, coding, (encoding, bytes) => cache?.keepEncoded(kind, dossierId, view, encoding, bytes));
}

/**
 * A hot route's create or edit of one row of the dossier's tables in ONE statement
 * (writeRowInOneStatement), for a caller known by its token's claims, when this process knows the
 * dossier's data key from an earlier pass through this gate. `plan` builds the row with that key
 * before anything is checked; the statement then checks what `withDossier` would for a plain write
 * (session, scope, consent, not closed, the key still the dossier's, the row's version) and writes
 * nothing unless all of it holds. Undefined: take the general path, which decides, audits and
 * answers as always, so every refusal keeps its status and its audit row. A `plan` that throws
 * (a body the resource refuses) goes there too: its 4xx must not come before the scope's 404; so
 * does one that answers undefined (a write it cannot plan in full beforehand).
 */
export async function writeInOneStatement<T extends ChildTable>(
  ctx: CallerContext,
  dossierId: string,
  write: { table: T; action: AuditAction; details?: AuditNote['details']; invalidatesOverview: boolean },
  plan: (scoped: CallerDossierContext) => Promise<OneStatementRow | undefined>,
): Promise<{ row: Selectable<Database[T]>; scoped: CallerDossierContext } | undefined> {
  const dataKey = knownDataKey(ctx.db, dossierId, ctx.now);
  if (!dataKey) return undefined;
  // The answer shows the written row: its fields are shown from the plaintexts the plan sealed.
  const scoped: CallerDossierContext = { ...ctx, cipher: rememberingOwnPlaintexts(ctx.cipher.forDossier(dossierId, dataKey)) };
  let row: OneStatementRow | undefined;
  try {
    row = await plan(scoped);
  } catch {
    return undefined;
  }
  if (row === undefined) return undefined;
  // The statement takes the dossier from its mark, and the other fields from here.
  const audit = auditValues({
    action: write.action, outcome: 'success', actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId, details: write.details,
  });
  const written = await writeRowInOneStatement(ctx.db, {
    table: write.table, caller: ctx.actor, now: ctx.now, dossierId, dataKey, clearOverviewConfirmation: write.invalidatesOverview, audit, row,
  });
  if (written === undefined) return undefined;
  // The views this process keeps of the dossier follow the write instead of being built again by
  // the reads after it (the web app reads the dossier and its overview after every save).
  keepViewsAfterRowWrite(ctx.db, dossierId, { table: write.table, kind: row.kind, row: written.row, mark: written.mark }, amsterdamDate(ctx.now), ctx.now.getTime());
  return { row: written.row as Selectable<Database[T]>, scoped };
}

/**
 * The dossier with the cipher of its data key. A dossier from before per-dossier keys (until
 * `npm run keys:rotate` ran) gets its key at its first write, under the write's row lock; a read
 * of it decrypts its older values with the master key. Both look again after a lock, in a
 * statement of their own, in case a rotation gave it a key meanwhile: only such dossiers pay
 * these extra statements.
 */
async function withCipher(trx: Transaction<Database>, ctx: ServiceContext, row: DossierGateRow, write: boolean): Promise<DossierCore> {
  const { dataKeyId, wrappedKey, ...core } = row;
  let dataKey = dataKeyId !== null && wrappedKey !== null ? { keyId: dataKeyId, wrappedKey } : null;
  if (dataKey === null) dataKey = (await findDataKeyAfterLock(trx, row.id, !write)) ?? null;
  if (dataKey === null && write) {
    dataKey = ctx.cipher.newDataKey(row.id);
    await insertDataKey(trx, row.id, dataKey);
  }
  rememberDataKey(ctx.db, row.id, dataKey, ctx.now);
  return passGate({ ...core, cipher: ctx.cipher.forDossier(row.id, dataKey) });
}

/**
 * A dossier its caller created a moment ago in this transaction, through the same scope as every
 * other door: the creator is its maatje, so the scope shows it (one query more, at creation only).
 */
export async function enterCreatedDossier(trx: Transaction<Database>, ctx: ServiceContext, dossierId: string): Promise<DossierCore> {
  const found = await findVisibleDossierCore(trx, ctx.actor, dossierId, true);
  if (!found) throw new Error('a dossier just created is outside its creator\'s scope');
  return withCipher(trx, ctx, found, true);
}

/**
 * The system's door, for housekeeping alone: no person acts, so no scope applies. The dossier is
 * locked for the caller's transaction; its rows only, never its content (no cipher).
 */
export async function enterDossierAsSystem(trx: Transaction<Database>, dossierId: string): Promise<DossierRef | undefined> {
  const found = await findDossierForSystem(trx, dossierId);
  return found && passGate(found);
}

function assertWritable(dossier: Omit<DossierFields, 'cipher'>, operation: DossierOperation): void {
  // The resident keeps reading a dossier after withdrawing consent, but nothing changes any more.
  if (dossier.consentWithdrawnAt !== null && !operation.allowWhenWithdrawn) {
    throw new ConflictError('consent_withdrawn', 'Consent was withdrawn; the dossier is frozen.');
  }
  if (dossier.phase === 'closed' && !operation.allowWhenClosed) {
    throw new ConflictError('dossier_closed', 'The dossier is closed and takes no new content.');
  }
  if (dossier.consentGivenAt === null && !operation.allowWithoutConsent) {
    throw new ConflictError('consent_required', 'Record the resident\'s consent before any content.');
  }
}
