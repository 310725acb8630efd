// Dossier debt totals for the overview and the dossier list (docs/domain.md §3).
//
// Choices the domain rules leave open:
// - Everything here, the breakdowns and flag counts included, is over the COUNTED debts only
//   (not afgelost/kwijtgescholden), so `debtByCreditorType` and `debtByStatus` each add up to
//   `totalDebtCents`, and a settled debt with an old balance date does not ask for attention.
// - The breakdowns hold only the keys that occur (no rows of zeros in the overview or PDF), in
//   vocabulary order so the output is deterministic.
// - A catalogue creditor and a free-typed name are different creditors even when they read
//   alike: guessing a match would silently merge creditors the maatje kept apart.

import { sumCents } from '../lib/money.js';
import {
  CREDITOR_TYPES, DEBT_STATUSES, SETTLED_STATUSES, type CreditorType, type DebtStatus,
} from '../lib/vocabulary.js';
import { debtFlags, type DebtFlagsInput } from './debt-flags.js';

export interface DebtForTotals extends DebtFlagsInput {
  catalogCreditorId: string | null;
  creditorName: string | null;
  balanceCents: number;
}

export interface DebtFlagCounts {
  crisis: number;
  staleBalances: number;
  collectionCostsTooHigh: number;
}

export interface DebtTotals {
  totalDebtCents: number;
  creditorCount: number;
  debtByCreditorType: Partial<Record<CreditorType, number>>;
  debtByStatus: Partial<Record<DebtStatus, number>>;
  /** Debts with status `deurwaarder` or `beslag`. */
  deurwaarderOrBeslagCount: number;
  anyCrisis: boolean;
  flags: DebtFlagCounts;
}

export function isCountedInTotalDebt(status: DebtStatus): boolean {
  return !SETTLED_STATUSES.includes(status);
}

/** Identity of a debt's creditor: the catalogue id when set, else the name trimmed and case-folded. */
export function creditorKey(debt: Pick<DebtForTotals, 'catalogCreditorId' | 'creditorName'>): string {
  if (debt.catalogCreditorId !== null) return `catalog:${debt.catalogCreditorId}`;
  // Locale-free lowercasing keeps the key the same on every server; NFC joins é and e + ´.
  return `name:${(debt.creditorName ?? '').normalize('NFC').trim().toLowerCase()}`;
}

function sumBy<K extends string>(
  keysInOrder: readonly K[],
  debts: readonly DebtForTotals[],
  keyOf: (debt: DebtForTotals) => K,
): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  for (const key of keysInOrder) {
    const matching = debts.filter((debt) => keyOf(debt) === key);
    if (matching.length > 0) result[key] = sumCents(matching.map((debt) => debt.balanceCents));
  }
  return result;
}

export function debtTotals(debts: readonly DebtForTotals[], today: string): DebtTotals {
  const counted = debts.filter((debt) => isCountedInTotalDebt(debt.status));
  const flags = counted.map((debt) => debtFlags(debt, today));
  return {
    totalDebtCents: sumCents(counted.map((debt) => debt.balanceCents)),
    creditorCount: new Set(counted.map(creditorKey)).size,
    debtByCreditorType: sumBy(CREDITOR_TYPES, counted, (debt) => debt.creditorType),
    debtByStatus: sumBy(DEBT_STATUSES, counted, (debt) => debt.status),
    deurwaarderOrBeslagCount: counted.filter((debt) => debt.status === 'deurwaarder' || debt.status === 'beslag').length,
    anyCrisis: flags.some((flag) => flag.crisis),
    flags: {
      crisis: flags.filter((flag) => flag.crisis).length,
      staleBalances: flags.filter((flag) => flag.balanceStale).length,
      collectionCostsTooHigh: flags.filter((flag) => flag.collectionCostsTooHigh === true).length,
    },
  };
}
