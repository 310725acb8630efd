// Accounts (docs/api.md, Roles and Accounts). The admin manages every staff account; a coordinator
// manages the maatjes of their own location. A staff account's codes come from
// credential-reset.service.ts (two people), a resident's from the dossier's maatje. Accounts outside
// the caller's reach are 404, exactly like accounts that do not exist.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { openDisplayName, sealDisplayName } from '../../lib/display-name.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import {
  BadRequestError, ConflictError, DomainRuleError, ForbiddenError, isUniqueViolation, NotFoundError,
  PreconditionFailedError, PreconditionRequiredError,
} from '../../lib/errors.js';
import { toPage, type Page, type PageRequest } from '../../lib/pagination.js';
import { LOCATED_ROLES, STAFF_ROLES, type Role, type StaffRole } from '../../lib/vocabulary.js';
import { issueActivationCode } from '../auth/activation.service.js';
import { assertAcceptablePassword, hashPassword } from '../auth/password.js';
import { endUserSessions } from '../auth/session.service.js';
import { fileCredentialReset } from './credential-reset.service.js';
import { assertLocationExists } from '../locations/location.service.js';
import {
  anyUserWithRole, endAssignmentsOutsideLocation, findUserIdByUsername, findUserInScope, insertUser, listUsersInScope,
  lockFirstAdminSetup, updateUserAtVersion, type UserScope,
} from './user.repository.js';
import type { ServiceContext } from '../../core/service-context.js';

/** The one service context, with the root secret (config rootSecret) activation codes are keyed from. */
export type UserContext = ServiceContext & { secret: Buffer };
/** Where no person acts (the command line, the first admin's setup): the same context without a caller. */
export type SystemContext = Pick<UserContext, 'db' | 'now' | 'requestId' | 'secret'> & { cipher: FieldCipher };

