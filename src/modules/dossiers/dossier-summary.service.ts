// What lists may show about each dossier without showing its content: whether a crisis is open,
// how many balances are stale and how many actions are overdue. Two queries for a whole page.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { debtTotals } from '../../domain/debt-totals.js';
import { debtsOfDossiers, overdueActionCounts } from './dossier.repository.js';

export interface DossierSummary {
  crisis: boolean;
  staleBalances: number;
  overdueActions: number;
}

export async function dossierSummaries(trx: Kysely<Database>, dossierIds: readonly string[], today: string): Promise<Map<string, DossierSummary>> {
  // Crisis and stale balances need no creditor name (only the creditor count would).
  const debts = (await debtsOfDossiers(trx, dossierIds)).map((debt) => ({ ...debt, creditorName: null }));
  const overdue = await overdueActionCounts(trx, dossierIds, today);
  return new Map(dossierIds.map((id) => {
    const totals = debtTotals(debts.filter((debt) => debt.dossierId === id), today);
    return [id, { crisis: totals.anyCrisis, staleBalances: totals.flags.staleBalances, overdueActions: overdue.get(id) ?? 0 }];
  }));
}
