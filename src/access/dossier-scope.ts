// Which dossiers a caller may see, as SQL inside every query of dossier data (docs/api.md, Roles; docs/architecture.md, two gates). A
// repository that selects, updates or deletes dossier data without this expression is a bug; with
// it, a forgotten check returns nothing rather than someone else's finances.
//
//   resident:  their own dossiers (also after withdrawing consent: read and export stay theirs)
//   maatje:    the active assignment, while trained, active and the resident's consent stands
//   anyone else (coordinator, evaluator, admin): no dossier content at all
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DossierCipher } from '../lib/dossier-keys.js';
import type { Phase, Role } from '../lib/vocabulary.js';
import type { Actor } from './actor.js';

const NOTHING = sql<SqlBool>`false`;

/** The fields of a dossier that the gate checks and its users need. */
export interface DossierFields {
  id: string;
  residentId: string;
  locationId: string;
  phase: Phase;
  version: number;
  consentGivenAt: Date | null;
  consentWithdrawnAt: Date | null;
  closedAt: Date | null;
  /** Encrypts and decrypts this dossier's fields with its own data key. */
  cipher: DossierCipher;
}

declare const passedTheGate: unique symbol;

/**
 * A dossier the caller was shown through `dossierVisibleTo` in the current transaction. Functions
 * that read or write a dossier's rows take this instead of a bare id, so they cannot be called
 * for a dossier nobody checked. Branded: an object of the same shape is not one; only the dossier
 * gate (src/modules/dossiers/dossier-gate.*) mints it, with `passGate` (a contract test holds it to that).
 */
export type DossierCore = DossierFields & { readonly [passedTheGate]: true };

/** A checked dossier as its rows need it, without the cipher only services use. */
export type DossierRef = Omit<DossierCore, 'cipher'>;

/** The brand, for the gate alone: `fields` came out of the scope (or the system's own door). */
export function passGate(fields: DossierFields): DossierCore;
export function passGate(fields: Omit<DossierFields, 'cipher'>): DossierRef;
export function passGate(fields: DossierFields | Omit<DossierFields, 'cipher'>): DossierCore | DossierRef {
  return fields as DossierCore;
}

/** The actor's fields besides the role, as values of a statement compiled once per role. */
export const ACTOR_VALUE_NAMES = ['actorId', 'actorLocationId', 'actorDisplayName', 'actorTrained', 'actorSessionId'] as const;
export interface ActorValues {
  actorId: string;
  actorLocationId: string | null;
  actorDisplayName: string;
  actorTrained: boolean;
  actorSessionId: string;
}

export function actorValues(actor: Actor): ActorValues {
  return {
    actorId: actor.userId, actorLocationId: actor.locationId, actorDisplayName: actor.displayName,
    actorTrained: actor.trained, actorSessionId: actor.sessionId,
  };
}

/** The actor a compiled statement's builder scopes by: the role itself, everything else its values. */
export function actorOfValues(role: Role, values: ActorValues): Actor {
  return {
    role, userId: values.actorId, locationId: values.actorLocationId, displayName: values.actorDisplayName,
    trained: values.actorTrained, sessionId: values.actorSessionId,
  };
}

// The SQL may follow the actor's role only; everything else of the actor goes in as a value. The
// gate and the one-statement read compile it once per role (statement-template.ts).
export function dossierVisibleTo(actor: Pick<Actor, 'role' | 'userId'>) {
  return (eb: ExpressionBuilder<Database, 'dossiers'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'resident':
        return eb('dossiers.residentId', '=', actor.userId);
      case 'maatje':
        return eb.and([
          eb('dossiers.consentWithdrawnAt', 'is', null),
          eb('dossiers.erasedAt', 'is', null),
          eb.exists(
            eb.selectFrom('dossierAssignments as scopeAssignment')
              .innerJoin('users as scopeMaatje', 'scopeMaatje.id', 'scopeAssignment.maatjeId')
              .select('scopeAssignment.id')
              .whereRef('scopeAssignment.dossierId', '=', 'dossiers.id')
              .where('scopeAssignment.maatjeId', '=', actor.userId)
              .where('scopeAssignment.endedAt', 'is', null)
              .where('scopeMaatje.trainedAt', 'is not', null)
              .where('scopeMaatje.disabledAt', 'is', null),
          ),
        ]);
      default:
        return NOTHING;
    }
  };
}

/**
 * Dossiers whose assignment metadata (never content) a coordinator manages: those of their own
 * location. Everyone else: none.
 */
export function dossierManagedBy(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'dossiers'>): Expression<SqlBool> => {
    if (actor.role !== 'coordinator' || actor.locationId === null) return NOTHING;
    // An erased dossier's anonymous remainder is nobody's to manage.
    return eb.and([eb('dossiers.locationId', '=', actor.locationId), eb('dossiers.erasedAt', 'is', null)]);
  };
}
