// Optimistic concurrency at the HTTP edge (DESIGN.md §3): versions travel as strong ETags.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { BadRequestError, PreconditionRequiredError } from '../lib/errors.js';

export const etagOf = (version: number) => `"${version}"`;

/** Header schemas are lenient about other headers: only these are validated. */
export const ifMatchHeaders = z.object({ 'if-match': z.string().max(64).optional() });
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** The version the client edited; missing → 428, malformed → 400. */
export function requiredVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined) throw new PreconditionRequiredError();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new BadRequestError('invalid_if_match', 'If-Match must be the ETag of the version you edited, e.g. "3".');
  }
  return Number(match[1]);
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  reply.header('etag', etagOf(resource.version));
  return resource;
}

/** If-Match is optional on a singleton's PUT (the first one creates it). */
export function optionalVersion(ifMatch: string | undefined): number | undefined {
  return ifMatch === undefined ? undefined : requiredVersion(ifMatch);
}

/** A singleton PUT answers 201 when it created the resource, else 200, with the new ETag. */
export function sendSingleton<T extends { version: number }>(reply: FastifyReply, result: { created: boolean; view: T }) {
  return reply.code(result.created ? 201 : 200).send(withEtag(reply, result.view));
}
