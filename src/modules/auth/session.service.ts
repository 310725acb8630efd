// Sessions and the token pair (docs/api.md). A session is one refresh-token
// family with an absolute lifetime; each refresh token also dies when left unused for a while.
// Access tokens name their session, and the actor is loaded with it on every request, so revoking
// a session ends its access tokens at once.
import type { Db } from '../../db/database.js';
import type { Role } from '../../lib/vocabulary.js';
import { generateRefreshToken, hashRefreshToken } from './refresh-token.js';
import { insertRefreshToken, insertSession, revokeSessionsOfUser } from './session.repository.js';

/** A sign-in lasts at most this long, however often it is refreshed (ASVS 7.3.2). */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** A refresh token unused this long is dead (ASVS 7.3.1 inactivity timeout). */
export const REFRESH_IDLE_SECONDS = 2 * 60 * 60;

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: Role;
}

/**
 * Signs an access token and says how long it lives; routes build it from app.jwt. By default a
 * random id and the app clock; a refresh repeated within the grace window passes the first
 * answer's id and time, so it gets the very same token back.
 */
export type SignAccessToken = (
  claims: AccessTokenClaims,
  options?: { jti: string; issuedAt: Date },
) => { accessToken: string; expiresIn: number };

export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

const plusSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/**
 * A new refresh token in the session, with its idle expiry never beyond the session's end. A
 * rotation passes the successor it derived (and the access token's id), so that a repeat of the
 * same rotation can answer the same pair.
 */
export async function issueTokenPair(
  trx: Db,
  input: {
    user: SessionUser; sessionId: string; sessionExpiresAt: Date; now: Date;
    successor?: { refreshToken: string; accessTokenId: string };
  },
  sign: SignAccessToken,
): Promise<TokenPair> {
  const refreshToken = input.successor?.refreshToken ?? generateRefreshToken();
  const idleEnd = plusSeconds(input.now, REFRESH_IDLE_SECONDS);
  await insertRefreshToken(trx, {
    sessionId: input.sessionId,
    tokenHash: hashRefreshToken(refreshToken),
    createdAt: input.now,
    expiresAt: idleEnd < input.sessionExpiresAt ? idleEnd : input.sessionExpiresAt,
  });
  const { accessToken, expiresIn } = sign(
    { sub: input.user.id, sid: input.sessionId, role: input.user.role },
    input.successor ? { jti: input.successor.accessTokenId, issuedAt: input.now } : undefined,
  );
  return {
    accessToken,
    refreshToken,
    expiresIn,
    user: { id: input.user.id, role: input.user.role, displayName: input.user.displayName },
  };
}

/** A new session (sign-in or activation) and its first token pair. */
export async function openSession(trx: Db, input: { user: SessionUser; now: Date }, sign: SignAccessToken): Promise<TokenPair> {
  const sessionExpiresAt = plusSeconds(input.now, SESSION_ABSOLUTE_SECONDS);
  const sessionId = await insertSession(trx, { userId: input.user.id, createdAt: input.now, expiresAt: sessionExpiresAt });
  return issueTokenPair(trx, { user: input.user, sessionId, sessionExpiresAt, now: input.now }, sign);
}

export type SessionEndReason =
  | 'logout' | 'logout_all' | 'refresh_reuse' | 'password_change' | 'disabled' | 'role_change'
  | 'activation_code' | 'activation';

/**
 * Ends every live session of a user (and so their access and refresh tokens), except `exceptSessionId`.
 * Other modules call this in their own transaction when an account change must end sign-ins.
 */
export async function endUserSessions(
  trx: Db,
  input: { userId: string; now: Date; reason: SessionEndReason; exceptSessionId?: string },
): Promise<number> {
  return revokeSessionsOfUser(trx, input.userId, input.now, input.reason, input.exceptSessionId);
}
