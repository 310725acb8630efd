// Errors that mean "the database connection is gone or refused", as opposed to a bad query: the
// request can be retried once PostgreSQL is back, so they answer 503 instead of 500.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports a dead or closed connection with these messages and no code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated', 'Client was closed and is not queryable', 'Client has encountered a connection error',
  'timeout exceeded when trying to connect', 'Cannot use a pool after calling end',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_NODE_CODES.has(code))) return true;
  return UNAVAILABLE_MESSAGES.some((message) => error.message.includes(message));
}
