// The budget part of the overview PDF: incomes and expenses as monthly amounts, what is left
// over, and the aflosruimte with its basis. Every total printed is the overview's own figure.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatEuro } from '../../lib/money-format.js';
import { EXPENSE_GROUPS, type ExpenseGroup } from '../../lib/vocabulary.js';
import { BVV_REASON_TEXT, EXPENSE_CATEGORY_LABEL, EXPENSE_GROUP_LABEL, FREQUENCY_LABEL, INCOME_KIND_LABEL, VTLB_SOURCE_LABEL } from './overview-labels.js';
import type { OverviewPdfExpense, OverviewPdfIncome, OverviewPdfInput } from './overview-pdf.types.js';
import {
  amountCell, box, COLOURS, dataTable, EMPTY_CELL, explanation, heading, keepTogether, paragraph, subheading, sumTable,
} from './pdf-blocks.js';

type BudgetLine = OverviewPdfIncome | OverviewPdfExpense;

function lineLabel(line: BudgetLine): string {
  return 'kind' in line ? INCOME_KIND_LABEL[line.kind] : EXPENSE_CATEGORY_LABEL[line.category];
}

const MONTHLY_WIDTHS = [118, '*', 76, 76, 76] as const;
const ONE_OFF_WIDTHS = [150, '*', 76] as const;

function monthlyRow(line: BudgetLine): TableCell[] {
  return [
    { text: lineLabel(line) },
    { text: line.description ?? EMPTY_CELL },
    amountCell(line.amountCents),
    { text: FREQUENCY_LABEL[line.frequency] },
    // monthlyCents is null only for `once` lines, which never reach this table.
    amountCell(line.monthlyCents ?? 0),
  ];
}

function oneOffTable(lines: readonly BudgetLine[], firstHeader: string, totalCents: number): Content {
  return dataTable({
    widths: ONE_OFF_WIDTHS,
    header: [firstHeader, 'Omschrijving', 'Bedrag'],
    amountColumns: [2],
    rows: lines.map((line) => [{ text: lineLabel(line) }, { text: line.description ?? EMPTY_CELL }, amountCell(line.amountCents)]),
    totals: [[{ text: 'Totaal eenmalig', colSpan: 2, style: 'total' }, {}, amountCell(totalCents, { bold: true })]],
  });
}

export function incomesSection(input: OverviewPdfInput): Content[] {
  const monthly = input.incomes.filter((line) => line.frequency !== 'once');
  const once = input.incomes.filter((line) => line.frequency === 'once');
  const blocks: Content[] = [heading('Uw inkomsten')];
  if (monthly.length === 0) {
    blocks.push(paragraph('Er zijn nog geen inkomsten ingevuld die u steeds krijgt.'));
  } else {
    blocks.push(
      paragraph('Dit geld krijgt u steeds. Krijgt u het niet elke maand? Dan staat in de laatste kolom wat het per maand is.'),
      dataTable({
        widths: MONTHLY_WIDTHS,
        header: ['Inkomen', 'Omschrijving', 'Bedrag', 'Hoe vaak', 'Per maand'],
        amountColumns: [2, 4],
        rows: monthly.map(monthlyRow),
        totals: [[
          { text: 'Totaal per maand', colSpan: 4, style: 'total' }, {}, {}, {},
          amountCell(input.overview.incomeMonthlyCents, { bold: true }),
        ]],
      }),
      explanation(`Dit is wat u gemiddeld elke maand binnenkrijgt: ${formatEuro(input.overview.incomeMonthlyCents)}.`),
    );
  }
  if (once.length > 0) {
    blocks.push(
      subheading('Eenmalige inkomsten'),
      paragraph('Dit geld krijgt u één keer. Het telt niet mee in het totaal per maand.'),
      oneOffTable(once, 'Inkomen', input.overview.oneOffIncomeCents),
    );
  }
  return blocks;
}

export function expensesSection(input: OverviewPdfInput): Content[] {
  const { overview } = input;
  const monthly = input.expenses.filter((line) => line.frequency !== 'once');
  const once = input.expenses.filter((line) => line.frequency === 'once');
  const blocks: Content[] = [heading('Uw uitgaven')];
  if (monthly.length === 0) {
    blocks.push(paragraph('Er zijn nog geen uitgaven ingevuld die u steeds heeft.'));
  } else {
    const rows: TableCell[][] = [];
    const groupRows = new Set<number>();
    const subtotalRows = new Set<number>();
    const groupsShown = EXPENSE_GROUPS.filter(
      (group: ExpenseGroup) => monthly.some((line) => line.group === group) || overview.expensesByGroup[group] !== 0,
    );
    for (const group of groupsShown) {
      groupRows.add(rows.length);
      rows.push([{ text: EXPENSE_GROUP_LABEL[group], colSpan: 5, bold: true }, {}, {}, {}, {}]);
      rows.push(...monthly.filter((line) => line.group === group).map(monthlyRow));
      subtotalRows.add(rows.length);
      rows.push([
        { text: `Samen: ${EXPENSE_GROUP_LABEL[group].toLowerCase()}`, colSpan: 4, bold: true }, {}, {}, {},
        amountCell(overview.expensesByGroup[group], { bold: true }),
      ]);
    }
    blocks.push(
      paragraph('Dit geeft u steeds uit. Betaalt u iets niet elke maand? Dan staat in de laatste kolom wat het per maand is.'),
      dataTable({
        widths: MONTHLY_WIDTHS,
        header: ['Uitgave', 'Omschrijving', 'Bedrag', 'Hoe vaak', 'Per maand'],
        amountColumns: [2, 4],
        rows,
        groupRows,
        subtotalRows,
        totals: [[
          { text: 'Totaal per maand', colSpan: 4, style: 'total' }, {}, {}, {},
          amountCell(overview.expensesMonthlyCents, { bold: true }),
        ]],
      }),
      explanation(`Dit is wat u gemiddeld elke maand uitgeeft: ${formatEuro(overview.expensesMonthlyCents)}.`),
    );
  }
  if (once.length > 0) {
    blocks.push(
      subheading('Eenmalige uitgaven'),
      paragraph('Deze uitgaven doet u één keer. Ze tellen niet mee in het totaal per maand. U moet er wel geld voor hebben.'),
      oneOffTable(once, 'Uitgave', overview.oneOffCents),
    );
  }
  return blocks;
}

