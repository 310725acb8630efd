import { describe, expect, it } from 'vitest';
import { creditorKey, debtTotals, type DebtForTotals } from '../../src/domain/debt-totals.js';

const today = '2024-08-15'; // staleness boundary 2024-02-15

const debt = (overrides: Partial<DebtForTotals>): DebtForTotals => ({
  catalogCreditorId: null,
  creditorName: 'Schuldeiser',
  creditorType: 'overig',
  status: 'open',
  principalCents: null,
  collectionCostsCents: null,
  collectionCostsIncludeVat: null,
  creditorCanDeductVat: null,
  courtDate: null,
  balanceCents: 0,
  balanceDate: '2024-07-01',
  ...overrides,
});

const debts: DebtForTotals[] = [
  // costs 20000 > 15 % × 100000 = 15000 → too high
  debt({ catalogCreditorId: 'cat-eneco', creditorName: 'Eneco', creditorType: 'energie', status: 'incasso',
    balanceCents: 120_000, principalCents: 100_000, collectionCostsCents: 20_000 }),
  // crisis; 2024-01-10 < 2024-02-15 → stale
  debt({ creditorName: '  Vesteda ', creditorType: 'verhuurder', status: 'ontruiming_of_afsluiting_aangezegd',
    balanceCents: 250_000, balanceDate: '2024-01-10' }),
  // same creditor as above by name; 15 % × 20000 = 3000 → min 4000, costs 4000 not too high; no date → not stale
  debt({ creditorName: 'VESTEDA', creditorType: 'verhuurder', status: 'deurwaarder',
    balanceCents: 30_000, principalCents: 20_000, collectionCostsCents: 4_000, balanceDate: null }),
  // public law → no collection costs check
  debt({ catalogCreditorId: 'cat-bd', creditorName: null, creditorType: 'belastingdienst', status: 'beslag',
    balanceCents: 80_000, principalCents: 80_000, collectionCostsCents: 5_000, balanceDate: '2024-03-01' }),
  // same catalogue creditor as the first, whatever its name; 2023-12-31 → stale
  debt({ catalogCreditorId: 'cat-eneco', creditorName: 'eneco energie', creditorType: 'energie',
    status: 'betalingsregeling', balanceCents: 10_000, principalCents: 10_000, balanceDate: '2023-12-31' }),
  // settled: counted nowhere, though its balance date is old
  debt({ creditorName: 'Telecom X', creditorType: 'telecom', status: 'afgelost', balanceCents: 5_000,
    balanceDate: '2022-01-01' }),
  debt({ creditorName: 'DUO', creditorType: 'duo', status: 'kwijtgescholden', balanceCents: 700_000 }),
];

describe('debtTotals', () => {
  it('totals the debts that are not settled', () => {
    expect(debtTotals(debts, today)).toEqual({
      totalDebtCents: 490_000, // 120000 + 250000 + 30000 + 80000 + 10000
      creditorCount: 3, // cat-eneco, vesteda, cat-bd
      debtByCreditorType: {
        belastingdienst: 80_000,
        energie: 130_000, // 120000 + 10000
        verhuurder: 280_000, // 250000 + 30000
      },
      debtByStatus: {
        incasso: 120_000,
        deurwaarder: 30_000,
        beslag: 80_000,
        ontruiming_of_afsluiting_aangezegd: 250_000,
        betalingsregeling: 10_000,
      },
      deurwaarderOrBeslagCount: 2,
      anyCrisis: true,
      flags: { crisis: 1, staleBalances: 2, collectionCostsTooHigh: 1 },
    });
  });

  it('lists breakdown keys in vocabulary order', () => {
    const totals = debtTotals(debts, today);
    expect(Object.keys(totals.debtByCreditorType)).toEqual(['belastingdienst', 'energie', 'verhuurder']);
    expect(Object.keys(totals.debtByStatus)).toEqual([
      'incasso', 'deurwaarder', 'beslag', 'ontruiming_of_afsluiting_aangezegd', 'betalingsregeling',
    ]);
  });

  it('is all zeros for a dossier without debts', () => {
    expect(debtTotals([], today)).toEqual({
      totalDebtCents: 0,
      creditorCount: 0,
      debtByCreditorType: {},
      debtByStatus: {},
      deurwaarderOrBeslagCount: 0,
      anyCrisis: false,
      flags: { crisis: 0, staleBalances: 0, collectionCostsTooHigh: 0 },
    });
  });

  it('is all zeros when every debt is settled', () => {
    const totals = debtTotals(debts.slice(5), today);
    expect(totals.totalDebtCents).toBe(0);
    expect(totals.creditorCount).toBe(0);
    expect(totals.flags).toEqual({ crisis: 0, staleBalances: 0, collectionCostsTooHigh: 0 });
  });
});

describe('creditorKey', () => {
  it('prefers the catalogue id, else folds the name', () => {
    expect(creditorKey({ catalogCreditorId: 'c1', creditorName: 'Eneco' })).toBe('catalog:c1');
    expect(creditorKey({ catalogCreditorId: null, creditorName: '  Vesteda ' })).toBe('name:vesteda');
    expect(creditorKey({ catalogCreditorId: null, creditorName: 'VESTEDA' })).toBe('name:vesteda');
  });

  it('keeps a catalogue creditor apart from a typed name, even one equal to its id', () => {
    expect(creditorKey({ catalogCreditorId: 'eneco', creditorName: null }))
      .not.toBe(creditorKey({ catalogCreditorId: null, creditorName: 'eneco' }));
  });
});
