// Builds a service's context from an authenticated request. Routes with a policy operation always
// have an actor (the authentication gate ran first); reaching here without one is a wiring bug.
// The hot routes (`sessionCheckedInStatement`) have the token's claims instead: `callerContext`.
import type { FastifyRequest } from 'fastify';
import type { CallerContext, ServiceContext } from '../core/service-context.js';
import { claimsOf, verifiedActor } from './authenticate.js';

export function serviceContext(request: FastifyRequest): ServiceContext {
  const actor = request.actor;
  if (!actor) throw new Error('serviceContext called on a route without an authenticated actor');
  return { db: request.server.db, actor, requestId: request.id, now: request.server.now(), cipher: request.server.cipher };
}

/** For a hot route's one statement, which checks the session itself (liveSessionOf). */
export function callerContext(request: FastifyRequest): CallerContext {
  return { db: request.server.db, actor: claimsOf(request), requestId: request.id, now: request.server.now(), cipher: request.server.cipher };
}

/** A hot route's way back to the usual path: the actor loaded now (401 when the session is over). */
export async function verifiedServiceContext(request: FastifyRequest): Promise<ServiceContext> {
  await verifiedActor(request);
  return serviceContext(request);
}
