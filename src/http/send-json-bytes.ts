// Sends JSON that is already serialized (a kept view, modules/dossiers/view-cache.ts). With the
// content type set, Fastify sends a Buffer as it is; its reply typing only knows the route's
// schema type, hence the one cast, made here once.
import type { FastifyReply } from 'fastify';

export function sendJsonBytes(reply: FastifyReply, body: Buffer) {
  return reply.type('application/json; charset=utf-8').send(body as unknown as string);
}
