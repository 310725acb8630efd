// Per-address limits (docs/api.md), opt-in per route with `config.rateLimit`, counted
// in PostgreSQL so they hold across restarts and replicas. Answers are our 429 problem+json.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../lib/errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresRateLimitStore(app.db, app.now, app.appConfig.rootSecret),
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.ttl / 1000),
  });
}

export const rateLimit = fp(rateLimitPlugin, { name: 'rate-limit', dependencies: [] });

/**
 * A limit per signed-in person rather than per address (costly exports). It runs after the
 * authentication gate, so the actor is known; several residents may share one neighbourhood room.
 */
export function perUserRateLimit(max: number, timeWindowMs: number) {
  return {
    max,
    timeWindow: timeWindowMs,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `user:${request.actor?.userId ?? request.ip}`,
  };
}
