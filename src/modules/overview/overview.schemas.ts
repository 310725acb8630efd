// The overview (docs/domain.md §2–4) and the settlement simulation (§5). Besides the fixed
// fields, the overview carries its inputs (household, norm, official figures, corrections), so
// every figure can be explained from what it shows.
import { z } from 'zod';
import { compiledResponse } from '../../http/serializer.js';
import { SETTLEMENT_MONTHS, SETTLEMENT_MULTIPLIER, SETTLEMENT_EXCLUSION_REASONS } from '../../domain/settlement.js';
import {
  AFLOSRUIMTE_BASES, AGE_BANDS, BVV_INDICATIVE_REASONS, CREDITOR_TYPES, DEBT_RANKS, DEBT_STATUSES, LEEFSITUATIES,
  NORM_HOUSEHOLD_KEYS, SETTLEMENT_KINDS, URGENCY_LEVELS, VTLB_CORRECTION_TYPES, VTLB_SOURCES,
} from '../../lib/vocabulary.js';

const cents = z.number().int();
const signedCents = z.number().int().describe('Signed: negative is a shortfall.');
const officialAmount = z.object({ amountCents: cents, source: z.string(), date: z.string() });

export const overviewSchema = compiledResponse(z.object({
  dossierId: z.uuid(),
  dossierVersion: z.number().int().describe('The dossier version these figures belong to: confirm the overview with If-Match on it.'),
  calculatedOn: z.string().describe('The calculation day (Europe/Amsterdam): picks the norm period and judges stale balances.'),

  incomeMonthlyCents: cents,
  attachableIncomeMonthlyCents: cents.describe('Income without toeslagen, kindgebonden budget and kinderbijslag.'),
  expensesMonthlyCents: cents,
  expensesByGroup: z.object({ vaste_lasten: cents, reserveringsuitgaven: cents, huishoudelijke_uitgaven: cents }),
  oneOffCents: cents.describe('One-off expenses (frequency `once`): never in the monthly figures.'),
  oneOffIncomeCents: cents.describe('One-off income (frequency `once`): never in the monthly figures.'),
  saldoCents: signedCents,

  totalDebtCents: cents.describe('All debts except afgelost and kwijtgescholden.'),
  creditorCount: z.number().int(),
  debtByCreditorType: z.partialRecord(z.enum(CREDITOR_TYPES), cents).describe('Only types that occur; adds up to totalDebtCents.'),
  debtByStatus: z.partialRecord(z.enum(DEBT_STATUSES), cents).describe('Only statuses that occur; adds up to totalDebtCents.'),
  deurwaarderOrBeslagCount: z.number().int(),
  flags: z.object({ crisis: z.number().int(), staleBalances: z.number().int(), collectionCostsTooHigh: z.number().int() })
    .describe('Numbers of counted debts with each flag.'),

  household: z.object({
    leefsituatie: z.enum(LEEFSITUATIES),
    ageBand: z.enum(AGE_BANDS),
    partnerAgeBand: z.enum(AGE_BANDS).nullable(),
    otherAdults: z.number().int(),
  }).nullable().describe('null while the household is not set.'),
  normPeriod: z.object({ validFrom: z.string(), label: z.string() }).nullable().describe('The period in force on calculatedOn.'),
  normPeriodOutdated: z.boolean().describe('The newest norm period started more than 7 months ago: figures may use old norms.'),
  norm: z.object({ key: z.enum(NORM_HOUSEHOLD_KEYS), excludingHolidayCents: cents, includingHolidayCents: cents }).nullable()
    .describe('The household\'s bijstandsnorm in that period.'),

  bvvIndicativeCents: cents.nullable().describe('95 % of the norm excluding vakantietoeslag; indicative, not the legal bvv.'),
  bvvIndicativeReason: z.enum(BVV_INDICATIVE_REASONS).nullable(),
  bvvOfficial: officialAmount.nullable(),
  vtlbOfficial: officialAmount.nullable(),
  vtlbCorrections: z.array(z.object({ type: z.enum(VTLB_CORRECTION_TYPES), amountCents: cents, justification: z.string() })),
  vtlbBaseCents: cents.nullable().describe('The bvv the corrections were added to; null with an official VTLB or none.'),
  vtlbCorrectionsCents: cents.nullable().describe('Sum of the corrections added; null when they were not used.'),
  vtlbCents: cents.nullable(),
  vtlbSource: z.enum(VTLB_SOURCES).nullable(),
  aflosruimteCents: cents,
  aflosruimteBasis: z.enum(AFLOSRUIMTE_BASES),
  aflosruimteIsBudgetFigure: z.boolean().describe('True on basis saldo: a budget figure, not a legal aflosruimte.'),
  nulAanbod: z.boolean().describe('The aflosruimte is zero.'),
  nextSteps: z.array(z.object({
    debtId: z.uuid(),
    creditorName: z.string(),
    status: z.enum(DEBT_STATUSES),
    level: z.enum(URGENCY_LEVELS),
    dueDate: z.string().nullable().describe('React before this date (the court date of a dagvaarding), when known.'),
    text: z.string().describe('What to do now, in plain Dutch for the resident.'),
  })).describe('One step per counted debt, most pressing first (crisis, urgent, soon, normal, none), then by due date.'),
}).meta({ id: 'Overview' }));
export type OverviewView = z.infer<typeof overviewSchema>;

export const settlementQuery = z.strictObject({
  months: z.coerce.number().int().min(SETTLEMENT_MONTHS.min).max(SETTLEMENT_MONTHS.max).default(SETTLEMENT_MONTHS.default)
    .describe('Length of the simulated traject. Default 18: the looptijd of a minnelijk traject and the WSNP since 1 July 2023 (was 36).'),
  multiplier: z.coerce.number().int().min(SETTLEMENT_MULTIPLIER.min).max(SETTLEMENT_MULTIPLIER.max).default(SETTLEMENT_MULTIPLIER.default),
});
export type SettlementQuery = z.infer<typeof settlementQuery>;

export const settlementSchema = z.object({
  months: z.number().int(),
  multiplier: z.number().int(),
  aflosruimteCents: cents.describe('Per month, basis vtlb; potCents = aflosruimteCents × months.'),
  potCents: cents,
  kind: z.enum(SETTLEMENT_KINDS),
  claimsTotalCents: cents.describe('Below potCents only for a betalingsregeling, which pays every claim in full.'),
  normPeriod: z.object({ validFrom: z.string(), label: z.string() }).nullable()
    .describe('The norm period the aflosruimte (and so the pot) was computed with.'),
  normPeriodOutdated: z.boolean().describe('The newest norm period started more than 7 months ago: the pot may use old norms.'),
  creditors: z.array(z.object({
    debtId: z.uuid(),
    creditorName: z.string(),
    rank: z.enum(DEBT_RANKS),
    claimCents: cents,
    payoutCents: cents,
    percentage: z.number().describe('Percent with two decimals: 9.39 means 9,39 %.'),
  })),
  excluded: z.array(z.object({ debtId: z.uuid(), creditorName: z.string(), reason: z.enum(SETTLEMENT_EXCLUSION_REASONS) })),
}).meta({ id: 'Settlement' });
export type SettlementView = z.infer<typeof settlementSchema>;
