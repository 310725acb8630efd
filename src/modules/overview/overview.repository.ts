// What the overview computes from, and nothing more: no notes, no names beyond the creditor's
// (encrypted; the service reads it). The caller proved access to the dossier with `dossier` (the gate).
import { expressionBuilder, type Kysely } from 'kysely';
import { jsonRowsSection } from '../../db/json-rows.js';
import type { Database } from '../../db/schema.js';
import { rowsOfTable } from '../../db/section-writes.js';

interface GatedDossier {
  id: string;
}

export async function loadFigureInputs(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('dossiers')
    .select([
      'householdLeefsituatie', 'householdAgeBand', 'householdPartnerAgeBand', 'householdOtherAdults',
      'bvvOfficialCents', 'bvvOfficialSourceEncrypted', 'bvvOfficialDate',
      'vtlbOfficialCents', 'vtlbOfficialSourceEncrypted', 'vtlbOfficialDate', 'vtlbCorrectionsEncrypted',
    ])
    .where('id', '=', dossier.id)
    .executeTakeFirstOrThrow();
}
export type FigureInputsRow = Awaited<ReturnType<typeof loadFigureInputs>>;

const DEBT_FIGURES = [
  'id', 'catalogCreditorId', 'creditorNameEncrypted', 'creditorType', 'rank', 'status', 'balanceCents', 'balanceDate',
  'balanceConfirmedOn', 'principalCents', 'collectionCostsCents', 'collectionCostsIncludeVat', 'creditorCanDeductVat', 'courtDate',
  'excludedFromDischarge',
] as const;
const INCOME_FIGURES = ['kind', 'amountCents', 'frequency'] as const;
const EXPENSE_FIGURES = ['group', 'category', 'amountCents', 'frequency'] as const;

/** In creation order, as the dossier lists them, so the settlement shows creditors in that order too. */
export async function listDebtFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('debts').select(DEBT_FIGURES).where('dossierId', '=', dossier.id).orderBy('createdAt').orderBy('id').execute();
}
export type DebtFiguresRow = Awaited<ReturnType<typeof listDebtFigures>>[number];

export async function listIncomeFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('incomes').select(INCOME_FIGURES).where('dossierId', '=', dossier.id).execute();
}

export async function listExpenseFigures(db: Kysely<Database>, dossier: GatedDossier) {
  return db.selectFrom('expenses').select(EXPENSE_FIGURES).where('dossierId', '=', dossier.id).execute();
}

// The same three reads as parts of a one-statement read (no timestamps among the figures; the
// debts' created_at and id travel along only to keep the order).
// Each is declared as the rows of its table with these columns, so a kept overview follows this
// process's own write of one row (view-patch.ts).
const eb = expressionBuilder<Database>();
const DEBT_SECTION = [...DEBT_FIGURES, 'createdAt'] as const;
const INCOME_SECTION = [...INCOME_FIGURES, 'createdAt', 'id'] as const;
const EXPENSE_SECTION = [...EXPENSE_FIGURES, 'createdAt', 'id'] as const;
export const debtFiguresSection = rowsOfTable(jsonRowsSection<DebtFiguresRow>(
  (dossierId) => eb.selectFrom('debts').select(DEBT_SECTION).where('dossierId', '=', dossierId), 'created_at, id', {}), 'debts', DEBT_SECTION);
export const incomeFiguresSection = rowsOfTable(jsonRowsSection<Awaited<ReturnType<typeof listIncomeFigures>>[number]>(
  (dossierId) => eb.selectFrom('incomes').select(INCOME_SECTION).where('dossierId', '=', dossierId), 'created_at, id', {}), 'incomes', INCOME_SECTION);
export const expenseFiguresSection = rowsOfTable(jsonRowsSection<Awaited<ReturnType<typeof listExpenseFigures>>[number]>(
  (dossierId) => eb.selectFrom('expenses').select(EXPENSE_SECTION).where('dossierId', '=', dossierId), 'created_at, id', {}), 'expenses', EXPENSE_SECTION);
