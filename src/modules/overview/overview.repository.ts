// What the overview computes from, and nothing more: no notes, no names beyond the creditor's, no
// encrypted columns. The caller proved access to the dossier with `dossier` (the gate).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

interface GatedDossier {
  id: string;
}

export async function loadFigureInputs(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('dossiers')
    .select([
      'householdLeefsituatie', 'householdAgeBand', 'householdPartnerAgeBand', 'householdOtherAdults',
      'bvvOfficialCents', 'bvvOfficialSource', 'bvvOfficialDate',
      'vtlbOfficialCents', 'vtlbOfficialSource', 'vtlbOfficialDate', 'vtlbCorrections',
    ])
    .where('id', '=', dossier.id)
    .executeTakeFirstOrThrow();
}
export type FigureInputsRow = Awaited<ReturnType<typeof loadFigureInputs>>;

/** In creation order, as the dossier lists them, so the settlement shows creditors in that order too. */
export async function listDebtFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('debts')
    .select([
      'id', 'catalogCreditorId', 'creditorName', 'creditorType', 'rank', 'status', 'balanceCents', 'balanceDate',
      'principalCents', 'collectionCostsCents', 'collectionCostsIncludeVat', 'excludedFromDischarge',
    ])
    .where('dossierId', '=', dossier.id)
    .orderBy('createdAt').orderBy('id')
    .execute();
}
export type DebtFiguresRow = Awaited<ReturnType<typeof listDebtFigures>>[number];

export async function listIncomeFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('incomes').select(['kind', 'amountCents', 'frequency']).where('dossierId', '=', dossier.id).execute();
}

export async function listExpenseFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('expenses').select(['group', 'category', 'amountCents', 'frequency']).where('dossierId', '=', dossier.id).execute();
}
