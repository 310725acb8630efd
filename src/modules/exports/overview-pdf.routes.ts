import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { perUserRateLimit } from '../../http/rate-limit.js';
import { serviceContext } from '../../http/service-context.js';
import { sendPdf } from '../../http/send-pdf.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { overviewPdf } from './overview-pdf.service.js';

const pdfQuery = z.strictObject({
  includeStory: z.enum(['true', 'false']).optional().describe('Resident only: add the story behind the debts.'),
});

export async function overviewPdfRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/dossiers/:id/overview.pdf', {
    // A render costs a worker for ~100 ms: a few per minute per person is plenty for a resident.
    config: { access: 'dossier.pdf', rateLimit: perUserRateLimit(instance.appConfig.pdfDownloadsPerMinute, 60_000) },
    schema: {
      operationId: 'getOverviewPdf', summary: 'The overview as PDF',
      description: 'The dossier\'s overview for the resident, in plain Dutch, as a PDF; `includeStory=true` adds the resident\'s story. Rate-limited per person.', tags: ['exports'], params: dossierIdParams, querystring: pdfQuery,
      response: {
        200: { description: 'The overview in plain Dutch (B1), fonts embedded.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        ...problemResponses(400, 401, 403, 404, 429, 503),
      },
    },
  }, async (request, reply) => {
    // A Buffer bypasses the response serializer; the schema above documents the bytes.
    const pdf = await overviewPdf(serviceContext(request), request.server.pdfRenderer, request.params.id, request.query.includeStory === 'true');
    return sendPdf(reply, pdf, 'schuldenoverzicht.pdf');
  });
}
