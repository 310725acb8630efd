// The evaluator's fixed catalogue (docs/domain.md §8): every table the API can ever
// produce, with its dimensions, the kind of figure and which date places a dossier in a period.
// There are no free filters; a new question is a new entry here, reviewed like code.
//
// Why these shapes: tables that cover the same dossiers share at most a grand total, and a
// one-way table hides its total only when it is small (or homogeneous), the same raw number in
// every table. So no table publishes a margin that another table hides as a complement. The
// T0/T1 band tables are therefore one independent one-way table per moment, not a two-way table
// whose T1 row total would be the exit-reason table's total under another suppression pattern.
import { CREDITOR_COUNT_BANDS, TOTAL_DEBT_BANDS, bandCodes, type Band } from '../../domain/suppression.js';
import {
  EXIT_REASONS, LIFE_EVENTS, REFERRAL_ROUTES, REFERRAL_STATUSES, SOLUTIONS, TRAJECTS,
} from '../../lib/vocabulary.js';

export const DIMENSION_NAMES = [
  'location', 'phase', 'exitReason', 'solution', 'route', 'status', 'traject', 'moment', 'band', 'lifeEvent',
  'instrument', 'item',
] as const;
export type DimensionName = (typeof DIMENSION_NAMES)[number];

export const STATS_KINDS = ['count', 'money', 'median'] as const;
export type StatsKind = (typeof STATS_KINDS)[number];

export const STATS_UNITS = ['dossiers', 'mentions', 'days', 'euros', 'creditors', 'score'] as const;
export type StatsUnit = (typeof STATS_UNITS)[number];

/**
 * How count tables are suppressed: one table, a two-way table with margins, or one independent
 * one-way table per value of the first dimension (its totals are per group, no grand total).
 */
export type CountLayout = 'one_way' | 'two_way' | 'per_group';

/** Dimension values known without the database; location, instrument and item come from it. */
export type StaticValues = Partial<Record<DimensionName, readonly string[]>>;

export interface StatsTableDefinition {
  readonly name: string;
  readonly title: string;
  readonly dimensions: readonly DimensionName[];
  readonly kind: StatsKind;
  readonly unit: StatsUnit;
  readonly layout?: CountLayout;
  /** A dimension whose value is a sensitive outcome: a group sharing one value is hidden whole. */
  readonly sensitiveDimension?: DimensionName;
  readonly values: StaticValues;
  /** Band tables: the bands their values are counted into (domain/suppression/bands.ts). */
  readonly bands?: readonly Band[];
  /** Which dossiers count and which date places each in a period; shown to the evaluator. */
  readonly population: string;
}

export const NOT_CHOSEN_TRAJECT = 'not_chosen';
const SNAPSHOT_MOMENTS = ['T0', 'T1'] as const;
const MEASUREMENT_MOMENTS = ['T0', 'T1', 'T2'] as const;
const PHASES_REACHED = ['A', 'B', 'C'] as const;

const CONSENT = 'Only dossiers whose consent includes the statistics opt-in and was not withdrawn.';
const SNAPSHOTS = 'T0 is captured at the first B → C transition, T1 at closing; each is placed in the period in '
  + 'which it was captured, so the two moments are not the same dossiers.';

