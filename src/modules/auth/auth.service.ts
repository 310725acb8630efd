// Sign-in, token rotation, sign-out and password change (docs/api.md, Signing in and Rate
// limits). Every way a sign-in can fail answers the same 401 and costs one argon2 verify.
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { DomainRuleError, TooManyRequestsError, UnauthorizedError } from '../../lib/errors.js';
import {
  claimLoginAttempt, clearLoginFailures, findLoginAccount, findPasswordHash, replacePasswordHash,
  type BackOff,
} from './credentials.repository.js';
import {
  assertAcceptablePassword, dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword,
} from './password.js';
import { hashRefreshToken } from './refresh-token.js';
import { findRefreshToken, revokeSession, spendRefreshToken } from './session.repository.js';
import { endUserSessions, issueTokenPair, openSession, type SignAccessToken, type TokenPair } from './session.service.js';

/**
 * Per-account back-off: from the 5th consecutive failure sign-in pauses 30 s, doubling with each
 * further failure up to 15 minutes. Never a permanent lock, which an attacker could use to shut
 * a resident out for good.
 */
export const LOGIN_BACK_OFF: BackOff = { threshold: 5, baseSeconds: 30, maxSeconds: 15 * 60 };

export interface AuthContext {
  db: Db;
  now: Date;
  requestId: string;
  signAccessToken: SignAccessToken;
}

/** Before the first request: else the first unknown username would cost a hash and a verify. */
export async function prepareLogin(): Promise<void> {
  await dummyPasswordHash();
}

type LoginFailure = 'unknown_user' | 'no_password' | 'disabled' | 'blocked' | 'bad_password';

async function recordLoginFailure(
  ctx: AuthContext,
  reason: LoginFailure,
  account?: { id: string; role: Actor['role'] },
): Promise<never> {
  // The typed username is never recorded: it may be a password typed into the wrong field.
  await recordAudit(ctx.db, {
    action: 'auth.login',
    outcome: 'failure',
    actorUserId: account?.id ?? null,
    actorRole: account?.role ?? null,
    requestId: ctx.requestId,
    details: { reason },
  });
  throw new UnauthorizedError();
}

export async function login(ctx: AuthContext, input: { username: string; password: string }): Promise<TokenPair> {
  const account = await findLoginAccount(ctx.db, input.username);
  if (!account || account.passwordHash === null) {
    // Same work as for a real account, so response time does not tell which usernames exist.
    await verifyPassword(await dummyPasswordHash(), input.password);
    return recordLoginFailure(ctx, account ? 'no_password' : 'unknown_user', account);
  }
  const hash = account.passwordHash;
  if (account.disabledAt !== null) {
    await verifyPassword(hash, input.password);
    return recordLoginFailure(ctx, 'disabled', account);
  }
  const attempt = await claimLoginAttempt(ctx.db, account.id, ctx.now, LOGIN_BACK_OFF);
  const passwordMatches = await verifyPassword(hash, input.password);
  // While paused even the right password fails, or the pause would not slow guessing at all.
  if (!attempt.claimed) return recordLoginFailure(ctx, 'blocked', account);
  if (!passwordMatches) return recordLoginFailure(ctx, 'bad_password', account);

  const rehash = passwordNeedsRehash(hash) ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, account.id);
    if (rehash !== undefined) {
      await replacePasswordHash(trx, account.id, { passwordHash: rehash, previousHash: hash, now: ctx.now });
    }
    const pair = await openSession(trx, {
      user: { id: account.id, role: account.role, displayName: account.displayName },
      now: ctx.now,
    }, ctx.signAccessToken);
    await recordAudit(trx, {
      action: 'auth.login',
      outcome: 'success',
      actorUserId: account.id,
      actorRole: account.role,
      requestId: ctx.requestId,
      details: rehash !== undefined ? { rehashed: true } : undefined,
    });
    return pair;
  });
}

/**
 * Rotation: the presented token is spent and a new pair issued in the same
 * session. A token that was already spent means two parties hold the family, and we cannot tell
 * which is the owner: the whole session ends, so the newest token dies too.
 */
