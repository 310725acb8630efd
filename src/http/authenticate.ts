// The first gate of every request: who is calling (access token from the Authorization header
// only, never the query string) and may their role use this route at all (403 before any id).
import fastifyJwt from '@fastify/jwt';
import { createVerifier } from 'fast-jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { loadActor, type Actor, type SessionClaims } from '../access/actor.js';
import { roleMay } from '../access/policy.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, UnauthorizedError } from '../lib/errors.js';
import { ROLES, type Role } from '../lib/vocabulary.js';

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const TOKEN_ISSUER = 'schoon-schip';
export const TOKEN_AUDIENCE = 'schoon-schip-api';
export const ACCESS_TOKEN_SECONDS = 600;

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

function readBearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header.trim());
  return match?.[1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAccessClaims(value: unknown): value is AccessClaims {
  const claims = value as Partial<AccessClaims> | null;
  // Ids are looked up as uuid columns: anything else is a forged or foreign token, not a 500.
  return typeof claims?.sub === 'string' && UUID.test(claims.sub) && typeof claims.sid === 'string' && UUID.test(claims.sid)
    && typeof claims.role === 'string' && (ROLES as readonly string[]).includes(claims.role);
}

const VERIFY_OPTIONS = {
  algorithms: ['HS256' as const],
  allowedIss: TOKEN_ISSUER,
  allowedAud: TOKEN_AUDIENCE,
  requiredClaims: ['sub', 'sid', 'role', 'iat', 'exp', 'jti', 'iss', 'aud'],
  checkTyp: ACCESS_TOKEN_TYPE,
};

/** fast-jwt's own rule with no clock tolerance: valid from `nbf` (when present) up to and including `exp`. */
function inTime(claims: unknown, nowMs: number): boolean {
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  if (typeof exp !== 'number' || nowMs > exp * 1000) return false;
  return nbf === undefined || (typeof nbf === 'number' && nowMs >= nbf * 1000);
}

async function authenticatePlugin(app: FastifyInstance) {
  await app.register(fastifyJwt, {
    secret: app.appConfig.jwtSecret,
    sign: {
      algorithm: 'HS256',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      // @fastify/jwt reads a number as seconds (it multiplies by 1000 itself); milliseconds here
      // made access tokens live 600 000 s, about a week.
      expiresIn: ACCESS_TOKEN_SECONDS,
      header: { alg: 'HS256', typ: ACCESS_TOKEN_TYPE },
    },
    verify: VERIFY_OPTIONS,
  });

  // @fastify/jwt builds a new verifier on every call that passes options, and the app clock has
  // to be passed (tests move it). So the signature and claims are checked by one verifier built
  // here, and the times against the app clock below, as fast-jwt itself compares them.
  // fast-jwt's cache of verified tokens (LRU, 1 000 tokens, keyed by a SHA-256 of the token) spares
  // a signed-in screen's every request the HMAC and the parsing: about 6 % of a hot read's server
  // CPU. The times are checked on every request below, cached or not; errors are not cached.
  const verifySignatureAndClaims = createVerifier({
    ...VERIFY_OPTIONS, key: app.appConfig.jwtSecret, ignoreExpiration: true, ignoreNotBefore: true, cache: true,
  });

  app.decorateRequest('actor', undefined);
  app.decorateRequest('claims', undefined);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // No access rule only happens for the not-found handler and exempt static files.
    if (access === undefined || access === 'public') return;

    const token = readBearerToken(request);
    if (!token) throw new UnauthorizedError();
    let claims: unknown;
    try {
      claims = verifySignatureAndClaims(token);
    } catch {
      throw new UnauthorizedError();
    }
    if (!inTime(claims, app.now().getTime())) throw new UnauthorizedError();
    if (!isAccessClaims(claims)) throw new UnauthorizedError();
    request.claims = { userId: claims.sub, role: claims.role, sessionId: claims.sid };
    // A hot route whose one statement checks the session itself (liveSessionOf) saves the round trip
    // of loading the actor here; its handler only ever sees the claims, never an Actor.
    if (request.routeOptions.config.sessionCheckedInStatement === true && roleMay(claims.role, access)) return;
    const actor = await verifiedActor(request);

    if (!roleMay(actor.role, access)) {
      await recordAudit(app.db, {
        action: 'access.denied',
        outcome: 'denied',
        actorUserId: actor.userId,
        actorRole: actor.role,
        requestId: request.id,
        details: { operation: access },
      });
      throw new ForbiddenError();
    }
    request.actor = actor;
  });
}

export const authenticate = fp(authenticatePlugin, { name: 'authenticate' });

/**
 * The actor behind the request's verified token, loaded on first use (the gate above does it for
 * every route but the hot ones); 401 when the session or account no longer allows it.
 */
export async function verifiedActor(request: FastifyRequest): Promise<Actor> {
  if (request.actor) return request.actor;
  const claims = claimsOf(request);
  const actor = await loadActor(request.server.db, request.server.cipher, claims, request.server.now());
  if (!actor) throw new UnauthorizedError();
  request.actor = actor;
  return actor;
}

/** What the verified access token says; set for every signed-in route before its handler runs. */
export function claimsOf(request: FastifyRequest): SessionClaims {
  if (!request.claims) throw new UnauthorizedError();
  return request.claims;
}

/** The caller of a signed-in route; the gate above has set it, or the request never got here. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}
