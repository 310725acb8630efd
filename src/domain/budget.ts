// Budget lines and totals (docs/domain.md §2, §4). Every total is a sum of the per-line
// monthly values as rounded and shown, so each printed column adds up exactly.
//
// One-off (`once`) lines never enter monthly figures. They are reported apart per side:
// `oneOffIncomeCents` and `oneOffExpenseCents`. `oneOffCents` (the overview field) is the
// one-off EXPENSES: the sum a household must find outside its monthly budget. It is never a net
// figure, so it stays an unsigned amount like every cents field not marked as signed (§3).

import { monthlyCents, sumCents, type Frequency } from '../lib/money.js';
import {
  EXPENSE_CATEGORIES_BY_GROUP, EXPENSE_GROUPS, UNATTACHABLE_INCOME_KINDS, type ExpenseCategory,
  type ExpenseGroup, type IncomeKind,
} from '../lib/vocabulary.js';

export interface IncomeLineInput {
  kind: IncomeKind;
  amountCents: number;
  frequency: Frequency;
}

export interface IncomeLineFields {
  /** null for `once` lines. */
  monthlyCents: number | null;
  attachable: boolean;
}

export interface ExpenseLineInput {
  group: ExpenseGroup;
  category: ExpenseCategory;
  amountCents: number;
  frequency: Frequency;
}

export interface ExpenseLineFields {
  /** null for `once` lines. */
  monthlyCents: number | null;
}

export type ExpensesByGroup = Record<ExpenseGroup, number>;

export interface BudgetTotals {
  incomeMonthlyCents: number;
  attachableIncomeMonthlyCents: number;
  expensesMonthlyCents: number;
  expensesByGroup: ExpensesByGroup;
  oneOffIncomeCents: number;
  oneOffExpenseCents: number;
  /** Same as `oneOffExpenseCents` (see the module comment). */
  oneOffCents: number;
  /** Signed: a shortfall is shown, not hidden. */
  saldoCents: number;
}

/** Toeslagen, kindgebonden budget and kinderbijslag cannot be seized (§4). */
export function isAttachableIncomeKind(kind: IncomeKind): boolean {
  return !UNATTACHABLE_INCOME_KINDS.includes(kind);
}

/** False for an unknown group too, so request validation can use it on raw input. */
export function isCategoryInGroup(group: ExpenseGroup, category: string): boolean {
  if (!Object.hasOwn(EXPENSE_CATEGORIES_BY_GROUP, group)) return false;
  return (EXPENSE_CATEGORIES_BY_GROUP[group] as readonly string[]).includes(category);
}

export function incomeLineFields(line: IncomeLineInput): IncomeLineFields {
  return { monthlyCents: monthlyCents(line.amountCents, line.frequency), attachable: isAttachableIncomeKind(line.kind) };
}

export function expenseLineFields(line: ExpenseLineInput): ExpenseLineFields {
  return { monthlyCents: monthlyCents(line.amountCents, line.frequency) };
}

export function budgetTotals(
  incomes: readonly IncomeLineInput[],
  expenses: readonly ExpenseLineInput[],
): BudgetTotals {
  const recurringIncomes = incomes.filter((line) => line.frequency !== 'once');
  const recurringExpenses = expenses.filter((line) => line.frequency !== 'once');
  const monthly = (line: IncomeLineInput | ExpenseLineInput): number => monthlyCents(line.amountCents, line.frequency) ?? 0;

  const incomeMonthlyCents = sumCents(recurringIncomes.map(monthly));
  const attachableIncomeMonthlyCents = sumCents(
    recurringIncomes.filter((line) => isAttachableIncomeKind(line.kind)).map(monthly),
  );
  const expensesByGroup = Object.fromEntries(
    EXPENSE_GROUPS.map((group) => [group, sumCents(recurringExpenses.filter((line) => line.group === group).map(monthly))]),
  ) as ExpensesByGroup;
  const expensesMonthlyCents = sumCents(EXPENSE_GROUPS.map((group) => expensesByGroup[group]));
  const oneOffIncomeCents = sumCents(incomes.filter((line) => line.frequency === 'once').map((line) => line.amountCents));
  const oneOffExpenseCents = sumCents(expenses.filter((line) => line.frequency === 'once').map((line) => line.amountCents));

  return {
    incomeMonthlyCents,
    attachableIncomeMonthlyCents,
    expensesMonthlyCents,
    expensesByGroup,
    oneOffIncomeCents,
    oneOffExpenseCents,
    oneOffCents: oneOffExpenseCents,
    saldoCents: incomeMonthlyCents - expensesMonthlyCents,
  };
}
