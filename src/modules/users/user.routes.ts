// /users (docs/api.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { actorOf } from '../../http/authenticate.js';
import { etag, readIfMatch } from '../../http/preconditions.js';
import {
  ActivationCodeIssued, CreatedUser, User, UserCreateBody, UserIdParams, UserList, UserListQuery, UserPatchBody,
} from './user.schemas.js';
import { createUser, getUser, issueUserActivationCode, listUsers, updateUser } from './user.service.js';

export async function userRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => ({
    db: app.db, now: app.now(), requestId: request.id, secret: app.appConfig.jwtSecret,
  });

  app.get('/users', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'listUsers', summary: 'List accounts', tags: ['users'], querystring: UserListQuery,
      description: 'Admin: every staff account. Coordinator: the maatjes of their location.',
      response: { 200: UserList, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => listUsers(app.db, actorOf(request), request.query));

  app.post('/users', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'createUser', summary: 'Create a staff account', tags: ['users'], body: UserCreateBody,
      description: 'Admin: any staff account. Coordinator: maatjes of their own location only.',
      response: { 201: CreatedUser, ...problemResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const user = await createUser(context(request), actorOf(request), request.body);
    return reply.code(201).header('etag', etag(user.version)).send(user);
  });

  app.get('/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'getUser', summary: 'Read one account',
      description: 'One account the caller manages (the same accounts as in the list: admin every staff account, coordinator the maatjes of their location); any other account answers 404.', tags: ['users'], params: UserIdParams,
      response: { 200: User, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const user = await getUser(app.db, actorOf(request), request.params.id);
    return reply.header('etag', etag(user.version)).send(user);
  });

  app.patch('/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'updateUser', summary: 'Change an account', tags: ['users'], params: UserIdParams, body: UserPatchBody,
      description: 'Needs If-Match. trainedAt, role and locationId are the admin\'s. Disabling or a new role ends the account\'s sessions.',
      response: { 200: User, ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
  }, async (request, reply) => {
    const user = await updateUser(context(request), actorOf(request), request.params.id, readIfMatch(request.headers['if-match']), request.body);
    return reply.header('etag', etag(user.version)).send(user);
  });

  app.post('/users/:id/activation-code', {
    config: { access: 'user.activationCode' },
    schema: {
      operationId: 'issueActivationCode', summary: 'Issue a new activation code', tags: ['users'], params: UserIdParams,
      description: 'Admin: staff accounts. Coordinator: residents and maatjes of their location. Ends the account\'s sessions and password.',
      response: { 201: ActivationCodeIssued, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const code = await issueUserActivationCode(context(request), actorOf(request), request.params.id);
    return reply.code(201).send(code);
  });
}
