// The one place where errors become HTTP: RFC 9457 application/problem+json. Bodies never carry a
// database message, a stack or an exception's own text; unknown errors are a bare 500.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { AppError, NotFoundError } from '../lib/errors.js';
import { isAppRoute } from './web-app.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  [member: string]: unknown;
}

export interface ValidationIssue {
  pointer: string;
  code: string;
  detail: string;
}

const problemType = (code: string) => `urn:schoon-schip:problem:${code}`;

// Fastify's own client errors, mapped to our stable codes. Their messages are ours to keep or drop.
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', title: 'Content Too Large', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', title: 'Unsupported Media Type', detail: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', title: 'Bad Request', detail: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', title: 'Bad Request', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', title: 'Bad Request', detail: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', title: 'Bad Request', detail: 'The URL is malformed.' },
};

export function problemBody(request: FastifyRequest, error: AppError): ProblemBody {
  return {
    ...error.members,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    requestId: request.id,
  };
}

function sendProblem(reply: FastifyReply, status: number, body: ProblemBody, headers: Record<string, string> = {}) {
  // Our own serializer: a route's response schema must not reshape (or reject) an error body.
  return reply
    .code(status)
    .headers(headers)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(body);
}

function validationIssues(error: FastifyError & { validation: { instancePath: string; keyword: string; message?: string }[] }): ValidationIssue[] {
  const location = error.validationContext ?? 'body';
  return error.validation.map((issue) => ({
    pointer: `/${location}${issue.instancePath === '/' ? '' : issue.instancePath}`,
    code: issue.keyword,
    detail: issue.message ?? 'Invalid value.',
  }));
}

// Fastify's plain JSON parser throws a SyntaxError tagged with statusCode 400.
function isJsonSyntaxError(error: FastifyError): boolean {
  return error instanceof SyntaxError && error.statusCode === 400;
}

export interface ProblemHandlerOptions {
  /** Answers the web app's own routes (history fallback) instead of a 404; see http/web-app.ts. */
  appShell?: (reply: FastifyReply) => FastifyReply;
}

export function registerProblemHandlers(app: FastifyInstance, options: ProblemHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, error.status, problemBody(request, error), error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const body = problemBody(request, new AppError(400, 'validation_failed', 'Bad Request',
        'The request does not match the expected shape.'));
      return sendProblem(reply, 400, { ...body, errors: validationIssues(error) });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      return sendProblem(reply, known.status, problemBody(request,
        new AppError(known.status, known.code, known.title, known.detail)));
    }
    if (isJsonSyntaxError(error)) {
      return sendProblem(reply, 400, problemBody(request,
        new AppError(400, 'invalid_json', 'Bad Request', 'The body is not valid JSON.')));
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, 429, problemBody(request,
        new AppError(429, 'rate_limited', 'Too Many Requests', 'Too many requests; try again later.')));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: error.code } }, 'database unavailable');
      return sendProblem(reply, 503, problemBody(request, new AppError(503, 'database_unavailable', 'Service Unavailable',
        'The database is not reachable right now. Try again shortly; repeat a create with the same Idempotency-Key.')),
      { 'retry-after': '2' });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { type: 'ResponseSerializationError', route: request.routeOptions.url } }, 'response did not match its schema');
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Another framework client error: keep its status, never its message.
      return sendProblem(reply, error.statusCode, problemBody(request,
        new AppError(error.statusCode, 'bad_request', 'Bad Request', 'The request could not be processed.')));
    } else {
      request.log.error({ err: error }, 'unexpected error');
    }
    return sendProblem(reply, 500, problemBody(request,
      new AppError(500, 'internal_error', 'Internal Server Error',
        'Something went wrong on our side. Quote the requestId if you contact support.')));
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.appShell && isAppRoute(request)) return options.appShell(reply);
    const error = new NotFoundError();
    return sendProblem(reply, 404, problemBody(request, error));
  });
}

// Errors the router raises before a route is found (a path that is not valid UTF-8 once decoded, an
// over-long parameter): Fastify would answer them in its own JSON shape.
export function problemFrameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long.' : 'The URL is malformed.';
  return sendProblem(reply, 400, problemBody(request, new AppError(400, 'bad_url', 'Bad Request', detail)));
}

// Errors Node's HTTP parser raises before Fastify sees a request (a header block over the limit, a
// malformed request line, a slow client): the same problem+json, written straight to the socket.
const CLIENT_ERRORS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', title: 'Request Header Fields Too Large', detail: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', title: 'Request Timeout', detail: 'The request took too long to arrive.' },
};
const MALFORMED_REQUEST = { status: 400, code: 'malformed_request', title: 'Bad Request', detail: 'The request is not valid HTTP.' };

export function problemClientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code ? CLIENT_ERRORS[error.code] : undefined) ?? MALFORMED_REQUEST;
  const body = JSON.stringify({ type: problemType(known.code), title: known.title, status: known.status, detail: known.detail,
    code: known.code, requestId: randomUUID() });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${known.status} ${known.title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      + `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
