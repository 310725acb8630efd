// Two people for every staff credential (issue 15, rule 1; docs/api.md, Accounts). A new activation
// code for a maatje, coordinator, evaluator or admin (the first one included) comes only from a
// request by one person (an admin, or a coordinator for a maatje of their location) that a
// different admin approves; the approver gets the code once. Nobody approves their own request or
// a reset of their own account. So no single account can hand itself another account's
// credentials, which is what reaching a dossier through someone else's account would need.
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { openDisplayName } from '../../lib/display-name.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { toPage, type Page, type PageRequest } from '../../lib/pagination.js';
import { STAFF_ROLES, type Role } from '../../lib/vocabulary.js';
import { issueActivationCode } from '../auth/activation.service.js';
import {
  deleteExpiredPending, findPendingFor, findReset, insertReset, listPending, markApproved,
} from './credential-reset.repository.js';
import { findUserInScope, type UserScope } from './user.repository.js';
import type { ServiceContext } from '../../core/service-context.js';
import type { UserContext } from './user.service.js';

/** An open request lapses after a week: approving an old one would surprise its requester. */
export const CREDENTIAL_RESET_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface CredentialResetView {
  id: string;
  userId: string;
  userDisplayName: string;
  userRole: Role;
  requestedBy: string;
  requestedByDisplayName: string;
  requestedAt: Date;
  expiresAt: Date;
  status: 'pending' | 'approved' | 'expired';
}

type ResetRow = NonNullable<Awaited<ReturnType<typeof findReset>>>;

function toView(cipher: FieldCipher, row: ResetRow, now: Date): CredentialResetView {
  return {
    id: row.id,
    userId: row.userId,
    userDisplayName: openDisplayName(cipher, row.userId, row.targetDisplayNameEncrypted),
    userRole: row.targetRole,
    requestedBy: row.requestedBy,
    requestedByDisplayName: openDisplayName(cipher, row.requestedBy, row.requesterDisplayNameEncrypted),
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
    status: row.approvedAt !== null ? 'approved' : row.expiresAt <= now ? 'expired' : 'pending',
  };
}

/** Whose reset the caller may ask for: the admin any staff account, a coordinator their location's maatjes. */
function requestScope(actor: Actor): UserScope {
  if (actor.role === 'admin') return { roles: STAFF_ROLES };
  if (actor.role === 'coordinator' && actor.locationId !== null) return { roles: ['maatje'], locationId: actor.locationId };
  return { roles: [] };
}

/**
 * Files the request in the caller's transaction. Account creation calls this too, so a new staff
 * account's first code needs the same second person as any later one.
 */
export async function fileCredentialReset(
  trx: Db,
  input: { userId: string; requestedBy: Actor; now: Date; requestId: string | null; cause: 'created' | 'requested' },
): Promise<string> {
  await deleteExpiredPending(trx, input.userId, input.now);
  if (await findPendingFor(trx, input.userId)) {
    throw new ConflictError('reset_already_requested', 'A reset for this account is already waiting for approval.');
  }
  const { id } = await insertReset(trx, {
    userId: input.userId,
    requestedBy: input.requestedBy.userId,
    requestedAt: input.now,
    expiresAt: new Date(input.now.getTime() + CREDENTIAL_RESET_TTL_SECONDS * 1000),
  });
  await recordAudit(trx, {
    action: 'user.credential_reset_requested',
    outcome: 'success',
    actorUserId: input.requestedBy.userId,
    actorRole: input.requestedBy.role,
    subjectUserId: input.userId,
    requestId: input.requestId,
    details: { cause: input.cause },
  });
  return id;
}

export async function requestCredentialReset(ctx: UserContext, userId: string): Promise<CredentialResetView> {
  const { actor } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserInScope(trx, userId, requestScope(actor));
    if (!user) throw new NotFoundError();
    if (user.id === actor.userId) {
      throw new ConflictError('cannot_reset_own_account', 'Change your own password with POST /auth/password.');
    }
    if (user.disabledAt !== null) {
      throw new ConflictError('user_disabled', 'The account is disabled; enable it before asking for a reset.');
    }
    const id = await fileCredentialReset(trx, { userId, requestedBy: actor, now: ctx.now, requestId: ctx.requestId, cause: 'requested' });
    return toView(ctx.cipher, (await findReset(trx, id)) as ResetRow, ctx.now);
  });
}

export async function listCredentialResets(ctx: ServiceContext, page: PageRequest): Promise<Page<CredentialResetView>> {
  const { now } = ctx;
  const rows = await listPending(ctx.db, now, { limit: page.limit, after: page.cursor });
  return toPage(rows, page.limit, (row) => ({ createdAt: row.cursorTime, id: row.id }), (row) => toView(ctx.cipher, row, now));
}

/**
 * The second person: an admin who neither asked nor is the account. Issuing the code ends the
 * account's sessions and password (issueActivationCode) and is audited as a reset, which the access
 * log of every dossier the account opens afterwards shows.
 */
export async function approveCredentialReset(
  ctx: UserContext,
  id: string,
): Promise<{ resetId: string; userId: string; activationCode: string; expiresAt: Date }> {
  const { actor } = ctx;
  if (actor.role !== 'admin') throw new ForbiddenError();
  return ctx.db.transaction().execute(async (trx) => {
    const reset = await findReset(trx, id, { lock: true });
    if (!reset) throw new NotFoundError();
    if (reset.requestedBy === actor.userId) {
      throw new ForbiddenError('A second admin must approve this request: you asked for it.');
    }
    if (reset.userId === actor.userId) {
      throw new ForbiddenError('Another admin must approve a reset of your own account.');
    }
    if (reset.approvedAt !== null) throw new ConflictError('reset_already_approved', 'This request was approved already.');
    if (reset.expiresAt <= ctx.now) throw new ConflictError('reset_request_expired', 'This request has expired; ask for a new one.');
    if (reset.targetDisabledAt !== null) {
      throw new ConflictError('user_disabled', 'The account is disabled; enable it before approving a reset.');
    }
    if (!(await markApproved(trx, id, { approvedBy: actor.userId, approvedAt: ctx.now }))) {
      throw new ConflictError('reset_already_approved', 'This request was approved already.');
    }
    const code = await issueActivationCode(trx, {
      userId: reset.userId, issuedBy: actor, now: ctx.now, secret: ctx.secret, requestId: ctx.requestId,
    });
    await recordAudit(trx, {
      action: 'user.credential_reset_approved',
      outcome: 'success',
      actorUserId: actor.userId,
      actorRole: actor.role,
      subjectUserId: reset.userId,
      requestId: ctx.requestId,
      details: { requestedBy: reset.requestedBy },
    });
    return { resetId: id, userId: reset.userId, activationCode: code.activationCode, expiresAt: code.expiresAt };
  });
}
