// pino, configured so resident data cannot reach a log line: allow-list serializers first, redact
// as the safety net. Request lines are written by request-log.ts, never by Fastify's default.
import { pino, type DestinationStream, type Logger } from 'pino';
import { AppError } from '../lib/errors.js';
import type { LogLevel } from '../config.js';

// Keys whose values are secrets or personal data wherever they appear. Case-sensitive (pino).
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body',
  '*.body',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.activationCode',
  '*.username',
  '*.displayName',
  '*.residentDisplayName',
  '*.name',
  '*.creditorName',
  '*.collectorName',
  '*.reference',
  '*.text',
  '*.story',
  '*.notes',
  '*.description',
  '*.title',
  '*.iban',
  '*.email',
  '*.phone',
  '*.detail',
];

/** SQLSTATE-bearing errors from pg: their message and detail can echo stored or submitted values. */
function isDatabaseError(error: unknown): error is { code?: unknown; constraint?: unknown; table?: unknown } {
  return typeof error === 'object' && error !== null && 'severity' in error && 'code' in error;
}

/** Keeps what diagnoses a failure and nothing that could carry a resident's data. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof AppError) return { type: error.name, code: error.code, status: error.status };
  if (isDatabaseError(error)) {
    return {
      type: 'DatabaseError',
      code: error.code,
      constraint: typeof error.constraint === 'string' ? error.constraint : undefined,
      table: typeof error.table === 'string' ? error.table : undefined,
    };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // The stack without its first line: frames name our code, the first line repeats the message.
    const frames = error.stack?.split('\n').slice(1).join('\n');
    // Fastify's own errors describe our routes and schemas, never request data: their text helps.
    const frameworkMessage = typeof code === 'string' && code.startsWith('FST_') ? error.message : undefined;
    return { type: error.name, code: typeof code === 'string' ? code : undefined, message: frameworkMessage, stack: frames };
  }
  return { type: typeof error };
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      serializers: { err: serializeError, error: serializeError },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
