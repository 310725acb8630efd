// Refuses to build an app in which a route lacks an access rule or a response schema: a response
// schema is an allow-list (undeclared fields never leave), and an access rule is the first gate.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { isOperation } from '../access/policy.js';
import type { RouteInventoryEntry } from './fastify-types.js';

/**
 * Static files that carry neither and are public by nature: the Swagger UI's and the web app's
 * built assets (http/web-app.ts).
 */
const EXEMPT_PREFIXES = ['/docs', '/assets'];

/**
 * Routes that carry neither: the static files above, and the CORS preflight route @fastify/cors
 * adds when CORS_ORIGINS is set (its own hook answers a preflight with headers only, before any
 * route or sign-in check; the route sends nothing).
 */
function isExempt(route: RouteOptions): boolean {
  if (EXEMPT_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) return true;
  return route.url === '*' && methods(route).every((method) => method === 'OPTIONS');
}

export class RouteDeclarationError extends Error {
  override name = 'RouteDeclarationError';
}

function methods(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

export function installRouteGuard(app: FastifyInstance): void {
  app.decorate('routeInventory', [] as RouteInventoryEntry[]);
  app.addHook('onRoute', (route) => {
    if (isExempt(route)) return;
    const access = route.config?.access;
    const label = `${methods(route).join(',')} ${route.url}`;
    if (access !== 'public' && !isOperation(access)) {
      throw new RouteDeclarationError(`${label} declares no access rule (config.access: 'public' or an operation)`);
    }
    if (!route.schema?.response || Object.keys(route.schema.response).length === 0) {
      throw new RouteDeclarationError(`${label} declares no response schema`);
    }
    // The contract explains itself: every documented operation says what it is and where it belongs.
    if (route.schema.hide !== true) {
      const { summary, description, tags } = route.schema as { summary?: unknown; description?: unknown; tags?: unknown };
      if (typeof summary !== 'string' || summary.trim() === '') throw new RouteDeclarationError(`${label} declares no summary`);
      if (typeof description !== 'string' || description.trim() === '') {
        throw new RouteDeclarationError(`${label} declares no description`);
      }
      if (!Array.isArray(tags) || tags.length === 0) throw new RouteDeclarationError(`${label} declares no tags`);
    }
    // Public routes say so explicitly (`security: []`), so no reader assumes a forgotten rule.
    route.schema.security = access === 'public' ? [] : [{ bearer: [] }];
    for (const method of methods(route)) {
      // Fastify adds HEAD for every GET; it is the same handler and the same rule.
      if (method === 'HEAD') continue;
      app.routeInventory.push({ method, url: route.url, access });
    }
  });
}
