// Completes the generated OpenAPI document in one place, from facts the server itself enforces
// (access rules, rate limits, preconditions, zod bounds), so every route tells the same truth
// without repeating it: who may call it, the 401/429/500 answers, the rate-limit headers, which
// If-Match is required, and the formats/lengths implied by a schema's own type. Checked by
// `npm run lint:spec` (Redocly recommended + Spectral OWASP 2023).
import type { FastifySchema, RouteOptions } from 'fastify';
import { isOperation, roleMay } from '../access/policy.js';
import { ROLES } from '../lib/vocabulary.js';
import { patternMaxLength } from './pattern-length.js';

type Json = Record<string, unknown>;

/** Vendor keys the route transform leaves on an operation for the document pass; removed there. */
const ACCESS_KEY = 'x-schoon-schip-access';
const RATE_LIMITED_KEY = 'x-schoon-schip-rate-limited';

export const TAG_DESCRIPTIONS: Record<string, string> = {
  health: 'Liveness and readiness probes for the container platform.',
  setup: 'The first admin account, created once with the setup code from the start-up log.',
  auth: 'Sign-in, activation, token refresh, sign-out and password change.',
  locations: 'The neighbourhood rooms (BuurtWerkKamers) accounts and dossiers belong to.',
  users: 'Accounts: residents, maatjes, coordinators, evaluators and admins.',
  dossiers: 'A resident\'s dossier: its phase, consent, story and access log.',
  debts: 'The debts in a dossier and the shared creditor catalogue.',
  budget: 'Incomes and expenses in a dossier.',
  assignments: 'Which maatje holds which dossier; the coordinator\'s caseload.',
  plan: 'The plan of action: actions, the referral and the checklist.',
  measurements: 'Evaluation questionnaires (instruments) and their measurements.',
  exports: 'The resident\'s own data as JSON and the overview as PDF.',
  overview: 'Computed totals: the budget, aflosruimte and the settlement proposal.',
  paperwork: 'Letters to creditors and the handover to another organisation.',
  norms: 'The bijstandsnormen per period, maintained by the admin.',
  stats: 'Anonymised statistics for the evaluator, with small cells suppressed.',
  erasure: 'Requests to erase a dossier and their receipts.',
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed in the current window (per address, or per person for costly downloads).',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the current window ends.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX },
  },
};

const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX },
  },
};

/** The generator's placeholder for a response without a description. */
const PLACEHOLDER_DESCRIPTION = 'Default Response';
const STATUS_DESCRIPTIONS: Record<string, string> = {
  200: 'OK.', 201: 'Created.', 204: 'No content.', 503: 'Unavailable: the database does not answer or the server is stopping.',
};

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const STANDARD_RESPONSES: Record<string, string> = {
  401: 'Not authenticated: the bearer token is missing, expired or revoked.',
  429: 'Rate limited; see Retry-After.',
  500: 'An unexpected error; nothing was changed. The body carries a requestId for the log.',
};

/** A timestamp the server writes itself: a Date as toISOString (zod emits it without a pattern). */
const SERVER_TIMESTAMP_LENGTH = 24;

/** Route transform (per route): marks what the document pass needs and the route declares. */
export function annotateRoute(schema: FastifySchema, route: RouteOptions): FastifySchema {
  const access = route.config?.access;
  return {
    ...schema,
    [ACCESS_KEY]: access,
    ...(route.config?.rateLimit ? { [RATE_LIMITED_KEY]: true } : {}),
  } as FastifySchema;
}

function roleSentence(access: unknown, path: string): string {
  if (access === 'public') return 'Who may call it: anyone; no sign-in needed.';
  if (!isOperation(access)) return '';
  const roles = ROLES.filter((role) => roleMay(role, access));
  const partiesOnly = roles.every((role) => role === 'resident' || role === 'maatje');
  const gate = partiesOnly && path.startsWith('/api/v1/dossiers/{id}')
    ? ' Of those, only the dossier\'s own resident and its assigned maatje pass the dossier gate; for anyone else the dossier does not exist (404).'
    : '';
  return `Who may call it: ${roles.join(', ')} (policy operation \`${access}\`); any other role gets 403.${gate}`;
}

function errorSentence(responses: Json): string {
  const errors = Object.entries(responses)
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .map(([status, response]) => `${status} ${String((response as Json).description ?? '')}`.trim());
  return errors.length === 0 ? '' : `Errors:\n${errors.map((line) => `- ${line}`).join('\n')}`;
}

