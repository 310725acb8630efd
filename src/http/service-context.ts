// Builds a service's context from an authenticated request. Routes with a policy operation always
// have an actor (the authentication gate ran first); reaching here without one is a wiring bug.
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../core/service-context.js';

export function serviceContext(request: FastifyRequest): ServiceContext {
  const actor = request.actor;
  if (!actor) throw new Error('serviceContext called on a route without an authenticated actor');
  return { db: request.server.db, actor, requestId: request.id, now: request.server.now(), cipher: request.server.cipher };
}
