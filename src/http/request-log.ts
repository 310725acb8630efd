// Fastify's own request lines, narrowed to an allow-list: method, route template, request id,
// status and duration. Never the raw URL (ids, query strings), headers, body or client address.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';


export class AllowListLogController extends LogController {
  override incomingRequest(): void {
    // One line per request is enough; it is written when the response is complete.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // Not under `req`/`res`: Fastify's child loggers serialize those keys with the raw URL and address.
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ method: request.method, route: '(not found)' }, 'route not found');
  }
}
