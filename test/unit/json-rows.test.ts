// Rows decoded from JSON must equal the rows pg gives for the same columns read directly, to the
// millisecond, whatever offset PostgreSQL wrote (the fast path for +00:00 changes nothing).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { jsonRowsSection, rowFromJson } from '../../src/db/json-rows.js';

const parseColumn = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;

interface Row { createdAt: Date; doneAt: Date | null; dueDate: string; scoreV2: number }
const timestamps = { createdAt: true, doneAt: true } as const;

describe('rowFromJson', () => {
  it.each([
    ['2026-12-01T10:33:03.123456+00:00', '2026-12-01 10:33:03.123456+00'],
    ['2026-12-01T10:33:03.029+00:00', '2026-12-01 10:33:03.029+00'],
    ['2026-03-29T01:59:59.999999+00:00', '2026-03-29 01:59:59.999999+00'],
    ['2026-12-01T10:33:03+00:00', '2026-12-01 10:33:03+00'],
    ['2026-12-01T11:33:03.5+01:00', '2026-12-01 11:33:03.5+01'],
    ['2026-12-01T05:03:03.25-05:30', '2026-12-01 05:03:03.25-05:30'],
    // PostgreSQL drops a fraction's trailing zeros; a year before 1000 or after 9999 (the latter not on the fast path).
    ['2026-12-01T10:33:03.57+00:00', '2026-12-01 10:33:03.57+00'],
    ['0999-12-01T10:33:03.1+00:00', '0999-12-01 10:33:03.1+00'],
    ['12026-12-01T10:33:03+00:00', '12026-12-01 10:33:03+00'],
  ])('reads %s as pg reads the column %s', (json, column) => {
    const row = rowFromJson<Row>({ created_at: json, done_at: null, due_date: '2026-01-02', score_v2: 3 }, timestamps);
    expect(row.createdAt.getTime()).toBe(parseColumn(column).getTime());
    expect(row).toEqual({ createdAt: parseColumn(column), doneAt: null, dueDate: '2026-01-02', scoreV2: 3 });
  });

  it('reads any UTC timestamp exactly as pg reads its column form (random instants and fractions)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 5_000; i++) {
      const instant = new Date(Date.UTC(1900, 0, 1) + Math.floor(next() * 200 * 365.25 * 86_400_000)).toISOString().slice(0, 19);
      const digits = Math.floor(next() * 7);
      const fraction = digits === 0 ? '' : `.${String(Math.floor(next() * 10 ** digits)).padStart(digits, '0')}`;
      const json = `${instant}${fraction}+00:00`;
      const row = rowFromJson<Row>({ created_at: json, done_at: null, due_date: '2026-01-02', score_v2: 1 }, timestamps);
      expect(row.createdAt.getTime(), json).toBe(parseColumn(`${json.replace('T', ' ').slice(0, -3)}`).getTime());
    }
  });

  it('names keys as the CamelCasePlugin does, the same on every row', () => {
    for (let i = 0; i < 3; i++) {
      expect(Object.keys(rowFromJson<Row>({ created_at: '2026-12-01T10:33:03+00:00', household_age_band: 'x', score_v2: 1 }, timestamps)))
        .toEqual(['createdAt', 'householdAgeBand', 'scoreV2']);
    }
  });
});

describe('jsonRowsSection', () => {
  it('decodes every element as rowFromJson does, also when the keys change between reads', () => {
    const section = jsonRowsSection<Row>(() => { throw new Error('not selected here'); }, 'created_at', timestamps);
    const first = [
      { created_at: '2026-12-01T10:33:03.123456+00:00', done_at: null, due_date: '2026-01-02', score_v2: 1 },
      { created_at: '2026-12-01T11:33:03.5+01:00', done_at: '2026-12-02T10:00:00+00:00', due_date: '2026-01-03', score_v2: 2 },
    ];
    const second = [{ score_v2: 3, created_at: '2026-12-01T10:33:03+00:00', __proto__x: 1, constructor: 'c' }];
    for (const items of [first, first, second, first, []]) {
      const decoded = section.decode(items);
      const expected = items.map((item) => rowFromJson<Row>(item, timestamps));
      expect(decoded).toEqual(expected);
      expect(decoded.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
    }
  });
});
