// Shapes of /users (docs/api.md). Strict objects: unknown keys are 400, so nothing is mass-assigned.
import { z } from 'zod';
import { pageOf, pageQueryShape } from '../../lib/pagination.js';
import { ROLES, STAFF_ROLES } from '../../lib/vocabulary.js';
import { PasswordInput, Username } from '../auth/auth.schemas.js';

const DisplayName = z.string().trim().min(1).max(120);

export const UserIdParams = z.strictObject({ id: z.uuid() });

export const UserCreateBody = z.strictObject({
  role: z.enum(STAFF_ROLES).describe('Residents are created with their dossier, never here'),
  username: Username,
  displayName: DisplayName,
  locationId: z.uuid().optional().describe('Required for maatje and coordinator; a coordinator may only give their own'),
  password: PasswordInput.optional().describe('Without it the response carries an activation code'),
});

export const UserPatchBody = z.strictObject({
  displayName: DisplayName.optional(),
  disabled: z.boolean().optional(),
  trainedAt: z.iso.datetime({ offset: true }).max(40).nullable().optional().describe('Admin only; maatjes only; null clears'),
  locationId: z.uuid().nullable().optional().describe('Admin only'),
  role: z.enum(STAFF_ROLES).optional().describe('Admin only'),
}).refine((body) => Object.keys(body).length > 0, { message: 'Name at least one field to change.' });

export const User = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  username: z.string().nullable().describe('Null until a resident activates the account'),
  displayName: z.string(),
  locationId: z.uuid().nullable(),
  disabled: z.boolean(),
  trainedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  version: z.int().min(1),
});

export const CreatedUser = User.extend({
  activationCode: z.string().optional().describe('Shown once; only when no password was given'),
  activationCodeExpiresAt: z.iso.datetime().optional(),
});

export const ActivationCodeIssued = z.object({
  activationCode: z.string().describe('XXXX-XXXX-XXXX, shown once'),
  expiresAt: z.iso.datetime(),
});

export const UserListQuery = z.strictObject({ ...pageQueryShape });
export const UserList = pageOf(User);
