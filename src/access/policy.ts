// The only place that knows which role may use which operation (docs/api.md (Roles), §8). Pure and
// default deny: an operation missing here is refused for everyone. Whether a caller may see a
// particular dossier is not decided here but by the dossier scope inside every query
// (dossier-scope.ts), so a forgotten check returns nothing instead of someone else's data.
import type { Role } from '../lib/vocabulary.js';

const STAFF: readonly Role[] = ['maatje', 'coordinator', 'evaluator', 'admin'];
const EVERYONE: readonly Role[] = ['resident', ...STAFF];
const DOSSIER_PARTIES: readonly Role[] = ['resident', 'maatje'];

const RULES = {
  'session.use': EVERYONE,
  'location.list': STAFF,
  'location.create': ['admin'],
  'user.manage': ['admin', 'coordinator'],
  // Only a maatje, for a resident whose dossier they hold (the service scopes it). A staff account's
  // code needs two people: one asks (credentialReset.request), another admin approves.
  'user.activationCode': ['maatje'],
  'credentialReset.request': ['admin', 'coordinator'],
  'credentialReset.list': ['admin'],
  'credentialReset.approve': ['admin'],
  'dossier.create': ['maatje'],
  'dossier.list': DOSSIER_PARTIES,
  'dossier.read': DOSSIER_PARTIES,
  'dossier.update': DOSSIER_PARTIES,
  'dossier.transition': ['maatje'],
  'dossier.close': ['maatje'],
  'dossier.consent': DOSSIER_PARTIES,
  'dossier.content': DOSSIER_PARTIES,
  'dossier.plan.write': ['maatje'],
  'dossier.paperwork.write': ['maatje'],
  'dossier.measurement': DOSSIER_PARTIES,
  'dossier.pdf': DOSSIER_PARTIES,
  'dossier.export': ['resident'],
  'dossier.accessLog': DOSSIER_PARTIES,
  'creditorCatalog.read': EVERYONE,
  'dossier.erasure.read': DOSSIER_PARTIES,
  'dossier.erasure.request': ['resident'],
  'dossier.erasure.paper': ['coordinator'],
  'caseload.read': ['coordinator'],
  'assignment.write': ['coordinator'],
  'stats.read': ['evaluator'],
  'reference.read': STAFF,
  // Residents fill in the evaluation questionnaire too, so they may read its (non-personal) items.
  'instrument.read': EVERYONE,
  'reference.write': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof RULES;

export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/** Role first: a role that may never use the operation is refused before any id is looked at. */
export function roleMay(role: Role, operation: Operation): boolean {
  const allowed: readonly Role[] | undefined = RULES[operation];
  return allowed !== undefined && allowed.includes(role);
}
