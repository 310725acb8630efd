// The resident's overview PDF: what it says, rendered for real through the worker pool and read
// back with pdf-parse, plus the few structural rules that text alone cannot show.
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/lib/money-format.js';
import { FREQUENCIES } from '../../src/lib/money.js';
import {
  ACTION_OWNERS, AGE_BANDS, BVV_INDICATIVE_REASONS, DEBT_STATUSES, EXPENSE_CATEGORIES, EXPENSE_GROUPS, INCOME_KINDS,
  CREDITOR_TYPES, LEEFSITUATIES, LIFE_EVENTS, REFERRAL_ROUTES, REFERRAL_STATUSES, TRAJECTS, VTLB_SOURCES,
} from '../../src/lib/vocabulary.js';
import { buildOverviewDocument } from '../../src/modules/exports/overview-document.js';
import * as labels from '../../src/modules/exports/overview-labels.js';
import type { OverviewPdfInput } from '../../src/modules/exports/overview-pdf.types.js';
import { BODY_FONT_SIZE, CONTENT_WIDTH, STYLES } from '../../src/modules/exports/pdf-blocks.js';
import { createPdfRenderer, type PdfRenderer } from '../../src/modules/exports/pdf-renderer.js';
import {
  CANARY_STORY, NORM_PERIODS, overviewInput, REALISTIC_EXPENSES, realisticDebts, type DebtSeed,
} from '../support/overview-fixtures.js';
import { asExtracted, pdfText, squash, type PdfText } from '../support/pdf-text.js';

const euro = (cents: number) => asExtracted(formatEuro(cents));

let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createPdfRenderer({ workers: 2, queueSize: 8 });
});
afterAll(async () => {
  await renderer.close();
});

async function read(input: OverviewPdfInput): Promise<PdfText> {
  return pdfText(await renderer.render(input));
}

