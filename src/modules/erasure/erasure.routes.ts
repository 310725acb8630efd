// Erasure on request (AVG art. 17): ask, see, cancel, record on paper, and the receipt.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent, problemResponses } from '../../http/problem-schemas.js';
import { serviceContext } from '../../http/service-context.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { cancelErasure, erasureStatus, lookupReceipt, recordPaperErasure, requestErasure } from './erasure.service.js';
import {
  erasureReceiptSchema, erasureRequestCreated, erasureStatusSchema, paperErasureBody, receiptLookupBody,
} from './erasure.schemas.js';

const MINUTE = 60_000;

export async function erasureRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['erasure'];
  const withSecret = (request: FastifyRequest) => ({ ...serviceContext(request), secret: request.server.appConfig.rootSecret });

  app.get('/dossiers/:id/erasure-request', {
    config: { access: 'dossier.erasure.read' },
    schema: {
      operationId: 'getErasureRequest', tags, params: dossierIdParams,
      summary: 'See whether erasure of the dossier is pending',
      description: 'The resident and the assigned maatje see a pending erasure request and the day it will be carried out. '
        + '`pending` is null when none is pending. 404 for a dossier the caller may not see.',
      response: { 200: erasureStatusSchema, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => erasureStatus(serviceContext(request), request.params.id));

  app.post('/dossiers/:id/erasure-request', {
    config: { access: 'dossier.erasure.request' },
    schema: {
      operationId: 'requestErasure', tags, params: dossierIdParams,
      summary: 'Ask for erasure of the dossier (resident)',
      description: 'Only the resident. The erasure is carried out after a 7-day cooling-off unless the resident cancels: '
        + 'every personal field of the dossier goes, and the account when no other dossier remains; an anonymous '
        + 'statistical remainder stays. The receipt code is shown once. 409 `erasure_already_requested` when one is pending.',
      response: { 201: erasureRequestCreated, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await requestErasure(withSecret(request), request.params.id)));

  app.delete('/dossiers/:id/erasure-request', {
    config: { access: 'dossier.erasure.request' },
    schema: {
      operationId: 'cancelErasure', tags, params: dossierIdParams,
      summary: 'Cancel a pending erasure (resident)',
      description: 'Only the resident, during the cooling-off. 409 `no_pending_erasure` when nothing is pending.',
      response: { 204: noContent, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await cancelErasure(serviceContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/dossiers/:id/erasure-request/paper', {
    config: { access: 'dossier.erasure.paper' },
    schema: {
      operationId: 'recordPaperErasure', tags, params: dossierIdParams, body: paperErasureBody,
      summary: 'Record an erasure request handed in on paper (coordinator)',
      description: 'A coordinator of the dossier\'s location records a request the resident handed in on paper, after '
        + 'checking their identity in person; audited. Same cooling-off as in the app; the receipt code is for the resident. '
        + '404 for a dossier of another location, 409 `erasure_already_requested` when one is pending.',
      response: { 201: erasureRequestCreated, ...problemResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await recordPaperErasure(withSecret(request), request.params.id)));

  app.post('/erasure-receipts/lookup', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: MINUTE } },
    schema: {
      operationId: 'lookupErasureReceipt', tags, body: receiptLookupBody,
      summary: 'Read an erasure receipt by its code',
      description: 'Anyone holding a receipt code sees when the request was made, whether and when the erasure was carried '
        + 'out, and which kinds of data were erased. Needs no account, since the account itself is erased. 404 for an '
        + 'unknown, cancelled or expired code; 429 when guessing.',
      response: { 200: erasureReceiptSchema, ...problemResponses(400, 404, 429) },
    },
  }, async (request) => lookupReceipt({ db: request.server.db, now: request.server.now(), secret: request.server.appConfig.rootSecret },
    request.body.receiptCode));
}