export interface UserView {
  id: string;
  role: Role;
  username: string | null;
  displayName: string;
  locationId: string | null;
  disabled: boolean;
  trainedAt: Date | null;
  createdAt: Date;
  version: number;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserInScope>>>;

function toView(cipher: FieldCipher, row: UserRow): UserView {
  return {
    id: row.id,
    role: row.role,
    username: row.username,
    displayName: openDisplayName(cipher, row.id, row.displayNameEncrypted),
    locationId: row.locationId,
    disabled: row.disabledAt !== null,
    trainedAt: row.trainedAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/**
 * Whom the caller may manage (`manage`) or re-issue a code for (`activationCode`). A resident's
 * code opens their dossier, so only its assigned maatje re-issues it; a staff account's code needs
 * two people (credential-reset.service.ts), so nobody issues one alone (issue 15).
 */
function scopeOf(actor: Actor, purpose: 'manage' | 'activationCode'): UserScope {
  if (purpose === 'activationCode') {
    return actor.role === 'maatje' && actor.trained ? { roles: ['resident'], seenWhole: actor } : { roles: [] };
  }
  if (actor.role === 'admin') return { roles: STAFF_ROLES };
  if (actor.role === 'coordinator' && actor.locationId !== null) return { roles: ['maatje'], locationId: actor.locationId };
  return { roles: [] };
}

async function findVisible(db: Db, actor: Actor, id: string, purpose: 'manage' | 'activationCode' = 'manage') {
  const row = await findUserInScope(db, id, scopeOf(actor, purpose));
  if (!row) throw new NotFoundError();
  return row;
}

export async function listUsers(ctx: ServiceContext, page: PageRequest): Promise<Page<UserView>> {
  const rows = await listUsersInScope(ctx.db, scopeOf(ctx.actor, 'manage'), { limit: page.limit, after: page.cursor });
  return toPage(rows, page.limit, (row) => ({ createdAt: row.cursorTime, id: row.id }), (row) => toView(ctx.cipher, row));
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserView> {
  return toView(ctx.cipher, await findVisible(ctx.db, ctx.actor, id));
}

export interface CreateUserInput {
  role: StaffRole;
  username: string;
  displayName: string;
  locationId?: string;
  /** Command line and setup only: through the API nobody picks another person's password. */
  password?: string;
}

export interface CreatedUserView extends UserView {
  activationCode?: string;
  activationCodeExpiresAt?: Date;
  /** Through the API: the request for the first code, which a second admin approves. */
  credentialResetId?: string;
}

/**
 * A staff account. Through the API it has no password and no code: creating it files the request
 * for its first code, which a second admin approves (credential-reset.service.ts). The command
 * line (`actor` null, scripts/create-user.ts), run by whoever operates the server, and the
 * first-admin setup give a password or a code (returned once) directly.
 */
async function insertStaffAccount(
  ctx: SystemContext,
  actor: Actor | null,
  input: Omit<CreateUserInput, 'locationId'> & { locationId: string | null },
  options: { via?: 'api' | 'cli' | 'setup'; guard?: (trx: Db) => Promise<void> } = {},
): Promise<CreatedUserView> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await options.guard?.(trx);
      if (input.locationId !== null) await assertLocationExists(trx, input.locationId);
      if (await findUserIdByUsername(trx, input.username)) {
        throw new ConflictError('username_taken', 'This username is taken; choose another.');
      }
      const id = randomUUID();
      const row = await insertUser(trx, {
        id,
        role: input.role,
        username: input.username,
        displayNameEncrypted: sealDisplayName(ctx.cipher, id, input.displayName),
        locationId: input.locationId,
        passwordHash,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await recordAudit(trx, {
        action: 'user.create',
        outcome: 'success',
        actorUserId: actor?.userId ?? null,
        actorRole: actor?.role ?? null,
        subjectUserId: row.id,
        requestId: ctx.requestId,
        details: { role: input.role, via: options.via ?? (actor ? 'api' : 'cli'), withPassword: passwordHash !== null },
      });
      const view: CreatedUserView = toView(ctx.cipher, row);
      if (actor !== null) {
        view.credentialResetId = await fileCredentialReset(trx, {
          userId: row.id, requestedBy: actor, now: ctx.now, requestId: ctx.requestId, cause: 'created',
        });
      } else if (passwordHash === null) {
        const code = await issueActivationCode(trx, {
          userId: row.id, issuedBy: actor, now: ctx.now, secret: ctx.secret, requestId: ctx.requestId,
        });
        view.activationCode = code.activationCode;
        view.activationCodeExpiresAt = code.expiresAt;
      }
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) {
      throw new ConflictError('username_taken', 'This username is taken; choose another.');
    }
    throw error;
  }
}

export async function createUser(ctx: UserContext, input: CreateUserInput): Promise<UserView & { credentialResetId: string }> {
  const { actor } = ctx;
  let locationId = input.locationId ?? null;
  if (actor.role === 'coordinator') {
    if (input.role !== 'maatje') throw new ForbiddenError('A coordinator creates maatje accounts only.');
    if (locationId !== null && locationId !== actor.locationId) {
      throw new ForbiddenError('A coordinator creates accounts for their own location only.');
    }
    locationId = actor.locationId;
  } else if (actor.role !== 'admin') {
    throw new ForbiddenError();
  }
  if (LOCATED_ROLES.includes(input.role) && locationId === null) {
    throw new BadRequestError('location_required', `A ${input.role} belongs to a location: send locationId.`);
  }
  const { activationCode: _code, activationCodeExpiresAt: _expires, credentialResetId, ...view } = await insertStaffAccount(
    ctx, actor, { ...input, password: undefined, locationId },
  );
  if (credentialResetId === undefined) throw new Error('an account created through the API files its first reset');
  return { ...view, credentialResetId };
}

/** The command line's way in (no actor): same rules and audit, staff roles only. */
export async function createUserFromCommandLine(ctx: SystemContext, input: CreateUserInput): Promise<CreatedUserView> {
  const locationId = input.locationId ?? null;
  if (LOCATED_ROLES.includes(input.role) && locationId === null) {
    throw new BadRequestError('location_required', `A ${input.role} belongs to a location: give --location-id.`);
  }
  if (input.password !== undefined) assertAcceptablePassword(input.password);
  return insertStaffAccount(ctx, null, { ...input, locationId });
}

/** True until the first admin account exists: then the setup route is gone for good. */
export async function firstAdminNeeded(db: Db): Promise<boolean> {
  return !(await anyUserWithRole(db, 'admin'));
}

/**
 * The first admin of an installation (the setup route). The check that no admin exists and the
 * insert are one transaction under a lock, so two setups at once give one admin and one 404.
 */
export async function createFirstAdmin(
  ctx: SystemContext,
  input: { username: string; displayName: string; password: string },
): Promise<CreatedUserView> {
  assertAcceptablePassword(input.password);
  return insertStaffAccount(ctx, null, { role: 'admin', locationId: null, ...input }, {
    via: 'setup',
    guard: async (trx) => {
      await lockFirstAdminSetup(trx);
      if (await anyUserWithRole(trx, 'admin')) throw new NotFoundError();
    },
  });
}

/**
 * A resident's account, for the dossiers module to call inside its own transaction when a maatje
 * opens a dossier (docs/api.md): no username and no password until the resident activates it
 * with the code from issueActivationCode.
 */
export async function createResidentAccount(
  trx: Db,
  cipher: FieldCipher,
  input: { displayName: string; locationId: string; createdBy: Actor; now: Date; requestId?: string },
): Promise<UserView> {
  const id = randomUUID();
  const row = await insertUser(trx, {
    id,
    role: 'resident',
    username: null,
    displayNameEncrypted: sealDisplayName(cipher, id, input.displayName),
    locationId: input.locationId,
    passwordHash: null,
    createdAt: input.now,
    updatedAt: input.now,
  });
  await recordAudit(trx, {
    action: 'user.create',
    outcome: 'success',
    actorUserId: input.createdBy.userId,
    actorRole: input.createdBy.role,
    subjectUserId: row.id,
    requestId: input.requestId ?? null,
    details: { role: 'resident', via: 'api', withPassword: false },
  });
  return toView(cipher, row);
}

export interface UpdateUserInput {
  displayName?: string;
  disabled?: boolean;
  trainedAt?: string | null;
  locationId?: string | null;
  role?: StaffRole;
}

/**
 * PATCH with merge semantics and If-Match. Disabling and a role change end the account's sessions
 * in the same transaction, so its live access tokens stop at once.
 */
export async function updateUser(ctx: UserContext, id: string, expectedVersion: number | undefined, patch: UpdateUserInput): Promise<UserView> {
  const { actor } = ctx;
  // Decided from the role and the body alone, before any id is looked at (docs/api.md).
  if (actor.role !== 'admin') {
    if (patch.trainedAt !== undefined) throw new ForbiddenError('Only the admin records training.');
    if (patch.role !== undefined || patch.locationId !== undefined) {
      throw new ForbiddenError('Only the admin changes an account\'s role or location.');
    }
  }
  if (expectedVersion === undefined) throw new PreconditionRequiredError();

  return ctx.db.transaction().execute(async (trx) => {
    const current = await findVisible(trx, actor, id);
    if (current.version !== expectedVersion) throw new PreconditionFailedError(toView(ctx.cipher, current), current.version);

    const role = patch.role ?? current.role;
    const locationId = patch.locationId !== undefined ? patch.locationId : current.locationId;
    const roleChanged = role !== current.role;
    const disabling = patch.disabled === true && current.disabledAt === null;
    if (id === actor.userId && patch.disabled === true) {
      throw new ConflictError('cannot_disable_self', 'You cannot disable your own account.');
    }
    if (id === actor.userId && roleChanged) {
      throw new ConflictError('cannot_change_own_role', 'You cannot change your own role.');
    }
    if (LOCATED_ROLES.includes(role) && locationId === null) {
      throw new DomainRuleError('location_required', `A ${role} belongs to a location.`);
    }
    if (patch.locationId !== undefined && patch.locationId !== null && patch.locationId !== current.locationId) {
      await assertLocationExists(trx, patch.locationId);
    }
    if (patch.trainedAt != null && role !== 'maatje') {
      throw new DomainRuleError('training_only_for_maatjes', 'Training is recorded for maatjes only.');
    }

    const updated = await updateUserAtVersion(trx, id, expectedVersion, {
      ...(patch.displayName !== undefined ? { displayNameEncrypted: sealDisplayName(ctx.cipher, id, patch.displayName) } : {}),
      ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? (current.disabledAt ?? ctx.now) : null } : {}),
      ...(patch.trainedAt !== undefined ? { trainedAt: patch.trainedAt } : {}),
      // Training belongs to the maatje role; it does not travel to another role.
      ...(role !== 'maatje' ? { trainedAt: null } : {}),
      ...(patch.locationId !== undefined ? { locationId: patch.locationId } : {}),
      ...(roleChanged ? { role } : {}),
      updatedAt: ctx.now,
    });
    if (!updated) {
      const latest = await findVisible(trx, actor, id);
      throw new PreconditionFailedError(toView(ctx.cipher, latest), latest.version);
    }
    const locationChanged = patch.locationId !== undefined && patch.locationId !== current.locationId;
    if (current.role === 'maatje' && (locationChanged || roleChanged)) {
      // A maatje who moves keeps no dossier of the old location (nor of any, on a role change).
      const left = await endAssignmentsOutsideLocation(trx, { maatjeId: id, locationId: roleChanged ? null : locationId, endedBy: actor.userId, now: ctx.now });
      for (const dossierId of left) {
        await recordAudit(trx, { action: 'assignment.ended', outcome: 'success', actorUserId: actor.userId, actorRole: actor.role,
          dossierId, subjectUserId: id, requestId: ctx.requestId, details: { cause: locationChanged ? 'location_changed' : 'role_changed' } });
      }
    }
    if (disabling || roleChanged) {
      await endUserSessions(trx, { userId: id, now: ctx.now, reason: disabling ? 'disabled' : 'role_change' });
    }
    await recordAudit(trx, {
      action: 'user.update',
      outcome: 'success',
      actorUserId: actor.userId,
      actorRole: actor.role,
      subjectUserId: id,
      requestId: ctx.requestId,
      details: { fields: Object.keys(patch) },
    });
    return toView(ctx.cipher, updated);
  });
}

/** A new activation code for an account in reach; it ends the account's sessions and password. */
export async function issueUserActivationCode(ctx: UserContext, id: string): Promise<{ activationCode: string; expiresAt: Date }> {
  const { actor } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findVisible(trx, actor, id, 'activationCode');
    if (user.id === actor.userId) {
      throw new ConflictError('cannot_reissue_own_code', 'Change your own password with POST /auth/password.');
    }
    if (user.disabledAt !== null) {
      throw new ConflictError('user_disabled', 'The account is disabled; enable it before issuing a code.');
    }
    const code = await issueActivationCode(trx, {
      userId: user.id, issuedBy: actor, now: ctx.now, secret: ctx.secret, requestId: ctx.requestId,
    });
    return { activationCode: code.activationCode, expiresAt: code.expiresAt };
  });
}
