// Shapes of /users (docs/api.md). Strict objects: unknown keys are 400, so nothing is mass-assigned.
import { z } from 'zod';
import { pageOf, pageQueryShape } from '../../lib/pagination.js';
import { ROLES, STAFF_ROLES } from '../../lib/vocabulary.js';
import { usernameSchema } from '../auth/auth.schemas.js';

const displayNameSchema = z.string().trim().min(1).max(120);

export const userIdParams = z.strictObject({ id: z.uuid() });

export const createUserBody = z.strictObject({
  role: z.enum(STAFF_ROLES).describe('Residents are created with their dossier, never here'),
  username: usernameSchema,
  displayName: displayNameSchema,
  locationId: z.uuid().optional().describe('Required for maatje and coordinator; a coordinator may only give their own'),
});

export const patchUserBody = z.strictObject({
  displayName: displayNameSchema.optional(),
  disabled: z.boolean().optional(),
  trainedAt: z.iso.datetime({ offset: true }).max(40).nullable().optional().describe('Admin only; maatjes only; null clears'),
  locationId: z.uuid().nullable().optional().describe('Admin only'),
  role: z.enum(STAFF_ROLES).optional().describe('Admin only'),
}).refine((body) => Object.keys(body).length > 0, { message: 'Name at least one field to change.' });

export const userSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  username: z.string().nullable().describe('Null until a resident activates the account'),
  displayName: z.string(),
  locationId: z.uuid().nullable(),
  disabled: z.boolean(),
  trainedAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.int().min(1),
});

export const createdUserSchema = userSchema.extend({
  credentialResetId: z.uuid().describe('The request for the account\'s first activation code; a second admin approves it with POST /credential-resets/{id}/approve'),
});

export const credentialResetIdParams = z.strictObject({ id: z.uuid() });

export const credentialResetSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userDisplayName: z.string(),
  userRole: z.enum(ROLES),
  requestedBy: z.uuid(),
  requestedByDisplayName: z.string(),
  requestedAt: z.date(),
  expiresAt: z.date().describe('An open request lapses after 7 days'),
  status: z.enum(['pending', 'approved', 'expired']),
}).meta({ id: 'CredentialReset' });

export const credentialResetListSchema = pageOf(credentialResetSchema);

export const credentialResetApprovedSchema = z.object({
  resetId: z.uuid(),
  userId: z.uuid(),
  activationCode: z.string().describe('XXXX-XXXX-XXXX, shown once, to the approving admin only'),
  expiresAt: z.date(),
}).meta({ id: 'CredentialResetApproved' });

export const activationCodeIssuedSchema = z.object({
  activationCode: z.string().describe('XXXX-XXXX-XXXX, shown once'),
  expiresAt: z.date(),
});

export const userListQuery = z.strictObject({ ...pageQueryShape });
export const userListSchema = pageOf(userSchema);
