// The aggregate SQL behind each catalogue table. Every query returns counts per cell, or per cell
// the list of values a median needs (array_agg); never a row per dossier and never an id. The
// lists stay inside the stats service, which publishes only what the disclosure rules allow.
//
// Periods are Amsterdam calendar days: [start, end) as local midnight, so a dossier opened at
// 00:30 on 1 April in Amsterdam belongs to Q2 although it is still 31 March in UTC.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { StatsTableName } from './stats.catalogue.js';

export interface PeriodBounds {
  /** 'YYYY-MM-DD', first day of the period. */
  readonly start: string;
  /** 'YYYY-MM-DD', first day after the period. */
  readonly end: string;
}

/** A cell's key (dimension values in catalogue order) with its raw count or its values. */
export interface RawCell {
  readonly key: readonly string[];
  readonly count?: number;
  readonly values?: readonly number[];
}

interface Row {
  k1: string;
  k2?: string;
  k3?: string;
  n?: number;
  vals?: (number | string)[];
}

/** A band as the band tables count it: from this lower limit (inclusive) up to the next band's. */
export interface BandLimit {
  readonly code: string;
  readonly fromInclusive: number;
}

type Aggregate = (db: Kysely<Database>, bounds: PeriodBounds, bands: readonly BandLimit[]) => Promise<RawCell[]>;

// docs/privacy.md: dossiers without the statistics opt-in, or whose consent was withdrawn, are left out.
const OPTED_IN = sql`d.consent_statistics_opt_in IS TRUE AND d.consent_withdrawn_at IS NULL`;

function localMidnight(date: string): RawBuilder<unknown> {
  return sql`(${date}::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
}

function inPeriod(column: RawBuilder<unknown>, bounds: PeriodBounds): RawBuilder<unknown> {
  return sql`${column} >= ${localMidnight(bounds.start)} AND ${column} < ${localMidnight(bounds.end)}`;
}

function localDate(column: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(${column} AT TIME ZONE 'Europe/Amsterdam')::date`;
}

const col = (name: string) => sql.raw(name);

async function cells(db: Kysely<Database>, query: RawBuilder<Row>): Promise<RawCell[]> {
  const { rows } = await query.execute(db);
  return rows.map((row) => {
    const key = [row.k1, row.k2, row.k3].filter((part): part is string => part !== undefined && part !== null);
    // int8 and numeric arrays may arrive as text; every value is a whole number by construction.
    return row.vals === undefined ? { key, count: Number(row.n) } : { key, values: row.vals.map(Number) };
  });
}

// width_bucket counts how many lower limits a value has reached: 0 for the first band, and so on.
function bandOf(column: RawBuilder<unknown>, bands: readonly BandLimit[]): RawBuilder<unknown> {
  if (bands.length === 0) throw new RangeError('a band table needs its bands');
  const limits = bands.slice(1).map((band) => band.fromInclusive);
  return sql`(${bands.map((band) => band.code)}::text[])[width_bucket(${column}, ${limits}::bigint[]) + 1]`;
}

