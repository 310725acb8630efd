// Sign-in, token rotation, sign-out and password change (docs/api.md, Signing in and Rate
// limits). Every way a sign-in can fail answers the same 401 and costs one argon2 verify.
import { createHmac } from 'node:crypto';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.js';
import { DomainRuleError, TooManyRequestsError, UnauthorizedError } from '../../lib/errors.js';
import { deriveKey } from '../../lib/keys.js';
import {
  claimLoginAttempt, clearLoginFailures, findLoginAccount, findPasswordHash, replacePasswordHash,
  type BackOff,
} from './credentials.repository.js';
import {
  assertAcceptablePassword, dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword,
} from './password.js';
import { hashRefreshToken } from './refresh-token.js';
import { findRefreshToken, findSpentAt, revokeSession, spendRefreshToken } from './session.repository.js';
import { endUserSessions, issueTokenPair, openSession, type SignAccessToken, type TokenPair } from './session.service.js';
import type { ServiceContext } from '../../core/service-context.js';
import { openDisplayName } from '../../lib/display-name.js';

/**
 * Back-off per account AND client address: from the 5th consecutive failure from one address,
 * sign-in to that account from that address pauses 30 s, doubling up to 15 minutes. Guesses from
 * elsewhere never pause the rightful user's own address, so they get in at once with the right
 * password (issue 15, rule 5), while one address guesses at most about 100 times a day.
 */
export const LOGIN_BACK_OFF: BackOff = { threshold: 5, baseSeconds: 30, maxSeconds: 15 * 60 };

/**
 * Failed sign-ins per account, over all addresses, since its last successful sign-in within a day,
 * after which the account needs a reset (a new activation code) before any sign-in works. 100
 * follows NIST SP 800-63B (at most 100 consecutive failures per account): passwords are at least
 * 8 characters and not on the common list, so 100 guesses a day give an attacker with many
 * addresses no real chance, while a person mistyping never comes near it. The cost: an attacker
 * with many addresses can force that reset, which a person then sees and undoes (the maatje for a
 * resident, two people for a staff account), instead of a pause that never ends.
 */
export const LOGIN_DAILY_CAP = 100;

/**
 * The one service context before anyone is signed in (no caller yet), plus what signing in needs.
 * The cipher opens the account's name (lib/display-name.ts) for the session's answer.
 */
export type AuthContext = Pick<ServiceContext, 'db' | 'now' | 'requestId' | 'cipher'> & {
  signAccessToken: SignAccessToken;
  /** The root secret (config rootSecret): the client address is kept only as an HMAC keyed from it. */
  secret: Buffer;
  /** The client address (request.ip, which honours TRUST_PROXY). */
  clientAddress: string;
};
/** The same for a signed-in caller. */
export type SignedInAuthContext = AuthContext & Pick<ServiceContext, 'actor'>;

function addressKeyOf(ctx: AuthContext): Buffer {
  return createHmac('sha256', deriveKey(ctx.secret, 'login-address')).update(ctx.clientAddress, 'utf8').digest();
}

function claimAttempt(ctx: AuthContext, userId: string) {
  return claimLoginAttempt(ctx.db, {
    userId, addressKey: addressKeyOf(ctx), now: ctx.now, backOff: LOGIN_BACK_OFF, dailyCap: LOGIN_DAILY_CAP,
  });
}

/** Before the first request: else the first unknown username would cost a hash and a verify. */
export async function prepareLogin(): Promise<void> {
  await dummyPasswordHash();
}

