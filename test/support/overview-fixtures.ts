// OverviewPdfInput fixtures whose figures come from the real domain functions, so every total in a
// test PDF is the one the service would serve. Personal fields carry CANARY markers.
import { computeRepaymentCapacity } from '../../src/domain/bvv.js';
import { budgetTotals, expenseLineFields, incomeLineFields } from '../../src/domain/budget.js';
import { debtFlags } from '../../src/domain/debt-flags.js';
import { debtTotals } from '../../src/domain/debt-totals.js';
import { nextSteps } from '../../src/domain/debt-urgency.js';
import type { NormPeriod } from '../../src/domain/norms.js';
import { JUL_2025 } from './norm-periods.js';
import type { Frequency } from '../../src/lib/money.js';
import type { CreditorType, DebtStatus, ExpenseCategory, ExpenseGroup, IncomeKind } from '../../src/lib/vocabulary.js';
import type {
  OverviewPdfDebt, OverviewPdfExpense, OverviewPdfHousehold, OverviewPdfIncome, OverviewPdfInput, OverviewPdfStory,
} from '../../src/modules/exports/overview-pdf.types.js';

export const TODAY = '2026-11-22';

export const NORM_PERIODS: NormPeriod[] = [
  JUL_2025,
  {
    validFrom: '2026-07-01',
    label: 'Bijstandsnormen 1 juli 2026',
    norms: {
      alleenstaand_21_aow: { excludingHolidayCents: 133_000, includingHolidayCents: 140_000 },
      samenwonend_21_aow: { excludingHolidayCents: 190_000, includingHolidayCents: 200_000 },
      alleenstaand_aow: { excludingHolidayCents: 148_000, includingHolidayCents: 155_800 },
      samenwonend_aow: { excludingHolidayCents: 203_000, includingHolidayCents: 213_700 },
    },
  },
];

export interface DebtSeed {
  creditorName: string;
  creditorType: CreditorType;
  collectorName?: string | null;
  reference?: string | null;
  status: DebtStatus;
  balanceCents: number;
  balanceDate?: string | null;
  principalCents?: number | null;
  collectionCostsCents?: number | null;
  collectionCostsIncludeVat?: boolean | null;
  creditorCanDeductVat?: boolean | null;
  courtDate?: string | null;
  arrangement?: { amountCents: number; frequency: Frequency; startDate: string } | null;
}

export interface IncomeSeed {
  kind: IncomeKind;
  amountCents: number;
  frequency: Frequency;
  description?: string | null;
}

export interface ExpenseSeed {
  group: ExpenseGroup;
  category: ExpenseCategory;
  amountCents: number;
  frequency: Frequency;
  description?: string | null;
}

export interface FixtureOptions {
  debts?: DebtSeed[];
  incomes?: IncomeSeed[];
  expenses?: ExpenseSeed[];
  household?: OverviewPdfHousehold | null;
  story?: OverviewPdfStory | null;
  /** Norm periods as the service has them; drop the newest to make them outdated. */
  normPeriods?: NormPeriod[];
  vtlbOfficialCents?: number | null;
  today?: string;
}

const REAL_CREDITORS: [string, CreditorType, string | null][] = [
  ['Belastingdienst', 'belastingdienst', null],
  ['Dienst Toeslagen', 'toeslagen', null],
  ['CJIB', 'cjib_mulder', null],
  ['DUO', 'duo', null],
  ['CAK', 'cak', null],
  ['Zilveren Kruis Zorgverzekeringen', 'zorgverzekeraar', 'Incassobureau Bol & Partners'],
  ['Vattenfall', 'energie', 'Intrum'],
  ['Vitens', 'water', null],
  ['Woonstichting De Key', 'verhuurder', 'Flanderijn Gerechtsdeurwaarders'],
  ['KPN', 'telecom', 'Intrum'],
  ['Odido', 'telecom', 'Lindorff'],
  ['Wehkamp', 'koop_op_afbetaling', 'Vesting Finance'],
  ['Klarna', 'koop_op_afbetaling', null],
  ['ING Bank', 'bank_krediet', null],
  ['Gemeente Amsterdam Belastingen', 'gemeente_belastingen', null],
  ['Waternet', 'waterschap', null],
  ['UWV', 'uwv', null],
  ['Sociale Verzekeringsbank', 'svb', null],
  ['Eneco', 'energie', 'GGN Gerechtsdeurwaarders'],
  ['Ziggo', 'telecom', 'Vesting Finance'],
  ['Otto', 'koop_op_afbetaling', 'Intrum'],
  ['Fietsenwinkel De Spaak', 'overig', null],
  ['Tandartspraktijk Centrum', 'overig', 'Infomedics'],
  ['Sportschool Fit4All', 'overig', 'Incassobureau Direct Pay'],
  ['Gemeente Amsterdam Werk en Inkomen', 'gemeente_sociaal', null],
  ['Essent', 'energie', null],
  ['Bol.com', 'koop_op_afbetaling', 'Riverty'],
  ['Ymere', 'verhuurder', null],
  ['ANWB', 'overig', 'Intrum'],
  ['Nationale-Nederlanden', 'bank_krediet', 'Vesting Finance'],
];

