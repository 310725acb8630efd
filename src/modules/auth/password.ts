// Password rules and hashing (docs/api.md): argon2id at OWASP's parameters,
// length 8-128 of any characters, no composition rules, a bundled list of common passwords refused.
import argon2 from 'argon2';
import { BadRequestError } from '../../lib/errors.js';
// Top 10 000 passwords of 8+ characters from @zxcvbn-ts/language-common 4.1.3 (MIT, © Dan Wheeler,
// Dropbox, @zxcvbn-ts) plus common Dutch ones; bundled so no check ever needs the network.
import commonPasswords from './common-passwords.json' with { type: 'json' };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** OWASP Password Storage Cheat Sheet (2026): m = 19 MiB, t = 2, p = 1 for argon2id. */
export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set<string>(commonPasswords as string[]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** Length counts characters as people see them (code points), not UTF-16 units. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (COMMON.has(password.toLowerCase())) return 'too_common';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, {
    memoryCost: ARGON2_PARAMETERS.memoryCost,
    timeCost: ARGON2_PARAMETERS.timeCost,
    parallelism: ARGON2_PARAMETERS.parallelism,
  });
}

// Verified when the username is unknown, so an unknown user costs the same argon2 work as a known one.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy password that never matches anything');
  return dummyHash;
}

const PASSWORD_PROBLEM_DETAIL: Record<PasswordProblem, string> = {
  too_short: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  too_common: 'This password is too common; choose another.',
};

/** 400 with a stable code (`password_too_short`, `password_too_long`, `password_too_common`). */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new BadRequestError(`password_${problem}`, PASSWORD_PROBLEM_DETAIL[problem]);
}
