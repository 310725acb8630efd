// The whole dossier in one response (docs/api.md): a fixed number of queries, never one per row.
// A plain read is one statement (`dossierViewSections` through `readDossier`); a write shows the
// result with `loadDossierView` inside its own transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Database, DebtsTable, ExpensesTable, IncomesTable } from '../../db/schema.js';
import type { Phase } from '../../lib/vocabulary.js';
import { inDossier, type DossierContext, type ServiceContext } from '../service-context.js';
import { toExpenseView, toIncomeView } from '../budget/budget.service.js';
import { toDebtView } from '../debts/debt.service.js';
import { assemblePlanSection, planSection, planSections } from '../plan/plan.service.js';
import { allChildrenSection } from './dossier-children.service.js';
import { listChildren } from './dossier-children.repository.js';
import type { DossierCore } from './dossier-gate.repository.js';
import { listTransitions, loadDossierRow, transitionsSection, type DossierRow } from './dossier.repository.js';
import type { DossierView } from './dossier.schemas.js';

const notesContext = (dossierId: string) => ({ table: 'dossiers', column: 'notes', rowId: dossierId });

export function encryptDossierNotes(dossier: Pick<DossierCore, 'cipher'>, dossierId: string, notes: string) {
  return dossier.cipher.encrypt(notes, notesContext(dossierId));
}

function officialAmount(cents: number | null, source: string | null, date: string | null) {
  return cents === null || source === null || date === null ? null : { amountCents: cents, source, date };
}

function dossierFields(row: DossierRow, ctx: Pick<DossierContext, 'cipher'>) {
  return {
    id: row.id,
    phase: row.phase,
    locationId: row.locationId,
    resident: { id: row.residentId, displayName: row.residentDisplayName },
    assignedMaatje: row.maatjeId !== null && row.maatjeDisplayName !== null ? { id: row.maatjeId, displayName: row.maatjeDisplayName } : null,
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    version: row.version,
    consent: {
      givenAt: row.consentGivenAt,
      textVersion: row.consentTextVersion,
      statisticsOptIn: row.consentStatisticsOptIn,
      recordedOnPaper: row.consentRecordedOnPaper,
      withdrawnAt: row.consentWithdrawnAt,
    },
    household: {
      leefsituatie: row.householdLeefsituatie,
      ageBand: row.householdAgeBand,
      partnerAgeBand: row.householdPartnerAgeBand,
      otherAdults: row.householdOtherAdults,
    },
    overviewConfirmedAt: row.overviewConfirmedAt,
    notes: row.notesEncrypted === null ? null : ctx.cipher.decrypt(row.notesEncrypted, notesContext(row.id)),
    bvvOfficial: officialAmount(row.bvvOfficialCents, row.bvvOfficialSource, row.bvvOfficialDate),
    vtlbOfficial: officialAmount(row.vtlbOfficialCents, row.vtlbOfficialSource, row.vtlbOfficialDate),
    vtlbCorrections: row.vtlbCorrections,
    exitReason: row.exitReason,
    solution: row.solution,
  };
}

/** Everything the whole-dossier view shows besides the dossier row, as parts of one statement. */
export const dossierViewSections = {
  debts: allChildrenSection('debts'),
  incomes: allChildrenSection('incomes'),
  expenses: allChildrenSection('expenses'),
  transitions: transitionsSection,
  ...planSections,
};

interface DossierViewRows {
  debts: Selectable<DebtsTable>[];
  incomes: Selectable<IncomesTable>[];
  expenses: Selectable<ExpensesTable>[];
  transitions: { fromPhase: Phase; toPhase: Phase; at: Date }[];
}

function assembleView(row: DossierRow, rows: DossierViewRows, plan: ReturnType<typeof assemblePlanSection>, ctx: Pick<DossierContext, 'cipher' | 'now'>): DossierView {
  return {
    ...dossierFields(row, ctx),
    debts: rows.debts.map((debt) => toDebtView(debt, ctx)),
    incomes: rows.incomes.map(toIncomeView),
    expenses: rows.expenses.map(toExpenseView),
    transitions: rows.transitions.map((t) => ({ from: t.fromPhase, to: t.toPhase, at: t.at })),
    ...plan,
  };
}

/** The view of a one-statement read of `dossierViewSections`. */
export function assembleDossierView(
  row: DossierRow, rows: DossierViewRows & Parameters<typeof assemblePlanSection>[0], ctx: Pick<DossierContext, 'cipher' | 'now'>,
): DossierView {
  return assembleView(row, rows, assemblePlanSection(rows, ctx), ctx);
}

export async function loadDossierView(trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore): Promise<DossierView> {
  const [row, debts, incomes, expenses, transitions, plan] = await Promise.all([
    loadDossierRow(trx, dossier),
    listChildren(trx, 'debts', dossier),
    listChildren(trx, 'incomes', dossier),
    listChildren(trx, 'expenses', dossier),
    listTransitions(trx, dossier),
    planSection(trx, ctx, dossier),
  ]);
  return assembleView(row, { debts, incomes, expenses, transitions }, plan, inDossier(ctx, dossier));
}
