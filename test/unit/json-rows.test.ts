// Rows decoded from JSON must equal the rows pg gives for the same columns read directly, to the
// millisecond, whatever offset PostgreSQL wrote (the fast path for +00:00 changes nothing).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rowFromJson } from '../../src/db/json-rows.js';

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
