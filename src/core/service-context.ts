// What every service call receives: the database, who is calling, the request id for the audit
// trail, the request's clock reading and the keyring.
import type { Actor } from '../access/actor.js';
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
 * A service context inside the dossier gate: `cipher` is the dossier's own (its data key), so
 * everything a use case encrypts for the dossier dies with that key at erasure.
 */
export interface DossierContext extends Omit<ServiceContext, 'cipher'> {
  cipher: DossierCipher;
}

export function inDossier(ctx: ServiceContext, dossier: { cipher: DossierCipher }): DossierContext {
  return { ...ctx, cipher: dossier.cipher };
}