export function saldoSection(input: OverviewPdfInput): Content[] {
  const { incomeMonthlyCents, expensesMonthlyCents, saldoCents } = input.overview;
  const shortfall = saldoCents < 0;
  const saldoLabel = shortfall ? 'Tekort per maand' : 'Over per maand';
  const saldoValue: TableCell = shortfall
    ? { text: formatEuro(saldoCents), bold: true, color: COLOURS.danger }
    : { text: formatEuro(saldoCents), bold: true };
  const meaning = shortfall
    ? `U heeft elke maand een tekort van ${formatEuro(-saldoCents)}. U geeft dus meer uit dan u binnenkrijgt. ` +
      'Dat is niet vol te houden. Bespreek met uw maatje hoe u dit tekort kleiner maakt.'
    : saldoCents === 0
      ? 'U houdt elke maand niets over. U heeft ook geen tekort.'
      : `Dit is wat u elke maand overhoudt als u alle uitgaven heeft betaald: ${formatEuro(saldoCents)}.`;
  // The heading stays outside the unbreakable block: pdfmake drops a block whose heading asks for a
  // page break inside it. The heading still moves along when nothing after it fits (pageBreakBefore).
  return [heading(shortfall ? 'Wat komt u elke maand tekort?' : 'Wat houdt u elke maand over?'), keepTogether([
    sumTable([
      ['Inkomsten per maand', { text: formatEuro(incomeMonthlyCents) }],
      // "Min" reads as "minimum" to many; "eraf" says what happens to the amount.
      ['Uitgaven per maand gaan eraf', { text: formatEuro(expensesMonthlyCents) }],
      [saldoLabel, saldoValue],
    ]),
    shortfall ? box('danger', 'U komt elke maand geld tekort', [paragraph(meaning)]) : explanation(meaning),
  ])];
}

function nulAanbodText(estimate: boolean): string {
  return (
    `${estimate ? 'Volgens deze schatting heeft u' : 'U heeft'} nu geen geld over om schulden af te lossen. ` +
    'Dat heet een nul-aanbod. De schuldhulpverlening kan uw schuldeisers dan een voorstel doen ' +
    'waarin u nu niets aflost. Vraag de gemeente of de kredietbank wat dit voor u betekent.'
  );
}

export function aflosruimteSection(input: OverviewPdfInput): Content[] {
  const o = input.overview;
  const blocks: Content[] = [heading('Hoeveel kunt u aflossen?')];
  if (o.aflosruimteBasis === 'saldo' || o.vtlbCents === null) {
    blocks.push(
      sumTable([['Aflosruimte per maand (schatting)', { text: formatEuro(o.aflosruimteCents), bold: true }]]),
      box('info', 'Dit is een schatting op basis van uw budget, geen wettelijk bedrag.', [
        paragraph(
          'We hebben dit bedrag berekend met wat u elke maand overhoudt. ' +
            'Het wettelijke bedrag hangt af van het vrij te laten bedrag (VTLB). Dat is nog niet bekend. ' +
            'De schuldhulpverlening rekent het uit.',
        ),
        ...(o.bvvIndicativeReason === null ? [] : [paragraph(BVV_REASON_TEXT[o.bvvIndicativeReason])]),
      ]),
      explanation(o.nulAanbod ? nulAanbodText(true) : 'Dit is het geld dat u volgens uw budget elke maand kunt gebruiken om schulden af te lossen.'),
    );
    return withSumKeptTogether(blocks);
  }
  const source = o.vtlbSource === null ? '' : ` Dit bedrag is ${VTLB_SOURCE_LABEL[o.vtlbSource]}.`;
  blocks.push(
    sumTable([
      ['Inkomen dat meetelt', { text: formatEuro(o.attachableIncomeMonthlyCents) }],
      ['Vrij te laten bedrag (VTLB) gaat eraf', { text: formatEuro(o.vtlbCents) }],
      ['Aflosruimte per maand', { text: formatEuro(o.aflosruimteCents), bold: true }],
    ]),
    explanation(
      'Het vrij te laten bedrag (VTLB) is het geld dat u mag houden om van te leven.' + source +
        ' Toeslagen, kindgebonden budget en kinderbijslag tellen niet mee als inkomen. ' +
        'Wat er van uw inkomen overblijft, is uw aflosruimte: het geld dat u elke maand kunt gebruiken om schulden af te lossen.',
    ),
  );
  if (o.vtlbSource === 'indicative') {
    blocks.push(explanation('Het VTLB is hier een schatting. De schuldhulpverlening berekent het echte bedrag.'));
  }
  if (o.nulAanbod) blocks.push(box('info', 'Nul-aanbod', [paragraph(nulAanbodText(false))]));
  return withSumKeptTogether(blocks);
}

/** The sum and the first text under it on one page; the heading (first) follows them (see saldoSection). */
function withSumKeptTogether(blocks: Content[]): Content[] {
  return [blocks[0]!, keepTogether(blocks.slice(1, 3)), ...blocks.slice(3)];
}
