// The overview (docs/domain.md §2–4): budget, debt totals, bvv, VTLB and aflosruimte of one dossier,
// computed from its rows by the domain rules, one rule in one place each. GET is one statement
// whatever the dossier's size (readKeptView). Other modules (the PDF) call `computeOverview` inside
// their own gated transaction; `assembleOverview` serves a caller that already holds the inputs.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { computeRepaymentCapacity } from '../../domain/bvv.js';
import { budgetTotals } from '../../domain/budget.js';
import { debtTotals } from '../../domain/debt-totals.js';
import { nextSteps, type BeslagvrijeVoet } from '../../domain/debt-urgency.js';
import type { NormPeriod } from '../../domain/norms.js';
import { amsterdamDate } from '../../lib/dates.js';
import type { DossierCore } from '../../access/dossier-scope.js';
import { readKeptView, stampedAlsoBy } from '../dossiers/dossier-gate.service.js';
import type { ViewDelivery } from '../dossiers/view-cache.js';
import { unchangedByRowWrites } from '../../db/section-writes.js';
import { viewsOfRows, type RowViews } from '../../lib/row-views.js';
import { loadNormPeriods, normPeriodsSection, normPeriodsStamp } from '../norms/norm-period.service.js';
import type { CallerContext, ServiceContext } from '../../core/service-context.js';
import {
  debtFiguresSection, expenseFiguresSection, incomeFiguresSection, listDebtFigures, listExpenseFigures, listIncomeFigures,
  loadFigureInputs, type DebtFiguresRow, type FigureInputsRow,
} from './overview.repository.js';
import type { OverviewView } from './overview.schemas.js';
import { debtNameOf, type withCreditorName } from '../debts/debt-names.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { withOfficialSources, withVtlbCorrections } from '../dossiers/official-sources.js';

/** The figures with their free text readable (decrypted with the dossier's key). */
export type OverviewFigures = ReturnType<typeof withVtlbCorrections<ReturnType<typeof withOfficialSources<FigureInputsRow>>>>;
export type OverviewDebt = ReturnType<typeof withCreditorName<DebtFiguresRow>>;

export interface OverviewInputs {
  dossier: Pick<DossierCore, 'id' | 'version'>;
  figures: OverviewFigures;
  debts: OverviewDebt[];
  incomes: Awaited<ReturnType<typeof listIncomeFigures>>;
  expenses: Awaited<ReturnType<typeof listExpenseFigures>>;
  normPeriods: NormPeriod[];
}

/** The rows every figure comes from. `dossier` must come from the gate (withDossier) of the same transaction. */
export async function loadOverviewInputs(trx: Kysely<Database>, dossier: DossierCore): Promise<OverviewInputs> {
  const [figures, debts, incomes, expenses, normPeriods] = await Promise.all([
    loadFigureInputs(trx, dossier),
    listDebtFigures(trx, dossier),
    listIncomeFigures(trx, dossier),
    listExpenseFigures(trx, dossier),
    loadNormPeriods(trx),
  ]);
  return readable(dossier, { figures, debts, incomes, expenses, normPeriods });
}

function readable(
  dossier: Pick<DossierCore, 'id' | 'version' | 'cipher'>,
  rows: { figures: FigureInputsRow; debts: DebtFiguresRow[] } & Pick<OverviewInputs, 'incomes' | 'expenses' | 'normPeriods'>,
  made?: RowViews,
): OverviewInputs {
  return {
    ...rows,
    dossier: { id: dossier.id, version: dossier.version },
    figures: withVtlbCorrections(withOfficialSources(rows.figures, dossier.id, dossier.cipher), dossier.id, dossier.cipher),
    debts: viewsOfRows(rows.debts, (debt) => readableDebt(debt, dossier.cipher), made),
  };
}

// What withCreditorName gives, field by field: its rest-and-spread copy takes V8's slow path, once
// per debt on every overview. The fields are the figures' own (a one-statement read's ordering
// column stays behind).
function readableDebt(debt: DebtFiguresRow, cipher: FieldCipher): OverviewDebt {
  return {
    id: debt.id,
    catalogCreditorId: debt.catalogCreditorId,
    creditorName: debtNameOf(cipher, debt.id, 'creditor_name', debt.creditorNameEncrypted),
    creditorType: debt.creditorType,
    rank: debt.rank,
    status: debt.status,
    balanceCents: debt.balanceCents,
    balanceDate: debt.balanceDate,
    balanceConfirmedOn: debt.balanceConfirmedOn,
    principalCents: debt.principalCents,
    collectionCostsCents: debt.collectionCostsCents,
    collectionCostsIncludeVat: debt.collectionCostsIncludeVat,
    creditorCanDeductVat: debt.creditorCanDeductVat,
    courtDate: debt.courtDate,
    excludedFromDischarge: debt.excludedFromDischarge,
  };
}

// A half-entered household (no age band yet) chooses no norm: it counts as missing.
function householdOf(row: OverviewFigures) {
  if (row.householdLeefsituatie === null || row.householdAgeBand === null) return null;
  return {
    leefsituatie: row.householdLeefsituatie,
    ageBand: row.householdAgeBand,
    partnerAgeBand: row.householdPartnerAgeBand,
    otherAdults: row.householdOtherAdults ?? 0,
  };
}

