// What every published statistics table must satisfy (docs/domain.md §8),
// checked from the response alone plus the raw figures an oracle computed from the population.
import { expect } from 'vitest';
import {
  DOMINANCE_PERCENT, isPublishableCount, medianRoundHalfUp, roundToBase,
} from '../../src/domain/suppression.js';
import type { DimensionName, StatsTableDefinition } from '../../src/modules/stats/stats.catalogue.js';
import { determinedHiddenEntries, violatesLineRule } from './disclosure-checks.js';
import type { OracleCell } from './stats-population.js';

export interface Entry {
  [dimension: string]: unknown;
  count?: number | null;
  value?: number | null;
  suppressed?: string;
}

export interface TableBody {
  table: string;
  period: string;
  kind: string;
  method: { minCell: number; roundingBase: number; dominanceShare: number };
  dimensions: { name: DimensionName; values: string[] }[];
  cells: Entry[];
  totals: Entry[];
}

/** Every field name a statistics response may carry, at any depth. */
export const ALLOWED_FIELDS = new Set([
  'table', 'title', 'period', 'population', 'kind', 'unit', 'method', 'generatedAt', 'dimensions', 'cells', 'totals',
  'version', 'minCell', 'roundingBase', 'dominanceShare', 'medianRoundingEuros', 'sumRoundingEuros', 'zeroCounts',
  'publicationDelayDays', 'timeZone', 'name', 'values',
  'location', 'phase', 'exitReason', 'solution', 'route', 'status', 'traject', 'moment', 'band', 'lifeEvent',
  'instrument', 'item', 'count', 'value', 'suppressed',
]);

/** Names that would single someone out or give a figure of one resident; none may ever appear. */
export const IDENTIFYING_FIELDS = [
  'id', 'dossierId', 'residentId', 'userId', 'maatjeId', 'username', 'displayName', 'residentDisplayName',
  'openedAt', 'closedAt', 'referredAt', 'acceptedAt', 'recordedAt', 'takenAt', 'updatedAt', 'date',
  'story', 'text', 'notes', 'reference', 'organisation', 'description', 'min', 'max', 'minimum', 'maximum',
];

export function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => fieldNames(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      fieldNames(inner, into);
    }
  }
  return into;
}

export function expectNoIdentifyingField(body: unknown): void {
  const names = fieldNames(body);
  expect([...names].filter((name) => !ALLOWED_FIELDS.has(name))).toEqual([]);
  expect(IDENTIFYING_FIELDS.filter((name) => names.has(name))).toEqual([]);
}

const hidden = (entry: Entry) => (entry.count ?? entry.value ?? null) === null;

/** The raw count behind an entry: the sum of the raw cells that match the dimensions it names. */
function rawCount(definition: StatsTableDefinition, raw: readonly OracleCell[], entry: Entry): number {
  return raw.filter((cell) => definition.dimensions.every((dimension, index) =>
    entry[dimension] === undefined || entry[dimension] === cell.key[index]))
    .reduce((sum, cell) => sum + (cell.count ?? 0), 0);
}

function entriesFixedOn(entries: readonly Entry[], fixed: Partial<Record<string, string>>, dimensions: readonly string[]): Entry[] {
  return entries.filter((entry) => dimensions.every((dimension) => entry[dimension] === fixed[dimension]));
}

export function checkTable(definition: StatsTableDefinition, body: TableBody, raw: readonly OracleCell[], minCell: number): void {
  expectNoIdentifyingField(body);
  expect(body.table).toBe(definition.name);
  expect(body.method).toMatchObject({ minCell, roundingBase: 5, dominanceShare: DOMINANCE_PERCENT / 100 });
  // Nothing the oracle counted may be missing from the table's dimensions.
  for (const cell of raw) {
    cell.key.forEach((part, index) => expect(body.dimensions[index]?.values, `${definition.name} ${cell.key.join('/')}`).toContain(part));
  }
  if (definition.kind === 'count') checkCountTable(definition, body, raw, minCell);
  else checkFigureTable(definition, body, raw, minCell);
}

