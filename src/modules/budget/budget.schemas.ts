// Income and expense lines (docs/domain.md §4).
import { z } from 'zod';
import { centsSchema, frequencySchema, optionalText } from '../../lib/schemas.js';
import {
  EXPENSE_CATEGORIES, EXPENSE_CATEGORIES_BY_GROUP, EXPENSE_GROUPS, INCOME_KINDS, type ExpenseCategory, type ExpenseGroup,
} from '../../lib/vocabulary.js';

const description = optionalText(200);
// The vocabulary derives these lists from the group → categories map; zod wants them as tuples.
const groupEnum = z.enum(EXPENSE_GROUPS as unknown as readonly [ExpenseGroup, ...ExpenseGroup[]]);
const categoryEnum = z.enum(EXPENSE_CATEGORIES as unknown as readonly [ExpenseCategory, ...ExpenseCategory[]]);

export const createIncomeBody = z.strictObject({
  kind: z.enum(INCOME_KINDS),
  amountCents: centsSchema,
  frequency: frequencySchema,
  description: description.nullish(),
});
export type CreateIncomeBody = z.infer<typeof createIncomeBody>;

export const patchIncomeBody = z.strictObject({
  kind: z.enum(INCOME_KINDS).optional(),
  amountCents: centsSchema.optional(),
  frequency: frequencySchema.optional(),
  description: description.nullable().optional(),
});
export type PatchIncomeBody = z.infer<typeof patchIncomeBody>;

export const incomeSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  kind: z.enum(INCOME_KINDS),
  amountCents: z.number().int(),
  frequency: frequencySchema,
  description: z.string().nullable(),
  monthlyCents: z.number().int().nullable().describe('Monthly equivalent, rounded half-up per line; null for one-off lines.'),
  attachable: z.boolean().describe('False for toeslagen, kindgebonden budget and kinderbijslag: they cannot be seized.'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Income' });
export type IncomeView = z.infer<typeof incomeSchema>;

// A category must belong to its group (docs/domain.md §4): decidable from the request, so 400.
const categoryInGroup = (body: { group?: string; category?: string }, ctx: z.RefinementCtx) => {
  if (body.group === undefined || body.category === undefined) return;
  const categories: readonly string[] = EXPENSE_CATEGORIES_BY_GROUP[body.group as ExpenseGroup] ?? [];
  if (!categories.includes(body.category)) {
    ctx.addIssue({ code: 'custom', path: ['category'], message: `category "${body.category}" is not in group "${body.group}"` });
  }
};

export const createExpenseBody = z.strictObject({
  group: groupEnum,
  category: categoryEnum,
  amountCents: centsSchema,
  frequency: frequencySchema,
  description: description.nullish(),
}).superRefine(categoryInGroup);
export type CreateExpenseBody = z.infer<typeof createExpenseBody>;

/** Group and category change together, so a patch cannot leave a category outside its group. */
export const patchExpenseBody = z.strictObject({
  group: groupEnum.optional(),
  category: categoryEnum.optional(),
  amountCents: centsSchema.optional(),
  frequency: frequencySchema.optional(),
  description: description.nullable().optional(),
}).superRefine((body, ctx) => {
  if ((body.group === undefined) !== (body.category === undefined)) {
    ctx.addIssue({ code: 'custom', path: [body.group === undefined ? 'group' : 'category'], message: 'group and category change together' });
  }
  categoryInGroup(body, ctx);
});
export type PatchExpenseBody = z.infer<typeof patchExpenseBody>;

export const expenseSchema = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  group: groupEnum,
  category: categoryEnum,
  amountCents: z.number().int(),
  frequency: frequencySchema,
  description: z.string().nullable(),
  monthlyCents: z.number().int().nullable().describe('Monthly equivalent, rounded half-up per line; null for one-off lines.'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
}).meta({ id: 'Expense' });
export type ExpenseView = z.infer<typeof expenseSchema>;
