// Accounts and sign-ins for API tests. Every personal value is a CANARY marker, so the log check
// after each file proves none of them reached a log line.
import { randomBytes } from 'node:crypto';
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
    displayName: `CANARY-name-${unique()}`,
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

export function bearer(accessToken: string) {
  return { authorization: `Bearer ${accessToken}` };
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
