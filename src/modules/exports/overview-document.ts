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
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateLong, formatEuro } from '../../lib/money-format.js';
import { SETTLED_STATUSES } from '../../lib/vocabulary.js';
import { AGE_BAND_LABEL, DEBT_STATUS_LABEL, LEEFSITUATIE_LABEL, count } from './overview-labels.js';
import type { OverviewPdfDebt, OverviewPdfInput } from './overview-pdf.types.js';
import { BODY_FONT_SIZE, box, bullets, COLOURS, CONTENT_WIDTH, heading, keyValueTable, PAGE_MARGINS, paragraph, STYLES } from './pdf-blocks.js';
import { debtsSection } from './overview-document-debts.js';
import { aflosruimteSection, expensesSection, incomesSection, saldoSection } from './overview-document-budget.js';
import { actionsSection, glossarySection, referralSection, storySection } from './overview-document-plan.js';

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
