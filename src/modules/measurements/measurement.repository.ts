import type { Kysely } from 'kysely';
import type { Database, InstrumentItemRow } from '../../db/schema.js';
import type { MeasurementMoment } from '../../lib/vocabulary.js';
import type { DossierCore } from '../../access/dossier-scope.js';

export async function listInstruments(db: Kysely<Database>) {
  return db.selectFrom('instruments').select(['id', 'version', 'name', 'items', 'createdAt']).orderBy('createdAt').orderBy('id').execute();
}

export async function findInstrument(db: Kysely<Database>, version: string) {
  return db.selectFrom('instruments').select(['id', 'version', 'name', 'items', 'createdAt']).where('version', '=', version).executeTakeFirst();
}

export async function insertInstrument(db: Kysely<Database>, values: { version: string; name: string; items: InstrumentItemRow[]; createdAt: Date; createdBy: string }) {
  return db.insertInto('instruments').values({ ...values, items: JSON.stringify(values.items) })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning(['id', 'version', 'name', 'items', 'createdAt']).executeTakeFirst();
}

export async function listMeasurements(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('measurements').selectAll().where('dossierId', '=', dossier.id).orderBy('moment').execute();
}

export async function findMeasurement(db: Kysely<Database>, dossier: DossierCore, moment: MeasurementMoment) {
  return db.selectFrom('measurements').selectAll().where('dossierId', '=', dossier.id).where('moment', '=', moment).executeTakeFirst();
}

interface MeasurementValues { instrumentVersion: string; items: Record<string, number>; recordedAt: Date; recordedBy: string }

export async function insertMeasurement(db: Kysely<Database>, dossier: DossierCore, moment: MeasurementMoment, values: MeasurementValues) {
  return db.insertInto('measurements').values({ ...values, items: JSON.stringify(values.items), dossierId: dossier.id, moment })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateMeasurementIfVersion(db: Kysely<Database>, dossier: DossierCore, moment: MeasurementMoment, version: number, values: MeasurementValues) {
  return db.updateTable('measurements')
    .set((eb) => ({ ...values, items: JSON.stringify(values.items), version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id).where('moment', '=', moment).where('version', '=', version)
    .returningAll().executeTakeFirst();
}
