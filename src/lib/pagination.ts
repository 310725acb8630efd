// Keyset pagination for every list (docs/api.md): `{items, nextCursor}`, sorted by creation time
// then id, `limit` 1-200 (default 50), and an opaque cursor naming the last row of the page before.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** The last row of a page: its creation time as exact UTC text (microseconds) and its id. */
export interface Cursor {
  readonly createdAt: string;
  readonly id: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
// Row ids are UUIDs, or whole numbers in the append-only audit table.
const ROW_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18})$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor, or undefined when the text is not one this API wrote. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [createdAt, id] = value as unknown[];
  if (typeof createdAt !== 'string' || !CURSOR_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return undefined;
  if (typeof id !== 'string' || !ROW_ID.test(id)) return undefined;
  return { createdAt, id };
}

/** Spread into a route's strict query schema: `z.strictObject({ ...pageQueryShape, role: … })`. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT)
    .describe(`Page size, 1-${PAGE_LIMIT_MAX}`),
  cursor: z.string().max(200).optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const cursor = decodeCursor(text);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'Not a cursor from this API.' });
        return z.NEVER;
      }
      return cursor;
    })
    .describe('The nextCursor of the previous page'),
};

export const PageQuery = z.strictObject(pageQueryShape);
export type PageRequest = z.output<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A row's creation time as exact UTC text. A JavaScript Date keeps milliseconds only, and a cursor
 * rounded below the row's microseconds would hand the same row out again on the next page.
 */
export function cursorTime(createdAtColumn: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(createdAtColumn)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor in (created_at, id) order; one row comparison, so an index serves it. */
export function afterCursor(createdAtColumn: string, idColumn: string, cursor: Cursor, idType: 'uuid' | 'bigint' = 'uuid'): RawBuilder<SqlBool> {
  // A cursor of the wrong id kind can only come from another list; it matches nothing there.
  if ((idType === 'uuid') !== cursor.id.includes('-')) return sql<SqlBool>`false`;
  const id = idType === 'uuid' ? sql`${cursor.id}::uuid` : sql`${cursor.id}::bigint`;
  return sql<SqlBool>`(${sql.ref(createdAtColumn)}, ${sql.ref(idColumn)}) > (${cursor.createdAt}::timestamptz, ${id})`;
}

/**
 * The page from rows fetched with `limit + 1`: the extra row only says there is a next page.
 * `cursorOf` reads the row's cursor (select `cursorTime(…)` beside the row's columns).
 */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => Cursor, view: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
