// Rows carried as JSON inside one statement (a dossier's children as json_agg next to the dossier
// row), so a whole read is one round trip whatever the number of rows. Inside JSON the keys are
// SQL names and timestamps are ISO text; `JsonSection` turns them back into exactly the row shape
// Kysely gives for the same table read directly: camelCase keys (the CamelCasePlugin's own rule)
// and a Date for every timestamptz, parsed by the same parser as a plain column, so both paths
// agree to the millisecond. Dates ('YYYY-MM-DD') and nested jsonb stay as stored.
import { sql, type AliasableExpression, type Expression, type RawBuilder } from 'kysely';
import pg from 'pg';
import { ColumnNamesPlugin } from './column-names.js';

const TIMESTAMPTZ_OID = 1184;
const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

const names = new ColumnNamesPlugin();

// PostgreSQL writes timestamptz into JSON as 2026-12-01T10:33:03.123456+00:00 (in a UTC session).
// That form is read here with exactly the arithmetic of pg's parser (postgres-date) for the column
// form 2026-12-01 10:33:03.123456+00, fraction included, without its general patterns; any other
// form (another offset, a year beyond 9999) goes to that parser in its column spelling. The form is
// checked character by character rather than by a regular expression: every row of a view has two
// or three of these, and the match array and its strings cost more than the arithmetic.
const UTC_SUFFIX = '+00:00';

/** The value of the decimal digits `text[from..to)`, or -1 if any of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The date of `YYYY-MM-DDTHH:MM:SS[.fraction]+00:00`, or undefined for any other text. */
function utcTimestamp(text: string): Date | undefined {
  const end = text.length - UTC_SUFFIX.length;
  if (end < 19 || !text.endsWith(UTC_SUFFIX)) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let ms = 0;
  if (end > 19) {
    // A fraction: a point and at least one digit, as postgres-date reads it (1000 × parseFloat).
    if (text[19] !== '.' || end === 20 || digits(text, 20, end) < 0) return undefined;
    ms = 1000 * parseFloat(text.slice(19, end));
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

function timestampFromJson(text: string): Date {
  return utcTimestamp(text) ?? parseTimestamp(text.replace('T', ' '));
}

/** The keys of a row type that hold a timestamp (Date or Date | null). */
export type TimestampKeys<Row> = { [K in keyof Row]-?: NonNullable<Row[K]> extends Date ? K : never }[keyof Row];

/**
 * Every timestamp column of a row, listed once. A `Record` over `TimestampKeys`, so a new timestamp
 * column that is not listed fails the type check instead of arriving as a string.
 */
export type TimestampColumns<Row> = Record<TimestampKeys<Row>, true>;

export function rowFromJson<Row>(json: Record<string, unknown>, timestamps: TimestampColumns<Row>): Row {
  const row: Record<string, unknown> = {};
  const keys = Object.keys(json);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = json[key];
    const name = names.toCamel(key);
    row[name] = typeof value === 'string' && name in timestamps ? timestampFromJson(value) : value;
  }
  return row as Row;
}

/** One part of a one-statement read: a scalar subquery yielding JSON, and how to decode it. */
export interface JsonSection<T> {
  /** The subquery, correlated to the dossier whose id is `dossierId` (an SQL reference). */
  select(dossierId: Expression<string>): AliasableExpression<unknown>;
  decode(json: unknown): T;
}

export type SectionResults<S extends Record<string, JsonSection<unknown>>> = { [K in keyof S]: ReturnType<S[K]['decode']> };

/**
 * All rows of `rows` (a subquery) as one JSON array in the given order; `[]` when there are none.
 * `orderBy` names columns of the subquery's output (SQL names, e.g. `created_at, id`).
 */
export function jsonArrayOf(rows: Expression<unknown>, orderBy: string): RawBuilder<unknown> {
  return sql`(select coalesce(json_agg(r order by ${sql.raw(orderBy.split(',').map((c) => `r.${c.trim()}`).join(', '))}), '[]'::json) from ${rows} as r)`;
}

/** The single row of `rows` (a subquery) as a JSON object, or null. */
export function jsonObjectOf(rows: Expression<unknown>): RawBuilder<unknown> {
  return sql`(select to_json(r) from ${rows} as r)`;
}

function timestampValue(value: unknown): unknown {
  return typeof value === 'string' ? timestampFromJson(value) : value;
}

type RowDecoder = (json: Record<string, unknown>) => unknown;

/**
 * `rowFromJson` for objects with exactly these keys, as one object literal: every element of a
 * json_agg has the keys of the same row type in the same order, and rowFromJson's keyed loads and
 * stores with a different key each time go through V8's generic (megamorphic) path. Keys and names
 * come from the schema, never from input, and are written as JSON string literals; undefined when a
 * name would not be an ordinary property of a literal (rowFromJson then decodes).
 */
function compileRowDecoder(keys: readonly string[], timestamps: Record<string, true>): RowDecoder | undefined {
  const fields: string[] = [];
  for (const key of keys) {
    const name = names.toCamel(key);
    if (name === '__proto__') return undefined;
    const value = `json[${JSON.stringify(key)}]`;
    fields.push(`${JSON.stringify(name)}: ${name in timestamps ? `timestampValue(${value})` : value}`);
  }
  return new Function('timestampValue', `return (json) => ({ ${fields.join(', ')} });`)(timestampValue) as RowDecoder;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A section of many rows of one table, decoded as Kysely would return them. */
export function jsonRowsSection<Row>(
  rows: (dossierId: Expression<string>) => Expression<unknown>, orderBy: string, timestamps: TimestampColumns<Row>,
): JsonSection<Row[]> {
  let compiled: { keys: string[]; decode: RowDecoder | undefined } | undefined;
  return {
    select: (dossierId) => jsonArrayOf(rows(dossierId), orderBy),
    decode: (json) => {
      const items = json as Record<string, unknown>[];
      if (items.length === 0) return [];
      // The elements share their keys (one row type); the decoder is made once per key list.
      const keys = Object.keys(items[0] as Record<string, unknown>);
      if (compiled === undefined || !sameKeys(compiled.keys, keys)) {
        compiled = { keys, decode: compileRowDecoder(keys, timestamps as Record<string, true>) };
      }
      const decode = compiled.decode;
      if (decode === undefined) return items.map((item) => rowFromJson<Row>(item, timestamps));
      const result = new Array<Row>(items.length);
      for (let i = 0; i < items.length; i++) result[i] = decode(items[i] as Record<string, unknown>) as Row;
      return result;
    },
  };
}

/** A section of at most one row (a singleton such as the referral), or null. */
export function jsonRowSection<Row>(
  rows: (dossierId: Expression<string>) => Expression<unknown>, timestamps: TimestampColumns<Row>,
): JsonSection<Row | null> {
  return {
    select: (dossierId) => jsonObjectOf(rows(dossierId)),
    decode: (json) => (json === null ? null : rowFromJson<Row>(json as Record<string, unknown>, timestamps)),
  };
}