function checkCountTable(definition: StatsTableDefinition, body: TableBody, raw: readonly OracleCell[], minCell: number): void {
  const parameters = { minCell, roundingBase: 5 };
  for (const entry of [...body.cells, ...body.totals]) {
    const count = rawCount(definition, raw, entry);
    if (entry.count !== null && entry.count !== undefined) {
      // Every published count is at least k and a multiple of 5, and is the true count rounded.
      expect(entry.count).toBeGreaterThanOrEqual(minCell);
      expect(entry.count % 5).toBe(0);
      expect(entry.count, `${definition.name} ${JSON.stringify(entry)}`).toBe(roundToBase(count, 5));
    } else {
      expect(entry.suppressed).toBeDefined();
      if (entry.suppressed === 'small_cell') expect(isPublishableCount(count, parameters)).toBe(false);
      if (entry.suppressed === 'complementary') expect(isPublishableCount(count, parameters)).toBe(true);
    }
    if (!isPublishableCount(count, parameters)) expect(entry.count).toBeNull();
  }
  const [first, second] = body.dimensions;
  if (first === undefined) throw new Error('a count table has a dimension');
  if (definition.layout === 'two_way' && second !== undefined) {
    checkTwoWay(definition, body, raw, first, second, minCell);
  } else if (definition.layout === 'per_group' && second !== undefined) {
    for (const group of first.values) {
      const line = [...entriesFixedOn(body.cells, { [first.name]: group }, [first.name]),
        ...entriesFixedOn(body.totals, { [first.name]: group }, [first.name])];
      // A line with exactly one hidden entry would give it away through the others and the total.
      expect(line.filter(hidden).length).not.toBe(1);
      checkHomogeneity(definition, raw, line, (cell) => cell.key[0] === group, minCell);
    }
  } else {
    expect([...body.cells, ...body.totals].filter(hidden).length).not.toBe(1);
    checkHomogeneity(definition, raw, [...body.cells, ...body.totals], () => true, minCell);
  }
}

function checkTwoWay(
  definition: StatsTableDefinition, body: TableBody, raw: readonly OracleCell[],
  rows: { name: string; values: string[] }, columns: { name: string; values: string[] }, minCell: number,
): void {
  const find = (fixed: Partial<Record<string, string>>) => {
    const matches = (entry: Entry) => [rows.name, columns.name].every((name) => entry[name] === fixed[name]);
    const found = [...body.cells, ...body.totals].find(matches);
    if (found === undefined) throw new Error(`no entry ${JSON.stringify(fixed)}`);
    return found;
  };
  const grid: Entry[][] = [
    ...rows.values.map((row) => [...columns.values.map((column) => find({ [rows.name]: row, [columns.name]: column })), find({ [rows.name]: row })]),
    [...columns.values.map((column) => find({ [columns.name]: column })), find({})],
  ];
  const hiddenGrid = grid.map((line) => line.map(hidden));
  const rawGrid = grid.map((line) => line.map((entry) => rawCount(definition, raw, entry)));
  // No hidden entry follows from its row or column, nor from any combination of them.
  expect(violatesLineRule(hiddenGrid)).toBe(false);
  expect(determinedHiddenEntries(rawGrid, hiddenGrid)).toEqual([]);
  if (definition.sensitiveDimension === undefined) return;
  // Groups run across the sensitive dimension: with the outcome in the columns, each row is one.
  const groupDimension = definition.sensitiveDimension === columns.name ? rows : columns;
  const groupIndex = groupDimension === rows ? 0 : 1;
  for (const group of groupDimension.values) {
    const line = [...body.cells, ...body.totals].filter((entry) => entry[groupDimension.name] === group);
    checkHomogeneity(definition, raw, line, (cell) => cell.key[groupIndex] === group, minCell);
  }
}

// A group of at least k dossiers that all share one sensitive value is hidden whole.
function checkHomogeneity(
  definition: StatsTableDefinition, raw: readonly OracleCell[], line: readonly Entry[],
  inGroup: (cell: OracleCell) => boolean, minCell: number,
): void {
  if (definition.sensitiveDimension === undefined) return;
  const cells = raw.filter(inGroup).filter((cell) => (cell.count ?? 0) > 0);
  const total = cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const homogeneous = cells.length === 1 && isPublishableCount(total, { minCell, roundingBase: 5 });
  if (homogeneous) {
    expect(line.every((entry) => entry.count === null && entry.suppressed === 'homogeneous'), `${definition.name} homogeneous`).toBe(true);
  } else {
    expect(line.some((entry) => entry.suppressed === 'homogeneous')).toBe(false);
  }
}

function checkFigureTable(definition: StatsTableDefinition, body: TableBody, raw: readonly OracleCell[], minCell: number): void {
  expect(body.totals).toEqual([]);
  for (const entry of body.cells) {
    const cell = raw.find((candidate) => definition.dimensions.every((dimension, index) => entry[dimension] === candidate.key[index]));
    const values = cell?.values ?? [];
    const sum = values.reduce((total, value) => total + Math.abs(value), 0);
    const largest = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    const dominated = largest * 100 > DOMINANCE_PERCENT * sum;
    if (values.length < minCell) {
      expect(entry).toMatchObject({ value: null, suppressed: 'small_cell' });
    } else if (definition.kind === 'money' && dominated) {
      // One dossier above 30 % of the cell's sum hides the money figure.
      expect(entry).toMatchObject({ value: null, suppressed: 'dominance' });
    } else {
      expect(entry.value, `${definition.name} ${JSON.stringify(entry)}`).toBe(medianRoundHalfUp(values, definition.kind === 'money' ? 100 : 1));
    }
  }
}
