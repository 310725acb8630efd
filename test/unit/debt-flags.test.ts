import { describe, expect, it } from 'vitest';
import { debtFlags, isBalanceStale, subtractCalendarMonths, type DebtFlagsInput } from '../../src/domain/debt-flags.js';

describe('subtractCalendarMonths', () => {
  it('keeps the day, crosses years and clamps to the last day of a shorter month', () => {
    expect(subtractCalendarMonths('2024-08-15', 6)).toBe('2024-02-15');
    expect(subtractCalendarMonths('2024-03-10', 6)).toBe('2023-09-10'); // across new year
    expect(subtractCalendarMonths('2024-08-31', 6)).toBe('2024-02-29'); // leap year
    expect(subtractCalendarMonths('2023-08-31', 6)).toBe('2023-02-28');
    expect(subtractCalendarMonths('2024-12-31', 6)).toBe('2024-06-30');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => subtractCalendarMonths('2024-02-30', 6)).toThrow(RangeError);
    expect(() => subtractCalendarMonths('15-08-2024', 6)).toThrow(RangeError);
  });
});

describe('isBalanceStale: balanceDate < today − 6 calendar months', () => {
  it('is fresh on the boundary and stale one day before it', () => {
    // today 2024-08-15 → boundary 2024-02-15
    expect(isBalanceStale('2024-02-15', '2024-08-15')).toBe(false);
    expect(isBalanceStale('2024-02-14', '2024-08-15')).toBe(true);
    expect(isBalanceStale('2024-08-15', '2024-08-15')).toBe(false);
    expect(isBalanceStale('2024-09-01', '2024-08-15')).toBe(false); // a future date is not stale
  });

  it('uses the clamped month end as the boundary', () => {
    // today 2024-08-31 → boundary 2024-02-29
    expect(isBalanceStale('2024-02-29', '2024-08-31')).toBe(false);
    expect(isBalanceStale('2024-02-28', '2024-08-31')).toBe(true);
    // today 2023-08-31 → boundary 2023-02-28
    expect(isBalanceStale('2023-02-28', '2023-08-31')).toBe(false);
    expect(isBalanceStale('2023-02-27', '2023-08-31')).toBe(true);
  });

  it('crosses the year', () => {
    // today 2024-03-10 → boundary 2023-09-10
    expect(isBalanceStale('2023-09-10', '2024-03-10')).toBe(false);
    expect(isBalanceStale('2023-09-09', '2024-03-10')).toBe(true);
  });

  it('does not call a missing date stale', () => {
    expect(isBalanceStale(null, '2024-08-15')).toBe(false);
  });

  it('refuses a malformed balance date', () => {
    expect(() => isBalanceStale('2024-13-01', '2024-08-15')).toThrow(RangeError);
  });
});

