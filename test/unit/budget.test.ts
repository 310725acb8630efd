import { describe, expect, it } from 'vitest';
import {
  budgetTotals, expenseLineFields, incomeLineFields, isAttachableIncomeKind, isCategoryInGroup,
  type ExpenseLineInput, type IncomeLineInput,
} from '../../src/domain/budget.js';

// A single parent with four-weekly wages and the usual toeslagen.
const incomes: IncomeLineInput[] = [
  { kind: 'loon', amountCents: 185_000, frequency: 'four_weeks' }, // 185000 × 13 / 12 = 200416,67 → 200417
  { kind: 'zorgtoeslag', amountCents: 12_300, frequency: 'month' }, // 12300, not attachable
  { kind: 'huurtoeslag', amountCents: 25_000, frequency: 'month' }, // 25000, not attachable
  { kind: 'kinderbijslag', amountCents: 29_881, frequency: 'quarter' }, // 29881 / 3 = 9960,33 → 9960, not attachable
  { kind: 'vakantiegeld', amountCents: 160_000, frequency: 'year' }, // 160000 / 12 = 13333,33 → 13333
  { kind: 'alimentatie', amountCents: 5_000, frequency: 'week' }, // 5000 × 52 / 12 = 21666,67 → 21667
  { kind: 'overig', amountCents: 45_000, frequency: 'once' }, // belastingteruggave: one-off
];

const expenses: ExpenseLineInput[] = [
  { group: 'vaste_lasten', category: 'huur', amountCents: 72_500, frequency: 'month' }, // 72500
  { group: 'vaste_lasten', category: 'energie', amountCents: 18_500, frequency: 'month' }, // 18500
  { group: 'vaste_lasten', category: 'zorgverzekering', amountCents: 15_800, frequency: 'month' }, // 15800
  { group: 'vaste_lasten', category: 'lokale_lasten', amountCents: 45_550, frequency: 'year' }, // 3795,83 → 3796
  { group: 'vaste_lasten', category: 'overige_verzekeringen', amountCents: 6_100, frequency: 'quarter' }, // 2033,33 → 2033
  { group: 'vaste_lasten', category: 'vervoer', amountCents: 3_000, frequency: 'four_weeks' }, // 39000 / 12 = 3250
  { group: 'reserveringsuitgaven', category: 'kleding', amountCents: 30_003, frequency: 'half_year' }, // 5000,5 → 5001
  { group: 'reserveringsuitgaven', category: 'eigen_risico', amountCents: 38_500, frequency: 'year' }, // 3208,33 → 3208
  { group: 'reserveringsuitgaven', category: 'inventaris', amountCents: 59_900, frequency: 'once' }, // wasmachine: one-off
  { group: 'huishoudelijke_uitgaven', category: 'voeding', amountCents: 9_000, frequency: 'week' }, // 468000 / 12 = 39000
  { group: 'huishoudelijke_uitgaven', category: 'persoonlijke_verzorging', amountCents: 4_000, frequency: 'month' }, // 4000
];

describe('line fields', () => {
  it('gives income lines their monthly value and attachability', () => {
    expect(incomeLineFields(incomes[0]!)).toEqual({ monthlyCents: 200_417, attachable: true });
    expect(incomeLineFields(incomes[3]!)).toEqual({ monthlyCents: 9_960, attachable: false });
    expect(incomeLineFields(incomes[6]!)).toEqual({ monthlyCents: null, attachable: true });
  });

  it('gives expense lines their monthly value', () => {
    expect(expenseLineFields(expenses[6]!)).toEqual({ monthlyCents: 5_001 });
    expect(expenseLineFields(expenses[8]!)).toEqual({ monthlyCents: null });
  });

  it('knows which income kinds cannot be seized', () => {
    for (const kind of ['huurtoeslag', 'zorgtoeslag', 'kindgebonden_budget', 'kinderopvangtoeslag', 'kinderbijslag'] as const) {
      expect(isAttachableIncomeKind(kind)).toBe(false);
    }
    for (const kind of ['loon', 'uitkering_participatiewet', 'aow_pensioen', 'alimentatie', 'vakantiegeld', 'overig'] as const) {
      expect(isAttachableIncomeKind(kind)).toBe(true);
    }
  });
});

