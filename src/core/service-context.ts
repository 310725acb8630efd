// What every service call receives: the database, who is calling, the request id for the audit
// trail, the request's clock reading and the keyring.
import type { Actor, SessionClaims } from '../access/actor.js';
import type { Db } from '../db/database.js';
import type { DossierCipher, Keyring } from '../lib/dossier-keys.js';

export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId: string;
  now: Date;
  /** The master keys; a dossier's own fields use `dossier.cipher` from the gate. */
  cipher: Keyring;
}

/**
 * The context of a hot route: `actor` holds only what the access token says. A function taking it
 * must check the session in its own statement (liveSessionOf) before anything else depends on it.
 * A ServiceContext is one too: its actor's session was checked already, checking again is harmless.
 */
export interface CallerContext extends Omit<ServiceContext, 'actor'> {
  actor: SessionClaims;
}

/**
 * A service context inside the dossier gate: `cipher` is the dossier's own (its data key), so
 * everything a use case encrypts for the dossier dies with that key at erasure.
 */
export interface DossierContext extends Omit<ServiceContext, 'cipher'> {
  cipher: DossierCipher;
}

/** A hot route's context inside the dossier: what a view or a new row is built with. */
export interface CallerDossierContext extends Omit<CallerContext, 'cipher'> {
  cipher: DossierCipher;
}

export function inDossier<C extends CallerContext>(ctx: C, dossier: { cipher: DossierCipher }): Omit<C, 'cipher'> & { cipher: DossierCipher } {
  return { ...ctx, cipher: dossier.cipher };
}
