// Liveness never touches the database (a database outage must not restart healthy processes);
// readiness does, and reports 503 while shutting down so a load balancer drains us first.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const HealthStatus = z.object({ status: z.enum(['ok', 'unavailable']) });

export async function healthRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  app.get('/health/live', {
    config: { access: 'public' },
    schema: { operationId: 'getLiveness', tags: ['health'], response: { 200: HealthStatus } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', {
    config: { access: 'public' },
    schema: { operationId: 'getReadiness', tags: ['health'], response: { 200: HealthStatus, 503: HealthStatus } },
  }, async (_request, reply) => {
    if (app.isClosing()) return reply.code(503).send({ status: 'unavailable' });
    try {
      await sql`SELECT 1`.execute(app.db);
      return { status: 'ok' as const };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
