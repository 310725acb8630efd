// The whole dossier in one response (docs/api.md): a fixed number of queries, never one per row.
// A plain read is one statement (`dossierViewSections` through `readDossier`); a write shows the
// result with `loadDossierView` inside its own transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Database, DebtsTable, ExpensesTable, IncomesTable } from '../../db/schema.js';
import type { Phase } from '../../lib/vocabulary.js';
import { inDossier, type DossierContext, type ServiceContext } from '../../core/service-context.js';
import { toExpenseView, toIncomeView } from '../budget/budget.service.js';
import { toDebtView } from '../debts/debt.service.js';
import { assemblePlanSection, planRows, planSections } from '../plan/plan.service.js';
import { childRowsSection, listChildren } from './dossier-children.repository.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import {
  findResidentAccount, listConsentEvents, listDebtSnapshots, listTransitions, loadDossierRow, transitionsSection, type DossierRow,
} from './dossier.repository.js';
import type { DossierView } from './dossier.schemas.js';
import { openOfficialSource, openVtlbCorrections } from './official-sources.js';
import { openDisplayName } from '../../lib/display-name.js';
import { rowsOfTable, unchangedByRowWrites } from '../../db/section-writes.js';
import { viewsOfRows, type RowViews } from '../../lib/row-views.js';

const notesContext = (dossierId: string) => ({ table: 'dossiers', column: 'notes', rowId: dossierId });

export function encryptDossierNotes(dossier: Pick<DossierCore, 'cipher'>, dossierId: string, notes: string) {
  return dossier.cipher.encrypt(notes, notesContext(dossierId));
}

function officialAmount(cents: number | null, source: string | null, date: string | null) {
  return cents === null || source === null || date === null ? null : { amountCents: cents, source, date };
}

function dossierFields(row: DossierRow, ctx: Pick<DossierContext, 'cipher'>) {
  // Each field opened on its own: withOfficialSources and withVtlbCorrections would copy the whole row twice.
  const bvvOfficialSource = openOfficialSource(ctx.cipher, row.id, 'bvv_official_source', row.bvvOfficialSourceEncrypted);
  const vtlbOfficialSource = openOfficialSource(ctx.cipher, row.id, 'vtlb_official_source', row.vtlbOfficialSourceEncrypted);
  return {
    id: row.id,
    phase: row.phase,
    locationId: row.locationId,
    // Names are under the master key, which the dossier's cipher also reads (lib/display-name.ts).
    resident: { id: row.residentId, displayName: openDisplayName(ctx.cipher, row.residentId, row.residentDisplayNameEncrypted) },
    assignedMaatje: row.maatjeId !== null && row.maatjeDisplayNameEncrypted !== null
      ? { id: row.maatjeId, displayName: openDisplayName(ctx.cipher, row.maatjeId, row.maatjeDisplayNameEncrypted) } : null,
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
    bvvOfficial: officialAmount(row.bvvOfficialCents, bvvOfficialSource, row.bvvOfficialDate),
    vtlbOfficial: officialAmount(row.vtlbOfficialCents, vtlbOfficialSource, row.vtlbOfficialDate),
    vtlbCorrections: openVtlbCorrections(ctx.cipher, row.id, row.vtlbCorrectionsEncrypted),
    exitReason: row.exitReason,
    solution: row.solution,
  };
}

/** Everything the whole-dossier view shows besides the dossier row, as parts of one statement. */
export const dossierViewSections = {
  // How a write of one row changes each section (view-patch.ts): the kept view follows this process's own writes.
  debts: rowsOfTable(childRowsSection('debts'), 'debts'),
  incomes: rowsOfTable(childRowsSection('incomes'), 'incomes'),
  expenses: rowsOfTable(childRowsSection('expenses'), 'expenses'),
  actions: rowsOfTable(childRowsSection('actions'), 'actions'),
  transitions: unchangedByRowWrites(transitionsSection),
  ...planSections,
};

interface DossierViewRows {
  debts: Selectable<DebtsTable>[];
  incomes: Selectable<IncomesTable>[];
  expenses: Selectable<ExpensesTable>[];
  transitions: { fromPhase: Phase; toPhase: Phase; at: Date }[];
}

function assembleView(
  row: DossierRow, rows: DossierViewRows, plan: ReturnType<typeof assemblePlanSection>, ctx: Pick<DossierContext, 'cipher' | 'now'>, made?: RowViews,
): DossierView {
  // A spread only at the start of the literal: one after other properties takes V8's slow path.
  return {
    ...dossierFields(row, ctx),
    // The debts carry most of the sealed fields: their views are made once per row (row-views.ts).
    debts: viewsOfRows(rows.debts, (debt) => toDebtView(debt, ctx), made),
    incomes: rows.incomes.map((row) => toIncomeView(row, ctx)),
    expenses: rows.expenses.map((row) => toExpenseView(row, ctx)),
    transitions: rows.transitions.map((t) => ({ from: t.fromPhase, to: t.toPhase, at: t.at })),
    actions: plan.actions,
    referral: plan.referral,
    checklist: plan.checklist,
  };
}

/** The view of a one-statement read of `dossierViewSections`. */
export function assembleDossierView(
  row: DossierRow, rows: DossierViewRows & Parameters<typeof assemblePlanSection>[0], ctx: Pick<DossierContext, 'cipher' | 'now'>, made?: RowViews,
): DossierView {
  return assembleView(row, rows, assemblePlanSection(rows, ctx), ctx, made);
}

export async function loadDossierView(trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore): Promise<DossierView> {
  const [row, debts, incomes, expenses, actions, transitions, plan] = await Promise.all([
    loadDossierRow(trx, dossier),
    listChildren(trx, 'debts', dossier),
    listChildren(trx, 'incomes', dossier),
    listChildren(trx, 'expenses', dossier),
    listChildren(trx, 'actions', dossier),
    listTransitions(trx, dossier),
    planRows(trx, dossier),
  ]);
  return assembleDossierView(row, { debts, incomes, expenses, actions, transitions, ...plan }, inDossier(ctx, dossier));
}

/** Records kept beside the dossier that only the export shows in full: the resident's account, every consent event, the debt snapshots. */
export async function loadDossierRecords(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'cipher'>, dossier: DossierCore) {
  const [{ displayNameEncrypted, ...account }, consentRecords, debtSnapshots] = await Promise.all([
    findResidentAccount(trx, dossier), listConsentEvents(trx, dossier), listDebtSnapshots(trx, dossier),
  ]);
  return { account: { ...account, displayName: openDisplayName(ctx.cipher, account.id, displayNameEncrypted) }, consentRecords, debtSnapshots };
}
