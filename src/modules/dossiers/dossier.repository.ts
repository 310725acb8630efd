// Reads of a dossier's own row and lists of dossiers, always through the caller's scope.
import { expressionBuilder, type Insertable, type Kysely, type Updateable } from 'kysely';
import { jsonRowsSection } from '../../db/json-rows.js';
import type { Actor } from '../../access/actor.js';
import { dossierVisibleTo } from '../../access/dossier-scope.js';
import type { ConsentEventsTable, Database, DossiersTable } from '../../db/schema.js';
import type { AgeBand, LifeEvent, Phase } from '../../lib/vocabulary.js';
import { afterCursor, cursorTime, type Cursor } from '../../lib/pagination.js';
import type { DossierCore, DossierRef } from '../../access/dossier-scope.js';

/** The dossier row with its resident and active maatje; the caller proved access with `dossier`. */
export async function loadDossierRow(db: Kysely<Database>, dossier: DossierCore) {
  return db
    .selectFrom('dossiers')
    .innerJoin('users as resident', 'resident.id', 'dossiers.residentId')
    .leftJoin('dossierAssignments as assignment', (join) =>
      join.onRef('assignment.dossierId', '=', 'dossiers.id').on('assignment.endedAt', 'is', null))
    .leftJoin('users as maatje', 'maatje.id', 'assignment.maatjeId')
    .selectAll('dossiers')
    .select(['resident.displayNameEncrypted as residentDisplayNameEncrypted', 'maatje.id as maatjeId', 'maatje.displayNameEncrypted as maatjeDisplayNameEncrypted'])
    .where('dossiers.id', '=', dossier.id)
    .$narrowType<{ residentId: string }>()
    .executeTakeFirstOrThrow();
}

export type DossierRow = Awaited<ReturnType<typeof loadDossierRow>>;

export async function listVisibleDossiers(db: Kysely<Database>, actor: Actor, limit: number, after: Cursor | undefined) {
  let query = db
    .selectFrom('dossiers')
    .innerJoin('users as resident', 'resident.id', 'dossiers.residentId')
    .select(['dossiers.id', 'dossiers.residentId', 'dossiers.phase', 'dossiers.openedAt', 'dossiers.updatedAt',
      'resident.displayNameEncrypted as residentDisplayNameEncrypted', cursorTime('dossiers.openedAt').as('cursorTime')])
    .where(dossierVisibleTo(actor))
    .$narrowType<{ residentId: string }>()
    .orderBy('dossiers.openedAt')
    .orderBy('dossiers.id')
    .limit(limit + 1);
  if (after) query = query.where(afterCursor('dossiers.openedAt', 'dossiers.id', after));
  return query.execute();
}

export async function listTransitions(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('dossierTransitions').select(['fromPhase', 'toPhase', 'at', 'actorId'])
    .where('dossierId', '=', dossier.id).orderBy('at').orderBy('seq').execute();
}

/** `listTransitions` as a part of a one-statement dossier read. */
export const transitionsSection = jsonRowsSection<{ fromPhase: Phase; toPhase: Phase; at: Date; actorId: string | null }>(
  (dossierId) => expressionBuilder<Database>().selectFrom('dossierTransitions').select(['fromPhase', 'toPhase', 'at', 'actorId', 'seq'])
    .where('dossierId', '=', dossierId),
  'at, seq',
  { at: true },
);

export async function insertTransition(db: Kysely<Database>, dossier: DossierRef, values: { fromPhase: Phase; toPhase: Phase; at: Date; actorId: string | null }) {
  await db.insertInto('dossierTransitions').values({ ...values, dossierId: dossier.id }).execute();
}

export async function setPhase(db: Kysely<Database>, dossier: DossierCore, phase: Phase, closedAt?: Date) {
  await db.updateTable('dossiers').set({ phase, ...(closedAt ? { closedAt } : {}) }).where('id', '=', dossier.id).execute();
}

/** The version check and the write are one statement (docs/api.md). */
export async function updateDossierIfVersion(db: Kysely<Database>, dossier: DossierCore, version: number, changes: Updateable<DossiersTable>) {
  const result = await db.updateTable('dossiers')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', dossier.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateDossierRow(db: Kysely<Database>, dossier: DossierRef, changes: Updateable<DossiersTable>) {
  await db.updateTable('dossiers').set(changes).where('id', '=', dossier.id).execute();
}

export async function insertConsentEvent(db: Kysely<Database>, dossier: DossierCore, event: Omit<Insertable<ConsentEventsTable>, 'dossierId'>) {
  await db.insertInto('consentEvents').values({ ...event, dossierId: dossier.id }).execute();
}

