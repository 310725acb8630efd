// The whole dossier in one response (DESIGN.md §8): a fixed number of queries, never one per row.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../service-context.js';
import { toExpenseView, toIncomeView } from '../budget/budget.service.js';
import { toDebtView } from '../debts/debt.service.js';
import { planSection } from '../plan/plan.service.js';
import { listChildren } from './dossier-children.repository.js';
import type { DossierCore } from './dossier-gate.repository.js';
import { listTransitions, loadDossierRow, type DossierRow } from './dossier.repository.js';
import type { DossierView } from './dossier.schemas.js';

const notesContext = (dossierId: string) => ({ table: 'dossiers', column: 'notes', rowId: dossierId });

export function encryptDossierNotes(ctx: Pick<ServiceContext, 'cipher'>, dossierId: string, notes: string) {
  return ctx.cipher.encrypt(notes, notesContext(dossierId));
}

function officialAmount(cents: number | null, source: string | null, date: string | null) {
  return cents === null || source === null || date === null ? null : { amountCents: cents, source, date };
}

function dossierFields(row: DossierRow, ctx: Pick<ServiceContext, 'cipher'>) {
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

export async function loadDossierView(trx: Kysely<Database>, ctx: ServiceContext, dossier: DossierCore): Promise<DossierView> {
  const [row, debts, incomes, expenses, transitions, plan] = await Promise.all([
    loadDossierRow(trx, dossier),
    listChildren(trx, 'debts', dossier),
    listChildren(trx, 'incomes', dossier),
    listChildren(trx, 'expenses', dossier),
    listTransitions(trx, dossier),
    planSection(trx, ctx, dossier),
  ]);
  return {
    ...dossierFields(row, ctx),
    debts: debts.map((debt) => toDebtView(debt, ctx)),
    incomes: incomes.map(toIncomeView),
    expenses: expenses.map(toExpenseView),
    transitions: transitions.map((t) => ({ from: t.fromPhase, to: t.toPhase, at: t.at })),
    ...plan,
  };
}
