// Per-address limits (reference/security.md RL-1), opt-in per route with `config.rateLimit`, counted
// in PostgreSQL so they hold across restarts and replicas. Answers are our 429 problem+json.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../lib/errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresRateLimitStore(app.db, app.now, app.appConfig.jwtSecret),
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.ttl / 1000),
  });
}

export const rateLimit = fp(rateLimitPlugin, { name: 'rate-limit', dependencies: [] });
