// Letters to creditors (issue 16): the templates as versioned data, the request that makes letters
// for one or more debts, and a letter with its tracking (sent, answered). Strict objects: unknown
// keys are 400.
import { z } from 'zod';
import { isoDateSchema } from '../../lib/schemas.js';
import { SETTLEMENT_MONTHS, SETTLEMENT_MULTIPLIER } from '../../domain/settlement.js';

export const LETTER_KINDS = ['saldo_opgave', 'incasso_pauze', 'betalingsregeling', 'schikkingsvoorstel'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The proposals: only in phase C, when there is something to propose. */
export const PROPOSAL_KINDS: readonly LetterKind[] = ['betalingsregeling', 'schikkingsvoorstel'];

/** The words a template may use; each is filled in from the dossier, per debt. */
export const TEMPLATE_PLACEHOLDERS = ['bedrag', 'aflosbedrag', 'termijnen', 'totaal', 'percentage'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

const templateParagraph = z.string().trim().min(1).max(1000).refine(
  (text) => [...text.matchAll(PLACEHOLDER)].every((match) => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')),
  { message: `Only these placeholders may be used: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.` },
);

export const createLetterTemplateBody = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  subject: z.string().trim().min(1).max(200),
  paragraphs: z.array(templateParagraph).min(1).max(12),
});
export type CreateLetterTemplateBody = z.infer<typeof createLetterTemplateBody>;

export const letterTemplateSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  version: z.number().int().min(1),
  subject: z.string(),
  paragraphs: z.array(z.string()),
  createdAt: z.date(),
}).meta({ id: 'LetterTemplate' });
export type LetterTemplateView = z.infer<typeof letterTemplateSchema>;

export const letterTemplateListSchema = z.object({ items: z.array(letterTemplateSchema) });

export const createLettersBody = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  debtIds: z.array(z.uuid()).min(1).max(50),
  months: z.number().int().min(SETTLEMENT_MONTHS.min).max(SETTLEMENT_MONTHS.max).optional()
    .describe('schikkingsvoorstel: the months of the settlement simulation (default 18).'),
  multiplier: z.number().int().min(SETTLEMENT_MULTIPLIER.min).max(SETTLEMENT_MULTIPLIER.max).optional()
    .describe('Proposals: how much more preferent creditors get than concurrent ones (default 2).'),
});
export type CreateLettersBody = z.infer<typeof createLettersBody>;

export const letterProposalSchema = z.object({
  monthlyCents: z.number().int().nullable(),
  months: z.number().int(),
  totalCents: z.number().int(),
  percentage: z.number().nullable(),
});
export type LetterProposal = z.infer<typeof letterProposalSchema>;

export const letterSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  debtId: z.uuid(),
  batchId: z.uuid(),
  kind: z.enum(LETTER_KINDS),
  templateVersion: z.number().int(),
  creditorName: z.string(),
  proposal: letterProposalSchema.nullable(),
  sentOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  followUpActionId: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Letter' });
export type LetterView = z.infer<typeof letterSchema>;

export const letterBatchSchema = z.object({ batchId: z.uuid(), items: z.array(letterSchema) });

export const patchLetterBody = z.strictObject({
  sentOn: isoDateSchema.nullable().optional(),
  answeredOn: isoDateSchema.nullable().optional(),
});
export type PatchLetterBody = z.infer<typeof patchLetterBody>;

export const letterParams = z.strictObject({ id: z.uuid(), letterId: z.uuid() });
export const letterBatchParams = z.strictObject({ id: z.uuid(), batchId: z.uuid() });
