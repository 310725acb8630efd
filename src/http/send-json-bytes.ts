// Sends JSON that is already serialized, and perhaps compressed (a kept view,
// modules/dossiers/view-cache.ts). With the content type set, Fastify sends a Buffer as it is; its
// reply typing only knows the route's schema type, hence the one cast, made here once.
import type { FastifyReply } from 'fastify';
import type { ContentCoding } from './content-coding.js';

/** Vary with Accept-Encoding added to what is there (CORS adds Origin), once. */
export function varyAlsoOnAcceptEncoding(current: string | undefined): string {
  const fields = (current ?? '').split(',').map((field) => field.trim().toLowerCase()).filter(Boolean);
  if (fields.includes('*') || fields.includes('accept-encoding')) return current as string;
  return fields.length === 0 ? 'accept-encoding' : `${current}, accept-encoding`;
}

export function sendJsonBytes(reply: FastifyReply, sent: { bytes: Buffer; coding: ContentCoding | undefined }) {
  // The answer depends on Accept-Encoding whether or not this one is compressed.
  const vary = reply.getHeader('vary');
  reply.header('vary', varyAlsoOnAcceptEncoding(typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : undefined));
  if (sent.coding !== undefined) reply.header('content-encoding', sent.coding);
  return reply.type('application/json; charset=utf-8').send(sent.bytes as unknown as string);
}