describe('the overview PDF of a realistic dossier (30 debts)', () => {
  const input = overviewInput();
  let pdf: PdfText;
  beforeAll(async () => {
    pdf = await read(input);
  });

  // Names wrap inside their table cell, so they are compared without whitespace.
  it('names every creditor, collector and reference', () => {
    for (const debt of input.debts) {
      expect(squash(pdf.text)).toContain(squash(debt.creditorName));
      if (debt.collectorName !== null) expect(squash(pdf.text)).toContain(squash(debt.collectorName));
      expect(pdf.text).toContain(debt.reference!);
    }
  });

  it('prints each total exactly as formatEuro gives it, next to its label', () => {
    const o = input.overview;
    expect(pdf.text).toContain(`Totaal ${euro(o.totalDebtCents)}`);
    expect(pdf.text).toContain(`Totaal per maand ${euro(o.incomeMonthlyCents)}`);
    expect(pdf.text).toContain(`Totaal per maand ${euro(o.expensesMonthlyCents)}`);
    expect(pdf.text).toContain(`Samen: vaste lasten ${euro(o.expensesByGroup.vaste_lasten)}`);
    expect(pdf.text).toContain(`Samen: geld opzij voor grotere uitgaven ${euro(o.expensesByGroup.reserveringsuitgaven)}`);
    expect(pdf.text).toContain(`Samen: boodschappen en huishouden ${euro(o.expensesByGroup.huishoudelijke_uitgaven)}`);
    expect(pdf.text).toContain(`Totaal eenmalig ${euro(o.oneOffIncomeCents)}`);
    expect(pdf.text).toContain(`Totaal eenmalig ${euro(o.oneOffCents)}`);
    expect(pdf.text).toContain(`Over per maand ${euro(o.saldoCents)}`);
    expect(o.aflosruimteBasis).toBe('vtlb');
    expect(pdf.text).toContain(`Inkomen dat meetelt ${euro(o.attachableIncomeMonthlyCents)}`);
    expect(pdf.text).toContain(`Vrij te laten bedrag (VTLB) gaat eraf ${euro(o.vtlbCents!)}`);
    expect(pdf.text).toContain(`Uitgaven per maand gaan eraf ${euro(o.expensesMonthlyCents)}`);
    // "Min" reads as "minimum": it is gone from every label
    expect(pdf.text).not.toMatch(/\bMin /);
    expect(pdf.text).toContain(`Aflosruimte per maand ${euro(o.aflosruimteCents)}`);
  });

  it('explains each total in a plain sentence', () => {
    expect(pdf.text).toContain(`Samen moet u nog ${euro(input.overview.totalDebtCents)} betalen.`);
    expect(pdf.text).toContain('Dit is wat u gemiddeld elke maand binnenkrijgt');
    expect(pdf.text).toContain('Dit is wat u gemiddeld elke maand uitgeeft');
    expect(pdf.text).toContain('Dit is wat u elke maand overhoudt');
    expect(squash(pdf.text)).toContain(squash('Wat er van uw inkomen overblijft, is uw aflosruimte'));
  });

  it('shows budget lines with their frequency in words and their monthly amount', () => {
    expect(pdf.text).toContain(`Kinderbijslag 1 kind ${euro(29_877)} per kwartaal ${euro(9_959)}`);
    expect(pdf.text).toContain(`${euro(4_000)} per 4 weken ${euro(4_333)}`);
    expect(pdf.text).toContain(`Eten en drinken – ${euro(7_500)} per week ${euro(32_500)}`);
    expect(pdf.text).toContain(`${euro(38_400)} per jaar ${euro(3_200)}`);
  });

  it('lists one-off lines apart, after the monthly totals', () => {
    const text = pdf.text;
    expect(text.indexOf('Vakantiegeld')).toBeGreaterThan(text.indexOf('Eenmalige inkomsten'));
    expect(text.indexOf('Eenmalige inkomsten')).toBeGreaterThan(text.indexOf(`Totaal per maand ${euro(input.overview.incomeMonthlyCents)}`));
    expect(text.indexOf('Nieuwe wasmachine')).toBeGreaterThan(text.indexOf('Eenmalige uitgaven'));
    expect(text).toContain('Het telt niet mee in het totaal per maand.');
  });

  it('says what needs action: crisis, incassokosten above the legal maximum, old balances', () => {
    const tooHigh = input.debts.find((debt) => debt.collectionCostsTooHigh === true)!;
    expect(input.overview.flags).toEqual({ crisis: 2, staleBalances: 4, collectionCostsTooHigh: 1 });
    expect(pdf.text).toContain('Dringend: neem vandaag nog actie');
    expect(squash(pdf.text)).toContain(squash('De gemeente moet u dan binnen 3 werkdagen helpen.'));
    expect(squash(pdf.text)).toContain(squash('Woonstichting De Key: U kunt uit uw huis gezet worden.'));
    expect(squash(pdf.text)).toContain(squash('Eneco: Uw gas of stroom kan worden afgesloten.'));
    expect(pdf.text).toContain('Te hoge incassokosten bij 1 schuld');
    expect(pdf.text).toContain(`KPN: maximaal ${euro(tooHigh.collectionCostsMaxCents!)} aan incassokosten`);
    expect(pdf.text).toContain('Oud bedrag bij 4 schulden');
    expect(squash(pdf.text)).toContain(squash('Vraag de schuldeiser om een nieuw overzicht'));
  });

  it('puts the debt statuses, the household and the referral in words, never as codes', () => {
    expect(squash(pdf.text)).toContain(squash('Betalingsregeling loopt'));
    expect(pdf.text).toContain('Alleenstaande ouder');
    expect(pdf.text).toContain('Schuldhulpverlening van de gemeente');
    for (const code of ['ontruiming_of_afsluiting', 'alleenstaande_ouder', 'gemeentelijke_schuldhulpverlening', 'four_weeks', 'vaste_lasten']) {
      expect(pdf.text).not.toContain(code);
    }
  });

  it('puts what to do first: crisis, then the summons with its date, then the seizure, then the rest', () => {
    const text = squash(pdf.text);
    const order = ['Watmoetunudoen?', 'Dringend:neemvandaagnogactie', 'Rechtszaakop12januari2027:reageeroptijd',
      'BeslagbijVattenfall,UWVenBol.com', 'Tehogeincassokosten', 'Watkuntudoenbijuwandereschulden?', 'Uwhuishouden', 'UwschuldenUheeft'];
    const positions = order.map((marker) => text.indexOf(marker));
    expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pdf.pages[0]).toContain('Wat moet u nu doen?');
    // the seizure names the beslagvrije voet to check, with the indicative amount
    expect(squash(pdf.text)).toContain(squash(`Wij schatten dat op ongeveer ${euro(input.overview.bvvIndicativeCents!)} per maand.`));
    // the other debts, one step per situation with the names it is for
    expect(squash(pdf.text)).toContain(squash('Nog niet betaald: Belastingdienst, KPN, Odido, Ziggo en Otto'));
  });

  it('marks the summons urgent with its court date in the table too', () => {
    expect(squash(pdf.text)).toContain(squash('Dringend! Dagvaarding gekregen Naar de rechter op 12 januari 2027'));
  });

  it('gives one status label per situation: energy is cut off, never evicted', () => {
    const text = squash(pdf.text);
    expect(text).toContain(squash('Afsluiting van gas of stroom aangekondigd'));
    expect(text).toContain(squash('Ontruiming aangekondigd'));
    expect(text).not.toContain(squash('Ontruiming of afsluiting'));
    const eneco = text.slice(text.indexOf('CANARY-4424822'), text.indexOf('CANARY-4424822') + 80);
    expect(eneco).toContain('Afsluiting');
    expect(eneco).not.toContain('Ontruiming');
  });

  it('shows a payment arrangement on its debt', () => {
    // CAK (index 4) has a running arrangement of € 25 a month
    const text = squash(pdf.text);
    const cak = text.slice(text.indexOf('CANARY-4405516'), text.indexOf('CANARY-4405516') + 80);
    expect(cak).toContain(squash(`Afspraak: ${euro(2_500)} per maand`));
  });

  it('writes every date one way, in words', () => {
    expect(pdf.text).not.toMatch(/\b\d{1,2}-\d{1,2}-\d{4}\b/);
    expect(pdf.text).toContain('1 december 2025');
    expect(squash(pdf.text)).toContain(squash('29 november 2026')); // an action's due date
  });

  it('explains every status word in the word list', () => {
    const glossary = squash(pdf.text.slice(pdf.text.indexOf('Uitleg van woorden')));
    for (const [word] of labels.GLOSSARY) expect(glossary).toContain(squash(word));
    for (const status of DEBT_STATUSES) {
      for (const creditorType of CREDITOR_TYPES) {
        const label = labels.debtStatusLabel(status, creditorType);
        for (const word of labels.statusWords(status, creditorType)) {
          expect(label.toLowerCase(), `${status} ${creditorType}`).toContain(word.toLowerCase());
          expect(labels.GLOSSARY.map(([w]) => w), word).toContain(word);
        }
      }
    }
  });

  it('lists the phase C actions and the referral', () => {
    for (const action of input.actions) expect(pdf.text).toContain(action.title);
    expect(pdf.text).toContain('Nog doen');
    expect(pdf.text).toContain(input.referral!.organisation);
    expect(pdf.text).toContain('20 november 2026');
  });

  it('numbers every page and repeats the date and the norm period on each', () => {
    expect(pdf.total).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.total}`);
      expect(page).toContain('Gemaakt op 22 november 2026');
      expect(page).toContain('Normbedragen: Bijstandsnormen 1 juli 2026');
    });
  });

  it('leaves the story out when it was not asked for, and has no warning or budget label that does not apply', () => {
    expect(pdf.text).not.toContain('CANARY-story');
    expect(pdf.text).not.toContain('Uw verhaal');
    expect(pdf.text).not.toContain('normbedragen zijn misschien niet meer goed');
    expect(pdf.text).not.toContain('misschien verouderd');
    expect(pdf.text).not.toContain('geen wettelijk bedrag');
  });
});

describe('the overview PDF in harder situations', () => {
  it('prints the overview totals as given, never sums of its own', async () => {
    const input = overviewInput();
    input.overview.totalDebtCents = 123_456_789;
    input.overview.incomeMonthlyCents = 765_432;
    input.overview.expensesMonthlyCents = 1_001;
    const { text } = await read(input);
    expect(text).toContain(`Totaal ${euro(123_456_789)}`);
    expect(text).toContain(`Totaal per maand ${euro(765_432)}`);
    expect(text).toContain(`Totaal per maand ${euro(1_001)}`);
  });

  describe('a shortfall, no household, outdated norms and the story asked for', () => {
    const input = overviewInput({
      household: null,
      normPeriods: NORM_PERIODS.slice(0, 1),
      story: CANARY_STORY,
      expenses: [...REALISTIC_EXPENSES, { group: 'vaste_lasten', category: 'vervoer', amountCents: 45_000, frequency: 'month' }],
    });
    let pdf: PdfText;
    beforeAll(async () => {
      pdf = await read(input);
    });

    it('shows the shortfall with a minus sign and the word tekort', () => {
      const o = input.overview;
      expect(o.saldoCents).toBeLessThan(0);
      expect(pdf.text).toContain(`Tekort per maand ${euro(o.saldoCents)}`);
      expect(euro(o.saldoCents)).toMatch(/^\u2212€ /);
      expect(pdf.text).toContain(`U heeft elke maand een tekort van ${euro(-o.saldoCents)}.`);
      expect(pdf.text).not.toContain('Over per maand');
    });

    it('labels the aflosruimte as a budget figure and says what zero means', () => {
      const o = input.overview;
      expect(o).toMatchObject({ aflosruimteBasis: 'saldo', aflosruimteCents: 0, nulAanbod: true, bvvIndicativeReason: 'household_missing' });
      expect(pdf.text).toContain(`Aflosruimte per maand (schatting) ${euro(0)}`);
      expect(pdf.text).toContain('Dit is een schatting op basis van uw budget, geen wettelijk bedrag.');
      expect(squash(pdf.text)).toContain(squash('Uw huishouden is nog niet ingevuld. Daarom kunnen we het wettelijke bedrag niet schatten.'));
      expect(squash(pdf.text)).toContain(squash('Dat heet een nul-aanbod.'));
    });

    it('warns that the norms are outdated, at the top and on every page', () => {
      expect(input.overview.normPeriodOutdated).toBe(true);
      expect(pdf.text).toContain('Let op: de normbedragen zijn misschien niet meer goed');
      // after what to do, with the real age: 1 July 2025 → 22 November 2026 is 16 whole months
      const text = squash(pdf.text);
      expect(text.indexOf(squash('Let op: de normbedragen'))).toBeGreaterThan(text.indexOf(squash('Wat moet u nu doen?')));
      expect(text).toContain(squash('Dit overzicht gebruikt de normbedragen van 1 juli 2025. Die zijn 16 maanden oud.'));
      expect(pdf.text).not.toContain('meer dan 7 maanden');
      for (const page of pdf.pages) expect(page).toContain('Normbedragen: Bijstandsnormen 1 juli 2025 (misschien verouderd)');
    });

    it('prints the story on its own last page, with the life events in words', () => {
      const last = pdf.pages.at(-1)!;
      expect(last).toContain('Uw verhaal');
      expect(last).toContain('Deze pagina is alleen voor u');
      expect(last).toContain(CANARY_STORY.text);
      expect(last).toContain('Scheiding');
      expect(last).toContain('Minder inkomen');
      for (const page of pdf.pages.slice(0, -1)) expect(page).not.toContain('CANARY-story');
    });

    it('says the household is not filled in', () => {
      expect(pdf.text).toContain('Uw huishouden is nog niet ingevuld.');
    });
  });

  it('shows a positive aflosruimte on a budget basis with the same label, without calling it nul-aanbod', async () => {
    const input = overviewInput({ household: null });
    expect(input.overview).toMatchObject({ aflosruimteBasis: 'saldo', nulAanbod: false });
    const { text } = await read(input);
    expect(text).toContain(`Aflosruimte per maand (schatting) ${euro(input.overview.aflosruimteCents)}`);
    expect(text).toContain('Dit is een schatting op basis van uw budget, geen wettelijk bedrag.');
    expect(text).not.toContain('nul-aanbod');
  });

  it('explains a nul-aanbod on the legal basis too', async () => {
    const input = overviewInput({ vtlbOfficialCents: 500_000 });
    expect(input.overview).toMatchObject({ aflosruimteBasis: 'vtlb', aflosruimteCents: 0, nulAanbod: true, vtlbSource: 'official' });
    const { text } = await read(input);
    expect(text).toContain(`Aflosruimte per maand ${euro(0)}`);
    expect(squash(text)).toContain(squash('U heeft nu geen geld over om schulden af te lossen. Dat heet een nul-aanbod.'));
    expect(squash(text)).toContain(squash('vastgesteld door de schuldhulpverlening'));
    expect(text).not.toContain('geen wettelijk bedrag');
  });

  it('handles a dossier with nothing entered yet', async () => {
    const input = overviewInput({ debts: [], incomes: [], expenses: [], household: null });
    input.actions = [];
    input.referral = null;
    const pdf = await read(input);
    expect(pdf.text).toContain('Er zijn geen openstaande schulden ingevuld.');
    expect(pdf.text).toContain('Er zijn nog geen inkomsten ingevuld');
    expect(pdf.text).toContain('Er zijn nog geen uitgaven ingevuld');
    expect(pdf.text).not.toContain('Wat gaan we doen?');
    expect(pdf.text).not.toContain('Doorverwijzing');
    expect(pdf.pages[0]).toContain(`Pagina 1 van ${pdf.total}`);
  });

  it('lists settled debts apart, outside the total', async () => {
    const input = overviewInput();
    const settled = input.debts.find((debt) => debt.status === 'afgelost')!;
    const text = squash((await read(input)).text);
    expect(text.indexOf(squash(settled.creditorName))).toBeGreaterThan(text.indexOf(squash('Afbetaald of kwijtgescholden')));
    expect(text.indexOf(squash('Afbetaald of kwijtgescholden'))).toBeGreaterThan(
      text.indexOf(squash(`Totaal ${euro(input.overview.totalDebtCents)}`)),
    );
  });

  it('wraps 60 debts with very long creditor names and references over several pages', async () => {
    const longDebts: DebtSeed[] = realisticDebts(60).map((debt, i) => ({
      ...debt,
      creditorName: i % 2 === 0
        ? `CANARY-creditor-${i}-${'Zeerlangebedrijfsnaamzonderspaties'.repeat(5)}`.slice(0, 200)
        : `CANARY creditor ${i} Stichting Incasso en Beheer van Vorderingen voor Woningcorporaties in Noord-Holland en Flevoland`,
      collectorName: `CANARY-collector-${i}-${'X'.repeat(150)}`,
      reference: `CANARY-REF-${i}-${'9'.repeat(100)}`.slice(0, 100),
    }));
    const input = overviewInput({ debts: longDebts });
    const pdf = await read(input);
    expect(pdf.total).toBeGreaterThan(1);
    const text = squash(pdf.text);
    for (const debt of input.debts) {
      expect(text).toContain(squash(debt.creditorName));
      expect(text).toContain(squash(debt.reference!));
    }
    expect(pdf.text).toContain(`Totaal ${euro(input.overview.totalDebtCents)}`);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${pdf.total}`));
  });
});

