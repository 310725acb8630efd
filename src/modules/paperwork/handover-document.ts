// The overdrachtsdossier as a pdfmake document: the same content as the handover JSON, laid out for
// the intake of the receiving organisation and readable by the resident. Pure; rendered in the pool.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateLong, formatEuro } from '../../lib/money-format.js';
import type { ChecklistKey, ChecklistState } from '../../lib/vocabulary.js';
import {
  AGE_BAND_LABEL, DEBT_STATUS_LABEL, EXPENSE_CATEGORY_LABEL, EXPENSE_GROUP_LABEL, FREQUENCY_LABEL, INCOME_KIND_LABEL,
  LEEFSITUATIE_LABEL, LIFE_EVENT_LABEL, REFERRAL_ROUTE_LABEL, REFERRAL_STATUS_LABEL, TRAJECT_LABEL,
} from '../exports/overview-labels.js';
import {
  amountCell, BODY_FONT_SIZE, COLOURS, CONTENT_WIDTH, dataTable, EMPTY_CELL, heading, keyValueTable, PAGE_MARGINS, paragraph, STYLES,
} from '../exports/pdf-blocks.js';
import type { HandoverDocument } from './handover.schemas.js';

/** The handover crosses to the worker as plain data: dates as ISO strings. */
export type HandoverPdfInput = Omit<HandoverDocument, 'generatedAt'> & { generatedAt: string };

export const CHECKLIST_KEY_LABEL: Record<ChecklistKey, string> = {
  legitimatie: 'Identiteitsbewijs',
  inkomstenspecificatie: 'Loonstrook of specificatie van de uitkering',
  huurspecificatie: 'Huurspecificatie',
  polis_zorgverzekering: 'Polis van de zorgverzekering',
  meterstanden: 'Meterstanden van gas, stroom en water',
  bkr_inzage: 'Overzicht van het BKR (leningen)',
  toeslagenbeschikkingen: 'Brieven over toeslagen',
  belastingaanslagen: 'Aanslagen van de belasting',
  cjib_overzicht: 'Overzicht van het CJIB (boetes)',
  schuldenoverzicht: 'Schuldenoverzicht',
  ondertekende_aanvraag: 'Ondertekende aanvraag',
};

export const CHECKLIST_STATE_LABEL: Record<ChecklistState, string> = {
  aanwezig: 'Aanwezig',
  ontbreekt: 'Ontbreekt nog',
  nvt: 'Niet nodig',
};

function balanceDateCell(debt: HandoverPdfInput['debts'][number]): TableCell {
  const lines: Content[] = [];
  if (debt.balanceDate !== null) lines.push({ text: formatDateLong(debt.balanceDate) });
  lines.push(debt.balanceConfirmedOn !== null
    ? { text: `Bevestigd ${formatDateLong(debt.balanceConfirmedOn)}`, bold: true }
    : { text: 'Niet bevestigd' });
  return { stack: lines };
}

/** The status, and an arrangement already agreed on this debt (the receiving organisation must know it). */
function statusCell(debt: HandoverPdfInput['debts'][number]): TableCell {
  if (debt.arrangement === null) return { text: DEBT_STATUS_LABEL[debt.status] };
  const { amountCents, frequency } = debt.arrangement;
  return { stack: [{ text: DEBT_STATUS_LABEL[debt.status] }, { text: `Afspraak: ${formatEuro(amountCents)} ${FREQUENCY_LABEL[frequency]}`, bold: true }] };
}

function debtsSection(input: HandoverPdfInput): Content[] {
  return [
    heading('Schulden'),
    dataTable({
      widths: ['*', 70, 92, 86, 72, 84],
      header: ['Schuldeiser', 'Incasso of deurwaarder', 'Kenmerk', 'Status', 'Bedrag', 'Datum'],
      amountColumns: [4],
      rows: input.debts.map((debt) => [
        { text: debt.creditorName },
        { text: debt.collectorName ?? EMPTY_CELL },
        { text: debt.reference ?? EMPTY_CELL },
        statusCell(debt),
        amountCell(debt.balanceCents),
        balanceDateCell(debt),
      ]),
      totals: [[{ text: `Totaal (${input.creditorCount} schuldeisers)`, colSpan: 4 }, '', '', '', amountCell(input.totalDebtCents, { bold: true }), '']],
    }),
    paragraph('"Bevestigd" betekent: de schuldeiser heeft het bedrag op papier bevestigd.'),
  ];
}

function budgetSection(input: HandoverPdfInput): Content[] {
  const monthly = (cents: number | null) => (cents === null ? { text: 'Eenmalig', alignment: 'right' as const } : amountCell(cents));
  return [
    heading('Inkomsten per maand'),
    dataTable({
      widths: ['*', 110, 90], header: ['Soort', 'Hoe vaak', 'Per maand'], amountColumns: [2],
      rows: input.incomes.map((income) => [{ text: INCOME_KIND_LABEL[income.kind] }, { text: FREQUENCY_LABEL[income.frequency] }, monthly(income.monthlyCents)]),
      totals: [[{ text: 'Totaal per maand', colSpan: 2 }, '', amountCell(input.budget.incomeMonthlyCents, { bold: true })]],
    }),
    heading('Uitgaven per maand'),
    dataTable({
      widths: [130, '*', 110, 90], header: ['Groep', 'Soort', 'Hoe vaak', 'Per maand'], amountColumns: [3],
      rows: input.expenses.map((expense) => [
        { text: EXPENSE_GROUP_LABEL[expense.group] }, { text: EXPENSE_CATEGORY_LABEL[expense.category] },
        { text: FREQUENCY_LABEL[expense.frequency] }, monthly(expense.monthlyCents),
      ]),
      totals: [[{ text: 'Totaal per maand', colSpan: 3 }, '', '', amountCell(input.budget.expensesMonthlyCents, { bold: true })]],
    }),
    keyValueTable([['Over of tekort per maand', { text: formatEuro(input.budget.saldoCents), bold: true }]]),
  ];
}

