// What every service call receives: the database, who is calling, the request id for the audit
// trail, the request's clock reading and the field cipher.
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import type { FieldCipher } from '../lib/field-crypto.js';

export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId: string;
  now: Date;
  cipher: FieldCipher;
}
