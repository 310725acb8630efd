import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { perUserRateLimit } from '../../http/rate-limit.js';
import { serviceContext } from '../../http/service-context.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { dossierExportSchema } from './export.schemas.js';
import { exportDossier } from './export.service.js';

export async function exportRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/dossiers/:id/export.json', {
    // The whole dossier in one go: a handful per hour is all a person needs, more is harvesting.
    config: { access: 'dossier.export', rateLimit: perUserRateLimit(10, 60 * 60_000) },
    schema: { operationId: 'exportDossier', summary: 'Download your own data',
      description: 'The resident\'s complete dossier as JSON (right of access, AVG art. 15). Rate-limited per person.', tags: ['exports'], params: dossierIdParams,
      response: { 200: dossierExportSchema, ...problemResponses(400, 401, 403, 404, 429) } },
  }, async (request, reply) => {
    const body = await exportDossier(serviceContext(request), request.params.id);
    reply.header('content-disposition', `attachment; filename="schoon-schip-${request.params.id}.json"`);
    return body;
  });
}
