// The one error hierarchy. Services throw these; http/error-handler.ts alone turns them into
// RFC 9457 problem+json. `code` is stable so clients can translate it for residents.

export interface ProblemMember {
  [key: string]: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    /** Extra problem members (e.g. `missing`, `current`); never personal data beyond the caller's own. */
    readonly members: ProblemMember = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, detail: string, members?: ProblemMember) {
    super(400, code, 'Bad Request', detail, members);
  }
}

export class UnauthorizedError extends AppError {
  // One body for every authentication failure: no hint whether the user, password or token was wrong.
  constructor() {
    super(401, 'unauthorized', 'Unauthorized', 'Authentication is required or has failed.', {}, {
      'www-authenticate': 'Bearer',
    });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Your role may not use this operation.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class NotFoundError extends AppError {
  // Identical for "does not exist" and "you may not see it", so ids cannot be probed.
  constructor() {
    super(404, 'not_found', 'Not Found', 'The resource does not exist or is not visible to you.');
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string, members?: ProblemMember) {
    super(409, code, 'Conflict', detail, members);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(current: unknown, currentVersion: number) {
    super(412, 'version_mismatch', 'Precondition Failed',
      'The resource was changed by someone else. Review the current version and try again.',
      { current }, { etag: `"${currentVersion}"` });
  }
}

export class PreconditionRequiredError extends AppError {
  constructor() {
    super(428, 'if_match_required', 'Precondition Required',
      'Send If-Match with the ETag of the version you edited.');
  }
}

export class DomainRuleError extends AppError {
  constructor(code: string, detail: string, members?: ProblemMember) {
    super(422, code, 'Unprocessable Content', detail, members);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too Many Requests', 'Too many requests; try again later.', {},
      { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, detail: string, retryAfterSeconds: number) {
    super(503, code, 'Service Unavailable', detail, {},
      { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** A PostgreSQL unique violation (SQLSTATE 23505), optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