export const STATS_TABLES = [
  {
    name: 'dossiers_started',
    title: 'Dossiers started, by location',
    dimensions: ['location'], kind: 'count', unit: 'dossiers', layout: 'one_way', values: {},
    population: `Dossiers opened in the period (opening date); the total is the whole programme. ${CONSENT}`,
  },
  {
    name: 'phase_reached',
    title: 'Furthest phase reached by the end of the period, of the dossiers started in it',
    dimensions: ['phase'], kind: 'count', unit: 'dossiers', layout: 'one_way', values: { phase: PHASES_REACHED },
    population: 'Dossiers opened in the period (opening date), by the furthest of phases A, B and C entered before '
      + `the period ended; a closed dossier counts under the furthest phase it had entered. ${CONSENT}`,
  },
  {
    name: 'exit_reasons',
    title: 'Exit reasons of dossiers closed in the period',
    dimensions: ['exitReason'], kind: 'count', unit: 'dossiers', layout: 'one_way', sensitiveDimension: 'exitReason',
    values: { exitReason: EXIT_REASONS },
    population: `Dossiers closed in the period (closing date). ${CONSENT}`,
  },
  {
    name: 'solutions',
    title: 'Solutions of dossiers closed in the period',
    dimensions: ['solution'], kind: 'count', unit: 'dossiers', layout: 'one_way', sensitiveDimension: 'solution',
    values: { solution: SOLUTIONS },
    population: `Dossiers closed in the period (closing date) with a recorded solution. ${CONSENT}`,
  },
  {
    name: 'referrals_by_route_status',
    title: 'Referrals to formal debt help by route and status',
    dimensions: ['route', 'status'], kind: 'count', unit: 'dossiers', layout: 'two_way', sensitiveDimension: 'status',
    values: { route: REFERRAL_ROUTES, status: REFERRAL_STATUSES },
    population: 'Referrals whose referral date lies in the period; referrals without a referral date are not counted. '
      + `Status as recorded when the table was first computed for the period (frozen from then on). ${CONSENT}`,
  },
  {
    name: 'referrals_by_traject',
    title: 'Referrals to formal debt help by the traject chosen',
    dimensions: ['traject'], kind: 'count', unit: 'dossiers', layout: 'one_way', sensitiveDimension: 'traject',
    values: { traject: [...TRAJECTS, NOT_CHOSEN_TRAJECT] },
    population: 'Referrals whose referral date lies in the period; the traject as recorded when the table was first '
      + `computed for the period, ${NOT_CHOSEN_TRAJECT} when none was recorded yet. ${CONSENT}`,
  },
  {
    name: 'days_per_phase',
    title: 'Median days per phase',
    dimensions: ['phase'], kind: 'median', unit: 'days', values: { phase: PHASES_REACHED },
    population: 'Per phase, the calendar days from first entering it to first leaving it (to any phase, closing '
      + 'included), placed in the period in which the phase was left; phases not yet left are not counted. '
      + CONSENT,
  },
  {
    name: 'total_debt_median',
    title: 'Median total debt at T0 and T1 (euros)',
    dimensions: ['moment'], kind: 'money', unit: 'euros', values: { moment: SNAPSHOT_MOMENTS },
    population: `${SNAPSHOTS} ${CONSENT}`,
  },
  {
    name: 'creditor_count_median',
    title: 'Median number of creditors at T0 and T1',
    dimensions: ['moment'], kind: 'median', unit: 'creditors', values: { moment: SNAPSHOT_MOMENTS },
    population: `${SNAPSHOTS} ${CONSENT}`,
  },
  {
    name: 'total_debt_bands',
    title: 'Total debt at T0 and T1 in bands',
    dimensions: ['moment', 'band'], kind: 'count', unit: 'dossiers', layout: 'per_group', sensitiveDimension: 'band',
    values: { moment: SNAPSHOT_MOMENTS, band: bandCodes(TOTAL_DEBT_BANDS) }, bands: TOTAL_DEBT_BANDS,
    population: `${SNAPSHOTS} Band limits are in whole euros. ${CONSENT}`,
  },
  {
    name: 'creditor_count_bands',
    title: 'Number of creditors at T0 and T1 in bands',
    dimensions: ['moment', 'band'], kind: 'count', unit: 'dossiers', layout: 'per_group', sensitiveDimension: 'band',
    values: { moment: SNAPSHOT_MOMENTS, band: bandCodes(CREDITOR_COUNT_BANDS) }, bands: CREDITOR_COUNT_BANDS,
    population: `${SNAPSHOTS} ${CONSENT}`,
  },
  {
    name: 'life_events',
    title: 'Life events behind the debts, of the dossiers started in the period',
    dimensions: ['lifeEvent'], kind: 'count', unit: 'mentions', layout: 'one_way', sensitiveDimension: 'lifeEvent',
    values: { lifeEvent: LIFE_EVENTS },
    population: 'Dossiers opened in the period (opening date) that name each life event. A dossier may name several, '
      + `so the total counts mentions, not dossiers. ${CONSENT}`,
  },
  {
    name: 'measurement_items',
    title: 'Median score per measurement item at T0, T1 and T2',
    dimensions: ['instrument', 'item', 'moment'], kind: 'median', unit: 'score', values: { moment: MEASUREMENT_MOMENTS },
    population: 'Per instrument version, item and moment, the median score of the measurements last recorded in '
      + `the period. ${CONSENT}`,
  },
] as const satisfies readonly StatsTableDefinition[];

export type StatsTableName = (typeof STATS_TABLES)[number]['name'];

export const STATS_TABLE_NAMES = STATS_TABLES.map((table) => table.name) as [StatsTableName, ...StatsTableName[]];

export function tableDefinition(name: StatsTableName): StatsTableDefinition {
  const definition = STATS_TABLES.find((table) => table.name === name);
  if (definition === undefined) throw new RangeError(`no statistics table ${name}`);
  return definition;
}

/** Every band code either band table uses, for the response schema. */
export const BAND_CODES = [...new Set([...bandCodes(TOTAL_DEBT_BANDS), ...bandCodes(CREDITOR_COUNT_BANDS)])];

export const TRAJECT_VALUES = [...TRAJECTS, NOT_CHOSEN_TRAJECT] as const;
