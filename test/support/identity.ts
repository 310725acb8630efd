// Who calls, for API tests: unique markers, accounts, sign-ins (a real login, or a session made
// directly the way the service makes one) and the bearer header. Every personal value is a CANARY
// marker, so the log check after each file proves none of them reached a log line.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/lib/vocabulary.js';
import { hashPassword } from '../../src/modules/auth/password.js';

export const unique = () => randomBytes(4).toString('hex');

export async function seedLocation(db: Db, name = `Buurtwerkkamer ${unique()}`): Promise<string> {
  const row = await db.insertInto('locations').values({ name, city: 'Amsterdam' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface SeededUser {
  id: string;
  role: Role;
  username: string;
  password: string;
  locationId: string | null;
}

export async function seedUser(
  db: Db,
  options: {
    role: Role;
    locationId?: string | null;
    username?: string;
    password?: string;
    passwordHash?: string;
    trained?: boolean;
    disabled?: boolean;
  },
): Promise<SeededUser> {
  const username = options.username ?? `CANARY-user-${unique()}`;
  const password = options.password ?? `CANARY-pw-${unique()}-${unique()}`;
  const locationId = options.locationId ?? null;
  const row = await db.insertInto('users').values({
    role: options.role,
    username,
    // Marked plain text, as the migration marks names from before encryption: no keyring here.
    displayNameEncrypted: `p.CANARY-name-${unique()}`,
    locationId,
    passwordHash: options.passwordHash ?? await hashPassword(password),
    trainedAt: options.trained ? new Date() : null,
    disabledAt: options.disabled ? new Date() : null,
    updatedAt: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, role: options.role, username, password, locationId };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; role: Role; displayName: string };
}

/** The Authorization header for a token, a signed-in test user or a login's tokens; none for no one. */
export function bearer(who: string | { token: string } | { accessToken: string } | undefined): Record<string, string> {
  if (who === undefined) return {};
  const token = typeof who === 'string' ? who : 'token' in who ? who.token : who.accessToken;
  return { authorization: `Bearer ${token}` };
}

/** A fresh session and an access token for it, as POST /auth/login would issue (no password, no argon2). */
export async function sessionToken(app: FastifyInstance, userId: string, role: Role): Promise<string> {
  const session = await app.db.insertInto('sessions')
    .values({ userId, expiresAt: new Date(app.now().getTime() + 12 * 3600_000) })
    .returning('id').executeTakeFirstOrThrow();
  return app.jwt.sign({ sub: userId, sid: session.id, role }, { jti: randomUUID() });
}

export async function postLogin(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
}

export async function signIn(app: FastifyInstance, user: { username: string; password: string }, headers: Record<string, string> = {}): Promise<Tokens> {
  const res = await postLogin(app, user.username, user.password, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Tokens;
}

/** A problem body without its request id, for comparing two answers that must be identical. */
export function bodyWithoutRequestId(res: LightMyRequestResponse): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = res.json() as Record<string, unknown>;
  return rest;
}
