import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateSettlement, type Settlement, type SettlementDebt, type SettlementInput } from '../../src/domain/settlement.js';
import { DEBT_STATUSES } from '../../src/lib/vocabulary.js';

function debt(debtId: string, balanceCents: number, overrides: Partial<SettlementDebt> = {}): SettlementDebt {
  return { debtId, creditorName: `Schuldeiser ${debtId}`, rank: 'concurrent', status: 'open', balanceCents, excludedFromDischarge: null, ...overrides };
}

function settle(input: Partial<SettlementInput> & Pick<SettlementInput, 'aflosruimteCents' | 'debts'>): Settlement {
  const outcome = simulateSettlement({ aflosruimteBasis: 'vtlb', ...input });
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal}`);
  return outcome.settlement;
}

// Fixed so a run is reproducible; fast-check prints seed and path on failure. FC_SEED overrides.
const FC_SEED = Number(process.env.FC_SEED ?? 20_261_122);

const payouts = (s: Settlement) => Object.fromEntries(s.creditors.map((c) => [c.debtId, c.payoutCents]));
const percentages = (s: Settlement) => Object.fromEntries(s.creditors.map((c) => [c.debtId, c.percentage]));
const payoutSum = (s: Settlement) => s.creditors.reduce((sum, c) => sum + c.payoutCents, 0);

describe('simulateSettlement: concurrent creditors only', () => {
  it('shares the pot pro rata, largest remainders get the missing cents', () => {
    // pot = 1000 × 18 = 18000 over claims 100000 + 50000 + 25000 = 175000
    // exact: a 10285,714…  b 5142,857…  c 2571,428…; floors 17998, 2 cents to b (,857) and a (,714)
    const s = settle({ aflosruimteCents: 1000, debts: [debt('a', 100000), debt('b', 50000), debt('c', 25000)] });
    expect(s).toEqual({
      months: 18,
      multiplier: 2,
      potCents: 18000,
      kind: 'minnelijk_aanbod',
      claimsTotalCents: 175000,
      creditors: [
        // 10286 / 100000 = 10,286 % → 10,29
        { debtId: 'a', creditorName: 'Schuldeiser a', rank: 'concurrent', claimCents: 100000, payoutCents: 10286, percentage: 10.29 },
        // 5143 / 50000 = 10,286 % → 10,29
        { debtId: 'b', creditorName: 'Schuldeiser b', rank: 'concurrent', claimCents: 50000, payoutCents: 5143, percentage: 10.29 },
        // 2571 / 25000 = 10,284 % → 10,28
        { debtId: 'c', creditorName: 'Schuldeiser c', rank: 'concurrent', claimCents: 25000, payoutCents: 2571, percentage: 10.28 },
      ],
      excluded: [],
    });
  });

  it('splits a pot not divisible by three over three equal claims to the exact cent', () => {
    // pot = 100 × 10 = 1000; 1000 / 3 = 333,33 each; 1 cent left, remainders and claims tie → smallest debtId
    const debts = [debt('d-3', 10000), debt('d-1', 10000), debt('d-2', 10000)];
    const one = settle({ aflosruimteCents: 100, months: 10, debts });
    expect(payouts(one)).toEqual({ 'd-1': 334, 'd-2': 333, 'd-3': 333 });
    expect(percentages(one)).toEqual({ 'd-1': 3.34, 'd-2': 3.33, 'd-3': 3.33 });
    expect(one.creditors.map((c) => c.debtId)).toEqual(['d-3', 'd-1', 'd-2']); // input order kept
    // pot = 50 × 10 = 500; 166,67 each; floors 498, 2 cents → d-1 and d-2
    const two = settle({ aflosruimteCents: 50, months: 10, debts });
    expect(payouts(two)).toEqual({ 'd-1': 167, 'd-2': 167, 'd-3': 166 });
    expect(percentages(two)).toEqual({ 'd-1': 1.67, 'd-2': 1.67, 'd-3': 1.66 });
  });
});

describe('simulateSettlement: preferent creditors', () => {
  it('gives preferent creditors multiplier × the concurrent percentage', () => {
    // pot = 1234 × 18 = 22212; C = 150000, P = 50000, m = 2 → denominator C + 2P = 250000
    // exact: a 100000 × 22212 / 250000 = 8884,8; b 50000 × … = 4442,4; p 2 × 50000 × … = 8884,8
    // floors 22210; 2 cents: a and p tie at ,8 → larger claim a first, then p
    const s = settle({
      aflosruimteCents: 1234,
      debts: [debt('a', 100000), debt('b', 50000), debt('p', 50000, { rank: 'preferent' })],
    });
    expect(s.potCents).toBe(22212);
    expect(s.kind).toBe('minnelijk_aanbod');
    expect(payouts(s)).toEqual({ a: 8885, b: 4442, p: 8885 });
    // a 8885/100000 = 8,885 % → 8,89; b 4442/50000 = 8,884 % → 8,88; p 8885/50000 = 17,77 %
    expect(percentages(s)).toEqual({ a: 8.89, b: 8.88, p: 17.77 });
  });

  it('with multiplier 1 treats preferent like concurrent', () => {
    // pot 18000 over 30000 + 30000 → 30 % each
    const s = settle({ aflosruimteCents: 1000, multiplier: 1, debts: [debt('a', 30000), debt('p', 30000, { rank: 'preferent' })] });
    expect(payouts(s)).toEqual({ a: 9000, p: 9000 });
    expect(percentages(s)).toEqual({ a: 30, p: 30 });
    expect(s.multiplier).toBe(1);
  });

  it('shares among preferent creditors alone when there are no concurrent ones', () => {
    // pot 18000; denominator 2 × 50000 = 100000; p1 2 × 40000 × 18000 / 100000 = 14400, p2 3600 (36 %)
    const s = settle({
      aflosruimteCents: 1000,
      debts: [debt('p1', 40000, { rank: 'preferent' }), debt('p2', 10000, { rank: 'preferent' })],
    });
    expect(payouts(s)).toEqual({ p1: 14400, p2: 3600 });
    expect(percentages(s)).toEqual({ p1: 36, p2: 36 });
  });

  it('caps a preferent creditor at 100 % and redistributes the rest over the concurrent ones', () => {
    // pot = 5000 × 18 = 90000; C = 100000, P = 20000
    // uncapped: concurrent 90000 / 140000 = 64,29 %, preferent 128,57 % > 100 % → capped
    // p gets 20000; the rest 70000 over C: 70 %
    const s = settle({ aflosruimteCents: 5000, debts: [debt('a', 100000), debt('p', 20000, { rank: 'preferent' })] });
    expect(payouts(s)).toEqual({ a: 70000, p: 20000 });
    expect(percentages(s)).toEqual({ a: 70, p: 100 });
  });

  it('redistributes with exact cents after capping', () => {
    // pot = 3333 × 27 = 89991; C = 70000 + 20000 + 10000 = 100000, P = 20000, m = 2
    // capped since 2 × 89991 = 179982 > C + 2P = 140000; rest 89991 − 20000 = 69991
    // exact: a 48993,7  b 13998,2  c 6999,1; floors 69990, 1 cent → a
    const s = settle({
      aflosruimteCents: 3333,
      months: 27,
      debts: [debt('a', 70000), debt('b', 20000), debt('c', 10000), debt('p', 20000, { rank: 'preferent' })],
    });
    expect(s.potCents).toBe(89991);
    expect(payouts(s)).toEqual({ a: 48994, b: 13998, c: 6999, p: 20000 });
    // a 48994/70000 = 69,9914 % → 69,99; b 69,99; c 69,99; p 100
    expect(percentages(s)).toEqual({ a: 69.99, b: 69.99, c: 69.99, p: 100 });
    expect(payoutSum(s)).toBe(89991);
  });
});

describe('simulateSettlement: kinds', () => {
  it('is a betalingsregeling when the pot covers every claim: claims paid in full, pot reported as computed', () => {
    // pot 1000 × 18 = 18000 ≥ 10000 + 5000
    const s = settle({ aflosruimteCents: 1000, debts: [debt('a', 10000), debt('p', 5000, { rank: 'preferent' })] });
    expect(s).toMatchObject({ potCents: 18000, kind: 'betalingsregeling', claimsTotalCents: 15000 });
    expect(payouts(s)).toEqual({ a: 10000, p: 5000 });
    expect(percentages(s)).toEqual({ a: 100, p: 100 });
  });

  it('is a betalingsregeling when the pot equals the claims exactly', () => {
    // pot 1000 × 15 = 15000 = claims
    const s = settle({ aflosruimteCents: 1000, months: 15, debts: [debt('a', 10000), debt('b', 5000)] });
    expect(s.kind).toBe('betalingsregeling');
    expect(payouts(s)).toEqual({ a: 10000, b: 5000 });
  });

  it('is a nul_aanbod when the pot is zero', () => {
    const s = settle({ aflosruimteCents: 0, debts: [debt('a', 10000), debt('p', 5000, { rank: 'preferent' })] });
    expect(s).toMatchObject({ potCents: 0, kind: 'nul_aanbod', claimsTotalCents: 15000 });
    expect(payouts(s)).toEqual({ a: 0, p: 0 });
    expect(percentages(s)).toEqual({ a: 0, p: 0 });
  });

  it('refuses a pot built on the saldo (422 vtlb_required)', () => {
    expect(simulateSettlement({ aflosruimteCents: 5000, aflosruimteBasis: 'saldo', debts: [debt('a', 10000)] })).toEqual({
      ok: false,
      refusal: 'vtlb_required',
    });
  });

  it('refuses months and multiplier outside their ranges', () => {
    const debts = [debt('a', 10000)];
    for (const months of [0, 61, 1.5]) expect(() => settle({ aflosruimteCents: 100, months, debts })).toThrow(RangeError);
    for (const multiplier of [0, 6, 2.5]) expect(() => settle({ aflosruimteCents: 100, multiplier, debts })).toThrow(RangeError);
    expect(settle({ aflosruimteCents: 100, months: 60, multiplier: 5, debts }).potCents).toBe(6000); // 100 × 60
    expect(settle({ aflosruimteCents: 100, months: 1, multiplier: 1, debts }).potCents).toBe(100);
  });
});

describe('simulateSettlement: excluded debts', () => {
  it('lists separatist, settled, disputed, excluded-from-discharge and empty debts apart, first reason wins', () => {
    const s = settle({
      aflosruimteCents: 1000,
      debts: [
        debt('hypotheek', 15000000, { rank: 'separatist' }),
        debt('afgelost', 5000, { status: 'afgelost' }),
        debt('kwijt', 5000, { status: 'kwijtgescholden' }),
        debt('betwist', 8000, { status: 'betwist' }),
        debt('cjib', 30000, { excludedFromDischarge: 'cjib_strafrechtelijk' }),
        debt('nul', 0),
        debt('pand-afgelost', 7000, { rank: 'separatist', status: 'afgelost' }),
        debt('pand-fraude', 7000, { rank: 'separatist', excludedFromDischarge: 'fraudevordering' }),
        debt('fraude-betwist', 7000, { status: 'betwist', excludedFromDischarge: 'fraudevordering' }),
        debt('a', 30000),
      ],
    });
    expect(s.excluded).toEqual([
      { debtId: 'hypotheek', reason: 'separatist' },
      { debtId: 'afgelost', reason: 'settled' },
      { debtId: 'kwijt', reason: 'settled' },
      { debtId: 'betwist', reason: 'disputed' },
      { debtId: 'cjib', reason: 'excluded_from_discharge' },
      { debtId: 'nul', reason: 'no_balance' },
      { debtId: 'pand-afgelost', reason: 'settled' },
      { debtId: 'pand-fraude', reason: 'separatist' },
      { debtId: 'fraude-betwist', reason: 'excluded_from_discharge' },
    ]);
    // only a remains: pot 18000 < 30000 → 60 %
    expect(s).toMatchObject({ potCents: 18000, kind: 'minnelijk_aanbod', claimsTotalCents: 30000 });
    expect(payouts(s)).toEqual({ a: 18000 });
    expect(percentages(s)).toEqual({ a: 60 });
  });

  it('with no claims left a positive pot is a betalingsregeling without creditors, a zero pot a nul_aanbod', () => {
    const debts = [debt('hypotheek', 15000000, { rank: 'separatist' })];
    expect(settle({ aflosruimteCents: 1000, debts })).toMatchObject({ kind: 'betalingsregeling', creditors: [], claimsTotalCents: 0 });
    expect(settle({ aflosruimteCents: 0, debts })).toMatchObject({ kind: 'nul_aanbod', creditors: [] });
  });
});

describe('simulateSettlement: properties', () => {
  const debtsArb = fc
    .uniqueArray(
      fc.record({
        debtId: fc.uuid(),
        creditorName: fc.constant('x'),
        rank: fc.constantFrom('concurrent' as const, 'preferent' as const, 'separatist' as const),
        status: fc.constantFrom(...DEBT_STATUSES),
        balanceCents: fc.integer({ min: 0, max: 100_000_000 }),
        excludedFromDischarge: fc.constantFrom(null, null, null, 'overig' as const),
      }),
      { selector: (d) => d.debtId, maxLength: 12 },
    );
  const inputArb = fc.record({
    aflosruimteCents: fc.integer({ min: 0, max: 1_000_000 }),
    months: fc.integer({ min: 1, max: 60 }),
    multiplier: fc.integer({ min: 1, max: 5 }),
    debts: debtsArb,
  });

  it('payouts add up to the pot exactly (unless a betalingsregeling), never exceed a claim, and ignore input order', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const s = settle(input);
        for (const c of s.creditors) {
          expect(c.payoutCents).toBeGreaterThanOrEqual(0);
          expect(c.payoutCents).toBeLessThanOrEqual(c.claimCents);
        }
        if (s.kind === 'betalingsregeling') {
          for (const c of s.creditors) expect(c.payoutCents).toBe(c.claimCents);
          expect(s.potCents).toBeGreaterThanOrEqual(s.claimsTotalCents);
        } else {
          expect(payoutSum(s)).toBe(s.potCents);
        }
        expect(s.creditors.length + s.excluded.length).toBe(input.debts.length);

        const shuffled = input.debts
          .map((d) => ({ d, key: randoms.next().value as number }))
          .sort((x, y) => x.key - y.key)
          .map(({ d }) => d);
        expect(payouts(settle({ ...input, debts: shuffled }))).toEqual(payouts(s));
      }),
      { seed: FC_SEED },
    );
  });

  it('a preferent percentage is never below the concurrent one, nor above multiplier × it beyond a cent of rounding', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = settle(input);
        if (s.kind !== 'minnelijk_aanbod') return;
        const rate = (rank: string) => s.creditors.filter((c) => c.rank === rank).map((c) => c.payoutCents / c.claimCents);
        const concurrent = rate('concurrent');
        const preferent = rate('preferent');
        if (concurrent.length === 0 || preferent.length === 0) return;
        const tolerance = (c: { claimCents: number }[]) => 1 / Math.min(...c.map((x) => x.claimCents));
        const slack = tolerance(s.creditors) * (input.multiplier + 1);
        expect(Math.min(...preferent) + slack).toBeGreaterThanOrEqual(Math.max(...concurrent));
        expect(Math.max(...preferent)).toBeLessThanOrEqual(input.multiplier * Math.max(...concurrent) + slack);
      }),
      { seed: FC_SEED },
    );
  });
});
