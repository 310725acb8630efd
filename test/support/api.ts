// The one way API tests call the service: `apiFor(app, user)` (no user: anonymous), one method per
// HTTP verb, each taking the path below /api/v1, an optional body and optional extra headers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { bearer } from './identity.js';

type Send = (url: string, payload?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
export interface Api { get: Send; post: Send; patch: Send; put: Send; delete: Send }

export function apiFor(app: FastifyInstance, user?: { token: string }): Api {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'): Send => (url, payload, headers = {}) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(user), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { get: send('GET'), post: send('POST'), patch: send('PATCH'), put: send('PUT'), delete: send('DELETE') };
}
