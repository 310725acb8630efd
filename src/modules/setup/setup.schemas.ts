// Shapes of /setup: the first admin of a new installation.
import { z } from 'zod';
import { passwordInput, usernameSchema } from '../auth/auth.schemas.js';

export const setupStatusSchema = z.object({
  needed: z.boolean().describe('True while no admin account exists: the setup code in the server log can create one.'),
}).meta({ id: 'SetupStatus' });

export const setupBody = z.strictObject({
  setupCode: z.string().max(40).describe('The one-time code from the server\'s start-up log, XXXX-XXXX-XXXX (case, spaces and dashes do not matter).'),
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordInput,
});

export const firstAdminSchema = z.object({
  id: z.uuid(),
  role: z.literal('admin'),
  username: z.string(),
  displayName: z.string(),
}).meta({ id: 'FirstAdmin' });
