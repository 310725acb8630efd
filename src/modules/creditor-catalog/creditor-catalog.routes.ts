import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { CREDITOR_TYPES, DEBT_RANKS } from '../../lib/vocabulary.js';
import { creditorCatalog } from './creditor-catalog.service.js';

const catalogCreditorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditorType: z.enum(CREDITOR_TYPES),
  suggestedRank: z.enum(DEBT_RANKS),
}).meta({ id: 'CatalogCreditor' });

export async function creditorCatalogRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/creditor-catalog', {
    config: { access: 'creditorCatalog.read' },
    schema: { operationId: 'listCatalogCreditors', summary: 'List the creditor catalogue',
      description: 'The shared list of known creditors with their type, for picking a creditor when adding a debt.', tags: ['debts'],
      response: { 200: z.object({ items: z.array(catalogCreditorSchema) }), ...problemResponses(401, 403) } },
  }, async () => creditorCatalog(instance.db));
}
