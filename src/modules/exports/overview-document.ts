// The resident's debt overview as a pdfmake document definition (issue 8). Pure: the same input
// gives the same definition, so it is tested without rendering and rendered in a worker thread.
//
// Rules this module keeps:
// - Every amount goes through formatEuro, and every total printed is the overview's own figure
//   (DESIGN.md §7.2: totals are sums of the rounded lines, computed once by the domain). Nothing
//   here adds money up, so the PDF can never disagree with the screen.
// - Plain Dutch at B1 level: short sentences, "u", everyday words; hard words are explained at
//   the end. Meaning never depends on colour alone (a shortfall says "tekort", a warning has a title).
// - The story appears only when `input.story` is given, on its own page at the very end, so the
//   resident can keep that page to themselves.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateLong, formatDateShort, formatEuro } from '../../lib/money-format.js';
import { EXPENSE_GROUPS, SETTLED_STATUSES, type ExpenseGroup } from '../../lib/vocabulary.js';
import {
  ACTION_OWNER_LABEL, AGE_BAND_LABEL, BVV_REASON_TEXT, DEBT_STATUS_LABEL, EXPENSE_CATEGORY_LABEL,
  EXPENSE_GROUP_LABEL, FREQUENCY_LABEL, INCOME_KIND_LABEL, LEEFSITUATIE_LABEL, LIFE_EVENT_LABEL,
  REFERRAL_ROUTE_LABEL, REFERRAL_STATUS_LABEL, TRAJECT_LABEL, VTLB_SOURCE_LABEL,
} from './overview-labels.js';
import type {
  OverviewPdfDebt, OverviewPdfExpense, OverviewPdfIncome, OverviewPdfInput,
} from './overview-pdf.types.js';
import {
  amountCell, BODY_FONT_SIZE, box, bullets, COLOURS, CONTENT_WIDTH, dataTable, EMPTY_CELL, explanation, heading,
  keyValueTable, PAGE_MARGINS, paragraph, STYLES, subheading, sumTable,
} from './pdf-blocks.js';

/** "1 schuld" / "3 schulden": Dutch plurals are irregular enough to spell out. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The label is the admin's display name for the period; without one, the date names it. */
function normPeriodText(input: OverviewPdfInput): string {
  const period = input.overview.normPeriod;
  if (period === null) return 'Normbedragen: geen bekend';
  return period.label.trim() === '' ? `Normbedragen van ${formatDateLong(period.validFrom)}` : `Normbedragen: ${period.label.trim()}`;
}

function titleBlock(input: OverviewPdfInput): Content[] {
  return [
    { text: 'Uw schuldenoverzicht', style: 'title' },
    { text: input.resident.displayName, style: 'subtitle', bold: true },
    { text: `Gemaakt op ${formatDateLong(input.generatedOn)}`, style: 'subtitle', margin: [0, 0, 0, 10] },
    paragraph(
      'In dit overzicht staan uw schulden, uw inkomsten en uw uitgaven. ' +
        'Neem het mee naar uw afspraak bij de gemeente of de kredietbank. ' +
        'Is iets niet duidelijk? Vraag het aan uw maatje. Achteraan staat uitleg over moeilijke woorden.',
    ),
  ];
}

function outdatedNormsWarning(input: OverviewPdfInput): Content[] {
  if (!input.overview.normPeriodOutdated) return [];
  const period = input.overview.normPeriod;
  const used = period === null
    ? 'Er zijn geen normbedragen bekend.'
    : `Dit overzicht gebruikt de normbedragen van ${formatDateLong(period.validFrom)}. Die zijn meer dan 7 maanden oud.`;
  return [
    box('warning', 'Let op: de normbedragen zijn misschien niet meer goed', [
      paragraph(
        `${used} De overheid past deze bedragen elk half jaar aan. ` +
          'Daarom kloppen de bedragen over aflossen misschien niet. ' +
          'Vraag de schuldhulpverlening om ze na te rekenen.',
      ),
    ]),
  ];
}

