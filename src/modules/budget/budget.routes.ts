import type { FastifyInstance } from 'fastify';
import { registerChildRoutes } from '../dossiers/dossier-children.routes.js';
import {
  createExpenseBody, createIncomeBody, expenseSchema, incomeSchema, patchExpenseBody, patchIncomeBody,
} from './budget.schemas.js';
import { expenses, incomes } from './budget.service.js';

export async function budgetRoutes(app: FastifyInstance) {
  registerChildRoutes(app, {
    segment: 'incomes', idParam: 'incomeId', singular: 'Income', plural: 'Incomes', tag: 'budget',
    read: 'dossier.content', write: 'dossier.content',
    schemas: { view: incomeSchema, create: createIncomeBody, patch: patchIncomeBody },
    service: incomes,
  });
  registerChildRoutes(app, {
    segment: 'expenses', idParam: 'expenseId', singular: 'Expense', plural: 'Expenses', tag: 'budget',
    read: 'dossier.content', write: 'dossier.content',
    schemas: { view: expenseSchema, create: createExpenseBody, patch: patchExpenseBody },
    service: expenses,
  });
}
