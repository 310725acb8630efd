// The resident's debt overview as a pdfmake document definition (issue 8). Pure: the same input
// gives the same definition, so it is tested without rendering and rendered in a worker thread.
//
// Rules this module keeps:
// - Every amount goes through formatEuro, and every total printed is the overview's own figure
//   (docs/domain.md §2: totals are sums of the rounded lines, computed once by the domain). Nothing
//   here adds money up, so the PDF can never disagree with the screen.
// - Plain Dutch at B1 level: short sentences, "u", everyday words; hard words are explained at
//   the end. Meaning never depends on colour alone (a shortfall says "tekort", a warning has a title).
// - The story appears only when `input.story` is given, on its own page at the very end, so the
//   resident can keep that page to themselves.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { wholeMonthsBetween } from '../../domain/norms.js';
import { formatDateLong, formatEuro } from '../../lib/money-format.js';
import { SETTLED_STATUSES } from '../../lib/vocabulary.js';
import { AGE_BAND_LABEL, count, debtStatusLabel, LEEFSITUATIE_LABEL } from './overview-labels.js';
import type { OverviewPdfDebt, OverviewPdfInput, OverviewPdfNextStep } from './overview-pdf.types.js';
import {
  BODY_FONT_SIZE, box, bullets, COLOURS, CONTENT_WIDTH, heading, keepTogether, keyValueTable, PAGE_MARGINS, paragraph, STYLES,
  subheading,
} from './pdf-blocks.js';
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
  let used = 'Er zijn geen normbedragen bekend.';
  if (period !== null) {
    const months = wholeMonthsBetween(period.validFrom, input.generatedOn);
    used = `Dit overzicht gebruikt de normbedragen van ${formatDateLong(period.validFrom)}. ` +
      `Die zijn ${count(months, 'maand', 'maanden')} oud.`;
  }
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

function debtList(debts: OverviewPdfDebt[], describe: (debt: OverviewPdfDebt) => Content, marker: string): Content[] {
  if (debts.length <= MAX_LISTED) return [bullets(debts.map(describe))];
  return [paragraph(`In de tabel met uw schulden staat bij deze schulden: "${marker}".`)];
}

/** "Vattenfall: <what to do>", the name in bold so the eye finds it. */
function stepLine(step: OverviewPdfNextStep): Content {
  return { text: [{ text: `${step.creditorName}: `, bold: true }, step.text] };
}

