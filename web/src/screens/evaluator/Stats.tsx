// The evaluator's statistics: the fixed catalogue, published periods only, each table as an
// accessible HTML table with hidden cells said in words, the CSV as the API serves it, and bars
// (SVG, with the numbers also in the table) for one-way counts.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button, ButtonGroup, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { api, unwrap, type Schemas } from '../../api/client';
import { saveBlob } from '../../lib/download';
import { formatDate } from '../../lib/dates';
import { labels, phaseLabel, rt } from '../../text';
import { ErrorMessage, Loading, ScreenHeading } from '../../ui/screen';
import { TableScroll } from '../../ui/TableScroll';

type StatsTable = Schemas['StatsTable'];
type Entry = Schemas['StatsEntry'];

const numberFormat = new Intl.NumberFormat('nl-NL');

export function valueLabel(dimension: string, value: string): string {
  const maps: Record<string, Record<string, string>> = {
    phase: phaseLabel, exitReason: labels.exitReason, solution: labels.solution, route: labels.referralRoute,
    status: labels.referralStatus, traject: { ...labels.traject, not_chosen: rt.stats.notChosen }, lifeEvent: labels.lifeEvent,
    band: rt.stats.bands, moment: rt.stats.moments,
  };
  return maps[dimension]?.[value] ?? value;
}

function figure(entry: Entry): number | null | undefined {
  return entry.count !== undefined ? entry.count : entry.value;
}

function FigureCell({ entry }: { entry: Entry }) {
  const value = figure(entry);
  if (value === null || value === undefined || entry.suppressed) {
    return <TableCell className="ss-money"><span className="ss-hidden-cell">{rt.stats.hidden}</span><br /><span className="ss-muted">{rt.stats.reasons[entry.suppressed ?? 'small_cell']}</span></TableCell>;
  }
  return <TableCell className="ss-money">{numberFormat.format(value)}</TableCell>;
}

