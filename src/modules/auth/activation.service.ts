// Activation codes (docs/api.md, Roles; docs/architecture.md, two gates): how a resident, who often has no e-mail, or a staff member
// created without a password, sets a password. Single use, 14 days, a per-code attempt limit on
// top of the per-address limit, and only an HMAC at rest.
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { ConflictError, isUniqueViolation, UnauthorizedError } from '../../lib/errors.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { deriveKey } from '../../lib/keys.js';
import type { Role } from '../../lib/vocabulary.js';
import { activationCodeHmac, generateActivationCode, normalizeActivationCode } from './activation-code.js';
import {
  countActivationAttempt, deleteUnusedActivationCodes, findActivationCodeForUpdate, insertActivationCode,
  markActivationCodeUsed,
} from './activation.repository.js';
import { accountWasInUse, clearPassword, setCredentials, usernameExists } from './credentials.repository.js';
import { assertAcceptablePassword, hashPassword } from './password.js';
import { endUserSessions, openSession, type SignAccessToken, type TokenPair } from './session.service.js';
import { openDisplayName } from '../../lib/display-name.js';

export const ACTIVATION_CODE_TTL_SECONDS = 14 * 24 * 60 * 60;
/** Refused uses of a right code (wrong or taken username) before the code is dead. */
export const ACTIVATION_CODE_MAX_ATTEMPTS = 5;

export interface IssueActivationCodeInput {
  userId: string;
  /** Who issues it (an Actor fits); null from the command line. */
  issuedBy: { userId: string; role: Role } | null;
  now: Date;
  /** The root secret (app.appConfig.rootSecret): the HMAC key is derived from it, never stored. */
  secret: Buffer;
  requestId?: string;
}

function hmacOf(secret: Buffer, normalizedCode: string): Buffer {
  return activationCodeHmac(deriveKey(secret, 'activation-code'), normalizedCode);
}

/**
 * A new activation code for the user, in the caller's transaction. A new code hands the account
 * over anew: earlier unused codes stop working, the sessions end and the old password stops
 * working too (else whoever made a coordinator re-issue the code could sign straight back in).
 * The code is returned once, to be shown to the person; only its HMAC is kept.
 */
export async function issueActivationCode(
  trx: Db,
  input: IssueActivationCodeInput,
): Promise<{ activationCode: string; expiresAt: Date }> {
  const activationCode = generateActivationCode();
  const expiresAt = new Date(input.now.getTime() + ACTIVATION_CODE_TTL_SECONDS * 1000);
  // A reset (not a first code) is what a resident's access log points out (access-log.repository.ts).
  const kind = (await accountWasInUse(trx, input.userId)) ? 'reset' : 'first';
  await deleteUnusedActivationCodes(trx, input.userId);
  await endUserSessions(trx, { userId: input.userId, now: input.now, reason: 'activation_code' });
  await clearPassword(trx, input.userId, input.now);
  await insertActivationCode(trx, {
    userId: input.userId,
    codeHmac: hmacOf(input.secret, normalizeActivationCode(activationCode) as string),
    createdAt: input.now,
    expiresAt,
    createdBy: input.issuedBy?.userId ?? null,
  });
  await recordAudit(trx, {
    action: 'auth.activation_code_issued',
    outcome: 'success',
    actorUserId: input.issuedBy?.userId ?? null,
    actorRole: input.issuedBy?.role ?? null,
    subjectUserId: input.userId,
    requestId: input.requestId ?? null,
    details: { kind },
  });
  return { activationCode, expiresAt };
}

export interface ActivationContext {
  db: Db;
  now: Date;
  requestId: string;
  secret: Buffer;
  signAccessToken: SignAccessToken;
  /** The master keys: the account's name is sealed under them (lib/display-name.ts). */
  cipher: FieldCipher;
}

type RefusalReason = 'unknown_code' | 'used' | 'expired' | 'attempts_exhausted' | 'disabled' | 'username_mismatch' | 'username_taken';

/**
 * Sets the password with a code and signs the person in. A resident without a username chooses it
 * here; an account that has one must name it. Every refusal of a code that exists is the same 401,
 * except a taken username (409), which only someone holding a live code can learn.
 */
export async function activate(
  ctx: ActivationContext,
  input: { code: string; username: string; password: string },
): Promise<TokenPair> {
  // Decidable from the request alone (400), so it neither looks at nor uses up the code.
  assertAcceptablePassword(input.password);
  const normalized = normalizeActivationCode(input.code);
  if (normalized === undefined) throw new UnauthorizedError();
  const codeHmac = hmacOf(ctx.secret, normalized);
  // Hashed before the transaction: argon2 must not hold the row lock (or PGlite's one connection).
  const passwordHash = await hashPassword(input.password);

  let codeId: string | undefined;
  let outcome: { kind: 'refused'; reason: RefusalReason } | { kind: 'activated'; pair: TokenPair };
  try {
    outcome = await ctx.db.transaction().execute(async (trx) => {
      const code = await findActivationCodeForUpdate(trx, codeHmac);
      codeId = code?.id;
      const refuse = async (reason: RefusalReason, counts: boolean) => {
        if (counts && code) await countActivationAttempt(trx, code.id);
        await recordAudit(trx, {
          action: 'auth.activate',
          outcome: 'failure',
          actorUserId: code?.userId ?? null,
          actorRole: code?.role ?? null,
          requestId: ctx.requestId,
          details: { reason },
        });
        return { kind: 'refused' as const, reason };
      };
      if (!code) return refuse('unknown_code', false);
      if (code.usedAt !== null) return refuse('used', false);
      if (code.expiresAt <= ctx.now) return refuse('expired', false);
      if (code.attempts >= ACTIVATION_CODE_MAX_ATTEMPTS) return refuse('attempts_exhausted', false);
      if (code.disabledAt !== null) return refuse('disabled', false);

      let chosenUsername: string | undefined;
      if (code.username !== null) {
        if (code.username.toLowerCase() !== input.username.toLowerCase()) return refuse('username_mismatch', true);
      } else {
        if (await usernameExists(trx, input.username)) return refuse('username_taken', true);
        chosenUsername = input.username;
      }

      await setCredentials(trx, code.userId, { username: chosenUsername, passwordHash, now: ctx.now });
      await markActivationCodeUsed(trx, code.id, ctx.now);
      await endUserSessions(trx, { userId: code.userId, now: ctx.now, reason: 'activation' });
      const pair = await openSession(trx, {
        user: { id: code.userId, role: code.role, displayName: openDisplayName(ctx.cipher, code.userId, code.displayNameEncrypted) },
        now: ctx.now,
      }, ctx.signAccessToken);
      await recordAudit(trx, {
        action: 'auth.activate',
        outcome: 'success',
        actorUserId: code.userId,
        actorRole: code.role,
        subjectUserId: code.userId,
        requestId: ctx.requestId,
      });
      return { kind: 'activated' as const, pair };
    });
  } catch (error) {
    // Someone took the name between our check and our write: the same answer as a taken name.
    if (!isUniqueViolation(error, 'users_username_key') || codeId === undefined) throw error;
    await countActivationAttempt(ctx.db, codeId);
    outcome = { kind: 'refused', reason: 'username_taken' };
  }

  if (outcome.kind === 'activated') return outcome.pair;
  if (outcome.reason === 'username_taken') {
    throw new ConflictError('username_taken', 'This username is taken; choose another.');
  }
  throw new UnauthorizedError();
}
