// Settlement simulation (docs/domain.md §5): what a minnelijk traject could offer. The real offer is
// the professional's; this shows the order of magnitude. All shares are exact rationals (BigInt),
// rounded once, by the largest-remainder method, so the payouts add up to the pot to the cent.
import { divideRoundHalfUp } from '../lib/money.js';
import type { AflosruimteBasis, DebtRank, DebtStatus, DischargeExclusion, SettlementKind } from '../lib/vocabulary.js';

export const SETTLEMENT_MONTHS = { default: 18, min: 1, max: 60 } as const;
/** Whole numbers only: practice is a "dubbel percentage" for preferent creditors (domain.md §2.3). */
export const SETTLEMENT_MULTIPLIER = { default: 2, min: 1, max: 5 } as const;

export interface SettlementDebt {
  debtId: string;
  creditorName: string;
  rank: DebtRank;
  status: DebtStatus;
  balanceCents: number;
  excludedFromDischarge: DischargeExclusion | null;
}

export interface SettlementInput {
  months?: number;
  multiplier?: number;
  aflosruimteCents: number;
  aflosruimteBasis: AflosruimteBasis;
  debts: readonly SettlementDebt[];
}

/**
 * Why a debt is not in the pot, first matching reason wins in this order: `settled` (afgelost,
 * kwijtgescholden), `separatist` (secured, outside any pot), `excluded_from_discharge`,
 * `disputed` (betwist), `no_balance` (nothing claimed, so no percentage can be given).
 */
export const SETTLEMENT_EXCLUSION_REASONS = [
  'settled', 'separatist', 'excluded_from_discharge', 'disputed', 'no_balance',
] as const;
export type SettlementExclusionReason = (typeof SETTLEMENT_EXCLUSION_REASONS)[number];

export interface SettlementCreditor {
  debtId: string;
  creditorName: string;
  rank: DebtRank;
  claimCents: number;
  payoutCents: number;
  /** payout / claim in percent, two decimals, half-up: 9.39 means 9,39 %. */
  percentage: number;
}

export interface Settlement {
  months: number;
  multiplier: number;
  potCents: number;
  kind: SettlementKind;
  /** Sum of the claims; below potCents only for a betalingsregeling. */
  claimsTotalCents: number;
  creditors: SettlementCreditor[];
  excluded: { debtId: string; reason: SettlementExclusionReason }[];
}

/** A saldo-based aflosruimte is a budget figure: no creditor would accept an offer built on it (422 `vtlb_required`). */
export type SettlementOutcome = { ok: true; settlement: Settlement } | { ok: false; refusal: 'vtlb_required' };

export function exclusionReason(debt: SettlementDebt): SettlementExclusionReason | null {
  if (debt.status === 'afgelost' || debt.status === 'kwijtgescholden') return 'settled';
  if (debt.rank === 'separatist') return 'separatist';
  if (debt.excludedFromDischarge !== null) return 'excluded_from_discharge';
  if (debt.status === 'betwist') return 'disputed';
  if (debt.balanceCents <= 0) return 'no_balance';
  return null;
}

/** Percent with two decimals from integers: round_half_up(payout × 10 000 / claim) / 100. */
export function payoutPercentage(payoutCents: number, claimCents: number): number {
  return divideRoundHalfUp(payoutCents * 10_000, claimCents) / 100;
}

export interface AllocationShare {
  debtId: string;
  claimCents: number;
  /** The exact payout is numerator / denominator (one denominator for all shares). */
  numerator: bigint;
}

/**
 * Floors every exact share, then gives the cents still missing one each to the largest remainders.
 * Ties: the larger claim first, then the smaller debtId, so the result never depends on input order.
 * The numerators must add up to totalCents × denominator.
 */
export function allocateLargestRemainder(shares: readonly AllocationShare[], denominator: bigint, totalCents: number): Map<string, number> {
  const floors = shares.map((share) => ({ share, cents: share.numerator / denominator, remainder: share.numerator % denominator }));
  let missing = BigInt(totalCents) - floors.reduce((sum, entry) => sum + entry.cents, 0n);
  const byRemainder = [...floors].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      b.share.claimCents - a.share.claimCents ||
      (a.share.debtId < b.share.debtId ? -1 : a.share.debtId > b.share.debtId ? 1 : 0),
  );
  for (const entry of byRemainder) {
    if (missing <= 0n) break;
    entry.cents += 1n;
    missing -= 1n;
  }
  return new Map(floors.map((entry) => [entry.share.debtId, Number(entry.cents)]));
}