type LoginFailure = 'unknown_user' | 'no_password' | 'disabled' | 'blocked' | 'locked' | 'bad_password';

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
  const attempt = await claimAttempt(ctx, account.id);
  const passwordMatches = await verifyPassword(hash, input.password);
  // While paused even the right password fails, or the pause would not slow guessing at all.
  if (!attempt.claimed) return recordLoginFailure(ctx, attempt.reason === 'locked' ? 'locked' : 'blocked', account);
  if (!passwordMatches) return recordLoginFailure(ctx, 'bad_password', account);

  const rehash = passwordNeedsRehash(hash) ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, account.id, addressKeyOf(ctx));
    if (rehash !== undefined) {
      await replacePasswordHash(trx, account.id, { passwordHash: rehash, previousHash: hash, now: ctx.now });
    }
    const pair = await openSession(trx, {
      user: { id: account.id, role: account.role, displayName: openDisplayName(ctx.cipher, account.id, account.displayNameEncrypted) },
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
 * Several tabs of one browser refresh the same token at once; within this window a repeat of a
 * rotation gets the same new pair instead of ending the sign-in (issue 15, rule 5). Short, so a
 * stolen token replayed later still ends the family.
 */
export const REFRESH_GRACE_SECONDS = 20;

/**
 * The successor of a refresh token is derived from it with a server key rather than drawn at
 * random, so a repeated rotation can hand out the same pair without the server keeping any token
 * in readable form. Only a holder of the presented token can ask for it, and only once the
 * rotation happened; the access token's id is derived the same way.
 */
function successorOf(ctx: AuthContext, presented: string) {
  const mac = createHmac('sha256', deriveKey(ctx.secret, 'refresh-successor')).update(presented, 'utf8').digest();
  const hex = mac.subarray(16, 32).toString('hex');
  return {
    refreshToken: mac.toString('base64url'),
    accessTokenId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
  };
}

type FoundToken = NonNullable<Awaited<ReturnType<typeof findRefreshToken>>>;

const isAlive = (token: FoundToken, now: Date) => token.revokedAt === null && token.sessionExpiresAt > now
  && token.tokenExpiresAt > now && token.disabledAt === null;

/**
 * Rotation: the presented token is spent and a new pair issued in the same
 * session. A token presented again within REFRESH_GRACE_SECONDS of its rotation, while the pair
 * it got is still unused, gets that same pair. Any other second use means two parties hold the
 * family and we cannot tell which is the owner: the whole session ends, so the newest token dies too.
 */
export async function refresh(ctx: AuthContext, input: { refreshToken: string }): Promise<TokenPair> {
  const token = await findRefreshToken(ctx.db, hashRefreshToken(input.refreshToken));
  if (!token) throw new UnauthorizedError();
  const successor = successorOf(ctx, input.refreshToken);
  const user = { id: token.userId, role: token.role, displayName: openDisplayName(ctx.cipher, token.userId, token.displayNameEncrypted) };

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
    const repeatOrReuse = async (spentAt: Date | null) => {
      if (spentAt === null || ctx.now.getTime() - spentAt.getTime() > REFRESH_GRACE_SECONDS * 1000) return reuse();
      const next = await findRefreshToken(trx, hashRefreshToken(successor.refreshToken));
      if (!next || next.sessionId !== token.sessionId || next.spentAt !== null || !isAlive(next, ctx.now)) return reuse();
      const { accessToken, expiresIn } = ctx.signAccessToken(
        { sub: user.id, sid: token.sessionId, role: user.role },
        { jti: successor.accessTokenId, issuedAt: spentAt },
      );
      return { accessToken, refreshToken: successor.refreshToken, expiresIn, user };
    };
    if (token.spentAt !== null) return repeatOrReuse(token.spentAt);
    // A dead token is refused but not spent, so a client retrying it is not taken for a thief.
    if (!isAlive(token, ctx.now)) return undefined;
    // Spent by a concurrent request a moment ago (the row lock made us wait for it): a repeat.
    if (!(await spendRefreshToken(trx, token.tokenId, ctx.now))) {
      return repeatOrReuse(await findSpentAt(trx, token.tokenId));
    }
    return issueTokenPair(trx, {
      user, sessionId: token.sessionId, sessionExpiresAt: token.sessionExpiresAt, now: ctx.now, successor,
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

export async function logoutAll(ctx: SignedInAuthContext): Promise<void> {
  const { actor } = ctx;
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
export async function changePassword(ctx: SignedInAuthContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const { actor } = ctx;
  assertAcceptablePassword(input.newPassword);
  const hash = await findPasswordHash(ctx.db, actor.userId);
  if (!hash) throw new UnauthorizedError();
  const attempt = await claimAttempt(ctx, actor.userId);
  if (!attempt.claimed) {
    const until = attempt.reason === 'paused' ? attempt.blockedUntil.getTime() : ctx.now.getTime() + LOGIN_BACK_OFF.maxSeconds * 1000;
    throw new TooManyRequestsError((until - ctx.now.getTime()) / 1000);
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
    await clearLoginFailures(trx, actor.userId, addressKeyOf(ctx));
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