describe('buildOverviewDocument', () => {
  function walk(node: unknown, visit: (value: Record<string, unknown>) => void): void {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, visit);
    } else if (node !== null && typeof node === 'object') {
      visit(node as Record<string, unknown>);
      for (const value of Object.values(node)) walk(value, visit);
    }
  }

  const content = (doc: TDocumentDefinitions): Content => doc.content;

  it('is pure: the same input gives the same document and is not changed', () => {
    const input = overviewInput({ story: CANARY_STORY });
    const before = JSON.stringify(input);
    const first = JSON.stringify(buildOverviewDocument(input).content);
    const second = JSON.stringify(buildOverviewDocument(structuredClone(input)).content);
    expect(second).toBe(first);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('sets body text at 11 pt or more everywhere in the content', () => {
    const doc = buildOverviewDocument(overviewInput({ story: CANARY_STORY }));
    expect(doc.defaultStyle?.fontSize).toBe(BODY_FONT_SIZE);
    expect(BODY_FONT_SIZE).toBeGreaterThanOrEqual(11);
    const sizes: number[] = [];
    walk(content(doc), (node) => {
      if (typeof node.fontSize === 'number') sizes.push(node.fontSize);
      if (typeof node.style === 'string') {
        const size = STYLES[node.style]?.fontSize;
        if (size !== undefined) sizes.push(size);
      }
    });
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });

  it('gives every table fixed column widths that fit the page', () => {
    const doc = buildOverviewDocument(overviewInput());
    let tables = 0;
    walk(content(doc), (node) => {
      if (!('table' in node)) return;
      tables += 1;
      const { widths } = (node as unknown as ContentTable).table;
      expect(Array.isArray(widths)).toBe(true);
      const numbers = widths as number[];
      for (const width of numbers) expect(typeof width).toBe('number');
      // 4 pt padding each side per column (pdf-blocks); boxes add 10 pt each side and their border.
      expect(numbers.reduce((sum, width) => sum + width, 0) + numbers.length * 8).toBeLessThanOrEqual(CONTENT_WIDTH + 0.01);
    });
    expect(tables).toBeGreaterThan(5);
  });

  it('never lets a sentence or a sum run over two pages: every paragraph and sum table is unbreakable (the story may run on)', () => {
    const doc = buildOverviewDocument(overviewInput({ story: CANARY_STORY }));
    const loose: string[] = [];
    let checked = 0;
    const visit = (node: unknown, inUnbreakable: boolean): void => {
      if (Array.isArray(node)) { for (const item of node) visit(item, inUnbreakable); return; }
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const kept = inUnbreakable || record.unbreakable === true;
      if (record.style === 'paragraph' || record.style === 'explanation') {
        checked += 1;
        if (!kept && record.text !== CANARY_STORY.text) loose.push(String(record.text).slice(0, 40));
      }
      for (const value of Object.values(record)) visit(value, kept);
    };
    visit(content(doc), false);
    expect(checked).toBeGreaterThan(20);
    expect(loose).toEqual([]);
  });

  it('says when a creditor may not add BTW to the incassokosten', async () => {
    // Vattenfall (energy, deducts BTW) adds 21 %: 15 % × 80000 = 12000 allowed, 14520 asked
    const input = overviewInput({ debts: [{ creditorName: 'Vattenfall', creditorType: 'energie', status: 'incasso', balanceCents: 94_520,
      balanceDate: '2026-11-01', principalCents: 80_000, collectionCostsCents: 14_520, collectionCostsIncludeVat: true }] });
    expect(input.debts[0]).toMatchObject({ collectionCostsMaxCents: 12_000, collectionCostsTooHigh: true, collectionCostsVat: 'not_allowed' });
    const { text } = await read(input);
    expect(squash(text)).toContain(squash(`Vattenfall: maximaal ${euro(12_000)} aan incassokosten. Vattenfall mag geen btw rekenen over de incassokosten.`));
  });

  it('never puts the resident name or the story in the file metadata', () => {
    const doc = buildOverviewDocument(overviewInput({ story: CANARY_STORY }));
    expect(JSON.stringify(doc.info)).not.toContain('CANARY');
  });
});

