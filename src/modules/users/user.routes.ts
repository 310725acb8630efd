// /users (docs/api.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { readIfMatch, withEtag } from '../../http/preconditions.js';
import { serviceContext } from '../../http/service-context.js';
import { approveCredentialReset, listCredentialResets, requestCredentialReset } from './credential-reset.service.js';
import {
  activationCodeIssuedSchema, createdUserSchema, credentialResetSchema, credentialResetApprovedSchema, credentialResetIdParams, credentialResetListSchema,
  userSchema, createUserBody, userIdParams, userListSchema, userListQuery, patchUserBody,
} from './user.schemas.js';
import { createUser, getUser, issueUserActivationCode, listUsers, updateUser } from './user.service.js';

export async function userRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => ({ ...serviceContext(request), secret: app.appConfig.rootSecret });

  app.get('/users', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'listUsers', summary: 'List accounts', tags: ['users'], querystring: userListQuery,
      description: 'Admin: every staff account. Coordinator: the maatjes of their location.',
      response: { 200: userListSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => listUsers(serviceContext(request), request.query));

  app.post('/users', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'createUser', tags: ['users'], body: createUserBody,
      summary: 'Create a staff account',
      description: 'Admin: any staff account. Coordinator: maatjes of their own location only. The account has no password and no code yet: creating it files the request for its first activation code (`credentialResetId`), which a second admin approves (two people for every staff credential).',
      response: { 201: createdUserSchema, ...problemResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    return withEtag(reply.code(201), await createUser(context(request), request.body));
  });

  app.get('/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'getUser', summary: 'Read one account',
      description: 'One account the caller manages (the same accounts as in the list: admin every staff account, coordinator the maatjes of their location); any other account answers 404.', tags: ['users'], params: userIdParams,
      response: { 200: userSchema, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    return withEtag(reply, await getUser(serviceContext(request), request.params.id));
  });

  app.patch('/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      operationId: 'updateUser', summary: 'Change an account', tags: ['users'], params: userIdParams, body: patchUserBody,
      description: 'Needs If-Match. trainedAt, role and locationId are the admin\'s. Disabling or a new role ends the account\'s sessions.',
      response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428) },
    },
  }, async (request, reply) => {
    // If-Match is checked by the service, after the role's 403s: those are decided from the body alone.
    return withEtag(reply, await updateUser(context(request), request.params.id, readIfMatch(request.headers['if-match']), request.body));
  });

  app.post('/users/:id/activation-code', {
    config: { access: 'user.activationCode' },
    schema: {
      operationId: 'issueActivationCode', tags: ['users'], params: userIdParams,
      summary: 'New activation code for a resident',
      description: 'Maatje only: a resident of a dossier they are the active, trained maatje of (else 404). Ends the resident\'s sessions and password. Other roles get 403: a staff account\'s code needs two people (POST /users/{id}/credential-resets).',
      response: { 201: activationCodeIssuedSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const code = await issueUserActivationCode(context(request), request.params.id);
    return reply.code(201).send(code);
  });

  app.post('/users/:id/credential-resets', {
    config: { access: 'credentialReset.request' },
    schema: {
      operationId: 'requestCredentialReset', tags: ['users'], params: userIdParams,
      summary: 'Ask for a staff account\'s new activation code',
      description: 'Admin: any staff account but their own. Coordinator: maatjes of their location (else 404). Files a request that a different admin approves; nothing changes for the account until then. 409 `reset_already_requested` while one waits, `user_disabled`, `cannot_reset_own_account`.',
      response: { 201: credentialResetSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await requestCredentialReset(context(request), request.params.id)));

  app.get('/credential-resets', {
    config: { access: 'credentialReset.list' },
    schema: {
      operationId: 'listCredentialResets', tags: ['users'], querystring: userListQuery,
      summary: 'Requests for a new activation code that wait for approval',
      description: 'Admin only: open, unexpired requests, oldest first, with who asked.',
      response: { 200: credentialResetListSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => listCredentialResets(serviceContext(request), request.query));

  app.post('/credential-resets/:id/approve', {
    config: { access: 'credentialReset.approve' },
    schema: {
      operationId: 'approveCredentialReset', tags: ['users'], params: credentialResetIdParams,
      summary: 'Approve a request and get the activation code once',
      description: 'Admin only, and never the admin who asked nor the account itself (403). Issues the code (returned once, to this admin), ends the account\'s sessions and password, and is recorded so the access log of every dossier the account opens afterwards says so. 404 unknown request; 409 `reset_already_approved`, `reset_request_expired`, `user_disabled`.',
      response: { 200: credentialResetApprovedSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => approveCredentialReset(context(request), request.params.id));
}
