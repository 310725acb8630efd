import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { callerContext, serviceContext } from '../../http/service-context.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { overviewSchema, settlementQuery, settlementSchema } from './overview.schemas.js';
import { getOverviewBody } from './overview.service.js';
import { viewDelivery } from '../dossiers/view-delivery.js';
import { sendJsonBytes } from '../../http/send-json-bytes.js';
import { getSettlement } from './settlement.service.js';

const tags = ['overview'];

export async function overviewRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/dossiers/:id/overview', {
    config: { access: 'dossier.read', sessionCheckedInStatement: true },
    schema: { operationId: 'getOverview', summary: 'The dossier\'s overview',
      description: 'Computed totals of the dossier: debts, budget, aflosruimte and flags, from the stored records and the norms of the period.', tags, params: dossierIdParams, response: { 200: overviewSchema, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    // The route's own compiled serializer writes the bytes, so they are what it would have sent.
    const view = await getOverviewBody(callerContext(request), request.params.id, viewDelivery(request), (built) => reply.serialize(built) as string);
    return sendJsonBytes(reply, view);
  });

  app.get('/dossiers/:id/settlement', {
    config: { access: 'dossier.read' },
    schema: { operationId: 'getSettlement', summary: 'A settlement proposal',
      description: 'Simulates a minnelijk traject over `months` from the aflosruimte: what each creditor would receive. 422 vtlb_required when no VTLB can be formed (never simulated on the budget saldo).', tags, params: dossierIdParams, querystring: settlementQuery,
      response: { 200: settlementSchema, ...problemResponses(400, 401, 403, 404, 422) } },
  }, async (request) => getSettlement(serviceContext(request), request.params.id, request.query));
}