function debtsWhere(input: OverviewPdfInput, keep: (debt: OverviewPdfDebt) => boolean): OverviewPdfDebt[] {
  return input.debts.filter((debt) => !SETTLED_STATUSES.includes(debt.status) && keep(debt));
}

/** Short lists help; a long one overwhelms. Past this length the table's row markers carry the detail. */
const MAX_LISTED = 8;

function debtList(debts: OverviewPdfDebt[], describe: (debt: OverviewPdfDebt) => string, marker: string): Content[] {
  if (debts.length <= MAX_LISTED) return [bullets(debts.map(describe))];
  return [paragraph(`In de tabel met uw schulden staat bij deze schulden: "${marker}".`)];
}

function actionNeeded(input: OverviewPdfInput): Content[] {
  const { flags } = input.overview;
  const blocks: Content[] = [];
  if (flags.crisis > 0) {
    // Every crisis debt is listed, however many: each one needs its own phone call.
    const crisis = debtsWhere(input, (d) => d.crisis);
    blocks.push(box('danger', 'Dringend: neem vandaag nog actie', [
      paragraph(
        `Bij ${count(flags.crisis, 'schuld', 'schulden')} dreigt een ontruiming, een afsluiting van gas, water of stroom, ` +
          'of het stoppen van uw zorgverzekering. ' +
          'Neem direct contact op met de schuldhulpverlening van uw gemeente. Zeg dat het dringend is. ' +
          'De gemeente moet u dan binnen 3 werkdagen helpen.',
      ),
      bullets(crisis.map((d) => `${d.creditorName}: ${DEBT_STATUS_LABEL[d.status]}`)),
    ], crisis.length <= MAX_LISTED));
  }
  if (flags.collectionCostsTooHigh > 0) {
    blocks.push(box('warning', `Te hoge incassokosten bij ${count(flags.collectionCostsTooHigh, 'schuld', 'schulden')}`, [
      paragraph(
        'De wet zegt hoeveel incassokosten een schuldeiser mag vragen. Bij deze schulden is het meer. ' +
          'U hoeft niet meer te betalen dan het maximum. Vraag de schuldeiser om de kosten te verlagen.',
      ),
      ...debtList(
        debtsWhere(input, (d) => d.collectionCostsTooHigh === true),
        (d) => d.collectionCostsMaxCents === null
          ? d.creditorName
          : `${d.creditorName}: maximaal ${formatEuro(d.collectionCostsMaxCents)} aan incassokosten`,
        'Incassokosten te hoog',
      ),
    ]));
  }
  if (flags.staleBalances > 0) {
    blocks.push(box('info', `Oud bedrag bij ${count(flags.staleBalances, 'schuld', 'schulden')}`, [
      paragraph(
        'Het bedrag dat we weten, is ouder dan 6 maanden. Het kan nu hoger zijn. ' +
          'Vraag de schuldeiser om een nieuw overzicht van wat u nu nog moet betalen.',
      ),
      ...debtList(
        debtsWhere(input, (d) => d.balanceStale),
        (d) => (d.balanceDate === null ? d.creditorName : `${d.creditorName}: bedrag van ${formatDateLong(d.balanceDate)}`),
        'Oud bedrag',
      ),
    ]));
  }
  return blocks.length === 0 ? [] : [heading('Wat moet u nu doen?'), ...blocks];
}

function householdSection(input: OverviewPdfInput): Content[] {
  const household = input.household;
  if (household === null) {
    return [heading('Uw huishouden'), paragraph('Uw huishouden is nog niet ingevuld.')];
  }
  const rows: [string, Content][] = [
    ['Woonsituatie', LEEFSITUATIE_LABEL[household.leefsituatie]],
    ['Uw leeftijd', AGE_BAND_LABEL[household.ageBand]],
  ];
  if (household.partnerAgeBand !== null) rows.push(['Leeftijd van uw partner', AGE_BAND_LABEL[household.partnerAgeBand]]);
  rows.push([
    'Andere volwassenen in huis',
    household.otherAdults === 0 ? 'Geen' : String(household.otherAdults),
  ]);
  return [heading('Uw huishouden'), keyValueTable(rows)];
}

