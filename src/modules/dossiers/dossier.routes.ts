import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { etag, idempotencyHeaders, ifMatchHeaders, optionalVersion, requiredVersion, sendSingleton, withEtag } from '../../http/preconditions.js';
import { sendIdempotent } from '../../http/send-created.js';
import { callerContext, serviceContext } from '../../http/service-context.js';
import { PageQuery, pageOf } from '../../lib/pagination.js';
import { listAccessLog } from '../dossiers/access-log.service.js';
import {
  accessLogItemSchema, closeBody, consentSchema, createDossierBody, createdDossierSchema, dossierIdParams, dossierListItemSchema, dossierSchema, giveConsentBody,
  patchDossierBody, storyBody, storySchema, transitionBody, withdrawConsentQuery,
} from './dossier.schemas.js';
import { viewDelivery } from './view-delivery.js';
import { sendJsonBytes } from '../../http/send-json-bytes.js';
import { getDossierBody, giveConsent, listDossiers, patchDossier, transitionDossier, withdrawConsent } from './dossier.service.js';
import { closeDossier } from './closing.service.js';
import { createDossier } from './dossier-create.service.js';
import { getStory, putStory } from './story.service.js';

const tags = ['dossiers'];

export async function dossierRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/dossiers', {
    config: { access: 'dossier.list' },
    schema: { operationId: 'listDossiers', summary: 'List your dossiers',
      description: 'A resident sees their own dossier; a maatje the dossiers assigned to them. Paged with a cursor.', tags, querystring: PageQuery,
      response: { 200: pageOf(dossierListItemSchema), ...problemResponses(400, 401, 403) } },
  }, async (request) => listDossiers(serviceContext(request), request.query));

  app.post('/dossiers', {
    config: { access: 'dossier.create' },
    schema: { operationId: 'createDossier', summary: 'Open a dossier for a new resident',
      description: 'A maatje opens a dossier and the resident\'s account in one step; the answer carries the resident\'s one-time activation code. Send Idempotency-Key so a retry does not open a second dossier.', tags, headers: idempotencyHeaders, body: createDossierBody,
      response: { 201: createdDossierSchema, ...problemResponses(400, 401, 403, 422) } },
  }, async (request, reply) => {
    const ctx = { ...serviceContext(request), secret: request.server.appConfig.rootSecret };
    return sendIdempotent(reply, await createDossier(ctx, request.body, request.headers['idempotency-key']), (created) => etag(created.dossier.version));
  });

  app.get('/dossiers/:id', {
    config: { access: 'dossier.read', sessionCheckedInStatement: true },
    schema: { operationId: 'getDossier', summary: 'Read a dossier',
      description: 'The dossier with its phase, flags and counts. The ETag header carries its version for a later If-Match.', tags, params: dossierIdParams, response: { 200: dossierSchema, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    // The route's own compiled serializer writes the bytes, so they are what it would have sent.
    const view = await getDossierBody(callerContext(request), request.params.id, viewDelivery(request), (built) => reply.serialize(built) as string);
    return sendJsonBytes(reply.header('etag', etag(view.version)), view);
  });

  app.patch('/dossiers/:id', {
    config: { access: 'dossier.update' },
    schema: { operationId: 'updateDossier', summary: 'Change a dossier',
      description: 'Merge semantics: absent fields stay, null clears. If-Match is required (428 without; 412 with the current dossier when stale).', tags, params: dossierIdParams, headers: ifMatchHeaders, body: patchDossierBody,
      response: { 200: dossierSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 428) } },
  }, async (request, reply) => {
    const version = requiredVersion(request.headers['if-match']);
    return withEtag(reply, await patchDossier(serviceContext(request), request.params.id, version, request.body));
  });

  app.post('/dossiers/:id/transitions', {
    config: { access: 'dossier.transition' },
    schema: { operationId: 'transitionDossier', summary: 'Move a dossier to another phase',
      description: 'The assigned maatje moves the dossier along its phases: a move the phases never allow answers 409; one whose conditions are not met yet answers 422 with the missing items in `missing`.', tags, params: dossierIdParams, body: transitionBody,
      response: { 200: dossierSchema, ...problemResponses(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => withEtag(reply, await transitionDossier(serviceContext(request), request.params.id, request.body.to)));

  app.post('/dossiers/:id/close', {
    config: { access: 'dossier.close' },
    schema: { operationId: 'closeDossier', summary: 'Close a dossier',
      description: 'The assigned maatje closes the dossier with an exit reason and the solution reached; from a phase that cannot close, 409.', tags, params: dossierIdParams, body: closeBody,
      response: { 200: dossierSchema, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request, reply) => withEtag(reply, await closeDossier(serviceContext(request), request.params.id, request.body)));

  app.put('/dossiers/:id/consent', {
    config: { access: 'dossier.consent' },
    schema: { operationId: 'giveConsent', summary: 'Record the resident\'s consent',
      description: 'Records consent to the named consent text version; measurements and sharing depend on it.', tags, params: dossierIdParams, body: giveConsentBody,
      response: { 200: consentSchema, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => giveConsent(serviceContext(request), request.params.id, request.body));

  app.delete('/dossiers/:id/consent', {
    config: { access: 'dossier.consent' },
    schema: { operationId: 'withdrawConsent', summary: 'Withdraw consent',
      description: 'Withdraws the resident\'s consent (409 when none was given); `recordedOnPaper=true` when a maatje records a withdrawal the resident gave on paper.', tags, params: dossierIdParams, querystring: withdrawConsentQuery,
      response: { 200: consentSchema, ...problemResponses(400, 401, 403, 404, 409) } },
  }, async (request) => withdrawConsent(serviceContext(request), request.params.id, request.query.recordedOnPaper === 'true'));

  app.get('/dossiers/:id/story', {
    config: { access: 'dossier.content' },
    schema: { operationId: 'getStory', summary: 'Read the resident\'s story',
      description: 'The resident\'s own account of their situation, in their words.', tags, params: dossierIdParams, response: { 200: storySchema, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => withEtag(reply, await getStory(serviceContext(request), request.params.id)));

  app.put('/dossiers/:id/story', {
    config: { access: 'dossier.content' },
    schema: { operationId: 'putStory', summary: 'Write the resident\'s story',
      description: 'Creates the story (201) or replaces it (200). If-Match is required once it exists (428 without; 412 when stale).', tags, params: dossierIdParams, headers: ifMatchHeaders, body: storyBody,
      response: { 200: storySchema, 201: storySchema, ...problemResponses(400, 401, 403, 404, 409, 412, 428) } },
  }, async (request, reply) => {
    const version = optionalVersion(request.headers['if-match']);
    return sendSingleton(reply, await putStory(serviceContext(request), request.params.id, version, request.body));
  });

  app.get('/dossiers/:id/access-log', {
    config: { access: 'dossier.accessLog' },
    schema: { operationId: 'getAccessLog', summary: 'Who looked at this dossier',
      description: 'The access log of the dossier: which account read or changed it, and when. Paged, oldest first.', tags, params: dossierIdParams, querystring: PageQuery,
      response: { 200: pageOf(accessLogItemSchema), ...problemResponses(400, 401, 403, 404) } },
  }, async (request) => listAccessLog(serviceContext(request), request.params.id, request.query));
}