const STATUS_CYCLE: DebtStatus[] = [
  'open', 'aanmaning', 'incasso', 'deurwaarder', 'betalingsregeling', 'vonnis', 'beslag', 'dagvaarding', 'betwist', 'open',
];

/** A realistic mix of debts: real creditor names, mixed statuses, a few flags. */
export function realisticDebts(count = 30): DebtSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const [creditorName, creditorType, collectorName] = REAL_CREDITORS[i % REAL_CREDITORS.length]!;
    // Crises: the landlord (index 8) announced an eviction, Eneco (index 18) a cut-off.
    const status: DebtStatus = i === 8 || i === 18 ? 'ontruiming_of_afsluiting_aangezegd' : i === 29 ? 'afgelost' : STATUS_CYCLE[i % STATUS_CYCLE.length]!;
    const principal = 4_250 + ((i * 73_919) % 412_000);
    return {
      creditorName: count > REAL_CREDITORS.length ? `${creditorName} ${i + 1}` : creditorName,
      creditorType,
      collectorName,
      reference: `CANARY-${String(4_400_000 + i * 1_379)}`,
      status,
      balanceCents: principal + (i % 4) * 1_523,
      // Mostly recent letters (July to October 2026), every seventh an old one, one without a date.
      balanceDate: i === 3 ? null : i % 7 === 2 ? '2025-12-01' : `2026-${String(7 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      principalCents: principal,
      // KPN (index 9, status open): € 1.000 incassokosten is above the legal maximum for its principal.
      collectionCostsCents: i === 9 ? 100_000 : null,
      // Vitens (index 7) summons the resident for 12 January 2027; the next summons has no date entered.
      courtDate: i === 7 ? '2027-01-12' : null,
      // Every running arrangement is € 25 a month.
      arrangement: status === 'betalingsregeling' ? { amountCents: 2_500, frequency: 'month', startDate: '2026-09-01' } : null,
    };
  });
}

export const REALISTIC_INCOMES: IncomeSeed[] = [
  { kind: 'uitkering_participatiewet', amountCents: 128_950, frequency: 'month', description: 'Gemeente' },
  { kind: 'huurtoeslag', amountCents: 38_900, frequency: 'month', description: null },
  { kind: 'zorgtoeslag', amountCents: 12_300, frequency: 'month', description: null },
  { kind: 'kinderbijslag', amountCents: 29_877, frequency: 'quarter', description: '1 kind' },
  { kind: 'vakantiegeld', amountCents: 71_200, frequency: 'once', description: 'Mei' },
  { kind: 'overig', amountCents: 4_000, frequency: 'four_weeks', description: 'CANARY-income: oppassen bij de buren' },
];

export const REALISTIC_EXPENSES: ExpenseSeed[] = [
  { group: 'vaste_lasten', category: 'huur', amountCents: 89_500, frequency: 'month', description: null },
  { group: 'vaste_lasten', category: 'energie', amountCents: 16_800, frequency: 'month', description: 'Vattenfall' },
  { group: 'vaste_lasten', category: 'water', amountCents: 6_300, frequency: 'quarter', description: null },
  { group: 'vaste_lasten', category: 'zorgverzekering', amountCents: 15_600, frequency: 'month', description: null },
  { group: 'vaste_lasten', category: 'telefoon_internet_tv', amountCents: 5_500, frequency: 'month', description: null },
  { group: 'vaste_lasten', category: 'lokale_lasten', amountCents: 38_400, frequency: 'year', description: null },
  { group: 'reserveringsuitgaven', category: 'kleding', amountCents: 6_000, frequency: 'month', description: null },
  { group: 'reserveringsuitgaven', category: 'eigen_risico', amountCents: 38_500, frequency: 'year', description: null },
  { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 7_500, frequency: 'week', description: null },
  { group: 'huishoudelijke_uitgaven', category: 'persoonlijke_verzorging', amountCents: 2_500, frequency: 'month', description: null },
  { group: 'vaste_lasten', category: 'overig', amountCents: 24_900, frequency: 'once', description: 'Nieuwe wasmachine' },
];

export const DEFAULT_HOUSEHOLD: OverviewPdfHousehold = {
  leefsituatie: 'alleenstaande_ouder', ageBand: '21_tot_aow', partnerAgeBand: null, otherAdults: 0,
};

export function overviewInput(options: FixtureOptions = {}): OverviewPdfInput {
  const today = options.today ?? TODAY;
  const debtSeeds = options.debts ?? realisticDebts(30);
  const incomeSeeds = options.incomes ?? REALISTIC_INCOMES;
  const expenseSeeds = options.expenses ?? REALISTIC_EXPENSES;
  const household = options.household === undefined ? DEFAULT_HOUSEHOLD : options.household;

  const debtInputs = debtSeeds.map((seed) => ({
    catalogCreditorId: null,
    creditorName: seed.creditorName,
    creditorType: seed.creditorType,
    status: seed.status,
    balanceCents: seed.balanceCents,
    balanceDate: seed.balanceDate ?? null,
    principalCents: seed.principalCents ?? null,
    collectionCostsCents: seed.collectionCostsCents ?? null,
    collectionCostsIncludeVat: seed.collectionCostsIncludeVat ?? null,
    creditorCanDeductVat: seed.creditorCanDeductVat ?? null,
    courtDate: seed.courtDate ?? null,
  }));
  const debtSum = debtTotals(debtInputs, today);
  const budget = budgetTotals(incomeSeeds, expenseSeeds);
  const capacity = computeRepaymentCapacity({
    household,
    attachableIncomeMonthlyCents: budget.attachableIncomeMonthlyCents,
    saldoCents: budget.saldoCents,
    bvvOfficial: null,
    vtlbOfficial: options.vtlbOfficialCents == null ? null : { amountCents: options.vtlbOfficialCents },
    vtlbCorrections: [],
    normPeriods: options.normPeriods ?? NORM_PERIODS,
    today,
  });

  const debtId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const debts: OverviewPdfDebt[] = debtSeeds.map((seed, i) => {
    const flags = debtFlags(debtInputs[i]!, today);
    return {
      id: debtId(i),
      creditorName: seed.creditorName,
      creditorType: seed.creditorType,
      arrangement: seed.arrangement ?? null,
      collectionCostsVat: flags.collectionCostsVat,
      urgency: flags.urgency,
      collectorName: seed.collectorName ?? null,
      reference: seed.reference ?? null,
      status: seed.status,
      balanceCents: seed.balanceCents,
      balanceDate: seed.balanceDate ?? null,
      balanceConfirmedOn: null,
      balanceStale: flags.balanceStale,
      collectionCostsTooHigh: flags.collectionCostsTooHigh,
      collectionCostsMaxCents: flags.collectionCostsMaxCents,
      crisis: flags.crisis,
    };
  });
  const incomes: OverviewPdfIncome[] = incomeSeeds.map((seed) => ({
    kind: seed.kind, amountCents: seed.amountCents, frequency: seed.frequency,
    monthlyCents: incomeLineFields(seed).monthlyCents, description: seed.description ?? null,
  }));
  const expenses: OverviewPdfExpense[] = expenseSeeds.map((seed) => ({
    group: seed.group, category: seed.category, amountCents: seed.amountCents, frequency: seed.frequency,
    monthlyCents: expenseLineFields(seed).monthlyCents, description: seed.description ?? null,
  }));

  return {
    generatedOn: today,
    resident: { displayName: 'CANARY-resident Fatima el Amrani' },
    household,
    overview: {
      incomeMonthlyCents: budget.incomeMonthlyCents,
      attachableIncomeMonthlyCents: budget.attachableIncomeMonthlyCents,
      expensesMonthlyCents: budget.expensesMonthlyCents,
      expensesByGroup: budget.expensesByGroup,
      oneOffCents: budget.oneOffCents,
      oneOffIncomeCents: budget.oneOffIncomeCents,
      saldoCents: budget.saldoCents,
      totalDebtCents: debtSum.totalDebtCents,
      creditorCount: debtSum.creditorCount,
      debtByCreditorType: debtSum.debtByCreditorType,
      debtByStatus: debtSum.debtByStatus,
      bvvIndicativeCents: capacity.bvvIndicativeCents,
      bvvIndicativeReason: capacity.bvvIndicativeReason,
      vtlbCents: capacity.vtlbCents,
      vtlbSource: capacity.vtlbSource,
      aflosruimteCents: capacity.aflosruimteCents,
      aflosruimteBasis: capacity.aflosruimteBasis,
      nulAanbod: capacity.nulAanbod,
      normPeriod: capacity.normPeriod,
      normPeriodOutdated: capacity.normPeriodOutdated,
      flags: debtSum.flags,
      nextSteps: nextSteps(
        debtInputs.map((debt, i) => ({ ...debt, debtId: debtId(i), creditorName: debt.creditorName })),
        today,
        capacity.bvvIndicativeCents === null ? null : { amountCents: capacity.bvvIndicativeCents, official: false },
      ),
    },
    debts,
    incomes,
    expenses,
    actions: [
      { title: 'Post openen en sorteren', description: 'CANARY-action: samen de map met brieven doorlopen', owner: 'resident', dueDate: '2026-11-29', done: true },
      { title: 'Bellen met Woonstichting De Key', description: 'Vragen om uitstel van de ontruiming', owner: 'maatje', dueDate: '2026-11-24', done: false },
      { title: 'Nieuw overzicht vragen bij Vitens', description: null, owner: 'resident', dueDate: null, done: false },
    ],
    referral: {
      route: 'gemeentelijke_schuldhulpverlening', organisation: 'Gemeente Amsterdam, Schuldhulpverlening',
      status: 'aangemeld', traject: null, referredAt: '2026-11-20',
    },
    story: options.story ?? null,
  };
}

export const CANARY_STORY: OverviewPdfStory = {
  text: 'CANARY-story: Na mijn scheiding kon ik de huur niet meer betalen. Daarna kwamen de brieven.',
  lifeEvents: ['scheiding', 'inkomensdaling'],
};
