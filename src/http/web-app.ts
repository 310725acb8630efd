// Serves the built web app (web/dist) from the API's own process: hashed files under /assets/
// and, for every other GET or HEAD that is not API, docs or health, the app's index.html (history
// fallback, so /dossiers/… survives a reload). Misses under /api/ stay problem+json 404s and
// misses under /assets/ stay plain 404s: a missing chunk must fail loudly, not arrive as HTML.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The app's pages only load what they are built from; nothing inline, no other origin, no framing. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Utrecht's CSS draws a few small icons as data: SVGs.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_APP_PREFIXES = ['/api/', '/assets/', '/docs', '/health/', '/openapi.json'];

export function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return !NOT_APP_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix));
}

export interface WebApp {
  /** Answers an app route with index.html; undefined when no built app is present. */
  sendShell(reply: FastifyReply): FastifyReply;
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<WebApp | undefined> {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) return undefined;
  await app.register(fastifyStatic, {
    root,
    serve: false,
    // Pre-compressed .br/.gz files are written by the build (web/vite.config.ts).
    preCompressed: true,
  });
  // Not an API route: outside the access rules and the matrix like the Swagger UI's files.
  app.get('/assets/*', { schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(`assets/${file}`, { immutable: true, maxAge: '365d', cacheControl: true });
  });
  return {
    sendShell(reply) {
      reply.header('content-security-policy', APP_CSP).header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    },
  };
}
