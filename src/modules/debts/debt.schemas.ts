// Debt shapes (docs/domain.md §3). Strict objects: unknown keys are 400, so `version`, `id` or
// a dossier id can never be mass-assigned.
import { z } from 'zod';
import { compiledResponse } from '../../http/serializer.js';
import { centsSchema, frequencySchema, isoDateSchema, optionalText } from '../../lib/schemas.js';
import {
  COLLECTION_COSTS_VAT, CREDITOR_TYPES, DEBT_RANKS, DEBT_STATUSES, DISCHARGE_EXCLUSIONS, URGENCY_LEVELS,
} from '../../lib/vocabulary.js';

export const urgencySchema = z.object({
  level: z.enum(URGENCY_LEVELS).describe('crisis (act today), urgent (summons or seizure), soon, normal, none.'),
  dueDate: z.string().nullable().describe('React before this date: the court date of a dagvaarding, when known.'),
}).meta({ id: 'DebtUrgency' });


const arrangementSchema = z.strictObject({ amountCents: centsSchema, frequency: frequencySchema, startDate: isoDateSchema });

const debtFields = {
  creditorName: z.string().trim().min(1).max(200),
  catalogCreditorId: z.uuid(),
  creditorType: z.enum(CREDITOR_TYPES),
  collectorName: optionalText(200),
  reference: optionalText(100),
  rank: z.enum(DEBT_RANKS),
  principalCents: centsSchema,
  interestCents: centsSchema,
  collectionCostsCents: centsSchema,
  collectionCostsIncludeVat: z.boolean(),
  creditorCanDeductVat: z.boolean().describe(
    'Whether the creditor can deduct BTW (it then may not add BTW to the incassokosten). Absent or null: the default for the creditorType.'),
  legalCostsCents: centsSchema,
  balanceCents: centsSchema,
  balanceDate: isoDateSchema,
  balanceConfirmedOn: isoDateSchema.describe('The day the creditor confirmed the balance in writing (a saldo-opgave); clears the stale flag.'),
  status: z.enum(DEBT_STATUSES),
  courtDate: isoDateSchema.describe('The hearing date of a dagvaarding: the resident must react before it.'),
  arrangement: arrangementSchema,
  excludedFromDischarge: z.enum(DISCHARGE_EXCLUSIONS),
  notes: optionalText(2000),
};

export const createDebtBody = z.strictObject({
  creditorName: debtFields.creditorName.optional(),
  catalogCreditorId: debtFields.catalogCreditorId.optional(),
  creditorType: debtFields.creditorType.optional(),
  collectorName: debtFields.collectorName.nullish(),
  reference: debtFields.reference.nullish(),
  rank: debtFields.rank.optional(),
  principalCents: debtFields.principalCents.nullish(),
  interestCents: debtFields.interestCents.nullish(),
  collectionCostsCents: debtFields.collectionCostsCents.nullish(),
  collectionCostsIncludeVat: debtFields.collectionCostsIncludeVat.nullish(),
  creditorCanDeductVat: debtFields.creditorCanDeductVat.nullish(),
  legalCostsCents: debtFields.legalCostsCents.nullish(),
  balanceCents: debtFields.balanceCents,
  balanceDate: debtFields.balanceDate.nullish(),
  balanceConfirmedOn: debtFields.balanceConfirmedOn.nullish(),
  status: debtFields.status,
  courtDate: debtFields.courtDate.nullish(),
  arrangement: debtFields.arrangement.nullish(),
  excludedFromDischarge: debtFields.excludedFromDischarge.nullish(),
  notes: debtFields.notes.nullish(),
}).refine((body) => body.creditorName !== undefined || body.catalogCreditorId !== undefined, {
  message: 'Give creditorName or catalogCreditorId.',
  path: ['creditorName'],
});
export type CreateDebtBody = z.infer<typeof createDebtBody>;

/** Merge semantics: absent stays, null clears an optional field. */
export const patchDebtBody = z.strictObject({
  creditorName: debtFields.creditorName.optional(),
  catalogCreditorId: debtFields.catalogCreditorId.nullable().optional(),
  creditorType: debtFields.creditorType.optional(),
  collectorName: debtFields.collectorName.nullable().optional(),
  reference: debtFields.reference.nullable().optional(),
  rank: debtFields.rank.optional(),
  principalCents: debtFields.principalCents.nullable().optional(),
  interestCents: debtFields.interestCents.nullable().optional(),
  collectionCostsCents: debtFields.collectionCostsCents.nullable().optional(),
  collectionCostsIncludeVat: debtFields.collectionCostsIncludeVat.nullable().optional(),
  creditorCanDeductVat: debtFields.creditorCanDeductVat.nullable().optional(),
  legalCostsCents: debtFields.legalCostsCents.nullable().optional(),
  balanceCents: debtFields.balanceCents.optional(),
  balanceDate: debtFields.balanceDate.nullable().optional(),
  balanceConfirmedOn: debtFields.balanceConfirmedOn.nullable().optional(),
  status: debtFields.status.optional(),
  courtDate: debtFields.courtDate.nullable().optional(),
  arrangement: debtFields.arrangement.nullable().optional(),
  excludedFromDischarge: debtFields.excludedFromDischarge.nullable().optional(),
  notes: debtFields.notes.nullable().optional(),
});
export type PatchDebtBody = z.infer<typeof patchDebtBody>;

export const debtSchema = compiledResponse(z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  catalogCreditorId: z.uuid().nullable(),
  creditorName: z.string(),
  creditorType: z.enum(CREDITOR_TYPES),
  collectorName: z.string().nullable(),
  reference: z.string().nullable(),
  rank: z.enum(DEBT_RANKS),
  principalCents: z.number().int().nullable(),
  interestCents: z.number().int().nullable(),
  collectionCostsCents: z.number().int().nullable(),
  collectionCostsIncludeVat: z.boolean().nullable(),
  creditorCanDeductVat: z.boolean().nullable().describe('As entered; null means the creditorType default was used.'),
  legalCostsCents: z.number().int().nullable(),
  balanceCents: z.number().int(),
  balanceDate: z.string().nullable(),
  balanceConfirmedOn: z.string().nullable().describe('The day the creditor confirmed the balance in writing; null when not (yet) confirmed.'),
  status: z.enum(DEBT_STATUSES),
  courtDate: z.string().nullable(),
  arrangement: z.object({
    amountCents: z.number().int(),
    frequency: frequencySchema,
    startDate: z.string(),
    monthlyCents: z.number().int().nullable(),
  }).nullable(),
  excludedFromDischarge: z.enum(DISCHARGE_EXCLUSIONS).nullable(),
  notes: z.string().nullable(),
  balanceStale: z.boolean(),
  collectionCostsMaxCents: z.number().int().nullable(),
  collectionCostsTooHigh: z.boolean().nullable(),
  collectionCostsVat: z.enum(COLLECTION_COSTS_VAT).nullable().describe(
    'BTW on the incassokosten: not_charged, allowed (creditor cannot deduct it: the maximum is × 1,21), ' +
    'not_allowed (creditor can deduct it), unknown (ask the creditor; checked without BTW). null when the check does not apply.'),
  crisis: z.boolean(),
  urgency: urgencySchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Debt' }));
export type DebtView = z.infer<typeof debtSchema>;
