// /auth/browser/*: the web app's session. The access token goes to the page (kept in memory only);
// the refresh token stays in an HttpOnly, SameSite=Strict cookie scoped to these routes, so page
// script can never read it. Every route here demands a same-origin `Origin` and the custom header
// below: a cross-site form or image cannot set either, so another site cannot sign someone in, out
// or refresh. API clients keep the body-based /auth/refresh and /auth/logout of docs/api.md
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent, problemResponses } from '../../http/problem-schemas.js';
import { ForbiddenError, UnauthorizedError } from '../../lib/errors.js';
import { ROLES } from '../../lib/vocabulary.js';
import { activate } from './activation.service.js';
import { authContextFor } from './auth-context.js';
import { ADDRESS_LIMITS } from './auth.routes.js';
import { activateBody, loginBody } from './auth.schemas.js';
import { login, logout, refresh } from './auth.service.js';
import type { TokenPair } from './session.service.js';

export const BROWSER_SESSION_PATH = '/api/v1/auth/browser';
export const REFRESH_COOKIE = 'schoon_schip_refresh';
/** Header name and value the web app sends; a plain HTML form cannot add a header. */
export const BROWSER_CLIENT_HEADER = 'x-schoon-schip-client';
export const BROWSER_CLIENT_VALUE = 'web';
/** Matches the refresh token's own lifetime bound; the server decides validity, not the cookie. */
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const BrowserSessionResponse = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  user: z.object({ id: z.uuid(), role: z.enum(ROLES), displayName: z.string() }),
}).meta({ id: 'BrowserSession' });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isPlainHttpLoopback(request: FastifyRequest): boolean {
  return request.protocol === 'http' && LOOPBACK_HOSTS.has(request.hostname);
}

/** Refuses anything but the app itself: same-origin Origin and the custom header. */
function requireSameOriginApp(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const expected = `${request.protocol}://${request.host}`;
  if (request.headers[BROWSER_CLIENT_HEADER] !== BROWSER_CLIENT_VALUE || origin !== expected) {
    throw new ForbiddenError('Only the Schoon Schip web app on this origin may use this route.');
  }
}

function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, refreshToken: string): void {
  reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: !isPlainHttpLoopback(request),
    path: BROWSER_SESSION_PATH,
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
}

function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true, sameSite: 'strict', secure: !isPlainHttpLoopback(request), path: BROWSER_SESSION_PATH,
  });
}

function toBrowserSession(request: FastifyRequest, reply: FastifyReply, pair: TokenPair) {
  setRefreshCookie(request, reply, pair.refreshToken);
  return { accessToken: pair.accessToken, expiresIn: pair.expiresIn, user: pair.user };
}

const GUARD_TEXT = `Only for the web app: the request must carry \`Origin\` equal to this server's origin and \`${BROWSER_CLIENT_HEADER}: ${BROWSER_CLIENT_VALUE}\`, else 403.`;

export async function browserSessionRoutes(appInstance: FastifyInstance) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const context = authContextFor(app);
  // Before body validation, so a cross-site request learns nothing from validation errors.
  const preValidation = async (request: FastifyRequest) => requireSameOriginApp(request);

  app.post('/auth/browser/login', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.login },
    preValidation,
    schema: {
      operationId: 'browserLogin', tags: ['auth'], body: loginBody,
      summary: 'Sign in from the web app',
      description: `Anyone. Like /auth/login, but the refresh token is set as an HttpOnly, SameSite=Strict cookie on ${BROWSER_SESSION_PATH} instead of returned. ${GUARD_TEXT} 401 for any failed sign-in (one body for all causes).`,
      response: { 200: BrowserSessionResponse, ...problemResponses(400, 401, 403, 429) },
    },
  }, async (request, reply) => toBrowserSession(request, reply, await login(context(request), request.body)));

  app.post('/auth/browser/activate', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.activate },
    preValidation,
    schema: {
      operationId: 'browserActivate', tags: ['auth'], body: activateBody,
      summary: 'Activate an account from the web app',
      description: `Anyone with an activation code. Like /auth/activate, with the refresh token in the cookie. ${GUARD_TEXT} 401 for a wrong or expired code, 409 when the username is taken.`,
      response: { 200: BrowserSessionResponse, ...problemResponses(400, 401, 403, 409, 429) },
    },
  }, async (request, reply) => toBrowserSession(request, reply, await activate(context(request), request.body)));

  app.post('/auth/browser/refresh', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.refresh },
    preValidation,
    schema: {
      operationId: 'browserRefresh', tags: ['auth'],
      summary: 'Renew the web app\'s access token',
      description: `Anyone holding the refresh cookie. Spends it and sets a new one (a token used twice ends the session). ${GUARD_TEXT} 401 without a live cookie.`,
      response: { 200: BrowserSessionResponse, ...problemResponses(401, 403, 429) },
    },
  }, async (request, reply) => {
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (!refreshToken || refreshToken.length > 256) throw new UnauthorizedError();
    try {
      return toBrowserSession(request, reply, await refresh(context(request), { refreshToken }));
    } catch (error) {
      if (error instanceof UnauthorizedError) clearRefreshCookie(request, reply);
      throw error;
    }
  });

  app.post('/auth/browser/logout', {
    config: { access: 'public', rateLimit: ADDRESS_LIMITS.logout },
    preValidation,
    schema: {
      operationId: 'browserLogout', tags: ['auth'],
      summary: 'Sign out of the web app',
      description: `Anyone. Ends the session of the refresh cookie (if any) and clears the cookie; always 204. ${GUARD_TEXT}`,
      response: { 204: noContent, ...problemResponses(403, 429) },
    },
  }, async (request, reply) => {
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (refreshToken && refreshToken.length <= 256) await logout(context(request), { refreshToken });
    clearRefreshCookie(request, reply);
    return reply.code(204).send(null);
  });
}