const AGGREGATES: Record<StatsTableName, Aggregate> = {
  dossiers_started: (db, bounds) => cells(db, sql<Row>`
    SELECT l.name AS k1, count(*)::int AS n
    FROM dossiers d JOIN locations l ON l.id = d.location_id
    WHERE ${OPTED_IN} AND ${inPeriod(col('d.opened_at'), bounds)}
    GROUP BY l.name`),

  // Furthest of A, B, C entered before the period ended; the closing step itself ranks nowhere.
  phase_reached: (db, bounds) => cells(db, sql<Row>`
    SELECT (ARRAY['A', 'B', 'C'])[furthest] AS k1, count(*)::int AS n
    FROM (
      SELECT d.id, coalesce(max(CASE t.to_phase WHEN 'B' THEN 2 WHEN 'C' THEN 3 END), 1) AS furthest
      FROM dossiers d
      LEFT JOIN dossier_transitions t ON t.dossier_id = d.id AND t.at < ${localMidnight(bounds.end)}
      WHERE ${OPTED_IN} AND ${inPeriod(col('d.opened_at'), bounds)}
      GROUP BY d.id
    ) reached
    GROUP BY furthest`),

  exit_reasons: (db, bounds) => cells(db, sql<Row>`
    SELECT d.exit_reason AS k1, count(*)::int AS n
    FROM dossiers d
    WHERE ${OPTED_IN} AND d.exit_reason IS NOT NULL AND ${inPeriod(col('d.closed_at'), bounds)}
    GROUP BY d.exit_reason`),

  solutions: (db, bounds) => cells(db, sql<Row>`
    SELECT d.solution AS k1, count(*)::int AS n
    FROM dossiers d
    WHERE ${OPTED_IN} AND d.solution IS NOT NULL AND ${inPeriod(col('d.closed_at'), bounds)}
    GROUP BY d.solution`),

  // referred_at is a calendar date already, so it compares with the period's days directly.
  referrals_by_route_status: (db, bounds) => cells(db, sql<Row>`
    SELECT r.route AS k1, r.status AS k2, count(*)::int AS n
    FROM referrals r JOIN dossiers d ON d.id = r.dossier_id
    WHERE ${OPTED_IN} AND r.referred_at >= ${bounds.start}::date AND r.referred_at < ${bounds.end}::date
    GROUP BY r.route, r.status`),

  referrals_by_traject: (db, bounds) => cells(db, sql<Row>`
    SELECT coalesce(r.traject, 'not_chosen') AS k1, count(*)::int AS n
    FROM referrals r JOIN dossiers d ON d.id = r.dossier_id
    WHERE ${OPTED_IN} AND r.referred_at >= ${bounds.start}::date AND r.referred_at < ${bounds.end}::date
    GROUP BY 1`),

  // One pass over the transitions: a phase can only be left after it was entered, so the first
  // exit is simply the earliest transition out of it. A is entered when the dossier opens. Only
  // dossiers that left some phase in the period can count, which halves the work on 100 000.
  days_per_phase: (db, bounds) => cells(db, sql<Row>`
    WITH marks AS (
      SELECT d.id, d.opened_at AS a_in,
        min(t.at) FILTER (WHERE t.from_phase = 'A') AS a_out,
        min(t.at) FILTER (WHERE t.to_phase = 'B') AS b_in,
        min(t.at) FILTER (WHERE t.from_phase = 'B') AS b_out,
        min(t.at) FILTER (WHERE t.to_phase = 'C') AS c_in,
        min(t.at) FILTER (WHERE t.from_phase = 'C') AS c_out
      FROM dossiers d JOIN dossier_transitions t ON t.dossier_id = d.id
      WHERE ${OPTED_IN} AND d.id IN (
        SELECT x.dossier_id FROM dossier_transitions x WHERE x.from_phase <> 'closed' AND ${inPeriod(col('x.at'), bounds)})
      GROUP BY d.id, d.opened_at
    ), stays AS (
      SELECT 'A' AS phase, a_in AS entered, a_out AS left_at FROM marks
      UNION ALL SELECT 'B', b_in, b_out FROM marks
      UNION ALL SELECT 'C', c_in, c_out FROM marks
    )
    SELECT phase AS k1, array_agg(${localDate(col('left_at'))} - ${localDate(col('entered'))}) AS vals
    FROM stays
    WHERE entered IS NOT NULL AND ${inPeriod(col('left_at'), bounds)}
    GROUP BY phase`),

  total_debt_median: (db, bounds) => cells(db, sql<Row>`
    SELECT s.moment AS k1, array_agg(s.total_debt_cents) AS vals
    FROM debt_snapshots s JOIN dossiers d ON d.id = s.dossier_id
    WHERE ${OPTED_IN} AND ${inPeriod(col('s.taken_at'), bounds)}
    GROUP BY s.moment`),

  creditor_count_median: (db, bounds) => cells(db, sql<Row>`
    SELECT s.moment AS k1, array_agg(s.creditor_count) AS vals
    FROM debt_snapshots s JOIN dossiers d ON d.id = s.dossier_id
    WHERE ${OPTED_IN} AND ${inPeriod(col('s.taken_at'), bounds)}
    GROUP BY s.moment`),

  total_debt_bands: (db, bounds, bands) => cells(db, sql<Row>`
    SELECT s.moment AS k1, ${bandOf(col('s.total_debt_cents'), bands)} AS k2, count(*)::int AS n
    FROM debt_snapshots s JOIN dossiers d ON d.id = s.dossier_id
    WHERE ${OPTED_IN} AND ${inPeriod(col('s.taken_at'), bounds)}
    GROUP BY 1, 2`),

  creditor_count_bands: (db, bounds, bands) => cells(db, sql<Row>`
    SELECT s.moment AS k1, ${bandOf(col('s.creditor_count'), bands)} AS k2, count(*)::int AS n
    FROM debt_snapshots s JOIN dossiers d ON d.id = s.dossier_id
    WHERE ${OPTED_IN} AND ${inPeriod(col('s.taken_at'), bounds)}
    GROUP BY 1, 2`),

  life_events: (db, bounds) => cells(db, sql<Row>`
    SELECT e.event AS k1, count(DISTINCT d.id)::int AS n
    FROM dossiers d
    JOIN dossier_stories s ON s.dossier_id = d.id
    CROSS JOIN LATERAL unnest(s.life_events) AS e(event)
    WHERE ${OPTED_IN} AND ${inPeriod(col('d.opened_at'), bounds)}
    GROUP BY e.event`),

  measurement_items: (db, bounds) => cells(db, sql<Row>`
    SELECT m.instrument_version AS k1, i.key AS k2, m.moment AS k3, array_agg(i.value::int) AS vals
    FROM measurements m
    JOIN dossiers d ON d.id = m.dossier_id
    CROSS JOIN LATERAL jsonb_each_text(m.items) AS i(key, value)
    WHERE ${OPTED_IN} AND ${inPeriod(col('m.recorded_at'), bounds)}
    GROUP BY 1, 2, 3`),
};

/** `bands`: the band tables' limits (the domain's, passed in: a repository knows SQL, not rules). */
export function aggregateTable(
  db: Kysely<Database>, table: StatsTableName, bounds: PeriodBounds, bands: readonly BandLimit[] = [],
): Promise<RawCell[]> {
  return AGGREGATES[table](db, bounds, bands);
}

/** Location names, the values of the location dimension, whether or not they have dossiers. */
export async function listLocationNames(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('locations').select('name').execute();
  return rows.map((row) => row.name);
}

/** Instrument versions with their item codes, the measurement table's cells. */
export async function listInstrumentItems(db: Kysely<Database>): Promise<{ version: string; codes: string[] }[]> {
  const rows = await db.selectFrom('instruments').select(['version', 'items']).execute();
  return rows.map((row) => ({ version: row.version, codes: row.items.map((item) => item.code) }));
}
