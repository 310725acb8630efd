import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyHeaders } from '../../http/preconditions.js';
import { problemResponses } from '../../http/problem-schemas.js';
import { sendIdempotent } from '../../http/send-created.js';
import { serviceContext } from '../../http/service-context.js';
import { PageQuery } from '../../lib/pagination.js';
import { createNormPeriodBody, normPeriodPageSchema, normPeriodSchema } from './norm-period.schemas.js';
import { addNormPeriod, listNormPeriods } from './norm-period.service.js';

const tags = ['norms'];

export async function normPeriodRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/norm-periods', {
    config: { access: 'reference.read' },
    schema: { operationId: 'listNormPeriods', tags, querystring: PageQuery,
      response: { 200: normPeriodPageSchema, ...problemResponses(400, 401, 403) } },
  }, async (request) => listNormPeriods(serviceContext(request), request.query));

  app.post('/norm-periods', {
    config: { access: 'reference.write' },
    schema: { operationId: 'createNormPeriod', tags, headers: idempotencyHeaders, body: createNormPeriodBody,
      response: { 201: normPeriodSchema, ...problemResponses(400, 401, 403, 422) } },
  }, async (request, reply) => {
    const result = await addNormPeriod(serviceContext(request), request.body, request.headers['idempotency-key']);
    return sendIdempotent(reply, result);
  });
}
