// Shapes of the erasure routes: the pending request, the receipt code and the receipt.
import { z } from 'zod';

export const ERASURE_CATEGORIES = [
  'dossier', 'story', 'debts', 'incomes', 'expenses', 'actions', 'questionnaire', 'consent', 'assignments', 'referral', 'account',
] as const;

export const erasureRequestSchema = z.object({
  channel: z.enum(['app', 'paper']).describe('`app`: asked by the resident in the app; `paper`: recorded by a coordinator.'),
  requestedAt: z.date(),
  dueAt: z.date().describe('When the erasure is carried out, unless the resident cancels before then (7-day cooling-off).'),
}).meta({ id: 'ErasureRequest' });

export const erasureStatusSchema = z.object({ pending: erasureRequestSchema.nullable() }).meta({ id: 'ErasureStatus' });

export const erasureRequestCreated = z.object({
  request: erasureRequestSchema,
  receiptCode: z.string().describe('Shown once. With it the resident can later see what was erased and when, without an account.'),
}).meta({ id: 'ErasureRequestCreated' });

export const paperErasureBody = z.strictObject({
  identityChecked: z.literal(true).describe('The coordinator confirms they checked the resident\'s identity in person.'),
});

export const receiptLookupBody = z.strictObject({ receiptCode: z.string().trim().min(16).max(64) });

export const erasureReceiptSchema = z.object({
  requestedAt: z.date(),
  erasedAt: z.date().nullable().describe('Null while the request waits for its cooling-off to end.'),
  categories: z.array(z.object({ code: z.enum(ERASURE_CATEGORIES), label: z.string().describe('Plain Dutch (B1).') })),
}).meta({ id: 'ErasureReceipt' });
