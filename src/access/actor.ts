// Who is calling, read from the database on every request: disabling, a role change, training and
// a revoked session take effect at once, whatever an unexpired token says.
import type { Db } from '../db/database.js';
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
