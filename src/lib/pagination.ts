// Keyset pagination for every list (DESIGN.md §3): `{items, nextCursor}`, sorted by creation time
// then id, `limit` 1-200 (default 50). The cursor is opaque to clients and checked strictly.
import { z } from 'zod';
import { BadRequestError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

// Row ids are UUIDs, or whole numbers for the append-only audit table.
const ROW_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18})$/;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime()) && ROW_ID.test(parsed[1])) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the one error below
  }
  throw new BadRequestError('invalid_cursor', 'The cursor is not one this API handed out.', {
    errors: [{ pointer: '/querystring/cursor', code: 'invalid_cursor', detail: 'Use nextCursor from the previous page.' }],
  });
}

/** Repositories fetch `limit + 1` rows; the extra one only tells whether another page exists. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  position: (row: Row) => CursorPosition,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null,
  };
}

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
