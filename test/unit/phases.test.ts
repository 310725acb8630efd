import { describe, expect, it } from 'vitest';
import {
  OPEN_PHASES, classifyTransition, isConsentActive, isOpenPhase, planTransition, type TransitionFacts,
} from '../../src/domain/phases.js';
import { PHASES, type Phase } from '../../src/lib/vocabulary.js';

// Every guard satisfied: only legality decides.
const ready: TransitionFacts = {
  consentActive: true,
  householdSet: true,
  overviewConfirmed: true,
  debts: [{ id: 'd1', balanceDate: '2024-05-01' }],
  exitReasonPresent: true,
};

// Nothing satisfied: every guard that applies must speak.
const empty: TransitionFacts = {
  consentActive: false,
  householdSet: false,
  overviewConfirmed: false,
  debts: [],
  exitReasonPresent: false,
};

const LEGAL: readonly [Phase, Phase][] = [
  ['A', 'B'], ['B', 'C'], ['C', 'closed'], ['C', 'B'], ['B', 'A'], ['A', 'closed'], ['B', 'closed'],
];

describe('phase machine: legality', () => {
  it.each(LEGAL)('%s → %s is legal', (from, to) => {
    expect(planTransition(from, to, ready)).toEqual({ ok: true });
  });

  const illegal = PHASES.flatMap((from) => PHASES.map((to) => [from, to] as [Phase, Phase]))
    .filter(([from, to]) => !LEGAL.some(([f, t]) => f === from && t === to));

  it('has exactly 16 − 7 = 9 illegal pairs', () => {
    expect(illegal).toEqual([
      ['A', 'A'], ['A', 'C'], ['B', 'B'], ['C', 'A'], ['C', 'C'],
      ['closed', 'A'], ['closed', 'B'], ['closed', 'C'], ['closed', 'closed'],
    ]);
  });

  it.each(illegal)('%s → %s is illegal, whatever the facts', (from, to) => {
    expect(planTransition(from, to, ready)).toEqual({ ok: false, reason: 'illegal' });
    expect(planTransition(from, to, empty)).toEqual({ ok: false, reason: 'illegal' });
  });

  it('classifies steps', () => {
    expect(classifyTransition('A', 'B')).toBe('forward');
    expect(classifyTransition('B', 'C')).toBe('forward');
    expect(classifyTransition('C', 'closed')).toBe('close');
    expect(classifyTransition('A', 'closed')).toBe('close');
    expect(classifyTransition('C', 'B')).toBe('back');
    expect(classifyTransition('B', 'A')).toBe('back');
    expect(classifyTransition('A', 'C')).toBeNull();
    expect(classifyTransition('closed', 'closed')).toBeNull();
  });
});

describe('phase machine: guards on forward steps', () => {
  it('A → B needs consent', () => {
    expect(planTransition('A', 'B', { ...ready, consentActive: false }))
      .toEqual({ ok: false, reason: 'guard', missing: [{ code: 'consent_missing' }] });
  });

  it('A → B needs the household', () => {
    expect(planTransition('A', 'B', { ...ready, householdSet: false }))
      .toEqual({ ok: false, reason: 'guard', missing: [{ code: 'household_missing' }] });
  });

  it('A → B lists both when both are missing, and nothing of phase B', () => {
    expect(planTransition('A', 'B', empty)).toEqual({
      ok: false, reason: 'guard', missing: [{ code: 'consent_missing' }, { code: 'household_missing' }],
    });
  });

  it('B → C needs the confirmed overview', () => {
    expect(planTransition('B', 'C', { ...ready, overviewConfirmed: false }))
      .toEqual({ ok: false, reason: 'guard', missing: [{ code: 'overview_not_confirmed' }] });
  });

  it('B → C needs a balance date on every debt, one entry per debt', () => {
    const facts = {
      ...ready,
      debts: [
        { id: 'd1', balanceDate: null },
        { id: 'd2', balanceDate: '2024-05-01' },
        { id: 'd3', balanceDate: null },
      ],
    };
    expect(planTransition('B', 'C', facts)).toEqual({
      ok: false,
      reason: 'guard',
      missing: [{ code: 'balance_date_missing', debtId: 'd1' }, { code: 'balance_date_missing', debtId: 'd3' }],
    });
  });

  it('B → C lists the overview and every debt together', () => {
    const facts = { ...empty, debts: [{ id: 'd9', balanceDate: null }] };
    expect(planTransition('B', 'C', facts)).toEqual({
      ok: false,
      reason: 'guard',
      missing: [{ code: 'overview_not_confirmed' }, { code: 'balance_date_missing', debtId: 'd9' }],
    });
  });

  it('B → C with no debts at all needs only the confirmed overview', () => {
    expect(planTransition('B', 'C', { ...empty, overviewConfirmed: true })).toEqual({ ok: true });
  });

  it.each(['A', 'B', 'C'] as const)('%s → closed needs only an exit reason', (from) => {
    expect(planTransition(from, 'closed', { ...empty, exitReasonPresent: true })).toEqual({ ok: true });
    expect(planTransition(from, 'closed', empty))
      .toEqual({ ok: false, reason: 'guard', missing: [{ code: 'exit_reason_missing' }] });
  });

  it('back-steps are never guarded', () => {
    expect(planTransition('C', 'B', empty)).toEqual({ ok: true });
    expect(planTransition('B', 'A', empty)).toEqual({ ok: true });
  });
});

describe('open phases and consent', () => {
  it('lists A, B and C as open', () => {
    expect(OPEN_PHASES).toEqual(['A', 'B', 'C']);
    expect(isOpenPhase('A')).toBe(true);
    expect(isOpenPhase('C')).toBe(true);
    expect(isOpenPhase('closed')).toBe(false);
  });

  it('consent counts only when given and not withdrawn', () => {
    expect(isConsentActive(null)).toBe(false);
    expect(isConsentActive({ givenAt: null, withdrawnAt: null })).toBe(false);
    expect(isConsentActive({ givenAt: '2024-01-01T10:00:00Z', withdrawnAt: null })).toBe(true);
    expect(isConsentActive({ givenAt: '2024-01-01T10:00:00Z', withdrawnAt: '2024-02-01T10:00:00Z' })).toBe(false);
  });
});
