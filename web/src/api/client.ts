// The typed API client (types generated from api-spec/openapi.json by `npm run spec`).
import createClient from 'openapi-fetch';
import { authorizedFetch } from '../session/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export const api = createClient<paths>({ baseUrl: '', fetch: authorizedFetch });

/** A problem+json answer, kept whole so screens can read `code`, `errors`, `missing`, `current`. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, unknown>,
    readonly etag: string | null,
  ) {
    super(code);
  }
}

/** Network failure (no answer at all): the screen keeps what was typed and says so. */
export class OfflineError extends Error {
  override name = 'OfflineError';
  readonly code = 'network';
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the data, or throws ApiProblem / OfflineError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new OfflineError();
  }
  if (result.error !== undefined || !result.response.ok) {
    const body = (typeof result.error === 'object' && result.error !== null ? result.error : {}) as Record<string, unknown>;
    const code = typeof body.code === 'string' ? body.code : `http_${result.response.status}`;
    throw new ApiProblem(result.response.status, code, body, result.response.headers.get('etag'));
  }
  return result.data as T;
}

/** The ETag header value a PATCH/PUT/DELETE sends back, from a row's `version`. */
export const ifMatch = (version: number) => `"${version}"`;