function completeOperation(operation: Json, path: string): void {
  const access = operation[ACCESS_KEY];
  const rateLimited = operation[RATE_LIMITED_KEY] === true;
  delete operation[ACCESS_KEY];
  delete operation[RATE_LIMITED_KEY];
  const responses = (operation.responses ?? {}) as Json;
  operation.responses = responses;

  if (access !== 'public' && responses['401'] === undefined) {
    responses['401'] = { description: STANDARD_RESPONSES[401], content: problemContent };
  }
  if (rateLimited && responses['429'] === undefined) {
    responses['429'] = { description: STANDARD_RESPONSES[429], content: problemContent };
  }
  if (responses['500'] === undefined) {
    responses['500'] = { description: STANDARD_RESPONSES[500], content: problemContent };
  }
  for (const [status, response] of Object.entries(responses)) {
    const target = response as Json;
    if (target.description === PLACEHOLDER_DESCRIPTION) target.description = STATUS_DESCRIPTIONS[status] ?? target.description;
  }
  if (rateLimited) {
    for (const [status, response] of Object.entries(responses)) {
      if (!/^[24]/.test(status)) continue;
      const target = response as Json;
      target.headers = {
        ...(target.headers as Json | undefined),
        ...RATE_LIMIT_HEADERS,
        ...(status === '429' ? RETRY_AFTER_HEADER : {}),
      };
    }
  }

  // A missing If-Match is a 428 except on a singleton PUT, whose first call creates it (201).
  if (responses['428'] !== undefined && responses['201'] === undefined) {
    for (const parameter of (operation.parameters ?? []) as Json[]) {
      if (parameter.in === 'header' && String(parameter.name).toLowerCase() === 'if-match') parameter.required = true;
    }
  }

  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  operation.responses = sorted;
  operation.description = [operation.description, roleSentence(access, path), errorSentence(sorted)]
    .filter((part) => typeof part === 'string' && part !== '')
    .join('\n\n');
}

/** Integer formats from the bounds zod declares; lengths a string's pattern or format implies. */
function completeSchemas(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) completeSchemas(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Json;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer') && schema.format === undefined) {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
    const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
    schema.format = min >= INT32_MIN && max <= INT32_MAX ? 'int32' : 'int64';
  }
  if (types.includes('string') && schema.maxLength === undefined) {
    const max = typeof schema.pattern === 'string'
      ? patternMaxLength(schema.pattern)
      : schema.format === 'date-time' ? SERVER_TIMESTAMP_LENGTH : undefined;
    if (max !== undefined) schema.maxLength = max;
  }
  for (const value of Object.values(schema)) completeSchemas(value);
}

function referencedSchemas(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) referencedSchemas(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        found.add(value.slice('#/components/schemas/'.length));
      } else {
        referencedSchemas(value, found);
      }
    }
  }
}

/** The generator emits an input and an output twin of every named schema; keep those in use. */
function dropUnusedSchemas(document: Json): void {
  const components = document.components as Json | undefined;
  const schemas = components?.schemas as Json | undefined;
  if (!schemas) return;
  const used = new Set<string>();
  referencedSchemas(document.paths, used);
  let size = -1;
  while (used.size !== size) {
    size = used.size;
    for (const name of [...used]) referencedSchemas(schemas[name], used);
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

export function completeOpenApiDocument<T extends object>(input: T): T {
  const document = input as unknown as Json;
  const usedTags = new Set<string>();
  for (const [path, pathItem] of Object.entries((document.paths ?? {}) as Json)) {
    for (const operation of Object.values(pathItem as Json)) {
      const op = operation as Json;
      completeOperation(op, path);
      for (const tag of (op.tags ?? []) as string[]) usedTags.add(tag);
    }
  }
  const unknownTags = [...usedTags].filter((tag) => TAG_DESCRIPTIONS[tag] === undefined);
  if (unknownTags.length > 0) {
    throw new Error(`OpenAPI tags without a description in src/http/openapi-complete.ts: ${unknownTags.join(', ')}`);
  }
  document.tags = Object.entries(TAG_DESCRIPTIONS)
    .filter(([name]) => usedTags.has(name))
    .map(([name, description]) => ({ name, description }));
  dropUnusedSchemas(document);
  completeSchemas(document.paths);
  completeSchemas(document.components);
  return input;
}
