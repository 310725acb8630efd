// What lists may show about each dossier's debts without showing the debts: whether a crisis is
// open and how many balances are stale. One query for a whole page of dossiers.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { debtTotals } from '../../domain/debt-totals.js';
import { debtsOfDossiers } from './dossier.repository.js';

export interface DebtSummary {
  crisis: boolean;
  staleBalances: number;
}

export async function debtSummaries(trx: Kysely<Database>, dossierIds: readonly string[], today: string): Promise<Map<string, DebtSummary>> {
  const debts = await debtsOfDossiers(trx, dossierIds);
  return new Map(dossierIds.map((id) => {
    const totals = debtTotals(debts.filter((debt) => debt.dossierId === id), today);
    return [id, { crisis: totals.anyCrisis, staleBalances: totals.flags.staleBalances }];
  }));
}