describe('budgetTotals', () => {
  it('adds up the rounded lines of a realistic household', () => {
    expect(budgetTotals(incomes, expenses)).toEqual({
      // 200417 + 12300 + 25000 + 9960 + 13333 + 21667
      incomeMonthlyCents: 282_677,
      // 200417 + 13333 + 21667 (loon, vakantiegeld, alimentatie)
      attachableIncomeMonthlyCents: 235_417,
      // 115879 + 8209 + 43000
      expensesMonthlyCents: 167_088,
      expensesByGroup: {
        vaste_lasten: 115_879, // 72500 + 18500 + 15800 + 3796 + 2033 + 3250
        reserveringsuitgaven: 8_209, // 5001 + 3208
        huishoudelijke_uitgaven: 43_000, // 39000 + 4000
      },
      oneOffIncomeCents: 45_000,
      oneOffExpenseCents: 59_900,
      oneOffCents: 59_900,
      saldoCents: 115_589, // 282677 − 167088
    });
  });

  it('sums the rounded lines, not the exact amounts', () => {
    // 6 / 12 = 0,5 → 1 per line, so 2 in total (the exact 12 / 12 would be 1)
    const lines: ExpenseLineInput[] = [
      { group: 'huishoudelijke_uitgaven', category: 'overig', amountCents: 6, frequency: 'year' },
      { group: 'huishoudelijke_uitgaven', category: 'overig', amountCents: 6, frequency: 'year' },
    ];
    expect(budgetTotals([], lines).expensesMonthlyCents).toBe(2);
  });

  it('shows a shortfall as a negative saldo', () => {
    const result = budgetTotals(
      [{ kind: 'uitkering_participatiewet', amountCents: 100_000, frequency: 'month' }],
      [{ group: 'vaste_lasten', category: 'huur', amountCents: 120_000, frequency: 'month' }],
    );
    expect(result.saldoCents).toBe(-20_000); // 100000 − 120000
  });

  it('always has all three groups, zero when empty', () => {
    expect(budgetTotals([], [])).toEqual({
      incomeMonthlyCents: 0,
      attachableIncomeMonthlyCents: 0,
      expensesMonthlyCents: 0,
      expensesByGroup: { vaste_lasten: 0, reserveringsuitgaven: 0, huishoudelijke_uitgaven: 0 },
      oneOffIncomeCents: 0,
      oneOffExpenseCents: 0,
      oneOffCents: 0,
      saldoCents: 0,
    });
  });
});

describe('isCategoryInGroup', () => {
  it('accepts a category of its own group only', () => {
    expect(isCategoryInGroup('vaste_lasten', 'huur')).toBe(true);
    expect(isCategoryInGroup('huishoudelijke_uitgaven', 'huur')).toBe(false);
    expect(isCategoryInGroup('vaste_lasten', 'voeding')).toBe(false);
    expect(isCategoryInGroup('reserveringsuitgaven', 'eigen_risico')).toBe(true);
    expect(isCategoryInGroup('vaste_lasten', 'bogus')).toBe(false);
  });

  it('accepts overig in every group', () => {
    expect(isCategoryInGroup('vaste_lasten', 'overig')).toBe(true);
    expect(isCategoryInGroup('reserveringsuitgaven', 'overig')).toBe(true);
    expect(isCategoryInGroup('huishoudelijke_uitgaven', 'overig')).toBe(true);
  });

  it('refuses an unknown group given at run time', () => {
    expect(isCategoryInGroup('toString' as 'vaste_lasten', 'overig')).toBe(false);
  });
});
