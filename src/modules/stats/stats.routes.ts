import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem-schemas.js';
import { perUserRateLimit } from '../../http/rate-limit.js';
import { serviceContext } from '../../http/service-context.js';
import {
  CSV_DESCRIPTION, statsCatalogueSchema, statsPeriodListSchema, statsTableParams, statsTableQuery, statsTableSchema,
} from './stats.schemas.js';
import { publishedTable, statsCatalogue, statsPeriods } from './stats.service.js';

/** CSV only when asked for by name; anything else (or nothing) gets JSON. */
function wantsCsv(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept);
}

export async function statsRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];

  app.get('/stats/tables', {
    config: { access: 'stats.read' },
    schema: { operationId: 'listStatsTables', summary: 'List the statistics tables',
      description: 'The fixed catalogue of anonymised tables the evaluator may request, with their method.', tags, response: { 200: statsCatalogueSchema, ...problemResponses(401, 403) } },
  }, async () => statsCatalogue());

  app.get('/stats/periods', {
    config: { access: 'stats.read' },
    schema: {
      operationId: 'listStatsPeriods', tags,
      summary: 'The published statistics periods',
      description: 'Evaluator only (others 403). Every quarter and year that is published today (30 days after it ended), '
        + 'from the year of the oldest dossier on, newest first: the periods `GET /stats/tables/{table}` answers without a 422.',
      response: { 200: statsPeriodListSchema, ...problemResponses(401, 403) },
    },
  }, async (request) => statsPeriods(serviceContext(request)));

  app.get('/stats/tables/:table', {
    // Published tables are frozen, so pulling again reveals nothing; the limit only keeps a script
    // from occupying the database with first computations.
    config: { access: 'stats.read', rateLimit: perUserRateLimit(instance.appConfig.statsRequestsPerMinute, 60_000) },
    schema: {
      operationId: 'getStatsTable', summary: 'Read one statistics table', tags, params: statsTableParams, querystring: statsTableQuery,
      description: 'One table of the fixed catalogue for a published period, frozen at its first computation. '
        + 'Send `Accept: text/csv` for CSV.',
      response: {
        200: {
          description: 'The published table; the same bytes on every request for this period.',
          content: {
            'application/json': { schema: statsTableSchema },
            'text/csv': { schema: z.string().describe(CSV_DESCRIPTION) },
          },
        },
        ...problemResponses(400, 401, 403, 422),
      },
    },
  }, async (request, reply) => {
    const format = wantsCsv(request.headers.accept) ? 'csv' : 'json';
    const body = await publishedTable(serviceContext(request), {
      table: request.params.table, period: request.query.period, format, minCell: request.server.appConfig.statsMinCell,
    });
    // The stored bytes go out as they are: a string payload is never re-serialized.
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(body);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="schoon-schip_${request.params.table}_${request.query.period}.csv"`)
      .send(body);
  });
}