/** "KPN, Odido en Ziggo" */
function namesInWords(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

function crisisBox(steps: OverviewPdfNextStep[]): Content[] {
  if (steps.length === 0) return [];
  // Every crisis debt is listed, however many: each one needs its own phone call.
  return [box('danger', 'Dringend: neem vandaag nog actie', [bullets(steps.map(stepLine))], steps.length <= MAX_LISTED)];
}

function summonsBox(steps: OverviewPdfNextStep[]): Content[] {
  if (steps.length === 0) return [];
  const dated = steps.map((step) => step.dueDate).filter((date): date is string => date !== null).sort();
  const title = dated.length > 0
    ? `Rechtszaak op ${formatDateLong(dated[0]!)}: reageer op tijd`
    : 'U moet naar de rechter: reageer op tijd';
  return [box('danger', title, [bullets(steps.map(stepLine))], steps.length <= MAX_LISTED)];
}

function seizureBox(steps: OverviewPdfNextStep[]): Content[] {
  if (steps.length === 0) return [];
  // The text is the same for every seizure (it names the bvv, not the debt): say it once.
  return [box('danger', `Beslag bij ${namesInWords(steps.map((step) => step.creditorName))}`, [paragraph(steps[0]!.text)])];
}

function vatSentence(debt: OverviewPdfDebt): string {
  if (debt.collectionCostsVat === 'not_allowed') return ` ${debt.creditorName} mag geen btw rekenen over de incassokosten.`;
  if (debt.collectionCostsVat === 'unknown') return ' Vraag of deze schuldeiser btw mag rekenen over de incassokosten.';
  return '';
}

function collectionCostsBox(input: OverviewPdfInput): Content[] {
  const { flags } = input.overview;
  if (flags.collectionCostsTooHigh === 0) return [];
  return [box('warning', `Te hoge incassokosten bij ${count(flags.collectionCostsTooHigh, 'schuld', 'schulden')}`, [
    paragraph(
      'De wet zegt hoeveel incassokosten een schuldeiser mag vragen. Bij deze schulden is het meer. ' +
        'U hoeft niet meer te betalen dan het maximum. Vraag de schuldeiser om de kosten te verlagen.',
    ),
    ...debtList(
      debtsWhere(input, (d) => d.collectionCostsTooHigh === true),
      (d) => (d.collectionCostsMaxCents === null
        ? d.creditorName
        : `${d.creditorName}: maximaal ${formatEuro(d.collectionCostsMaxCents)} aan incassokosten.${vatSentence(d)}`),
      'Incassokosten te hoog',
    ),
  ])];
}

function staleBalancesBox(input: OverviewPdfInput): Content[] {
  const { flags } = input.overview;
  if (flags.staleBalances === 0) return [];
  return [box('info', `Oud bedrag bij ${count(flags.staleBalances, 'schuld', 'schulden')}`, [
    paragraph(
      'Het bedrag dat we weten, is ouder dan 6 maanden. Het kan nu hoger zijn. ' +
        'Vraag de schuldeiser om een nieuw overzicht van wat u nu nog moet betalen.',
    ),
    ...debtList(
      debtsWhere(input, (d) => d.balanceStale),
      (d) => (d.balanceDate === null ? d.creditorName : `${d.creditorName}: bedrag van ${formatDateLong(d.balanceDate)}`),
      'Oud bedrag',
    ),
  ])];
}

/**
 * The other debts, one short block per situation: debts with the same status need the same step,
 * so the step is said once with the names of the debts it is for.
 */
function otherSteps(steps: OverviewPdfNextStep[], input: OverviewPdfInput): Content[] {
  if (steps.length === 0) return [];
  const typeOf = new Map(input.debts.map((debt) => [debt.id, debt.creditorType]));
  const groups = new Map<string, OverviewPdfNextStep[]>();
  for (const step of steps) groups.set(step.text, [...(groups.get(step.text) ?? []), step]);
  return [
    subheading('Wat kunt u doen bij uw andere schulden?'),
    ...[...groups.values()].map((group) => {
      const first = group[0]!;
      const label = debtStatusLabel(first.status, typeOf.get(first.debtId) ?? 'overig');
      const names = group.length <= MAX_LISTED
        ? namesInWords(group.map((step) => step.creditorName))
        : count(group.length, 'schuld', 'schulden');
      return keepTogether([
        { text: [{ text: `${label}: `, bold: true }, names], margin: [0, 4, 0, 1] },
        paragraph(first.text),
      ]);
    }),
  ];
}

function actionNeeded(input: OverviewPdfInput): Content[] {
  const steps = input.overview.nextSteps;
  const crisis = steps.filter((step) => step.level === 'crisis');
  const summons = steps.filter((step) => step.status === 'dagvaarding');
  const seizure = steps.filter((step) => step.status === 'beslag');
  const rest = steps.filter((step) => step.level !== 'crisis' && step.level !== 'urgent');
  const blocks: Content[] = [
    ...crisisBox(crisis),
    ...summonsBox(summons),
    ...seizureBox(seizure),
    ...collectionCostsBox(input),
    ...staleBalancesBox(input),
    ...otherSteps(rest, input),
  ];
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
    // A heading moves to the next page instead of standing alone: in the bottom eighth of a page, or
    // when nothing after it fits on the page.
    pageBreakBefore: (node, nodes) => (node.headlineLevel ?? 0) > 0
      && ((node.startPosition?.verticalRatio ?? 0) > 0.87 || nodes.getFollowingNodesOnPage().length === 0),
    content: [
      ...titleBlock(input),
      // What to do comes first: a resident who reads only page 1 must find it there.
      ...actionNeeded(input),
      ...outdatedNormsWarning(input),
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
