// Phase C shapes (docs/domain.md §5): actions, the referral to formal debt help, its checklist.
import { z } from 'zod';
import { isoDateSchema } from '../../lib/schemas.js';
import {
  ACTION_OWNERS, CHECKLIST_KEYS, CHECKLIST_STATES, REFERRAL_ROUTES, REFERRAL_STATUSES, TRAJECTS,
} from '../../lib/vocabulary.js';

export const createActionBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  owner: z.enum(ACTION_OWNERS),
  dueDate: isoDateSchema.nullish(),
  done: z.boolean().optional(),
});
export type CreateActionBody = z.infer<typeof createActionBody>;

export const patchActionBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).nullable().optional(),
  owner: z.enum(ACTION_OWNERS).optional(),
  dueDate: isoDateSchema.nullable().optional(),
  done: z.boolean().optional(),
});
export type PatchActionBody = z.infer<typeof patchActionBody>;

export const actionSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  owner: z.enum(ACTION_OWNERS),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.date().nullable(),
  overdue: z.boolean().describe('Not done and the due date has passed.'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Action' });
export type ActionView = z.infer<typeof actionSchema>;

const notBefore = (later: string | null | undefined, earlier: string | null | undefined) =>
  later === null || later === undefined || earlier === null || earlier === undefined || later >= earlier;

export const referralBody = z.strictObject({
  route: z.enum(REFERRAL_ROUTES),
  organisation: z.string().trim().min(1).max(200),
  referredAt: isoDateSchema.nullish(),
  firstContactAt: isoDateSchema.nullish(),
  acceptedAt: isoDateSchema.nullish(),
  status: z.enum(REFERRAL_STATUSES),
  traject: z.enum(TRAJECTS).nullish(),
}).superRefine((body, ctx) => {
  if (!notBefore(body.firstContactAt, body.referredAt)) {
    ctx.addIssue({ code: 'custom', path: ['firstContactAt'], message: 'first contact cannot be before the referral' });
  }
  if (!notBefore(body.acceptedAt, body.referredAt)) {
    ctx.addIssue({ code: 'custom', path: ['acceptedAt'], message: 'acceptance cannot be before the referral' });
  }
  if (body.acceptedAt && body.status !== 'toegelaten') {
    ctx.addIssue({ code: 'custom', path: ['acceptedAt'], message: 'an acceptance date goes with status toegelaten' });
  }
  // The traject is the professional's choice after admission. The WSNP in particular needs the
  // gemeente's art. 285 Fw statement after a real minnelijk attempt: a maatje cannot refer to it.
  if (body.traject && body.traject !== 'geen' && body.status !== 'toegelaten') {
    ctx.addIssue({ code: 'custom', path: ['traject'], message: 'a traject is recorded once formal debt help has admitted the resident (status toegelaten)' });
  }
});
export type ReferralBody = z.infer<typeof referralBody>;

export const referralSchema = z.object({
  route: z.enum(REFERRAL_ROUTES),
  organisation: z.string(),
  referredAt: z.string().nullable(),
  firstContactAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  traject: z.enum(TRAJECTS).nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Referral' });
export type ReferralView = z.infer<typeof referralSchema>;

const checklistItems = z.partialRecord(z.enum(CHECKLIST_KEYS), z.enum(CHECKLIST_STATES));

export const checklistBody = z.strictObject({ items: checklistItems });
export type ChecklistBody = z.infer<typeof checklistBody>;

export const checklistSchema = z.object({ items: checklistItems, updatedAt: z.date(), version: z.number().int() }).meta({ id: 'Checklist' });
export type ChecklistView = z.infer<typeof checklistSchema>;
