// The cast of the access tests: every kind of caller, and dossiers they do or do
// not belong to. "own" is the dossier an actor has (or had) a relation with, else D1.
import type { FastifyInstance } from 'fastify';
import { createDossier, createLocation, createUser, assign, type TestUser } from './factories.js';

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
