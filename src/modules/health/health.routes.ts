// Liveness never touches the database (a database outage must not restart healthy processes);
// readiness does (reachable and migrated), and reports 503 while shutting down so a load balancer
// drains us first.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readinessCheck } from './health.service.js';

const HealthStatus = z.object({ status: z.enum(['ok', 'unavailable']) });

export async function healthRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const ready = readinessCheck(app.db);
  app.get('/health/live', {
    config: { access: 'public' },
    schema: { operationId: 'getLiveness', summary: 'Liveness probe',
      description: 'Answers 200 while the process runs; it does not touch the database. For the container platform\'s restart decision.', tags: ['health'], response: { 200: HealthStatus } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', {
    config: { access: 'public' },
    schema: { operationId: 'getReadiness', summary: 'Readiness probe',
      description: 'Answers 200 when the database answers, every migration is applied and the server is not shutting down, else 503: for the load balancer\'s routing decision.', tags: ['health'], response: { 200: HealthStatus, 503: HealthStatus } },
  }, async (_request, reply) => {
    if (app.isClosing() || !(await ready())) return reply.code(503).send({ status: 'unavailable' });
    return { status: 'ok' as const };
  });
}
