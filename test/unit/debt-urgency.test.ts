import { describe, expect, it } from 'vitest';
import { debtUrgency, nextStepText, nextSteps, type NextStepInput } from '../../src/domain/debt-urgency.js';
import { DEBT_STATUSES } from '../../src/lib/vocabulary.js';

const today = '2026-12-01';
const debt = (debtId: string, overrides: Partial<NextStepInput>): NextStepInput => ({
  debtId, creditorName: `Schuldeiser ${debtId}`, status: 'open', creditorType: 'overig', courtDate: null, ...overrides,
});

describe('debtUrgency', () => {
  it.each([
    ['ontruiming_of_afsluiting_aangezegd', 'crisis'], ['opzegging_zorgverzekering_aangezegd', 'crisis'],
    ['dagvaarding', 'urgent'], ['beslag', 'urgent'],
    ['vonnis', 'soon'], ['deurwaarder', 'soon'], ['incasso', 'soon'], ['aanmaning', 'soon'],
    ['open', 'normal'], ['betalingsregeling', 'normal'], ['betwist', 'normal'],
    ['in_schuldregeling', 'none'], ['afgelost', 'none'], ['kwijtgescholden', 'none'],
  ] as const)('%s is %s', (status, level) => {
    expect(debtUrgency({ status, creditorType: 'overig', courtDate: null })).toEqual({ level, dueDate: null });
  });

  it('gives a summons its court date as the date to act before', () => {
    expect(debtUrgency({ status: 'dagvaarding', creditorType: 'verhuurder', courtDate: '2027-01-12' }))
      .toEqual({ level: 'urgent', dueDate: '2027-01-12' });
  });
});

describe('nextStepText', () => {
  it('has its own text for every status', () => {
    const texts = DEBT_STATUSES.map((status) => nextStepText({ status, creditorType: 'overig', courtDate: null }, today, null));
    expect(new Set(texts).size).toBe(DEBT_STATUSES.length);
    for (const text of texts) expect(text).toMatch(/^[A-Z].*\.$/);
  });

  it('names what is at stake in a crisis by creditor type: energy is never an eviction', () => {
    const crisis = (creditorType: 'energie' | 'water' | 'verhuurder' | 'overig') =>
      nextStepText({ status: 'ontruiming_of_afsluiting_aangezegd', creditorType, courtDate: null }, today, null);
    expect(crisis('energie')).toMatch(/^Uw gas of stroom kan worden afgesloten\./);
    expect(crisis('energie')).not.toMatch(/huis/);
    expect(crisis('water')).toMatch(/^Uw water kan worden afgesloten\./);
    expect(crisis('verhuurder')).toMatch(/^U kunt uit uw huis gezet worden\./);
    expect(crisis('overig')).toMatch(/^U kunt uw huis kwijtraken, of uw gas, water of stroom\./);
    expect(crisis('energie')).toContain('binnen 3 werkdagen');
  });

  it('tells a summons with its date, without it, and after it', () => {
    const summons = (courtDate: string | null) => nextStepText({ status: 'dagvaarding', creditorType: 'verhuurder', courtDate }, today, null);
    expect(summons('2027-01-12')).toMatch(/^U moet op 12 januari 2027 bij de rechter zijn\. Reageer vóór die dag/);
    expect(summons('2026-12-01')).toMatch(/^U moet op 1 december 2026 bij de rechter zijn/); // today still counts
    expect(summons(null)).toMatch(/^U moet naar de rechter \(dagvaarding\)\. Zoek in de brief op welke dag\./);
    expect(summons('2026-11-30')).toBe('De dag van de rechtszaak (30 november 2026) is voorbij. Vraag de rechtbank of de deurwaarder wat de rechter heeft beslist.');
  });

  it('asks to check the beslagvrije voet on a seizure, with the amount when one is known', () => {
    const seizure = (bvv: { amountCents: number; official: boolean } | null) =>
      nextStepText({ status: 'beslag', creditorType: 'bank_krediet', courtDate: null }, today, bvv);
    expect(seizure(null)).toContain('beslagvrije voet. Houdt u minder over?');
    expect(seizure({ amountCents: 123_558, official: false })).toContain('Wij schatten dat op ongeveer €\u00a01.235,58 per maand.');
    expect(seizure({ amountCents: 140_000, official: true })).toContain('Volgens de brief is dat €\u00a01.400,00 per maand.');
    expect(seizure(null)).toContain('uwbeslagvrijevoet.nl');
  });
});

describe('nextSteps', () => {
  it('lists counted debts most pressing first, then by due date (unknown last), then in the given order', () => {
    const steps = nextSteps([
      debt('a', { status: 'open' }),
      debt('b', { status: 'dagvaarding', courtDate: null }),
      debt('c', { status: 'afgelost' }),
      debt('d', { status: 'dagvaarding', courtDate: '2027-02-01' }),
      debt('e', { status: 'beslag' }),
      debt('f', { status: 'dagvaarding', courtDate: '2026-12-20' }),
      debt('g', { status: 'ontruiming_of_afsluiting_aangezegd', creditorType: 'energie' }),
      debt('h', { status: 'in_schuldregeling' }),
      debt('i', { status: 'incasso' }),
    ], today, null);
    // crisis g; urgent f (20 Dec), d (1 Feb), b and e without date in given order; soon i; normal a; none h; c paid
    expect(steps.map((s) => [s.debtId, s.level, s.dueDate])).toEqual([
      ['g', 'crisis', null], ['f', 'urgent', '2026-12-20'], ['d', 'urgent', '2027-02-01'], ['b', 'urgent', null], ['e', 'urgent', null],
      ['i', 'soon', null], ['a', 'normal', null], ['h', 'none', null],
    ]);
    expect(steps[0]).toMatchObject({ creditorName: 'Schuldeiser g', status: 'ontruiming_of_afsluiting_aangezegd' });
  });

  it('is empty without debts that count', () => {
    expect(nextSteps([debt('a', { status: 'kwijtgescholden' })], today, null)).toEqual([]);
  });
});