export async function findStory(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('dossierStories').selectAll().where('dossierId', '=', dossier.id).executeTakeFirst();
}

export async function insertStory(db: Kysely<Database>, dossier: DossierCore, values: { textEncrypted: string; lifeEvents: LifeEvent[]; updatedAt: Date; updatedBy: string }) {
  return db.insertInto('dossierStories').values({ ...values, dossierId: dossier.id }).returningAll().executeTakeFirstOrThrow();
}

export async function updateStoryIfVersion(
  db: Kysely<Database>, dossier: DossierCore, version: number,
  values: { textEncrypted: string; lifeEvents: LifeEvent[]; updatedAt: Date; updatedBy: string },
) {
  return db.updateTable('dossierStories')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Debts of several dossiers at once, for list summaries (crisis, stale balances) without N+1. */
export async function debtsOfDossiers(db: Kysely<Database>, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return [];
  return db.selectFrom('debts')
    .select(['dossierId', 'catalogCreditorId', 'creditorType', 'status', 'balanceCents', 'balanceDate',
      'balanceConfirmedOn', 'principalCents', 'collectionCostsCents', 'collectionCostsIncludeVat', 'creditorCanDeductVat', 'courtDate'])
    .where('dossierId', 'in', dossierIds)
    .execute();
}

/** T0 is taken at the first B → C only; a later one never overwrites it. T1 is the closing state. */
export async function saveDebtSnapshot(
  db: Kysely<Database>, dossier: DossierRef, snapshot: { moment: 'T0' | 'T1'; totalDebtCents: number; creditorCount: number; takenAt: Date },
) {
  await db.insertInto('debtSnapshots').values({ ...snapshot, dossierId: dossier.id })
    .onConflict((oc) => oc.columns(['dossierId', 'moment']).doNothing()).execute();
}

export async function listConsentEvents(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('consentEvents').select(['kind', 'at', 'textVersion', 'statisticsOptIn', 'recordedOnPaper'])
    .where('dossierId', '=', dossier.id).orderBy('at').orderBy('id').execute();
}

export async function listDebtSnapshots(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('debtSnapshots').select(['moment', 'totalDebtCents', 'creditorCount', 'takenAt'])
    .where('dossierId', '=', dossier.id).orderBy('moment').execute();
}

export async function findResidentAccount(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('users').select(['id', 'role', 'username', 'displayNameEncrypted', 'locationId', 'createdAt'])
    .where('id', '=', dossier.residentId).executeTakeFirstOrThrow();
}

/** A resident the maatje already works with: the resident of a dossier in the maatje's scope. */
export async function findLinkableResident(db: Kysely<Database>, actor: Actor, residentId: string) {
  return db.selectFrom('dossiers').select('residentId').where('residentId', '=', residentId)
    .where(dossierVisibleTo(actor)).$narrowType<{ residentId: string }>().limit(1).executeTakeFirst();
}

export async function insertDossierWithAssignment(
  db: Kysely<Database>,
  values: {
    id: string; residentId: string; locationId: string; createdBy: string; now: Date; householdAgeBand: AgeBand | null; maatjeId: string;
    dataKey: { keyId: string; wrappedKey: string }; vtlbCorrectionsEncrypted: string;
  },
): Promise<{ id: string }> {
  const dossier = await db.insertInto('dossiers').values({
    id: values.id, residentId: values.residentId, locationId: values.locationId, phase: 'A', openedAt: values.now,
    updatedAt: values.now, createdBy: values.createdBy, householdAgeBand: values.householdAgeBand,
    vtlbCorrectionsEncrypted: values.vtlbCorrectionsEncrypted,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('dossierAssignments').values({
    dossierId: values.id, maatjeId: values.maatjeId, assignedAt: values.now, assignedBy: values.createdBy,
  }).execute();
  await db.insertInto('dossierKeys').values({ dossierId: values.id, ...values.dataKey }).execute();
  return dossier;
}

/** Per dossier, how many of its open actions are past their due date (a count, never the actions). */
export async function overdueActionCounts(db: Kysely<Database>, dossierIds: readonly string[], today: string) {
  if (dossierIds.length === 0) return new Map<string, number>();
  const rows = await db.selectFrom('actions').select(['dossierId', (eb) => eb.fn.countAll<number>().as('overdue')])
    .where('dossierId', 'in', dossierIds).where('done', '=', false).where('dueDate', '<', today)
    .groupBy('dossierId').execute();
  return new Map(rows.map((r) => [r.dossierId, r.overdue]));
}