function official(cents: number | null, source: string | null, date: string | null) {
  return cents === null || source === null || date === null ? null : { amountCents: cents, source, date };
}

/** Pure: the overview of `inputs` on the calculation day `today` ('YYYY-MM-DD', Europe/Amsterdam). */
export function assembleOverview(inputs: OverviewInputs, today: string): OverviewView {
  const { figures } = inputs;
  const household = householdOf(figures);
  const bvvOfficial = official(figures.bvvOfficialCents, figures.bvvOfficialSource, figures.bvvOfficialDate);
  const vtlbOfficial = official(figures.vtlbOfficialCents, figures.vtlbOfficialSource, figures.vtlbOfficialDate);
  const vtlbCorrections = figures.vtlbCorrections;

  const budget = budgetTotals(inputs.incomes, inputs.expenses);
  const debts = debtTotals(inputs.debts, today);
  const capacity = computeRepaymentCapacity({
    household,
    attachableIncomeMonthlyCents: budget.attachableIncomeMonthlyCents,
    saldoCents: budget.saldoCents,
    bvvOfficial,
    vtlbOfficial,
    vtlbCorrections,
    normPeriods: inputs.normPeriods,
    today,
  });

  return {
    dossierId: inputs.dossier.id,
    dossierVersion: inputs.dossier.version,
    calculatedOn: today,
    incomeMonthlyCents: budget.incomeMonthlyCents,
    attachableIncomeMonthlyCents: budget.attachableIncomeMonthlyCents,
    expensesMonthlyCents: budget.expensesMonthlyCents,
    expensesByGroup: budget.expensesByGroup,
    oneOffCents: budget.oneOffCents,
    oneOffIncomeCents: budget.oneOffIncomeCents,
    saldoCents: budget.saldoCents,
    totalDebtCents: debts.totalDebtCents,
    creditorCount: debts.creditorCount,
    debtByCreditorType: debts.debtByCreditorType,
    debtByStatus: debts.debtByStatus,
    deurwaarderOrBeslagCount: debts.deurwaarderOrBeslagCount,
    flags: debts.flags,
    household,
    normPeriod: capacity.normPeriod,
    normPeriodOutdated: capacity.normPeriodOutdated,
    norm: capacity.norm,
    bvvIndicativeCents: capacity.bvvIndicativeCents,
    bvvIndicativeReason: capacity.bvvIndicativeReason,
    bvvOfficial,
    vtlbOfficial,
    vtlbCorrections,
    vtlbBaseCents: capacity.vtlbBaseCents,
    vtlbCorrectionsCents: capacity.vtlbCorrectionsCents,
    vtlbCents: capacity.vtlbCents,
    vtlbSource: capacity.vtlbSource,
    aflosruimteCents: capacity.aflosruimteCents,
    aflosruimteBasis: capacity.aflosruimteBasis,
    aflosruimteIsBudgetFigure: capacity.aflosruimteBasis === 'saldo',
    nulAanbod: capacity.nulAanbod,
    nextSteps: nextSteps(
      inputs.debts.map((debt) => ({ ...debt, debtId: debt.id })),
      today,
      beslagvrijeVoet(bvvOfficial, capacity.bvvIndicativeCents),
    ),
  };
}

/** The amount a seizure must leave: the official bvv when entered, else the indicative one. */
function beslagvrijeVoet(official: { amountCents: number } | null, indicativeCents: number | null): BeslagvrijeVoet | null {
  if (official !== null) return { amountCents: official.amountCents, official: true };
  return indicativeCents === null ? null : { amountCents: indicativeCents, official: false };
}

/** The overview of an already gated dossier, inside the caller's transaction (and audit). */
export async function computeOverview(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'now'>, dossier: DossierCore): Promise<OverviewView> {
  return assembleOverview(await loadOverviewInputs(trx, dossier), amsterdamDate(ctx.now));
}

// Besides the dossier's own rows the overview reads the norm periods: their fingerprint joins the
// read's stamp, so a kept overview goes out only while both are unchanged.
const overviewSections = stampedAlsoBy({
  debts: debtFiguresSection,
  incomes: incomeFiguresSection,
  expenses: expenseFiguresSection,
  // The norm periods are no dossier's rows: their own fingerprint in the stamp guards them.
  normPeriods: unchangedByRowWrites(normPeriodsSection),
}, normPeriodsStamp);

/**
 * The overview as the bytes of its JSON, in one statement whatever the dossier holds (session, scope,
 * figures, norm periods and audit together), through the process's kept views (readKeptView).
 */
export function getOverviewBody(ctx: CallerContext, dossierId: string, delivery: ViewDelivery, serialize: (view: OverviewView) => string) {
  return readKeptView(ctx, delivery, { kind: 'overview', dossierId }, { action: 'overview.read' }, overviewSections, (read, day, made) => ({
    version: read.row.version,
    body: serialize(assembleOverview(readable(read.dossier, { figures: read.row, ...read.sections }, made), day)),
  }));
}