function aflosruimteSection(input: HandoverPdfInput): Content[] {
  const a = input.aflosruimte;
  const rows: [string, Content][] = [
    ['Aflosruimte per maand', { text: formatEuro(a.aflosruimteCents), bold: true }],
    ['Hoe berekend', { text: a.explanation }],
  ];
  if (a.vtlbCents !== null) rows.push(['VTLB', { text: formatEuro(a.vtlbCents) }]);
  if (a.normPeriod !== null) rows.push(['Normbedragen van', { text: formatDateLong(a.normPeriod.validFrom) + (a.normPeriodOutdated ? ' (mogelijk verouderd)' : '') }]);
  return [
    heading('Aflosruimte'),
    paragraph('De aflosruimte is het bedrag dat elke maand naar de schuldeisers kan gaan. De VTLB is het bedrag dat iemand minstens nodig heeft om van te leven.'),
    keyValueTable(rows),
  ];
}

function checklistSection(input: HandoverPdfInput): Content[] {
  return [
    heading('Papieren'),
    dataTable({
      widths: ['*', 120], header: ['Papier', 'Stand'],
      rows: input.checklist.map((item) => [{ text: CHECKLIST_KEY_LABEL[item.key] }, { text: item.state === null ? 'Nog niet nagekeken' : CHECKLIST_STATE_LABEL[item.state] }]),
    }),
  ];
}

function householdAndReferral(input: HandoverPdfInput): Content[] {
  const h = input.household;
  const r = input.referral;
  return [
    heading('Huishouden'),
    h === null
      ? paragraph('Het huishouden is nog niet ingevuld.')
      : keyValueTable([
        ['Woonsituatie', { text: LEEFSITUATIE_LABEL[h.leefsituatie] }],
        ['Leeftijd', { text: AGE_BAND_LABEL[h.ageBand] }],
        ...(h.partnerAgeBand ? [['Leeftijd partner', { text: AGE_BAND_LABEL[h.partnerAgeBand] }] as [string, Content]] : []),
        ['Andere volwassenen in huis', { text: String(h.otherAdults) }],
      ]),
    heading('Doorverwijzing'),
    keyValueTable([
      ['Naar', { text: `${REFERRAL_ROUTE_LABEL[r.route]}: ${r.organisation}` }],
      ['Stand', { text: REFERRAL_STATUS_LABEL[r.status] }],
      ...(r.referredAt ? [['Aangemeld op', { text: formatDateLong(r.referredAt) }] as [string, Content]] : []),
      ...(r.traject ? [['Traject', { text: TRAJECT_LABEL[r.traject] }] as [string, Content]] : []),
    ]),
  ];
}

function storySection(input: HandoverPdfInput): Content[] {
  if (input.story === null) return [];
  return [
    { text: 'Het verhaal achter de schulden', style: 'h2', pageBreak: 'before' },
    paragraph('De bewoner heeft gekozen om dit verhaal te delen.'),
    ...(input.story.lifeEvents.length > 0
      ? [paragraph(`Wat er gebeurde: ${input.story.lifeEvents.map((event) => LIFE_EVENT_LABEL[event].toLocaleLowerCase('nl')).join(', ')}.`)]
      : []),
    paragraph(input.story.text),
  ];
}

export function buildHandoverDocument(input: HandoverPdfInput): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: 'Overdrachtsdossier', creator: 'Schoon Schip' },
    defaultStyle: { font: 'Roboto', fontSize: BODY_FONT_SIZE, lineHeight: 1.2, color: COLOURS.text },
    styles: STYLES,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `Overdrachtsdossier van ${input.resident.displayName}, voor ${input.sharedWith}`, width: CONTENT_WIDTH - 90 },
        { text: `Pagina ${currentPage} van ${pageCount}`, width: 90, alignment: 'right', bold: true },
      ],
      style: 'pageChrome',
      margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
    }),
    pageBreakBefore: (node) => (node.headlineLevel ?? 0) > 0 && (node.startPosition?.verticalRatio ?? 0) > 0.87,
    content: [
      { text: 'Overdrachtsdossier', style: 'title' },
      { text: input.resident.displayName, style: 'subtitle', bold: true },
      { text: `Gemaakt op ${formatDateLong(input.calculatedOn)} voor ${input.sharedWith}`, style: 'subtitle', margin: [0, 0, 0, 10] },
      paragraph('De bewoner heeft toestemming gegeven om dit dossier met deze organisatie te delen. Alle bedragen zijn in euro.'),
      ...householdAndReferral(input),
      ...debtsSection(input),
      ...budgetSection(input),
      ...aflosruimteSection(input),
      ...checklistSection(input),
      ...storySection(input),
    ],
  };
}
