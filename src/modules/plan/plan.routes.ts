import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { ifMatchHeaders, optionalVersion, sendSingleton, withEtag } from '../../http/preconditions.js';
import { serviceContext } from '../../http/service-context.js';
import { registerChildRoutes } from '../dossiers/dossier-children.routes.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import {
  actionSchema, checklistBody, checklistSchema, createActionBody, patchActionBody, referralBody, referralSchema,
} from './plan.schemas.js';
import { actions, getChecklist, getReferral, putChecklist, putReferral } from './plan.service.js';

export async function planRoutes(instance: FastifyInstance) {
  registerChildRoutes(instance, {
    segment: 'actions', idParam: 'actionId', singular: 'Action', plural: 'Actions', tag: 'plan',
    read: 'dossier.content', write: 'dossier.content',
    schemas: { view: actionSchema, create: createActionBody, patch: patchActionBody },
    service: actions,
  });

  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['plan'];

  app.get('/dossiers/:id/referral', {
    config: { access: 'dossier.read' },
    schema: { operationId: 'getReferral', summary: 'Read the referral',
      description: 'Where the dossier is referred to (for example schuldhulpverlening of the municipality), if anywhere.', tags, params: dossierIdParams, response: { 200: referralSchema, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => withEtag(reply, await getReferral(serviceContext(request), request.params.id)));

  app.put('/dossiers/:id/referral', {
    config: { access: 'dossier.plan.write' },
    schema: { operationId: 'putReferral', summary: 'Write the referral',
      description: 'Creates the referral (201) or replaces it (200). If-Match is required once it exists (428 without; 412 when stale).', tags, params: dossierIdParams, headers: ifMatchHeaders, body: referralBody,
      response: { 200: referralSchema, 201: referralSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 428) } },
  }, async (request, reply) => sendSingleton(reply,
    await putReferral(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match']), request.body)));

  app.get('/dossiers/:id/checklist', {
    config: { access: 'dossier.read' },
    schema: { operationId: 'getChecklist', summary: 'Read the checklist',
      description: 'The dossier\'s checklist of papers and steps.', tags, params: dossierIdParams, response: { 200: checklistSchema, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => withEtag(reply, await getChecklist(serviceContext(request), request.params.id)));

  app.put('/dossiers/:id/checklist', {
    config: { access: 'dossier.plan.write' },
    schema: { operationId: 'putChecklist', summary: 'Write the checklist',
      description: 'Creates the checklist (201) or replaces it (200). If-Match is required once it exists (428 without; 412 when stale).', tags, params: dossierIdParams, headers: ifMatchHeaders, body: checklistBody,
      response: { 200: checklistSchema, 201: checklistSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 428) } },
  }, async (request, reply) => sendSingleton(reply,
    await putChecklist(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match']), request.body)));
}