describe('debtFlags', () => {
  const today = '2024-08-15';
  const debt: DebtFlagsInput = {
    creditorType: 'telecom',
    status: 'incasso',
    principalCents: 100_000,
    collectionCostsCents: 20_000,
    collectionCostsIncludeVat: false,
    creditorCanDeductVat: null,
    balanceDate: '2024-01-31',
    courtDate: null,
  };

  it('combines staleness, the collection costs check and crisis', () => {
    // 2024-01-31 < 2024-02-15 → stale; 15 % × 100000 = 15000 < 20000 → too high; incasso is no crisis
    expect(debtFlags(debt, today)).toEqual({
      balanceStale: true, collectionCostsMaxCents: 15_000, collectionCostsTooHigh: true, collectionCostsVat: 'not_charged',
      crisis: false, urgency: { level: 'soon', dueDate: null },
    });
  });

  it('flags the crisis statuses and drops the collection costs check after judgment', () => {
    // Telecom cannot cut off gas, water or electricity: this status then means an eviction, after judgment.
    expect(debtFlags({ ...debt, status: 'ontruiming_of_afsluiting_aangezegd', balanceDate: null }, today)).toEqual({
      balanceStale: false, collectionCostsMaxCents: null, collectionCostsTooHigh: null, collectionCostsVat: null,
      crisis: true, urgency: { level: 'crisis', dueDate: null },
    });
    expect(debtFlags({ ...debt, status: 'opzegging_zorgverzekering_aangezegd' }, today).crisis).toBe(true);
    expect(debtFlags({ ...debt, status: 'beslag' }, today).crisis).toBe(false);
  });

  it('uses the VAT-inclusive maximum only when the creditor cannot deduct BTW', () => {
    // Telecom deducts BTW by default: BTW charged but not allowed → max stays 15000 < 20000 → too high
    expect(debtFlags({ ...debt, collectionCostsIncludeVat: true, balanceDate: '2024-06-01' }, today)).toEqual({
      balanceStale: false, collectionCostsMaxCents: 15_000, collectionCostsTooHigh: true, collectionCostsVat: 'not_allowed',
      crisis: false, urgency: { level: 'soon', dueDate: null },
    });
    // Answered "cannot deduct": 15000 × 1,21 = 18150 < 20000 → still too high, now with BTW allowed
    expect(debtFlags({ ...debt, collectionCostsIncludeVat: true, creditorCanDeductVat: false, balanceDate: '2024-06-01' }, today))
      .toMatchObject({ collectionCostsMaxCents: 18_150, collectionCostsTooHigh: true, collectionCostsVat: 'allowed' });
  });

  it('checks the costs of a crisis debt that no court decided: a cut-off or a cancelled insurance', () => {
    // Energie cut-off: 15 % × 100000 = 15000 < 20000 → too high
    expect(debtFlags({ ...debt, creditorType: 'energie', status: 'ontruiming_of_afsluiting_aangezegd' }, today))
      .toMatchObject({ collectionCostsMaxCents: 15_000, collectionCostsTooHigh: true, crisis: true });
    expect(debtFlags({ ...debt, creditorType: 'zorgverzekeraar', status: 'opzegging_zorgverzekering_aangezegd' }, today))
      .toMatchObject({ collectionCostsMaxCents: 15_000, collectionCostsTooHigh: true, crisis: true });
    // A landlord's eviction follows a judgment: no check.
    expect(debtFlags({ ...debt, creditorType: 'verhuurder', status: 'ontruiming_of_afsluiting_aangezegd' }, today))
      .toMatchObject({ collectionCostsMaxCents: null, collectionCostsTooHigh: null, crisis: true });
  });

  it('carries the court date of a summons as the due date', () => {
    expect(debtFlags({ ...debt, status: 'dagvaarding', courtDate: '2024-09-10' }, today).urgency)
      .toEqual({ level: 'urgent', dueDate: '2024-09-10' });
    // A court date left on a later status is history, not a due date.
    expect(debtFlags({ ...debt, status: 'vonnis', courtDate: '2024-09-10' }, today).urgency)
      .toEqual({ level: 'soon', dueDate: null });
  });
});

describe('a balance confirmed by the creditor', () => {
  const today = '2026-12-01';
  const debt: DebtFlagsInput = {
    creditorType: 'energie', status: 'incasso', principalCents: null, collectionCostsCents: null, collectionCostsIncludeVat: null,
    creditorCanDeductVat: null, courtDate: null, balanceDate: '2025-01-15',
  };

  it('is fresh evidence: a confirmation within 6 months clears the stale flag', () => {
    expect(debtFlags(debt, today).balanceStale).toBe(true);
    expect(debtFlags({ ...debt, balanceConfirmedOn: '2026-06-01' }, today).balanceStale).toBe(false);
    // A confirmation older than 6 months is stale evidence too.
    expect(debtFlags({ ...debt, balanceConfirmedOn: '2026-05-31' }, today).balanceStale).toBe(true);
  });

  it('counts without a balance date, and never makes a newer balance date stale', () => {
    expect(debtFlags({ ...debt, balanceDate: null, balanceConfirmedOn: '2025-01-01' }, today).balanceStale).toBe(true);
    expect(debtFlags({ ...debt, balanceDate: '2026-11-01', balanceConfirmedOn: '2024-01-01' }, today).balanceStale).toBe(false);
  });
});