export async function refresh(ctx: AuthContext, input: { refreshToken: string }): Promise<TokenPair> {
  const token = await findRefreshToken(ctx.db, hashRefreshToken(input.refreshToken));
  if (!token) throw new UnauthorizedError();

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const reuse = async () => {
      if (await revokeSession(trx, token.sessionId, ctx.now, 'refresh_reuse')) {
        await recordAudit(trx, {
          action: 'auth.refresh_reuse',
          outcome: 'denied',
          actorUserId: token.userId,
          actorRole: token.role,
          requestId: ctx.requestId,
        });
      }
      return undefined;
    };
    if (token.spentAt !== null) return reuse();
    // A dead token is refused but not spent, so a client retrying it is not taken for a thief.
    const alive = token.revokedAt === null && token.sessionExpiresAt > ctx.now
      && token.tokenExpiresAt > ctx.now && token.disabledAt === null;
    if (!alive) return undefined;
    // Spent by a concurrent request a moment ago: a second use all the same.
    if (!(await spendRefreshToken(trx, token.tokenId, ctx.now))) return reuse();
    return issueTokenPair(trx, {
      user: { id: token.userId, role: token.role, displayName: token.displayName },
      sessionId: token.sessionId,
      sessionExpiresAt: token.sessionExpiresAt,
      now: ctx.now,
    }, ctx.signAccessToken);
  });
  if (!outcome) throw new UnauthorizedError();
  return outcome;
}

/** Ends the session the refresh token belongs to. Unknown tokens are fine: the result is the same. */
export async function logout(ctx: AuthContext, input: { refreshToken: string }): Promise<void> {
  const token = await findRefreshToken(ctx.db, hashRefreshToken(input.refreshToken));
  if (!token) return;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeSession(trx, token.sessionId, ctx.now, 'logout'))) return;
    await recordAudit(trx, {
      action: 'auth.logout',
      outcome: 'success',
      actorUserId: token.userId,
      actorRole: token.role,
      requestId: ctx.requestId,
    });
  });
}

export async function logoutAll(ctx: AuthContext, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await endUserSessions(trx, { userId: actor.userId, now: ctx.now, reason: 'logout_all' });
    await recordAudit(trx, {
      action: 'auth.logout_all',
      outcome: 'success',
      actorUserId: actor.userId,
      actorRole: actor.role,
      requestId: ctx.requestId,
      details: { sessionsEnded: ended },
    });
  });
}

/**
 * A new password; every other session ends (ASVS 7.4.3), the caller's own continues. A wrong
 * current password counts as a failed sign-in, so a stolen access token cannot guess unthrottled.
 */
export async function changePassword(
  ctx: AuthContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  assertAcceptablePassword(input.newPassword);
  const hash = await findPasswordHash(ctx.db, actor.userId);
  if (!hash) throw new UnauthorizedError();
  const attempt = await claimLoginAttempt(ctx.db, actor.userId, ctx.now, LOGIN_BACK_OFF);
  if (!attempt.claimed) {
    throw new TooManyRequestsError((attempt.blockedUntil.getTime() - ctx.now.getTime()) / 1000);
  }
  if (!(await verifyPassword(hash, input.currentPassword))) {
    await recordAudit(ctx.db, {
      action: 'auth.password_change',
      outcome: 'failure',
      actorUserId: actor.userId,
      actorRole: actor.role,
      requestId: ctx.requestId,
      details: { reason: 'current_password_incorrect' },
    });
    throw new DomainRuleError('current_password_incorrect', 'The current password is not correct.');
  }
  const newHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, actor.userId);
    if (!(await replacePasswordHash(trx, actor.userId, { passwordHash: newHash, previousHash: hash, now: ctx.now }))) {
      // Changed by a concurrent request since we checked; the caller's current password is stale.
      throw new DomainRuleError('current_password_incorrect', 'The current password is not correct.');
    }
    const ended = await endUserSessions(trx, {
      userId: actor.userId, now: ctx.now, reason: 'password_change', exceptSessionId: actor.sessionId,
    });
    await recordAudit(trx, {
      action: 'auth.password_change',
      outcome: 'success',
      actorUserId: actor.userId,
      actorRole: actor.role,
      requestId: ctx.requestId,
      details: { sessionsEnded: ended },
    });
  });
}

export function describeSelf(actor: Actor) {
  return { id: actor.userId, role: actor.role, displayName: actor.displayName, locationId: actor.locationId };
}
