// What our plugins add to Fastify's own types.
import type { Actor, SessionClaims } from '../access/actor.js';
import type { Operation } from '../access/policy.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Keyring } from '../lib/dossier-keys.js';

/** Every route declares who may call it: `public`, or a policy operation (roles in access/policy.ts). */
export type Access = 'public' | Operation;

export interface RouteInventoryEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route's handler checks the caller's session inside its own statement (liveSessionOf), so
     * the authentication gate verifies the token but does not load the actor (one round trip less).
     */
    sessionCheckedInStatement?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    /** The verified access token's claims, set before `actor` (which a hot route may never load). */
    claims: SessionClaims | undefined;
  }
  interface FastifyInstance {
    db: Db;
    cipher: Keyring;
    appConfig: Config;
    /** The clock every service reads; tests move it instead of waiting. */
    now: () => Date;
    routeInventory: RouteInventoryEntry[];
    /** True from the moment a shutdown began: readiness reports 503. */
    isClosing: () => boolean;
  }
}