describe('Dutch words for every enumeration value', () => {
  const cases: [string, readonly string[], Record<string, string>][] = [
    ['debt status', DEBT_STATUSES, labels.DEBT_STATUS_LABEL],
    ['income kind', INCOME_KINDS, labels.INCOME_KIND_LABEL],
    ['expense group', EXPENSE_GROUPS, labels.EXPENSE_GROUP_LABEL],
    ['expense category', EXPENSE_CATEGORIES, labels.EXPENSE_CATEGORY_LABEL],
    ['frequency', FREQUENCIES, labels.FREQUENCY_LABEL],
    ['leefsituatie', LEEFSITUATIES, labels.LEEFSITUATIE_LABEL],
    ['age band', AGE_BANDS, labels.AGE_BAND_LABEL],
    ['referral route', REFERRAL_ROUTES, labels.REFERRAL_ROUTE_LABEL],
    ['referral status', REFERRAL_STATUSES, labels.REFERRAL_STATUS_LABEL],
    ['traject', TRAJECTS, labels.TRAJECT_LABEL],
    ['action owner', ACTION_OWNERS, labels.ACTION_OWNER_LABEL],
    ['life event', LIFE_EVENTS, labels.LIFE_EVENT_LABEL],
    ['VTLB source', VTLB_SOURCES, labels.VTLB_SOURCE_LABEL],
    ['bvv reason', BVV_INDICATIVE_REASONS, labels.BVV_REASON_TEXT],
  ];

  it.each(cases)('%s: every value has words, and no code leaks through', (_name, values, words) => {
    expect(Object.keys(words).sort()).toEqual([...values].sort());
    for (const value of values) {
      expect(words[value]!.trim().length).toBeGreaterThan(0);
      expect(words[value]).not.toMatch(/_/);
    }
  });

  it('uses the words the issue names for frequencies', () => {
    expect(labels.FREQUENCY_LABEL.four_weeks).toBe('per 4 weken');
    expect(labels.FREQUENCY_LABEL.quarter).toBe('per kwartaal');
    expect(labels.FREQUENCY_LABEL.once).toBe('eenmalig');
  });
});
