// The dossier phase machine (docs/domain.md §1). Pure: the service gathers the facts, this module
// decides; the service maps `illegal` to 409 and `guard` to 422 with `missing`.

import type { Phase } from '../lib/vocabulary.js';

export type OpenPhase = Exclude<Phase, 'closed'>;

export const OPEN_PHASES: readonly OpenPhase[] = ['A', 'B', 'C'];

export function isOpenPhase(phase: Phase): phase is OpenPhase {
  return (OPEN_PHASES as readonly Phase[]).includes(phase);
}

export const MISSING_CODES = [
  'consent_missing', 'household_missing', 'overview_not_confirmed', 'balance_date_missing',
  'exit_reason_missing',
] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

export interface MissingItem {
  code: MissingCode;
  debtId?: string;
}

export interface TransitionDebt {
  id: string;
  balanceDate: string | null;
}

export interface TransitionFacts {
  /** Consent given and not withdrawn (see `isConsentActive`). */
  consentActive: boolean;
  householdSet: boolean;
  /** `overviewConfirmedAt` is set. */
  overviewConfirmed: boolean;
  debts: readonly TransitionDebt[];
  exitReasonPresent: boolean;
}

export type TransitionKind = 'forward' | 'back' | 'close';

export type TransitionPlan =
  | { ok: true }
  | { ok: false; reason: 'illegal' }
  | { ok: false; reason: 'guard'; missing: MissingItem[] };

export interface ConsentState {
  givenAt: Date | string | null;
  withdrawnAt: Date | string | null;
}

/** A withdrawal ends consent for good; giving it again is the consent service's business. */
export function isConsentActive(consent: ConsentState | null): boolean {
  return consent !== null && consent.givenAt !== null && consent.withdrawnAt === null;
}

const FORWARD: Readonly<Record<OpenPhase, Phase>> = { A: 'B', B: 'C', C: 'closed' };
const BACK: Readonly<Partial<Record<OpenPhase, OpenPhase>>> = { B: 'A', C: 'B' };

/** `null` means the step is illegal. C → closed counts as a close, not a plain forward step. */
export function classifyTransition(from: Phase, to: Phase): TransitionKind | null {
  if (!isOpenPhase(from)) return null;
  if (to === 'closed') return 'close';
  if (FORWARD[from] === to) return 'forward';
  if (BACK[from] === to) return 'back';
  return null;
}

export function planTransition(from: Phase, to: Phase, facts: TransitionFacts): TransitionPlan {
  const kind = classifyTransition(from, to);
  if (kind === null) return { ok: false, reason: 'illegal' };
  // Back-steps are how a maatje corrects course; guarding them would trap a dossier.
  if (kind === 'back') return { ok: true };
  const missing = kind === 'close' ? missingToClose(facts) : missingToLeave(from, facts);
  return missing.length === 0 ? { ok: true } : { ok: false, reason: 'guard', missing };
}

function missingToClose(facts: TransitionFacts): MissingItem[] {
  // Closing is allowed from any open phase (a resident who stops coming): only the outcome counts.
  return facts.exitReasonPresent ? [] : [{ code: 'exit_reason_missing' }];
}

function missingToLeave(from: Phase, facts: TransitionFacts): MissingItem[] {
  const missing: MissingItem[] = [];
  if (from === 'A') {
    if (!facts.consentActive) missing.push({ code: 'consent_missing' });
    if (!facts.householdSet) missing.push({ code: 'household_missing' });
  }
  if (from === 'B') {
    if (!facts.overviewConfirmed) missing.push({ code: 'overview_not_confirmed' });
    for (const debt of facts.debts) {
      if (debt.balanceDate === null) missing.push({ code: 'balance_date_missing', debtId: debt.id });
    }
  }
  return missing;
}
