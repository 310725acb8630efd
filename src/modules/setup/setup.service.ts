// The first admin without a second terminal: the way self-hosted tools bootstrap. While no admin
// exists the server logs a setup code; whoever can read that log can create the first admin.
import type { Db } from '../../db/database.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { NotFoundError, UnauthorizedError } from '../../lib/errors.js';
import { createFirstAdmin, firstAdminNeeded } from '../users/user.service.js';
import { isSetupCode, setupCodeFor } from './setup-code.js';

export interface SetupContext {
  db: Db;
  now: Date;
  requestId: string;
  secret: Buffer;
  cipher: FieldCipher;
}

export async function setupStatus(db: Db): Promise<{ needed: boolean }> {
  return { needed: await firstAdminNeeded(db) };
}

/** The code to print at start-up, or undefined once an admin exists. */
export async function pendingSetupCode(db: Db, secret: Buffer): Promise<string | undefined> {
  return (await firstAdminNeeded(db)) ? setupCodeFor(secret) : undefined;
}

export async function completeSetup(
  ctx: SetupContext,
  input: { setupCode: string; username: string; displayName: string; password: string },
) {
  // Gone for good once an admin exists, whatever the code: nothing left to guess at.
  if (!(await firstAdminNeeded(ctx.db))) throw new NotFoundError();
  if (!isSetupCode(ctx.secret, input.setupCode)) throw new UnauthorizedError();
  const user = await createFirstAdmin(ctx, { username: input.username, displayName: input.displayName, password: input.password });
  return { id: user.id, role: 'admin' as const, username: input.username, displayName: user.displayName };
}
