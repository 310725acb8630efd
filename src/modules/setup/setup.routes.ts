// /setup: creates the first admin of a new installation with the setup code from the start-up log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { firstAdminSchema, setupBody, setupStatusSchema } from './setup.schemas.js';
import { completeSetup, setupStatus } from './setup.service.js';

const tags = ['setup'];

/** Per client address: the code has about 59 bits, and each try costs an argon2 hash when right. */
export const SETUP_LIMIT = { max: 5, timeWindow: 60_000 } as const;

export async function setupRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/setup', {
    config: { access: 'public' },
    schema: {
      operationId: 'getSetupStatus', tags,
      summary: 'Whether the first admin still has to be created',
      description: 'Anyone may call it. `needed` is true while no admin account exists; the web app then shows its first-admin page, which asks for the setup code from the server\'s start-up log. Once an admin exists it is false for good.',
      response: { 200: setupStatusSchema },
    },
  }, async () => setupStatus(app.db));

  app.post('/setup', {
    config: { access: 'public', rateLimit: SETUP_LIMIT },
    schema: {
      operationId: 'createFirstAdmin', tags, body: setupBody,
      summary: 'Create the first admin with the setup code',
      description: 'Anyone holding the one-time setup code may call it, and only while no admin exists: the server prints the code in its start-up log then. Creates the admin account with the given password and answers 201. Errors: 400 a malformed body or a password that is too short, too long or too common; 401 a wrong setup code; 404 an admin already exists (for good, whatever the code); 409 the username is taken; 429 more than 5 tries a minute from one address.',
      response: { 201: firstAdminSchema, ...problemResponses(400, 401, 404, 409, 429) },
    },
  }, async (request, reply) => {
    const admin = await completeSetup(
      { db: app.db, now: app.now(), requestId: request.id, secret: app.appConfig.rootSecret, cipher: app.cipher },
      request.body,
    );
    return reply.code(201).send(admin);
  });
}
