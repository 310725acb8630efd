// Assignment metadata of the dossiers a coordinator manages; never dossier content.
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { dossierManagedBy } from '../../access/dossier-scope.js';
import type { Database } from '../../db/schema.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';

export async function findManagedDossier(db: Kysely<Database>, actor: Actor, dossierId: string) {
  return db.selectFrom('dossiers').select(['id', 'locationId', 'residentId']).where('id', '=', dossierId)
    .where(dossierManagedBy(actor)).forUpdate().executeTakeFirst();
}

export async function listCaseload(db: Kysely<Database>, actor: Actor, limit: number, after: Cursor | undefined) {
  let query = db
    .selectFrom('dossiers')
    .innerJoin('users as resident', 'resident.id', 'dossiers.residentId')
    .leftJoin('dossierAssignments as assignment', (join) =>
      join.onRef('assignment.dossierId', '=', 'dossiers.id').on('assignment.endedAt', 'is', null))
    .leftJoin('users as maatje', 'maatje.id', 'assignment.maatjeId')
    .select(['dossiers.id', 'dossiers.residentId', 'dossiers.phase', 'dossiers.openedAt', 'dossiers.updatedAt',
      'resident.displayNameEncrypted as residentDisplayNameEncrypted', 'maatje.id as maatjeId', 'maatje.displayNameEncrypted as maatjeDisplayNameEncrypted',
      'maatje.disabledAt as maatjeDisabledAt', 'maatje.trainedAt as maatjeTrainedAt', cursorTime('dossiers.openedAt').as('cursorTime')])
    .where(dossierManagedBy(actor))
    .$narrowType<{ residentId: string }>()
    .orderBy('dossiers.openedAt')
    .orderBy('dossiers.id')
    .limit(limit + 1);
  if (after) query = query.where(afterCursor('dossiers.openedAt', 'dossiers.id', after));
  return query.execute();
}

export async function findEligibleMaatje(db: Kysely<Database>, maatjeId: string, locationId: string) {
  return db.selectFrom('users').select(['id', 'displayNameEncrypted'])
    .where('id', '=', maatjeId).where('role', '=', 'maatje').where('locationId', '=', locationId)
    .where('trainedAt', 'is not', null).where('disabledAt', 'is', null)
    .executeTakeFirst();
}

export async function findActiveAssignment(db: Kysely<Database>, dossierId: string) {
  return db.selectFrom('dossierAssignments').select(['id', 'maatjeId']).where('dossierId', '=', dossierId)
    .where('endedAt', 'is', null).executeTakeFirst();
}

export async function endActiveAssignment(db: Kysely<Database>, dossierId: string, endedBy: string, at: Date) {
  await db.updateTable('dossierAssignments').set({ endedAt: at, endedBy })
    .where('dossierId', '=', dossierId).where('endedAt', 'is', null).execute();
}

export async function insertAssignment(
  db: Kysely<Database>,
  values: { id: string; dossierId: string; maatjeId: string; assignedAt: Date; assignedBy: string; reasonEncrypted: string | null },
) {
  await db.insertInto('dossierAssignments').values(values).execute();
}

export async function assignmentHistory(db: Kysely<Database>, dossierId: string) {
  return db.selectFrom('dossierAssignments')
    .innerJoin('users as maatje', 'maatje.id', 'dossierAssignments.maatjeId')
    .select(['dossierAssignments.id', 'dossierAssignments.assignedAt', 'dossierAssignments.reasonEncrypted',
      'dossierAssignments.endedAt', 'dossierAssignments.maatjeId', 'maatje.displayNameEncrypted as maatjeDisplayNameEncrypted'])
    .where('dossierAssignments.dossierId', '=', dossierId)
    .orderBy('dossierAssignments.assignedAt').orderBy('dossierAssignments.id').execute();
}
