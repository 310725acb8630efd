// The debts part of the overview PDF: one table with every debt, settled ones listed apart.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateLong, formatEuro } from '../../lib/money-format.js';
import { SETTLED_STATUSES } from '../../lib/vocabulary.js';
import { count, debtStatusLabel, FREQUENCY_LABEL } from './overview-labels.js';
import type { OverviewPdfDebt, OverviewPdfInput } from './overview-pdf.types.js';
import { amountCell, COLOURS, dataTable, EMPTY_CELL, explanation, heading, paragraph, subheading } from './pdf-blocks.js';

// The collector sits under the creditor ("via Intrum"): one column less, so dates fit written out.
function creditorCell(debt: OverviewPdfDebt): TableCell {
  const lines: Content[] = [{ text: debt.creditorName }];
  if (debt.collectorName !== null) lines.push({ text: `via ${debt.collectorName}`, color: COLOURS.muted });
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
  const label = debtStatusLabel(debt.status, debt.creditorType);
  const lines: Content[] = [];
  // Crisis, summons and seizure: the same word and colour as in "Wat moet u nu doen?".
  const pressing = debt.urgency.level === 'crisis' || debt.urgency.level === 'urgent';
  if (pressing) lines.push({ text: 'Dringend!', bold: true, color: COLOURS.danger });
  lines.push(pressing ? { text: label, bold: true, color: COLOURS.danger } : { text: label });
  if (debt.urgency.dueDate !== null) {
    lines.push({ text: `Naar de rechter op ${formatDateLong(debt.urgency.dueDate)}`, bold: true, color: COLOURS.danger });
  }
  if (debt.arrangement !== null) {
    lines.push({ text: `Afspraak: ${formatEuro(debt.arrangement.amountCents)} ${FREQUENCY_LABEL[debt.arrangement.frequency]}` });
  }
  return { stack: lines };
}

function dateCell(debt: OverviewPdfDebt): TableCell {
  const confirmed = debt.balanceConfirmedOn === null ? [] : [{ text: `Bevestigd ${formatDateLong(debt.balanceConfirmedOn)}`, bold: true }];
  if (debt.balanceDate === null) return confirmed.length > 0 ? { stack: confirmed } : { text: 'Onbekend' };
  const date = formatDateLong(debt.balanceDate);
  if (debt.balanceStale) return { stack: [date, { text: 'Oud bedrag', bold: true }] };
  return confirmed.length > 0 ? { stack: [date, ...confirmed] } : { text: date };
}

// Kenmerk fits 15 digits, Status "Betalingsregeling" and Bedrag "€ 1.234.567,89" in bold, each on
// one line at 11 pt; the date column fits "30 september 2026".
const DEBT_COLUMNS = {
  widths: ['*', 96, 116, 76, 96] as const,
  header: ['Schuldeiser', 'Kenmerk', 'Status', 'Bedrag', 'Datum van het bedrag'],
  amountColumns: [3],
};

function debtRow(debt: OverviewPdfDebt): TableCell[] {
  return [
    creditorCell(debt),
    { text: debt.reference ?? EMPTY_CELL },
    statusCell(debt),
    amountCell(debt.balanceCents),
    dateCell(debt),
  ];
}

export function debtsSection(input: OverviewPdfInput): Content[] {
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
          'Hieronder staat elke schuld met het bedrag uit de laatste brief. ' +
          'Wordt de schuld geïnd door een incassobureau of deurwaarder? Dan staat die eronder, na "via".',
      ),
      dataTable({
        ...DEBT_COLUMNS,
        rows: open.map(debtRow),
        totals: [[
          { text: 'Totaal', colSpan: 3, style: 'total' }, {}, {},
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
