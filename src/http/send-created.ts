// Sends the result of an idempotent create: a replay goes out byte for byte as stored.
import type { FastifyReply } from 'fastify';
import type { IdempotentResult } from '../core/idempotent-result.js';

export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>, etag?: (body: T) => string) {
  if (result.replayed) {
    return reply
      .code(result.statusCode)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .serializer((payload: unknown) => payload as string)
      .send(result.bodyText);
  }
  if (etag) reply.header('etag', etag(result.body));
  return reply.code(result.statusCode).send(result.body);
}
