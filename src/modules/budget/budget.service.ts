// Incomes and expenses of a dossier, with their monthly equivalents from the one conversion rule.
import type { Selectable } from 'kysely';
import type { ExpensesTable, IncomesTable } from '../../db/schema.js';
import { expenseLineFields, incomeLineFields } from '../../domain/budget.js';
import { blankToNull } from '../../lib/text.js';
import { bodyColumns, childResourceService, type NewChildRow } from '../dossiers/dossier-children.service.js';
import type {
  CreateExpenseBody, CreateIncomeBody, ExpenseView, IncomeView, PatchExpenseBody, PatchIncomeBody,
} from './budget.schemas.js';


export function toIncomeView(row: Selectable<IncomesTable>): IncomeView {
  return {
    id: row.id, dossierId: row.dossierId, kind: row.kind, amountCents: row.amountCents, frequency: row.frequency,
    description: row.description, ...incomeLineFields(row), createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version,
  };
}

export function toExpenseView(row: Selectable<ExpensesTable>): ExpenseView {
  return {
    id: row.id, dossierId: row.dossierId, group: row.group, category: row.category, amountCents: row.amountCents,
    frequency: row.frequency, description: row.description, ...expenseLineFields(row),
    createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version,
  };
}

function withBlankDescription<T extends { description?: string | null }>(body: T) {
  return body.description === undefined ? body : { ...body, description: blankToNull(body.description) };
}

export const incomes = childResourceService<'incomes', IncomeView, CreateIncomeBody, PatchIncomeBody>({
  table: 'incomes',
  name: 'income',
  invalidatesOverview: true,
  toView: toIncomeView,
  async newRow(_trx, _ctx, _id, body): Promise<NewChildRow<'incomes'>> {
    return { kind: body.kind, amountCents: body.amountCents, frequency: body.frequency, description: blankToNull(body.description) };
  },
  async changes(_trx, _ctx, _id, body) {
    return bodyColumns('incomes', withBlankDescription(body));
  },
});

export const expenses = childResourceService<'expenses', ExpenseView, CreateExpenseBody, PatchExpenseBody>({
  table: 'expenses',
  name: 'expense',
  invalidatesOverview: true,
  toView: toExpenseView,
  async newRow(_trx, _ctx, _id, body): Promise<NewChildRow<'expenses'>> {
    return {
      group: body.group, category: body.category, amountCents: body.amountCents,
      frequency: body.frequency, description: blankToNull(body.description),
    };
  },
  async changes(_trx, _ctx, _id, body) {
    return bodyColumns('expenses', withBlankDescription(body));
  },
});
