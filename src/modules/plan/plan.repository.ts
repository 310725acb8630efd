// Referral and checklist rows of a dossier the caller reached through the gate.
import { expressionBuilder, type Kysely, type Selectable } from 'kysely';
import { jsonRowSection } from '../../db/json-rows.js';
import type { Database, ReferralChecklistsTable, ReferralsTable } from '../../db/schema.js';
import type { ChecklistKey, ChecklistState, ReferralRoute, ReferralStatus, Traject } from '../../lib/vocabulary.js';
import type { DossierCore } from '../../access/dossier-scope.js';

export interface ReferralValues {
  route: ReferralRoute;
  organisationEncrypted: string;
  referredAt: string | null;
  firstContactAt: string | null;
  acceptedAt: string | null;
  status: ReferralStatus;
  traject: Traject | null;
  updatedAt: Date;
  updatedBy: string;
}

export async function findReferral(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('referrals').selectAll().where('dossierId', '=', dossier.id).executeTakeFirst();
}

export async function insertReferral(db: Kysely<Database>, dossier: DossierCore, values: ReferralValues) {
  return db.insertInto('referrals').values({ ...values, dossierId: dossier.id }).returningAll().executeTakeFirstOrThrow();
}

export async function updateReferralIfVersion(db: Kysely<Database>, dossier: DossierCore, version: number, values: ReferralValues) {
  return db.updateTable('referrals').set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id).where('version', '=', version).returningAll().executeTakeFirst();
}

/** `findReferral` and `findChecklist` as parts of a one-statement dossier read. */
export const referralSection = jsonRowSection<Selectable<ReferralsTable>>(
  (dossierId) => expressionBuilder<Database>().selectFrom('referrals').selectAll().where('dossierId', '=', dossierId), { updatedAt: true });
export const checklistSection = jsonRowSection<Selectable<ReferralChecklistsTable>>(
  (dossierId) => expressionBuilder<Database>().selectFrom('referralChecklists').selectAll().where('dossierId', '=', dossierId), { updatedAt: true });

type ChecklistItems = Partial<Record<ChecklistKey, ChecklistState>>;

export async function findChecklist(db: Kysely<Database>, dossier: DossierCore) {
  return db.selectFrom('referralChecklists').selectAll().where('dossierId', '=', dossier.id).executeTakeFirst();
}

export async function insertChecklist(db: Kysely<Database>, dossier: DossierCore, items: ChecklistItems, at: Date, by: string) {
  return db.insertInto('referralChecklists')
    .values({ dossierId: dossier.id, items: JSON.stringify(items), updatedAt: at, updatedBy: by })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateChecklistIfVersion(db: Kysely<Database>, dossier: DossierCore, version: number, items: ChecklistItems, at: Date, by: string) {
  return db.updateTable('referralChecklists')
    .set((eb) => ({ items: JSON.stringify(items), updatedAt: at, updatedBy: by, version: eb('version', '+', 1) }))
    .where('dossierId', '=', dossier.id).where('version', '=', version).returningAll().executeTakeFirst();
}

/** Open actions past their due date, per dossier, for list summaries. */
