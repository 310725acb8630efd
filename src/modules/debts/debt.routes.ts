import type { FastifyInstance } from 'fastify';
import { registerChildRoutes } from '../dossiers/dossier-children.routes.js';
import { createDebtBody, debtSchema, patchDebtBody } from './debt.schemas.js';
import { debts } from './debt.service.js';

export async function debtRoutes(app: FastifyInstance) {
  registerChildRoutes(app, {
    segment: 'debts', idParam: 'debtId', singular: 'Debt', plural: 'Debts', tag: 'debts',
    read: 'dossier.content', write: 'dossier.content',
    schemas: { view: debtSchema, create: createDebtBody, patch: patchDebtBody },
    service: debts,
  });
}
