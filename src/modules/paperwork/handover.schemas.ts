// The handover package (issue 16): the resident's consent to share the dossier with one named
// organisation, and the "overdrachtsdossier" that organisation's intake receives, as documented JSON
// (this schema is in the API spec) and as a PDF with the same content.
import { z } from 'zod';
import { frequencySchema } from '../../lib/schemas.js';
import {
  AFLOSRUIMTE_BASES, AGE_BANDS, CHECKLIST_KEYS, CHECKLIST_STATES, CREDITOR_TYPES, DEBT_RANKS, DEBT_STATUSES,
  EXPENSE_CATEGORIES, EXPENSE_GROUPS, INCOME_KINDS, LEEFSITUATIES, LIFE_EVENTS, REFERRAL_ROUTES, REFERRAL_STATUSES, TRAJECTS,
  VTLB_SOURCES,
} from '../../lib/vocabulary.js';

export const putHandoverConsentBody = z.strictObject({
  organisation: z.string().trim().min(1).max(200)
    .describe('The organisation the resident agrees to share with; must be the organisation of the referral.'),
  includeStory: z.boolean().describe('Whether the story behind the debts goes along (the resident\'s choice).'),
  recordedOnPaper: z.boolean().optional().describe('Maatje only: the resident signed this consent on paper.'),
});
export type PutHandoverConsentBody = z.infer<typeof putHandoverConsentBody>;

export const handoverConsentSchema = z.object({
  organisation: z.string(),
  includeStory: z.boolean(),
  givenAt: z.date(),
  recordedOnPaper: z.boolean(),
  withdrawnAt: z.date().nullable(),
}).meta({ id: 'HandoverConsent' });
export type HandoverConsentView = z.infer<typeof handoverConsentSchema>;

export const withdrawHandoverConsentQuery = z.strictObject({
  recordedOnPaper: z.enum(['true', 'false']).optional().describe('Maatje only: the resident withdrew on paper.'),
});

const cents = z.number().int().describe('Euro cents.');

export const HANDOVER_FORMAT_VERSION = 1;

export const handoverSchema = z.object({
  formatVersion: z.literal(HANDOVER_FORMAT_VERSION).describe('Changes when the shape of this document changes.'),
  generatedAt: z.date().describe('When this document was made (UTC).'),
  calculatedOn: z.string().describe('The day (Europe/Amsterdam) the figures were calculated on.'),
  sharedWith: z.string().describe('The organisation the resident agreed to share this document with.'),
  resident: z.object({ displayName: z.string() }),
  household: z.object({
    leefsituatie: z.enum(LEEFSITUATIES), ageBand: z.enum(AGE_BANDS), partnerAgeBand: z.enum(AGE_BANDS).nullable(), otherAdults: z.number().int(),
  }).nullable().describe('null while the household is not recorded.'),
  referral: z.object({
    route: z.enum(REFERRAL_ROUTES), organisation: z.string(), status: z.enum(REFERRAL_STATUSES),
    referredAt: z.string().nullable(), traject: z.enum(TRAJECTS).nullable(),
  }),
  debts: z.array(z.object({
    creditorName: z.string(),
    creditorType: z.enum(CREDITOR_TYPES),
    collectorName: z.string().nullable().describe('Incassobureau or deurwaarder collecting for the creditor.'),
    reference: z.string().nullable().describe('The creditor\'s reference (kenmerk).'),
    rank: z.enum(DEBT_RANKS),
    status: z.enum(DEBT_STATUSES),
    principalCents: cents.nullable(),
    interestCents: cents.nullable(),
    collectionCostsCents: cents.nullable(),
    legalCostsCents: cents.nullable(),
    balanceCents: cents.describe('The balance as last stated by the creditor.'),
    balanceDate: z.string().nullable().describe('The date of that balance.'),
    balanceConfirmedOn: z.string().nullable().describe('The day the creditor confirmed the balance in writing; null when not confirmed.'),
    arrangement: z.object({ amountCents: cents, frequency: frequencySchema, startDate: z.string() }).nullable()
      .describe('A payment arrangement already agreed.'),
  })).describe('Every debt, settled ones included (their status says so).'),
  totalDebtCents: cents.describe('All debts except afgelost and kwijtgescholden.'),
  creditorCount: z.number().int(),
  incomes: z.array(z.object({ kind: z.enum(INCOME_KINDS), amountCents: cents, frequency: frequencySchema, monthlyCents: cents.nullable() })),
  expenses: z.array(z.object({
    group: z.enum(EXPENSE_GROUPS), category: z.enum(EXPENSE_CATEGORIES), amountCents: cents, frequency: frequencySchema, monthlyCents: cents.nullable(),
  })),
  budget: z.object({
    incomeMonthlyCents: cents, attachableIncomeMonthlyCents: cents, expensesMonthlyCents: cents,
    saldoCents: z.number().int().describe('Signed euro cents: negative is a monthly shortfall.'),
  }),
  aflosruimte: z.object({
    aflosruimteCents: cents,
    basis: z.enum(AFLOSRUIMTE_BASES).describe('vtlb: attachable income minus the VTLB; saldo: a budget figure only.'),
    vtlbCents: cents.nullable(),
    vtlbSource: z.enum(VTLB_SOURCES).nullable(),
    bvvIndicativeCents: cents.nullable(),
    normPeriod: z.object({ validFrom: z.string(), label: z.string() }).nullable(),
    normPeriodOutdated: z.boolean(),
    explanation: z.string().describe('How the aflosruimte was found, in one Dutch sentence.'),
  }),
  checklist: z.array(z.object({ key: z.enum(CHECKLIST_KEYS), state: z.enum(CHECKLIST_STATES).nullable() }))
    .describe('Every document formal debt help asks for; null when not yet checked.'),
  story: z.object({ text: z.string(), lifeEvents: z.array(z.enum(LIFE_EVENTS)) }).nullable()
    .describe('Only when the resident chose to share it.'),
}).meta({ id: 'Handover', description: 'The overdrachtsdossier: what the receiving organisation needs for its intake.' });
export type HandoverDocument = z.infer<typeof handoverSchema>;