function creditorCell(debt: OverviewPdfDebt): TableCell {
  const lines: Content[] = [{ text: debt.creditorName }];
  if (debt.collectionCostsTooHigh === true && debt.collectionCostsMaxCents !== null) {
    lines.push({
      text: `Incassokosten te hoog: maximaal ${formatEuro(debt.collectionCostsMaxCents)}`,
      bold: true,
      color: COLOURS.warning,
    });
  }
  return { stack: lines };
}

function statusCell(debt: OverviewPdfDebt): TableCell {
  const label = DEBT_STATUS_LABEL[debt.status];
  return debt.crisis
    ? { stack: [{ text: 'Dringend!', bold: true, color: COLOURS.danger }, { text: label, bold: true, color: COLOURS.danger }] }
    : { text: label };
}

function dateCell(debt: OverviewPdfDebt): TableCell {
  if (debt.balanceDate === null) return { text: 'Onbekend' };
  const date = formatDateShort(debt.balanceDate);
  return debt.balanceStale ? { stack: [date, { text: 'Oud bedrag', bold: true }] } : { text: date };
}

// Kenmerk fits 15 digits, Status "Betalingsregeling" and Bedrag "€ 1.234.567,89" in bold, each on one line at 11 pt.
const DEBT_COLUMNS = {
  widths: ['*', 76, 96, 88, 76, 58] as const,
  header: ['Schuldeiser', 'Incasso of deurwaarder', 'Kenmerk', 'Status', 'Bedrag', 'Datum van het bedrag'],
  amountColumns: [4],
};

function debtRow(debt: OverviewPdfDebt): TableCell[] {
  return [
    creditorCell(debt),
    { text: debt.collectorName ?? EMPTY_CELL },
    { text: debt.reference ?? EMPTY_CELL },
    statusCell(debt),
    amountCell(debt.balanceCents),
    dateCell(debt),
  ];
}

function debtsSection(input: OverviewPdfInput): Content[] {
  const { overview } = input;
  const open = input.debts.filter((debt) => !SETTLED_STATUSES.includes(debt.status));
  const settled = input.debts.filter((debt) => SETTLED_STATUSES.includes(debt.status));
  const blocks: Content[] = [heading('Uw schulden')];
  if (open.length === 0) {
    blocks.push(paragraph('Er zijn geen openstaande schulden ingevuld.'));
  } else {
    blocks.push(
      paragraph(
        `U heeft schulden bij ${count(overview.creditorCount, 'schuldeiser', 'schuldeisers')}. ` +
          'Hieronder staat elke schuld met het bedrag uit de laatste brief.',
      ),
      dataTable({
        ...DEBT_COLUMNS,
        rows: open.map(debtRow),
        totals: [[
          { text: 'Totaal', colSpan: 4, style: 'total' }, {}, {}, {},
          amountCell(overview.totalDebtCents, { bold: true }),
          { text: '' },
        ]],
      }),
      explanation(
        `Samen moet u nog ${formatEuro(overview.totalDebtCents)} betalen. ` +
          'Dit is het bedrag volgens de laatste brieven van uw schuldeisers. ' +
          'Er kunnen nog rente en kosten bij komen.',
      ),
    );
  }
  if (settled.length > 0) {
    blocks.push(
      subheading('Afbetaald of kwijtgescholden'),
      paragraph('Deze schulden hoeft u niet meer te betalen. Ze tellen niet mee in het totaal.'),
      dataTable({ ...DEBT_COLUMNS, rows: settled.map(debtRow) }),
    );
  }
  return blocks;
}

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

