// Request and response shapes of /auth (docs/api.md). Strict objects: unknown keys are 400.
import { z } from 'zod';
import { ROLES } from '../../lib/vocabulary.js';
import { ACTIVATION_CODE_INPUT } from './activation-code.js';

/** Usernames as docs/api.md and the database allow them; unique without regard to case. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
export const usernameSchema = z.string().regex(USERNAME_PATTERN, '3-64 letters, digits, dots, dashes or underscores');

// Looser than the password rules on purpose: the rules answer with their own stable codes
// (password_too_long, …) from the service; this bound only keeps argon2 input sane.
export const passwordInput = z.string().min(1).max(1024);

export const loginBody = z.strictObject({
  // Any text up to the column's bound: a login must not say which usernames could exist.
  username: z.string().min(1).max(64),
  password: passwordInput,
});

export const refreshTokenBody = z.strictObject({
  refreshToken: z.string().min(1).max(256),
});

export const changePasswordBody = z.strictObject({
  currentPassword: passwordInput,
  newPassword: passwordInput,
});

export const activateBody = z.strictObject({
  code: z.string().max(40).regex(ACTIVATION_CODE_INPUT, 'XXXX-XXXX-XXXX: 12 letters and digits (no 0, O, 1, I or L)'),
  username: usernameSchema,
  password: passwordInput,
});

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  user: z.object({ id: z.uuid(), role: z.enum(ROLES), displayName: z.string() }),
});

export const meSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  displayName: z.string(),
  locationId: z.uuid().nullable(),
});