function assertWholeInRange(name: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new RangeError(`${name} must be a whole number from ${range.min} to ${range.max}`);
  }
}

interface Claim {
  debtId: string;
  creditorName: string;
  rank: 'concurrent' | 'preferent';
  claimCents: number;
}

/**
 * Concurrent creditors get rate p, preferent ones min(1, multiplier × p), with the pot spent exactly.
 * Uncapped, p = pot / (C + m·P). When m·p would exceed 1 the preferent claims are paid in full and
 * p = (pot − P) / C. All preferent creditors share one rate, so they cap together: one step is
 * already the stable point that iterating would reach.
 */
function partialPayouts(claims: readonly Claim[], potCents: number, multiplier: number): Map<string, number> {
  const pot = BigInt(potCents);
  const m = BigInt(multiplier);
  const concurrent = claims.filter((c) => c.rank === 'concurrent');
  const preferent = claims.filter((c) => c.rank === 'preferent');
  const concurrentTotal = concurrent.reduce((sum, c) => sum + BigInt(c.claimCents), 0n);
  const preferentTotal = preferent.reduce((sum, c) => sum + BigInt(c.claimCents), 0n);

  const preferentCapped = m * pot > concurrentTotal + m * preferentTotal;
  if (!preferentCapped) {
    const shares = claims.map((c) => ({
      debtId: c.debtId,
      claimCents: c.claimCents,
      numerator: BigInt(c.claimCents) * (c.rank === 'preferent' ? m : 1n) * pot,
    }));
    return allocateLargestRemainder(shares, concurrentTotal + m * preferentTotal, potCents);
  }

  // Capped implies pot > P + C/m, and the pot is below C + P here, so C > 0.
  const rest = pot - preferentTotal;
  const shares = concurrent.map((c) => ({ debtId: c.debtId, claimCents: c.claimCents, numerator: BigInt(c.claimCents) * rest }));
  const payouts = allocateLargestRemainder(shares, concurrentTotal, Number(rest));
  for (const c of preferent) payouts.set(c.debtId, c.claimCents);
  return payouts;
}

export function simulateSettlement(input: SettlementInput): SettlementOutcome {
  if (input.aflosruimteBasis !== 'vtlb') return { ok: false, refusal: 'vtlb_required' };
  const months = input.months ?? SETTLEMENT_MONTHS.default;
  const multiplier = input.multiplier ?? SETTLEMENT_MULTIPLIER.default;
  assertWholeInRange('months', months, SETTLEMENT_MONTHS);
  assertWholeInRange('multiplier', multiplier, SETTLEMENT_MULTIPLIER);
  if (!Number.isSafeInteger(input.aflosruimteCents) || input.aflosruimteCents < 0) {
    throw new RangeError('aflosruimteCents must be a non-negative whole number of cents');
  }

  const potCents = input.aflosruimteCents * months;
  const claims: Claim[] = [];
  const excluded: Settlement['excluded'] = [];
  for (const debt of input.debts) {
    const reason = exclusionReason(debt);
    if (reason !== null) excluded.push({ debtId: debt.debtId, reason });
    else if (debt.rank !== 'separatist') {
      claims.push({ debtId: debt.debtId, creditorName: debt.creditorName, rank: debt.rank, claimCents: debt.balanceCents });
    }
  }
  const claimsTotalCents = claims.reduce((sum, c) => sum + c.claimCents, 0);

  // A zero pot is a nul-aanbod even without claims; any other pot that covers all claims pays them in full.
  const kind: SettlementKind =
    potCents === 0 ? 'nul_aanbod' : potCents >= claimsTotalCents ? 'betalingsregeling' : 'minnelijk_aanbod';
  const payouts =
    kind === 'minnelijk_aanbod'
      ? partialPayouts(claims, potCents, multiplier)
      : new Map(claims.map((c) => [c.debtId, kind === 'betalingsregeling' ? c.claimCents : 0]));

  const creditors = claims.map((c) => {
    const payoutCents = payouts.get(c.debtId) ?? 0;
    return { ...c, payoutCents, percentage: payoutPercentage(payoutCents, c.claimCents) };
  });
  return { ok: true, settlement: { months, multiplier, potCents, kind, claimsTotalCents, creditors, excluded } };
}
