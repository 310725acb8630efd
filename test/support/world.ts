// Worlds for tests. useDossierWorld: the set-up most API test files share (a database, the app,
// one location and the people the file needs). buildWorld: the cast of the access tests, every
// kind of caller and dossiers they do or do not belong to; "own" is the dossier an actor has (or
// had) a relation with, else D1.
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Role } from '../../src/lib/vocabulary.js';
import { useTestApp, type TestApp } from './app.js';
import { useTestDb, type TestDb } from './db.js';
import { createDossier, createLocation, createUser, assign, type TestUser } from './factories.js';

/** A person of a dossier world: a role, or a role with the account's particulars. */
export type WorldPerson = Role | { role: Role; trained?: boolean };

/** Admins and evaluators work across locations; everyone else belongs to the world's location. */
const AT_NO_LOCATION: readonly Role[] = ['admin', 'evaluator'];

/**
 * `const { t, h, w } = useDossierWorld({ resident: 'resident', maatje: 'maatje' })`: this file's
 * own database and app, and before its first test one location (`w.location`) and the people
 * named, created in the order given (`w.resident`, `w.maatje`). `now` sets the app's clock before
 * anyone is created, so their tokens are issued at that time.
 */
export function useDossierWorld<const P extends Record<string, WorldPerson>>(
  people: P,
  options: { app?: Partial<Config>; now?: Date } = {},
): { t: TestDb; h: TestApp; w: { location: string } & { [K in keyof P]: TestUser } } {
  const t = useTestDb();
  const h = useTestApp(t, options.app);
  const w = {} as { location: string } & Record<string, TestUser>;
  beforeAll(async () => {
    if (options.now) h.clock.set(options.now);
    w.location = (await createLocation(t.db)).id;
    for (const [name, person] of Object.entries(people)) {
      const { role, ...particulars } = typeof person === 'string' ? { role: person } : person;
      w[name] = await createUser(h.app, { role, locationId: AT_NO_LOCATION.includes(role) ? null : w.location, ...particulars });
    }
  });
  return { t, h, w: w as { location: string } & { [K in keyof P]: TestUser } };
}

export const ACTORS = [
  'anonymous', 'ownResident', 'otherResident', 'assignedMaatje', 'otherMaatje', 'previousMaatje', 'untrainedMaatje',
  'coordinator', 'otherCoordinator', 'evaluator', 'admin', 'disabledUser',
] as const;
export type ActorKey = (typeof ACTORS)[number];

export interface World {
  locations: { own: string; other: string };
  users: Record<Exclude<ActorKey, 'anonymous'>, TestUser> & { otherLocationMaatje: TestUser };
  dossiers: { own: string; other: string; untrainedOwn: string };
}

export async function buildWorld(app: FastifyInstance): Promise<World> {
  const own = (await createLocation(app.db)).id;
  const other = (await createLocation(app.db)).id;
  const ownResident = await createUser(app, { role: 'resident', locationId: own });
  const otherResident = await createUser(app, { role: 'resident', locationId: other });
  const assignedMaatje = await createUser(app, { role: 'maatje', locationId: own });
  const otherMaatje = await createUser(app, { role: 'maatje', locationId: own });
  const previousMaatje = await createUser(app, { role: 'maatje', locationId: own });
  const untrainedMaatje = await createUser(app, { role: 'maatje', locationId: own });
  const otherLocationMaatje = await createUser(app, { role: 'maatje', locationId: other });
  const coordinator = await createUser(app, { role: 'coordinator', locationId: own });
  const otherCoordinator = await createUser(app, { role: 'coordinator', locationId: other });
  const evaluator = await createUser(app, { role: 'evaluator' });
  const admin = await createUser(app, { role: 'admin' });
  const disabledUser = await createUser(app, { role: 'maatje', locationId: own });

  const ownDossier = await createDossier(app, { resident: ownResident, locationId: own, maatje: previousMaatje, phase: 'B' });
  // The previous maatje was assigned first; the reassignment must cut them off.
  await assign(app, ownDossier, assignedMaatje.id);
  const otherDossier = await createDossier(app, { resident: otherResident, locationId: other, maatje: otherLocationMaatje, phase: 'B' });
  // Assigned while trained, then the training record was withdrawn: the scope must notice.
  const untrainedOwn = await createDossier(app, { resident: ownResident, locationId: own, maatje: untrainedMaatje, phase: 'B' });
  await app.db.updateTable('users').set({ trainedAt: null }).where('id', '=', untrainedMaatje.id).execute();
  // Disabled after signing in: the still-valid token must stop working.
  await app.db.updateTable('users').set({ disabledAt: app.now() }).where('id', '=', disabledUser.id).execute();

  return {
    locations: { own, other },
    users: {
      ownResident, otherResident, assignedMaatje, otherMaatje, previousMaatje, untrainedMaatje, coordinator,
      otherCoordinator, evaluator, admin, disabledUser, otherLocationMaatje,
    },
    dossiers: { own: ownDossier, other: otherDossier, untrainedOwn },
  };
}
