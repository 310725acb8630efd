import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyHeaders } from '../../http/preconditions.js';
import { problemResponses } from '../../http/problem-schemas.js';
import { sendIdempotent } from '../../http/send-created.js';
import { serviceContext } from '../../http/service-context.js';
import { PageQuery } from '../../lib/pagination.js';
import { createNormPeriodBody, normPeriodPageSchema, normPeriodPreviewSchema, normPeriodSchema } from './norm-period.schemas.js';
import { addNormPeriod, listNormPeriods, previewNormPeriod } from './norm-period.service.js';

const tags = ['norms'];

export async function normPeriodRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/norm-periods', {
    config: { access: 'reference.read' },
    schema: { operationId: 'listNormPeriods', summary: 'List the norm periods',
      description: 'The bijstandsnormen per period, oldest first, paged.', tags, querystring: PageQuery,
      response: { 200: normPeriodPageSchema, ...problemResponses(400, 401, 403) } },
  }, async (request) => listNormPeriods(serviceContext(request), request.query));

  app.post('/norm-periods', {
    config: { access: 'reference.write' },
    schema: { operationId: 'createNormPeriod', summary: 'Add a norm period',
      description: 'The admin adds the bijstandsnormen of a new period. Send Idempotency-Key so a retry does not add it twice. A period that does not fit the existing ones or whose figures are inconsistent answers 422 with the reasons in `errors`.', tags, headers: idempotencyHeaders, body: createNormPeriodBody,
      response: { 201: normPeriodSchema, ...problemResponses(400, 401, 403, 422) } },
  }, async (request, reply) => {
    const result = await addNormPeriod(serviceContext(request), request.body, request.headers['idempotency-key']);
    return sendIdempotent(reply, result);
  });

  app.post('/norm-periods/preview', {
    config: { access: 'reference.write' },
    schema: {
      operationId: 'previewNormPeriod', tags, body: createNormPeriodBody,
      summary: 'Preview a new norm period without saving it',
      description: 'Admin only (others 403). Takes the body of POST /norm-periods and stores nothing: answers what saving '
        + 'would refuse (`errors`, the same as that 422) and, per norm key, the indicative beslagvrije voet and aflosruimte '
        + 'of a sample household on a bijstand income under the period in force today and under the proposed one. '
        + '400 when the body has the wrong shape.',
      response: { 200: normPeriodPreviewSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => previewNormPeriod(serviceContext(request), request.body));
}
