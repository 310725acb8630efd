// Documented error responses. The error handler serializes problem bodies itself; these schemas
// only describe them in the OpenAPI document.
import { z } from 'zod';

export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().describe('Stable machine code; clients translate it for residents.'),
  requestId: z.string(),
  errors: z.array(z.object({ pointer: z.string(), code: z.string(), detail: z.string() })).optional(),
  missing: z.array(z.object({ code: z.string(), debtId: z.uuid().optional() })).optional(),
  current: z.unknown().optional().describe('With 412: the resource as it is now.'),
}).meta({ id: 'Problem' });

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request does not match the expected shape.',
  401: 'Not authenticated.',
  403: 'Your role may never use this operation.',
  404: 'Not found, or not visible to you.',
  409: 'Conflicts with the current state.',
  412: 'If-Match is stale; `current` holds the resource as it is now.',
  413: 'Body too large.',
  415: 'Not application/json.',
  422: 'A domain rule on stored state refuses this.',
  428: 'If-Match is required.',
  429: 'Rate limited; see Retry-After.',
  503: 'Temporarily unavailable; see Retry-After.',
};

export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
    content: { 'application/problem+json': { schema: problemSchema } },
  }]));
}

export const noContent = z.null().describe('No content');