function Bars({ table }: { table: StatsTable }) {
  const dimension = table.dimensions[0]!.name;
  const rows = table.cells.map((cell) => ({ label: valueLabel(dimension, String(cell[dimension as keyof Entry] ?? '')), value: figure(cell) ?? null }));
  const max = Math.max(1, ...rows.map((row) => row.value ?? 0));
  const rowHeight = 28;
  const labelWidth = 220;
  const width = 640;
  const title = rt.stats.chart(rt.stats.tables[table.table] ?? table.table);
  return (
    <figure className="ss-chart">
      <svg role="img" aria-labelledby="chart-title" viewBox={`0 0 ${width} ${rows.length * rowHeight + 8}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id="chart-title">{title}</title>
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const barWidth = row.value === null ? 0 : Math.round(((width - labelWidth - 70) * row.value) / max);
          return (
            <g key={row.label}>
              <text x={0} y={y + 18} fontSize="14" fill="currentColor">{row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}</text>
              <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 10} fill="#17456e" />
              <text x={labelWidth + barWidth + 6} y={y + 18} fontSize="14" fill="currentColor">{row.value === null ? rt.stats.hidden : numberFormat.format(row.value)}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function TableView({ table }: { table: StatsTable }) {
  const dims = table.dimensions.map((dimension) => dimension.name);
  const title = rt.stats.tables[table.table] ?? table.table;
  const unit = rt.stats.units[table.unit] ?? table.unit;
  const rows = [...table.cells.map((entry) => ({ entry, total: false })), ...table.totals.map((entry) => ({ entry, total: true }))];
  const oneWayCount = table.kind === 'count' && dims.length === 1;
  return (
    <section aria-labelledby="table-heading">
      <Heading2 id="table-heading">{title}</Heading2>
      <Paragraph>{rt.stats.generatedAt(formatDate(table.generatedAt))} {rt.stats.method(table.method.minCell, table.method.roundingBase)}</Paragraph>
      {oneWayCount && <Bars table={table} />}
      <TableScroll label={title}>
        <Table>
          <TableCaption>{`${title}, ${table.period} (${unit})`}</TableCaption>
          <TableHeader>
            <TableRow>
              {dims.map((dimension) => <TableHeaderCell key={dimension} scope="col">{rt.stats.dimensions[dimension] ?? dimension}</TableHeaderCell>)}
              <TableHeaderCell scope="col" className="ss-money">{table.kind === 'count' ? rt.stats.count : rt.stats.value}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ entry, total }, index) => (
              <TableRow key={index} className={total ? 'ss-total-row' : undefined}>
                {dims.map((dimension, position) => {
                  const value = entry[dimension as keyof Entry];
                  const text = value === undefined ? (position === 0 ? rt.stats.total : '') : valueLabel(dimension, String(value));
                  return position === 0
                    ? <TableHeaderCell key={dimension} scope="row">{text}</TableHeaderCell>
                    : <TableCell key={dimension}>{text}</TableCell>;
                })}
                <FigureCell entry={entry} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}

export function Stats() {
  const catalogue = useQuery({ queryKey: ['stats', 'tables'], queryFn: () => unwrap(api.GET('/api/v1/stats/tables')) });
  const periods = useQuery({ queryKey: ['stats', 'periods'], queryFn: () => unwrap(api.GET('/api/v1/stats/periods')) });
  const [choice, setChoice] = useState<{ table: string; period: string }>();
  const [tableName, setTableName] = useState('');
  const [period, setPeriod] = useState('');
  const [csvError, setCsvError] = useState<unknown>();
  const selectedTable = tableName || catalogue.data?.tables[0]?.name || '';
  const selectedPeriod = period || periods.data?.items[0]?.period || '';
  const table = useQuery({
    queryKey: ['stats', 'table', choice?.table, choice?.period],
    enabled: choice !== undefined,
    queryFn: () => unwrap(api.GET('/api/v1/stats/tables/{table}', {
      params: { path: { table: choice!.table as never }, query: { period: choice!.period } },
    })) as Promise<StatsTable>,
  });

  const downloadCsv = async () => {
    if (!choice) return;
    setCsvError(undefined);
    try {
      const blob = await unwrap(api.GET('/api/v1/stats/tables/{table}', {
        params: { path: { table: choice.table as never }, query: { period: choice.period } },
        headers: { accept: 'text/csv' }, parseAs: 'blob',
      })) as unknown as Blob;
      saveBlob(blob, `schoon-schip_${choice.table}_${choice.period}.csv`);
    } catch (caught) {
      setCsvError(caught);
    }
  };

  return (
    <>
      <ScreenHeading title={rt.titles.stats}>{rt.stats.heading}</ScreenHeading>
      <Paragraph>{rt.stats.intro}</Paragraph>
      <ErrorMessage error={catalogue.error ?? periods.error} />
      {(catalogue.isPending || periods.isPending) && <Loading />}
      {periods.isSuccess && periods.data.items.length === 0 && <Paragraph>{rt.stats.noPeriods}</Paragraph>}
      {catalogue.data && periods.data && periods.data.items.length > 0 && (
        <form className="utrecht-form ss-stats-form" noValidate onSubmit={(event) => { event.preventDefault(); setChoice({ table: selectedTable, period: selectedPeriod }); }}>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="stats-table">{rt.stats.table}</label></div>
            <div className="utrecht-form-field__input">
              <select id="stats-table" className="utrecht-select utrecht-select--html-select" value={selectedTable} onChange={(event) => setTableName(event.target.value)}>
                {catalogue.data.tables.map((entry) => <option key={entry.name} value={entry.name}>{rt.stats.tables[entry.name] ?? entry.name}</option>)}
              </select>
            </div>
          </div>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="stats-period">{rt.stats.period}</label></div>
            <div className="utrecht-form-field__input">
              <select id="stats-period" className="utrecht-select utrecht-select--html-select" value={selectedPeriod} onChange={(event) => setPeriod(event.target.value)}>
                {periods.data.items.map((entry) => <option key={entry.period} value={entry.period}>{`${entry.period} (${rt.stats.periodKind[entry.kind]})`}</option>)}
              </select>
            </div>
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">{rt.stats.show}</Button>
          </ButtonGroup>
        </form>
      )}
      {table.isFetching && <Loading />}
      <ErrorMessage error={table.error ?? csvError} />
      {table.data && (
        <>
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => void downloadCsv()}>{rt.stats.csv}</Button>
          </ButtonGroup>
          <TableView table={table.data} />
        </>
      )}
    </>
  );
}
