// Optimistic concurrency at the HTTP edge (docs/api.md): versions travel as strong ETags.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PreconditionRequiredError } from '../lib/errors.js';

export const etag = (version: number) => `"${version}"`;

/** A version no row ever has: an If-Match that names none of ours fails as stale (412). */
export const UNMATCHABLE_VERSION = -1;

/** Header schemas are lenient about other headers: only these are validated. */
export const ifMatchHeaders = z.object({ 'if-match': z.string().max(64).optional() });
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/**
 * The version the client edited, from `If-Match: "<version>"`; undefined when the header is
 * missing. Anything that is not one strong ETag of ours (a list, `*`, a weak tag) matches nothing,
 * so it ends as a 412 with the current version: `*` would be the silent overwrite the header
 * exists to prevent.
 */
export function readIfMatch(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '') return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : UNMATCHABLE_VERSION;
}

/** readIfMatch where the header is required: missing → 428. */
export function requiredVersion(ifMatch: string | undefined): number {
  const version = readIfMatch(ifMatch);
  if (version === undefined) throw new PreconditionRequiredError();
  return version;
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  reply.header('etag', etag(resource.version));
  return resource;
}

/** If-Match is optional on a singleton's PUT (the first one creates it). */
export const optionalVersion = readIfMatch;

/** A singleton PUT answers 201 when it created the resource, else 200, with the new ETag. */
export function sendSingleton<T extends { version: number }>(reply: FastifyReply, result: { created: boolean; view: T }) {
  return reply.code(result.created ? 201 : 200).send(withEtag(reply, result.view));
}
