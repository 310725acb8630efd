// Everything the resident's overview PDF prints, as plain data. It crosses a worker-thread boundary
// (structured clone), so it holds only strings, numbers, booleans, null, arrays and plain objects:
// no Dates, no class instances, no functions. Money is integer cents, dates are 'YYYY-MM-DD'.
// The figures are the overview's own (docs/domain.md §2–4); the document never re-adds them.
import type { NextStep } from '../../domain/debt-urgency.js';
import type { Frequency } from '../../lib/money.js';
import type {
  ActionOwner, AflosruimteBasis, AgeBand, BvvIndicativeReason, CollectionCostsVat, CreditorType, DebtStatus, ExpenseCategory,
  ExpenseGroup, IncomeKind, Leefsituatie, LifeEvent, ReferralRoute, ReferralStatus, Traject, UrgencyLevel, VtlbSource,
} from '../../lib/vocabulary.js';

export interface OverviewPdfHousehold {
  leefsituatie: Leefsituatie;
  ageBand: AgeBand;
  partnerAgeBand: AgeBand | null;
  otherAdults: number;
}

export interface OverviewPdfFigures {
  incomeMonthlyCents: number;
  attachableIncomeMonthlyCents: number;
  expensesMonthlyCents: number;
  expensesByGroup: Record<ExpenseGroup, number>;
  /** The one-off EXPENSES (the overview field `oneOffCents`). */
  oneOffCents: number;
  oneOffIncomeCents: number;
  /** Signed: negative is a shortfall. */
  saldoCents: number;
  /** Debts not afgelost or kwijtgescholden. */
  totalDebtCents: number;
  creditorCount: number;
  debtByCreditorType: Partial<Record<CreditorType, number>>;
  debtByStatus: Partial<Record<DebtStatus, number>>;
  bvvIndicativeCents: number | null;
  bvvIndicativeReason: BvvIndicativeReason | null;
  vtlbCents: number | null;
  vtlbSource: VtlbSource | null;
  aflosruimteCents: number;
  aflosruimteBasis: AflosruimteBasis;
  nulAanbod: boolean;
  normPeriod: { validFrom: string; label: string } | null;
  normPeriodOutdated: boolean;
  /** Counts of debts, over the debts counted in `totalDebtCents`. */
  flags: { crisis: number; staleBalances: number; collectionCostsTooHigh: number };
  /** The overview's "what to do now" per counted debt, most pressing first. */
  nextSteps: OverviewPdfNextStep[];
}

/** The domain's next step as it is: plain data already. */
export type OverviewPdfNextStep = NextStep;

export interface OverviewPdfDebt {
  id: string;
  creditorName: string;
  creditorType: CreditorType;
  collectorName: string | null;
  reference: string | null;
  status: DebtStatus;
  arrangement: { amountCents: number; frequency: Frequency; startDate: string } | null;
  collectionCostsVat: CollectionCostsVat | null;
  /** `dueDate` is the court date of a dagvaarding, when known. */
  urgency: { level: UrgencyLevel; dueDate: string | null };
  balanceCents: number;
  balanceDate: string | null;
  /** The day the creditor confirmed the balance in writing; null when not confirmed. */
  balanceConfirmedOn: string | null;
  balanceStale: boolean;
  collectionCostsTooHigh: boolean | null;
  collectionCostsMaxCents: number | null;
  crisis: boolean;
}

export interface OverviewPdfIncome {
  kind: IncomeKind;
  amountCents: number;
  frequency: Frequency;
  /** null exactly for `once` lines. */
  monthlyCents: number | null;
  description: string | null;
}

export interface OverviewPdfExpense {
  group: ExpenseGroup;
  category: ExpenseCategory;
  amountCents: number;
  frequency: Frequency;
  /** null exactly for `once` lines. */
  monthlyCents: number | null;
  description: string | null;
}

export interface OverviewPdfAction {
  title: string;
  description: string | null;
  owner: ActionOwner;
  dueDate: string | null;
  done: boolean;
}

export interface OverviewPdfReferral {
  route: ReferralRoute;
  organisation: string;
  status: ReferralStatus;
  traject: Traject | null;
  referredAt: string | null;
}

export interface OverviewPdfStory {
  text: string;
  lifeEvents: LifeEvent[];
}

export interface OverviewPdfInput {
  /** The calculation day (Europe/Amsterdam), printed on every page. */
  generatedOn: string;
  resident: { displayName: string };
  household: OverviewPdfHousehold | null;
  overview: OverviewPdfFigures;
  /** In the order the resident knows them; the document keeps it. */
  debts: OverviewPdfDebt[];
  incomes: OverviewPdfIncome[];
  expenses: OverviewPdfExpense[];
  actions: OverviewPdfAction[];
  referral: OverviewPdfReferral | null;
  /** Only when the resident asked for it (`?includeStory=true`); otherwise null and never printed. */
  story: OverviewPdfStory | null;
}

/** What every render thread is started with. */
export interface PdfWorkerData {
  /** OS niceness of the thread (see PdfRendererOptions.niceness). */
  niceness: number;
  /** Run under Linux's idle scheduling policy where allowed (see PdfRendererOptions.idlePolicy). */
  idle: boolean;
}
