// /auth: sign-in, tokens, sign-out, password, activation (docs/api.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent, problemResponses } from '../../http/problem-schemas.js';
import { actorOf } from '../../http/authenticate.js';

import { activate } from './activation.service.js';
import { authContextFor } from './auth-context.js';
import { changePassword, describeSelf, login, logout, logoutAll, prepareLogin, refresh } from './auth.service.js';
import {
  activateBody, changePasswordBody, loginBody, meSchema, refreshTokenBody, tokenPairSchema,
} from './auth.schemas.js';

const MINUTE = 60_000;

/**
 * Requests per client address. One BuurtWerkKamer's residents and maatjes may
 * share one public address, so refresh and logout allow more; activation, which costs an argon2
 * hash and is the entry to an account, allows fewer.
 */
export const ADDRESS_LIMITS = {
  login: { max: 10, timeWindow: MINUTE },
  refresh: { max: 20, timeWindow: MINUTE },
  logout: { max: 20, timeWindow: MINUTE },
  activate: { max: 5, timeWindow: MINUTE },
  password: { max: 10, timeWindow: MINUTE },
} as const;

export async function authRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  app.addHook('onReady', prepareLogin);
  const context = authContextFor(app);

  app.post('/auth/login', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.login },
    schema: {
      operationId: 'login', summary: 'Sign in with username and password',
      description: 'Returns an access token (bearer, short-lived) and a refresh token. A wrong username or password answers the same 401, so a caller cannot learn which usernames exist; repeated failures block further attempts on the account for up to 15 minutes (429), and attempts are rate-limited per address.', tags: ['auth'], body: loginBody,
      response: { 200: tokenPairSchema, ...problemResponses(400, 401, 429) },
    },
  }, async (request) => login(context(request), request.body));

  app.post('/auth/refresh', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.refresh },
    schema: {
      operationId: 'refreshTokens', summary: 'Exchange a refresh token for a new pair', tags: ['auth'], body: refreshTokenBody,
      description: 'Spends the refresh token and returns a new pair. A token used twice ends its whole session.',
      response: { 200: tokenPairSchema, ...problemResponses(400, 401, 429) },
    },
  }, async (request) => refresh(context(request), request.body));

  app.post('/auth/logout', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.logout },
    schema: {
      operationId: 'logout', summary: 'Sign out this session', tags: ['auth'], body: refreshTokenBody,
      description: 'Ends the session of this refresh token. An unknown token is answered the same.',
      response: { 204: noContent, ...problemResponses(400, 429) },
    },
  }, async (request, reply) => {
    await logout(context(request), request.body);
    return reply.code(204).send(null);
  });

  app.post('/auth/logout-all', {
    config: { access: 'session.use' },
    schema: {
      operationId: 'logoutAll', summary: 'Sign out everywhere', tags: ['auth'],
      description: 'Ends every session of the caller, this one included.',
      response: { 204: noContent, ...problemResponses(401) },
    },
  }, async (request, reply) => {
    await logoutAll({ ...context(request), actor: actorOf(request) });
    return reply.code(204).send(null);
  });

  app.post('/auth/password', {
    config: { access: 'session.use', rateLimit: ADDRESS_LIMITS.password },
    schema: {
      operationId: 'changePassword', summary: 'Change your own password', tags: ['auth'], body: changePasswordBody,
      description: 'Sets a new password and ends every other session of the caller.',
      response: { 204: noContent, ...problemResponses(400, 401, 422, 429) },
    },
  }, async (request, reply) => {
    await changePassword({ ...context(request), actor: actorOf(request) }, request.body);
    return reply.code(204).send(null);
  });

  app.post('/auth/activate', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.activate },
    schema: {
      operationId: 'activate', summary: 'Activate an account with its activation code', tags: ['auth'], body: activateBody,
      description: 'Sets the password with a one-time activation code (and, for a new resident, the username).',
      response: { 200: tokenPairSchema, ...problemResponses(400, 401, 409, 429) },
    },
  }, async (request) => activate(context(request), request.body));

  app.get('/auth/me', {
    config: { access: 'session.use' },
    schema: { operationId: 'getMe', summary: 'The signed-in account',
      description: 'Who the bearer token belongs to: id, role, display name and location, for the client to choose its screens.', tags: ['auth'], response: { 200: meSchema, ...problemResponses(401) } },
  }, async (request) => describeSelf(actorOf(request)));
}
