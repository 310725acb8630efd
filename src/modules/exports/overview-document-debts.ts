// The debts part of the overview PDF: one table with every debt, settled ones listed apart.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateShort, formatEuro } from '../../lib/money-format.js';
import { SETTLED_STATUSES } from '../../lib/vocabulary.js';
import { DEBT_STATUS_LABEL, count } from './overview-labels.js';
import type { OverviewPdfDebt, OverviewPdfInput } from './overview-pdf.types.js';
import { amountCell, COLOURS, dataTable, EMPTY_CELL, explanation, heading, paragraph, subheading } from './pdf-blocks.js';

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
