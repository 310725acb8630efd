// Optimistic concurrency headers (DESIGN.md §3): `ETag: "<version>"` on reads, `If-Match` on edits.
import type { FastifyRequest } from 'fastify';
import { PreconditionRequiredError } from '../lib/errors.js';

export function etag(version: number): string {
  return `"${version}"`;
}

/** A version no row ever has: an If-Match that names none of ours fails as stale (412). */
export const UNMATCHABLE_VERSION = -1;

/**
 * The version the client edited, from `If-Match: "<version>"`; undefined when the header is
 * missing (the service answers 428 once it has decided the caller may edit at all). Anything
 * that is not one strong ETag of ours (a list, `*`, garbage) matches nothing, so it becomes a 412
 * with the current version: `*` would be the silent overwrite the header exists to prevent.
 */
export function readIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : UNMATCHABLE_VERSION;
}

/** readIfMatch for routes with nothing to decide first: missing is 428 right away. */
export function requireIfMatch(request: FastifyRequest): number {
  const version = readIfMatch(request);
  if (version === undefined) throw new PreconditionRequiredError();
  return version;
}
