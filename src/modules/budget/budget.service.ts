// Incomes and expenses of a dossier, with their monthly equivalents from the one conversion rule.
import type { Selectable } from 'kysely';
import type { ExpensesTable, IncomesTable } from '../../db/schema.js';
import { expenseLineFields, incomeLineFields } from '../../domain/budget.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { blankToNull } from '../../lib/text.js';
import type { DossierContext } from '../../core/service-context.js';
import { bodyColumns, childResourceService, type NewChildRow } from '../dossiers/dossier-children.service.js';
import type {
  CreateExpenseBody, CreateIncomeBody, ExpenseView, IncomeView, PatchExpenseBody, PatchIncomeBody,
} from './budget.schemas.js';

// A line's description is the resident's own words: encrypted under the dossier's key.
const descriptionField = (table: 'incomes' | 'expenses', id: string) => ({ table, column: 'description', rowId: id });

function describe(cipher: FieldCipher, table: 'incomes' | 'expenses', row: { id: string; descriptionEncrypted: string | null }) {
  return row.descriptionEncrypted === null ? null : cipher.decrypt(row.descriptionEncrypted, descriptionField(table, row.id));
}

function encryptDescription(ctx: Pick<DossierContext, 'cipher'>, table: 'incomes' | 'expenses', id: string, description: string | null | undefined) {
  const text = blankToNull(description);
  return text === null ? null : ctx.cipher.encrypt(text, descriptionField(table, id));
}

// The views are built field by field: a spread inside a literal takes V8's slow path, and the
// dossier view builds one per line on every read.
export function toIncomeView(row: Selectable<IncomesTable>, ctx: Pick<DossierContext, 'cipher'>): IncomeView {
  const description = describe(ctx.cipher, 'incomes', row);
  const line = incomeLineFields(row);
  return {
    id: row.id, dossierId: row.dossierId, kind: row.kind, amountCents: row.amountCents, frequency: row.frequency,
    description, monthlyCents: line.monthlyCents, attachable: line.attachable, createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version,
  };
}

export function toExpenseView(row: Selectable<ExpensesTable>, ctx: Pick<DossierContext, 'cipher'>): ExpenseView {
  const description = describe(ctx.cipher, 'expenses', row);
  const line = expenseLineFields(row);
  return {
    id: row.id, dossierId: row.dossierId, group: row.group, category: row.category, amountCents: row.amountCents,
    frequency: row.frequency, description, monthlyCents: line.monthlyCents,
    createdAt: row.createdAt, updatedAt: row.updatedAt, version: row.version,
  };
}


export const incomes = childResourceService<'incomes', IncomeView, CreateIncomeBody, PatchIncomeBody>({
  table: 'incomes',
  name: 'income',
  invalidatesOverview: true,
  toView: toIncomeView,
  async newRow(_db, ctx, id, body): Promise<NewChildRow<'incomes'>> {
    return {
      kind: body.kind, amountCents: body.amountCents, frequency: body.frequency, descriptionEncrypted: encryptDescription(ctx, 'incomes', id, body.description),
    };
  },
  async changes(_db, ctx, id, body) {
    const { description, ...plain } = body;
    return {
      ...bodyColumns('incomes', plain),
      ...(description === undefined ? {} : { descriptionEncrypted: encryptDescription(ctx, 'incomes', id, description) }),
    };
  },
});

export const expenses = childResourceService<'expenses', ExpenseView, CreateExpenseBody, PatchExpenseBody>({
  table: 'expenses',
  name: 'expense',
  invalidatesOverview: true,
  toView: toExpenseView,
  async newRow(_db, ctx, id, body): Promise<NewChildRow<'expenses'>> {
    return {
      group: body.group, category: body.category, amountCents: body.amountCents,
      frequency: body.frequency, descriptionEncrypted: encryptDescription(ctx, 'expenses', id, body.description),
    };
  },
  async changes(_db, ctx, id, body) {
    const { description, ...plain } = body;
    return {
      ...bodyColumns('expenses', plain),
      ...(description === undefined ? {} : { descriptionEncrypted: encryptDescription(ctx, 'expenses', id, description) }),
    };
  },
});
