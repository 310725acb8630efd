import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent, problemResponses } from '../../http/problem-schemas.js';
import { serviceContext } from '../../http/service-context.js';
import { PageQuery, pageOf } from '../../lib/pagination.js';
import { PHASES } from '../../lib/vocabulary.js';
import { dossierIdParams } from '../dossiers/dossier.schemas.js';
import { assignMaatje, caseload, unassignMaatje } from './assignment.service.js';

const caseloadItemSchema = z.object({
  dossierId: z.uuid(),
  residentId: z.uuid().describe('For re-issuing the resident\'s activation code.'),
  residentDisplayName: z.string(),
  phase: z.enum(PHASES),
  maatjeId: z.uuid().nullable(),
  maatjeDisplayName: z.string().nullable(),
  openedAt: z.date(),
  lastActivityAt: z.date(),
  crisis: z.boolean(),
  overdueActions: z.int().min(0).describe('How many actions are past their due date and not done; a count only.'),
  noActiveMaatje: z.boolean(),
  inactive: z.boolean().describe('Open, and nothing changed in it for 12 months; housekeeping closes it as uitgevallen after 18.'),
}).meta({ id: 'CaseloadItem' });

const assignmentBody = z.strictObject({ maatjeId: z.uuid(), reason: z.string().trim().max(500).nullish() });
const assignmentSchema = z.object({ dossierId: z.uuid(), maatjeId: z.uuid(), maatjeDisplayName: z.string(), assignedAt: z.date() })
  .meta({ id: 'Assignment' });

export async function assignmentRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['assignments'];

  app.get('/caseload', {
    config: { access: 'caseload.read' },
    schema: { operationId: 'getCaseload', summary: 'The coordinator\'s caseload',
      description: 'Every dossier of the coordinator\'s location with its phase, maatje and signals (crisis, overdue actions, no active maatje, inactive). Paged.', tags, querystring: PageQuery,
      response: { 200: pageOf(caseloadItemSchema), ...problemResponses(400, 401, 403) } },
  }, async (request) => caseload(serviceContext(request), request.query));

  app.put('/dossiers/:id/assignment', {
    config: { access: 'assignment.write' },
    schema: { operationId: 'assignMaatje', summary: 'Assign a maatje to a dossier',
      description: 'The coordinator assigns a trained, active maatje of the dossier\'s location (else 422 maatje_not_eligible); the previous maatje loses access.', tags, params: dossierIdParams, body: assignmentBody,
      response: { 200: assignmentSchema, ...problemResponses(400, 401, 403, 404, 422) } },
  }, async (request) => assignMaatje(serviceContext(request), request.params.id, request.body));

  app.delete('/dossiers/:id/assignment', {
    config: { access: 'assignment.write' },
    schema: { operationId: 'unassignMaatje', summary: 'Remove the maatje from a dossier',
      description: 'The dossier then has no active maatje until the coordinator assigns one.', tags, params: dossierIdParams, response: { 204: noContent, ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await unassignMaatje(serviceContext(request), request.params.id);
    return reply.code(204).send(null);
  });
}
