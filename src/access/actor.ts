// Who is calling, read from the database on every request: disabling, a role change, training and
// a revoked session take effect at once, whatever an unexpired token says.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { statementTemplate } from '../db/statement-template.js';
import type { FieldCipher } from '../lib/field-crypto.js';
import type { Role } from '../lib/vocabulary.js';
import { openDisplayName } from '../lib/display-name.js';

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly locationId: string | null;
  readonly displayName: string;
  /** Maatjes only: training recorded by the admin. Untrained maatjes see no dossier. */
  readonly trained: boolean;
  readonly sessionId: string;
}

/**
 * Who a verified access token says is calling. Its session may since have been revoked, the account
 * disabled or its role changed: only a statement that checks `liveSessionOf` in its own SQL may act on
 * these alone (the hot routes, docs/architecture.md "The hot paths"); everyone else gets the Actor.
 */
export type SessionClaims = Pick<Actor, 'userId' | 'role' | 'sessionId'>;

/**
 * The check `loadActor` makes, as SQL inside another statement, so the hot routes pay no round trip
 * of their own for it: the account exists, is not disabled and still has the token's role, and the
 * session is the account's, not revoked and not expired at `now`. The role is fixed by the caller
 * (statements are compiled per role); the rest are values.
 */
export function liveSessionOf(role: Role, values: { actorId: unknown; actorSessionId: unknown; now: unknown }) {
  return (eb: ExpressionBuilder<Database, never>) => eb.exists(
    eb.selectFrom('sessions as callerSession')
      .innerJoin('users as caller', 'caller.id', 'callerSession.userId')
      .select(sql.lit(1).as('live'))
      .where('callerSession.id', '=', values.actorSessionId as string)
      .where('caller.id', '=', values.actorId as string)
      .where('caller.role', '=', role)
      .where('caller.disabledAt', 'is', null)
      .where('callerSession.revokedAt', 'is', null)
      .where('callerSession.expiresAt', '>', values.now as Date),
  );
}

/**
 * The actor behind a verified access token, or undefined when the account is gone or disabled, has
 * another role now, or the token's session was revoked or has expired.
 */
// Runs on every signed-in request: compiled once (statement-template.ts).
const actorAndSession = statementTemplate(['userId', 'sessionId'], (db: Db, values: { userId: string; sessionId: string }) => db
  .selectFrom('users')
  .innerJoin('sessions', 'sessions.userId', 'users.id')
  .select([
    'users.id', 'users.role', 'users.locationId', 'users.displayNameEncrypted', 'users.trainedAt',
    'users.disabledAt', 'sessions.revokedAt', 'sessions.expiresAt',
  ])
  .where('users.id', '=', values.userId)
  .where('sessions.id', '=', values.sessionId));

export async function loadActor(
  db: Db,
  cipher: FieldCipher,
  claims: { userId: string; role: Role; sessionId: string },
  now: Date,
): Promise<Actor | undefined> {
  const [row] = await actorAndSession(db, { userId: claims.userId, sessionId: claims.sessionId });
  if (!row || row.disabledAt !== null || row.role !== claims.role) return undefined;
  if (row.revokedAt !== null || row.expiresAt <= now) return undefined;
  return {
    userId: row.id,
    role: row.role,
    locationId: row.locationId,
    displayName: openDisplayName(cipher, row.id, row.displayNameEncrypted),
    trained: row.trainedAt !== null,
    sessionId: claims.sessionId,
  };
}