function incomesSection(input: OverviewPdfInput): Content[] {
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

function expensesSection(input: OverviewPdfInput): Content[] {
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

function saldoSection(input: OverviewPdfInput): Content[] {
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
  return [
    heading(shortfall ? 'Wat komt u elke maand tekort?' : 'Wat houdt u elke maand over?'),
    sumTable([
      ['Inkomsten per maand', { text: formatEuro(incomeMonthlyCents) }],
      ['Min uitgaven per maand', { text: formatEuro(expensesMonthlyCents) }],
      [saldoLabel, saldoValue],
    ]),
    shortfall ? box('danger', 'U komt elke maand geld tekort', [paragraph(meaning)]) : explanation(meaning),
  ];
}

function nulAanbodText(estimate: boolean): string {
  return (
    `${estimate ? 'Volgens deze schatting heeft u' : 'U heeft'} nu geen geld over om schulden af te lossen. ` +
    'Dat heet een nul-aanbod. De schuldhulpverlening kan uw schuldeisers dan een voorstel doen ' +
    'waarin u nu niets aflost. Vraag de gemeente of de kredietbank wat dit voor u betekent.'
  );
}

function aflosruimteSection(input: OverviewPdfInput): Content[] {
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
    return blocks;
  }
  const source = o.vtlbSource === null ? '' : ` Dit bedrag is ${VTLB_SOURCE_LABEL[o.vtlbSource]}.`;
  blocks.push(
    sumTable([
      ['Inkomen dat meetelt', { text: formatEuro(o.attachableIncomeMonthlyCents) }],
      ['Min vrij te laten bedrag (VTLB)', { text: formatEuro(o.vtlbCents) }],
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
  return blocks;
}

function actionsSection(input: OverviewPdfInput): Content[] {
  if (input.actions.length === 0) return [];
  const open = input.actions.filter((action) => !action.done).length;
  return [
    heading('Wat gaan we doen?'),
    paragraph(`Dit hebben u en uw maatje afgesproken. Er ${open === 1 ? 'staat nog 1 actie' : `staan nog ${open} acties`} open.`),
    dataTable({
      widths: ['*', 72, 72, 62],
      header: ['Actie', 'Wie', 'Wanneer', 'Klaar?'],
      rows: input.actions.map((action) => [
        {
          stack: [
            { text: action.title, bold: true },
            ...(action.description === null ? [] : [{ text: action.description }]),
          ],
        },
        { text: ACTION_OWNER_LABEL[action.owner] },
        { text: action.dueDate === null ? EMPTY_CELL : formatDateShort(action.dueDate) },
        action.done ? { text: 'Klaar' } : { text: 'Nog doen', bold: true },
      ]),
    }),
  ];
}

function referralSection(input: OverviewPdfInput): Content[] {
  const referral = input.referral;
  if (referral === null) return [];
  return [
    heading('Doorverwijzing'),
    paragraph('U bent aangemeld voor hulp bij uw schulden.'),
    keyValueTable([
      ['Soort hulp', REFERRAL_ROUTE_LABEL[referral.route]],
      ['Organisatie', referral.organisation],
      ['Aangemeld op', referral.referredAt === null ? 'Nog niet bekend' : formatDateLong(referral.referredAt)],
      ['Hoe staat het ervoor?', REFERRAL_STATUS_LABEL[referral.status]],
      ['Gekozen traject', referral.traject === null ? 'Nog niet bekend' : TRAJECT_LABEL[referral.traject]],
    ]),
  ];
}

const GLOSSARY: [string, string][] = [
  ['Schuldeiser', 'Iemand of een bedrijf aan wie u geld moet betalen.'],
  ['Incassobureau', 'Een bedrijf dat voor een schuldeiser het geld probeert te krijgen.'],
  ['Deurwaarder', 'Iemand die voor een schuldeiser geld mag innen. Een deurwaarder mag ook beslag leggen, bijvoorbeeld op uw loon.'],
  ['Kenmerk', 'Het nummer van een schuld. Het staat op de brief van de schuldeiser.'],
  ['Aflosruimte', 'Het geld dat u elke maand kunt gebruiken om schulden af te lossen.'],
  ['Vrij te laten bedrag (VTLB)', 'Het geld dat u mag houden om van te leven, als u in een schuldregeling zit.'],
  ['Nul-aanbod', 'Een voorstel aan uw schuldeisers als u nu niets kunt aflossen.'],
  ['Normbedragen', 'Bedragen van de overheid, zoals de bijstandsnorm. Ze veranderen elk half jaar.'],
];

function glossarySection(): Content[] {
  return [heading('Uitleg van woorden'), keyValueTable(GLOSSARY.map(([word, meaning]) => [word, meaning]), 150)];
}

function storySection(input: OverviewPdfInput): Content[] {
  const story = input.story;
  if (story === null) return [];
  return [
    { text: 'Uw verhaal', style: 'h2', pageBreak: 'before' },
    box('info', 'Deze pagina is alleen voor u', [
      paragraph('U heeft zelf gekozen om uw verhaal in dit overzicht te zetten. U beslist zelf of u deze pagina aan iemand laat zien.'),
    ]),
    ...(story.lifeEvents.length === 0
      ? []
      : [subheading('Wat er is gebeurd'), bullets(story.lifeEvents.map((event) => LIFE_EVENT_LABEL[event]))]),
    subheading('In uw eigen woorden'),
    paragraph(story.text),
  ];
}

/** One line in the header: page 1 carries the full name, the header only has to tell whose pages these are. */
function headerName(name: string): string {
  const max = 40;
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

export function buildOverviewDocument(input: OverviewPdfInput): TDocumentDefinitions {
  const generated = formatDateLong(input.generatedOn);
  const norms = `${normPeriodText(input)}${input.overview.normPeriodOutdated ? ' (misschien verouderd)' : ''}`;
  const doc: TDocumentDefinitions & { language: string } = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    // Lets screen readers pick a Dutch voice.
    language: 'nl-NL',
    // No name in the metadata: file properties are shown in places the resident does not choose.
    info: { title: 'Schuldenoverzicht', creator: 'Schoon Schip', producer: 'Schoon Schip' },
    defaultStyle: { font: 'Roboto', fontSize: BODY_FONT_SIZE, lineHeight: 1.2, color: COLOURS.text },
    styles: STYLES,
    header: () => ({
      columns: [
        { text: `Schuldenoverzicht van ${headerName(input.resident.displayName)}`, width: CONTENT_WIDTH - 160 },
        { text: `Gemaakt op ${generated}`, width: 148, alignment: 'right' },
      ],
      columnGap: 12,
      style: 'pageChrome',
      margin: [PAGE_MARGINS[0], 28, PAGE_MARGINS[2], 0],
    }),
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: norms, width: '*' },
        { text: `Pagina ${currentPage} van ${pageCount}`, width: 'auto', alignment: 'right', bold: true },
      ],
      columnGap: 12,
      style: 'pageChrome',
      margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
    }),
    // A section heading in the bottom eighth of a page moves to the next one instead of standing alone.
    pageBreakBefore: (node) => (node.headlineLevel ?? 0) > 0 && (node.startPosition?.verticalRatio ?? 0) > 0.87,
    content: [
      ...titleBlock(input),
      ...outdatedNormsWarning(input),
      ...actionNeeded(input),
      ...householdSection(input),
      ...debtsSection(input),
      ...incomesSection(input),
      ...expensesSection(input),
      ...saldoSection(input),
      ...aflosruimteSection(input),
      ...actionsSection(input),
      ...referralSection(input),
      ...glossarySection(),
      ...storySection(input),
    ],
  };
  return doc;
}
