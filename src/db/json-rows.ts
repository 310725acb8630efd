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
// form (another offset, a year beyond 9999) goes to that parser in its column spelling.
const UTC_JSON_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?\+00:00$/;

function timestampFromJson(text: string): Date {
  const parts = UTC_JSON_TIMESTAMP.exec(text);
  if (parts === null) return parseTimestamp(text.replace('T', ' '));
  const [, year, month, day, hour, minute, second, fraction] = parts as unknown as string[];
  const ms = fraction ? 1000 * parseFloat(fraction) : 0;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms));
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

/** A section of many rows of one table, decoded as Kysely would return them. */
export function jsonRowsSection<Row>(
  rows: (dossierId: Expression<string>) => Expression<unknown>, orderBy: string, timestamps: TimestampColumns<Row>,
): JsonSection<Row[]> {
  return {
    select: (dossierId) => jsonArrayOf(rows(dossierId), orderBy),
    decode: (json) => (json as Record<string, unknown>[]).map((item) => rowFromJson<Row>(item, timestamps)),
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
