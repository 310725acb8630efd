// A list of rows that is a table on a wide screen and a stack of cards on a phone, so nobody has
// to scroll sideways on 390 px. Both are in the page; CSS shows one (`.ss-wide-only` and
// `.ss-narrow-only` in theme.css), and what is hidden with display: none is hidden from screen
// readers too, so each row is read once.
import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { TableScroll } from './TableScroll';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/** The first column names the row: on a card it is the title, the others are label and value. */
export function ResponsiveTable<Row>({ label, columns, rows, rowKey }: {
  label: string;
  columns: [Column<Row>, ...Column<Row>[]];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  const [first, ...rest] = columns;
  return (
    <>
      <div className="ss-wide-only">
        <TableScroll label={label}>
          <Table>
            <TableHeader>
              <TableRow>
                {columns.map((column) => <TableHeaderCell key={column.header} scope="col">{column.header}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  {columns.map((column) => <TableCell key={column.header}>{column.cell(row)}</TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      </div>
      <ul className="ss-narrow-only ss-list-plain ss-cards" aria-label={label}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="ss-panel">
            <div className="ss-card-title">{first.cell(row)}</div>
            <dl className="ss-card-fields">
              {rest.map((column) => (
                <div key={column.header}>
                  <dt>{column.header}</dt>
                  <dd>{column.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
