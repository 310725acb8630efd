import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, PageQuery, toPage } from '../../src/lib/pagination.js';

const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('pagination', () => {
  it('round-trips a cursor and refuses anything it did not write', () => {
    const cursor = { createdAt: '2026-11-22T10:00:00.123456Z', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'not a cursor', encodeCursor({ createdAt: 'yesterday', id: ID }), encodeCursor({ createdAt: cursor.createdAt, id: 'x' }),
      Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
  });

  it('reads limit and cursor from a query string: default 50, 1-200, bad values refused', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 50, cursor: undefined });
    expect(PageQuery.parse({ limit: '200' }).limit).toBe(200);
    for (const query of [{ limit: '0' }, { limit: '201' }, { limit: '1.5' }, { limit: 'ten' }, { cursor: 'garbage!' }, { other: '1' }]) {
      expect(PageQuery.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
    const cursor = encodeCursor({ createdAt: '2026-11-22T10:00:00.000000Z', id: ID });
    expect(PageQuery.parse({ cursor }).cursor).toEqual({ createdAt: '2026-11-22T10:00:00.000000Z', id: ID });
  });

  it('gives a next cursor only when the extra row shows there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ n, cursorTime: `2026-11-22T10:00:0${n}.000000Z`, id: ID }));
    const full = toPage(rows, 2, (r) => ({ createdAt: r.cursorTime, id: r.id }), (r) => r.n);
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor as string)?.createdAt).toBe('2026-11-22T10:00:02.000000Z');
    expect(toPage(rows, 3, (r) => ({ createdAt: r.cursorTime, id: r.id }), (r) => r.n).nextCursor).toBeNull();
  });
});
