// Request and response shapes of the dossier routes (docs/api.md).
import { z } from 'zod';
import { compiledResponse } from '../../http/serializer.js';
import { centsSchema, isoDateSchema } from '../../lib/schemas.js';
import {
  AGE_BANDS, EXIT_REASONS, LEEFSITUATIES, LIFE_EVENTS, PHASES, ROLES, SOLUTIONS, VTLB_CORRECTION_TYPES,
} from '../../lib/vocabulary.js';
import { actionSchema, checklistSchema, referralSchema } from '../plan/plan.schemas.js';
import { debtSchema } from '../debts/debt.schemas.js';
import { expenseSchema, incomeSchema } from '../budget/budget.schemas.js';

export const dossierIdParams = z.strictObject({ id: z.uuid() });

export const displayNameSchema = z.string().trim().min(1).max(120);

export const createDossierBody = z.union([
  z.strictObject({ resident: z.strictObject({ displayName: displayNameSchema, ageBand: z.enum(AGE_BANDS).optional() }) }),
  z.strictObject({ residentId: z.uuid() }),
]);
export type CreateDossierBody = z.infer<typeof createDossierBody>;

export const consentSchema = z.object({
  givenAt: z.date().nullable(),
  textVersion: z.string().nullable(),
  statisticsOptIn: z.boolean().nullable(),
  recordedOnPaper: z.boolean().nullable(),
  withdrawnAt: z.date().nullable(),
}).meta({ id: 'Consent' });

export const householdSchema = z.object({
  leefsituatie: z.enum(LEEFSITUATIES).nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  partnerAgeBand: z.enum(AGE_BANDS).nullable(),
  otherAdults: z.number().int().nullable(),
}).meta({ id: 'Household' });

export const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

const officialAmountInput = z.strictObject({ amountCents: centsSchema, source: z.string().trim().min(1).max(200), date: isoDateSchema });
const officialAmountSchema = z.object({ amountCents: z.number().int(), source: z.string(), date: z.string() });
const vtlbCorrectionInput = z.strictObject({
  type: z.enum(VTLB_CORRECTION_TYPES),
  amountCents: centsSchema,
  justification: z.string().trim().min(1).max(500),
});
const vtlbCorrectionSchema = z.object({ type: z.enum(VTLB_CORRECTION_TYPES), amountCents: z.number().int(), justification: z.string() });

export const householdInput = z.strictObject({
  leefsituatie: z.enum(LEEFSITUATIES),
  ageBand: z.enum(AGE_BANDS),
  partnerAgeBand: z.enum(AGE_BANDS).nullish(),
  otherAdults: z.number().int().min(0).max(20).nullish(),
}).superRefine((household, ctx) => {
  const couple = household.leefsituatie.startsWith('samenwonend');
  if (!couple && household.partnerAgeBand) {
    ctx.addIssue({ code: 'custom', path: ['partnerAgeBand'], message: 'only a couple has a partner age band' });
  }
});

/** Merge semantics (docs/api.md): absent fields stay, null clears, arrays replace. */
export const patchDossierBody = z.strictObject({
  household: householdInput.nullable().optional(),
  bvvOfficial: officialAmountInput.nullable().optional(),
  vtlbOfficial: officialAmountInput.nullable().optional(),
  vtlbCorrections: z.array(vtlbCorrectionInput).max(20).optional(),
  notes: z.string().max(5000).nullable().optional(),
  overviewConfirmed: z.literal(true).optional(),
  recordedOnPaper: z.boolean().optional(),
}).refine((body) => body.recordedOnPaper === undefined || body.overviewConfirmed === true, {
  message: 'recordedOnPaper goes with overviewConfirmed', path: ['recordedOnPaper'],
});
export type PatchDossierBody = z.infer<typeof patchDossierBody>;

export const transitionBody = z.strictObject({ to: z.enum(PHASES) });

export const giveConsentBody = z.strictObject({
  textVersion: z.string().trim().min(1).max(40),
  statisticsOptIn: z.boolean(),
  recordedOnPaper: z.boolean().optional(),
});
export type GiveConsentBody = z.infer<typeof giveConsentBody>;

export const withdrawConsentQuery = z.strictObject({ recordedOnPaper: z.enum(['true', 'false']).optional() });

export const storyBody = z.strictObject({
  text: z.string().max(20_000),
  lifeEvents: z.array(z.enum(LIFE_EVENTS)).max(LIFE_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, 'each life event once'),
});
export type StoryBody = z.infer<typeof storyBody>;

export const storySchema = z.object({
  text: z.string(),
  lifeEvents: z.array(z.enum(LIFE_EVENTS)),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Story' });
export type StoryView = z.infer<typeof storySchema>;

export const transitionSchema = z.object({ from: z.enum(PHASES), to: z.enum(PHASES), at: z.date() });

export const dossierSchema = compiledResponse(z.object({
  id: z.uuid(),
  phase: z.enum(PHASES),
  locationId: z.uuid(),
  resident: personRefSchema,
  assignedMaatje: personRefSchema.nullable(),
  openedAt: z.date(),
  updatedAt: z.date(),
  closedAt: z.date().nullable(),
  version: z.number().int(),
  consent: consentSchema,
  household: householdSchema,
  overviewConfirmedAt: z.date().nullable(),
  notes: z.string().nullable(),
  bvvOfficial: officialAmountSchema.nullable(),
  vtlbOfficial: officialAmountSchema.nullable(),
  vtlbCorrections: z.array(vtlbCorrectionSchema),
  debts: z.array(debtSchema),
  incomes: z.array(incomeSchema),
  expenses: z.array(expenseSchema),
  transitions: z.array(transitionSchema),
  exitReason: z.enum(EXIT_REASONS).nullable(),
  solution: z.enum(SOLUTIONS).nullable(),
  actions: z.array(actionSchema),
  referral: referralSchema.nullable(),
  checklist: checklistSchema.nullable(),
}).meta({ id: 'Dossier' }));

export const closeBody = z.strictObject({ exitReason: z.enum(EXIT_REASONS), solution: z.enum(SOLUTIONS) });
export type DossierView = z.infer<typeof dossierSchema>;

export const dossierListItemSchema = z.object({
  id: z.uuid(),
  phase: z.enum(PHASES),
  residentDisplayName: z.string(),
  openedAt: z.date(),
  updatedAt: z.date(),
  crisis: z.boolean(),
  overdueActions: z.number().int(),
  staleBalances: z.number().int(),
}).meta({ id: 'DossierListItem' });

export const accessLogItemSchema = z.object({
  at: z.date(),
  actorRole: z.enum(ROLES).nullable(),
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  attempts: z.number().int().min(1).describe('Refusals of one caller within one hour are one entry; this counts them (1 for any other event).'),
  accountResetAt: z.date().nullable().describe('On the first event of an account after its credentials were reset (a new activation code for an account in use): when that was. The description then says so too.'),
  description: z.string().describe('The event in plain Dutch for the resident, e.g. "Maatje Fatima heeft uw dossier bekeken."'),
}).meta({ id: 'AccessLogEntry' });

export const createdDossierSchema = z.object({
  dossier: dossierSchema,
  residentActivationCode: z.string().nullable()
    .describe('One-time code for a new resident to set a password (POST /auth/activate). Never stored in clear; null when linking or on an idempotent replay.'),
  residentActivationCodeExpiresAt: z.date().nullable(),
}).meta({ id: 'CreatedDossier' });
