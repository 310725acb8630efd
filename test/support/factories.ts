// Test data straight into the database (fast, no argon2), each user signed in the way the service
// does it (identity.ts: a session row and a JWT naming it). Personal fields carry CANARY markers.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { AgeBand, Leefsituatie, Phase, Role } from '../../src/lib/vocabulary.js';
import { sealDisplayName } from '../../src/lib/display-name.js';
import { sessionToken, unique } from './identity.js';


export interface TestUser {
  id: string;
  role: Role;
  locationId: string | null;
  displayName: string;
  token: string;
}

export async function createLocation(db: Db, name = `CANARY-location-${unique()}`) {
  return db.insertInto('locations').values({ name, city: 'Amsterdam' }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function createUser(
  app: FastifyInstance,
  options: { role: Role; locationId?: string | null; trained?: boolean; disabled?: boolean; passwordHash?: string; username?: string },
): Promise<TestUser> {
  const id = randomUUID();
  const displayName = `CANARY-${options.role}-${unique()}`;
  await app.db.insertInto('users').values({
    id,
    role: options.role,
    username: options.username ?? `canary-${options.role}-${unique()}`,
    displayNameEncrypted: sealDisplayName(app.cipher, id, displayName),
    locationId: options.locationId ?? null,
    passwordHash: options.passwordHash ?? null,
    trainedAt: options.role === 'maatje' && options.trained !== false ? app.now() : null,
    disabledAt: options.disabled ? app.now() : null,
    updatedAt: app.now(),
  }).execute();
  return { id, role: options.role, locationId: options.locationId ?? null, displayName, token: await sessionToken(app, id, options.role) };
}

export interface DossierOptions {
  resident: TestUser;
  locationId: string;
  maatje?: TestUser | null;
  phase?: Phase;
  consent?: boolean;
  household?: { leefsituatie: Leefsituatie; ageBand: AgeBand } | null;
}

export async function createDossier(app: FastifyInstance, options: DossierOptions): Promise<string> {
  const id = randomUUID();
  const now = app.now();
  await app.db.insertInto('dossiers').values({
    id,
    residentId: options.resident.id,
    locationId: options.locationId,
    phase: options.phase ?? 'A',
    openedAt: now,
    updatedAt: now,
    consentGivenAt: options.consent === false ? null : now,
    consentTextVersion: options.consent === false ? null : 'v1',
    consentStatisticsOptIn: options.consent === false ? null : true,
    consentRecordedOnPaper: options.consent === false ? null : false,
    householdLeefsituatie: options.household === null ? null : options.household?.leefsituatie ?? 'alleenstaand',
    householdAgeBand: options.household === null ? null : options.household?.ageBand ?? '21_tot_aow',
  }).execute();
  if (options.maatje) await assign(app, id, options.maatje.id);
  return id;
}

export async function assign(app: FastifyInstance, dossierId: string, maatjeId: string) {
  await app.db.updateTable('dossierAssignments').set({ endedAt: app.now() }).where('dossierId', '=', dossierId).where('endedAt', 'is', null).execute();
  await app.db.insertInto('dossierAssignments').values({ dossierId, maatjeId, assignedAt: app.now() }).execute();
}
