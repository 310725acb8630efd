// The evaluator's statistics on the wire. These schemas are an allow-list in the strictest sense:
// a published table is parsed through `statsTableSchema` before it is stored, so nothing outside
// it (an id, a name, a date) can ever be served. Cells name their dimension values as fields.
import { z } from 'zod';
import { SUPPRESSION_REASONS } from '../../domain/suppression.js';
import {
  EXIT_REASONS, LIFE_EVENTS, MEASUREMENT_MOMENTS, REFERRAL_ROUTES, REFERRAL_STATUSES, SOLUTIONS,
} from '../../lib/vocabulary.js';
import {
  BAND_CODES, DIMENSION_NAMES, STATS_KINDS, STATS_TABLE_NAMES, STATS_UNITS, TRAJECT_VALUES,
} from './stats.catalogue.js';
import { PERIOD_PATTERN } from './stats.periods.js';

export const statsTableParams = z.strictObject({ table: z.enum(STATS_TABLE_NAMES) });

// Strict: the period is the only parameter; a fixed catalogue takes no filters.
export const statsTableQuery = z.strictObject({
  period: z.string().regex(PERIOD_PATTERN, 'a quarter YYYY-Qn or a year YYYY, 2000–2099')
    .describe('A quarter (`2025-Q3`) or a year (`2025`), Europe/Amsterdam calendar.'),
});

const publishedNumber = z.number().int().nullable();

export const statsEntrySchema = z.strictObject({
  location: z.string().optional().describe('BuurtWerkKamer name'),
  phase: z.enum(['A', 'B', 'C']).optional(),
  exitReason: z.enum(EXIT_REASONS).optional(),
  solution: z.enum(SOLUTIONS).optional(),
  route: z.enum(REFERRAL_ROUTES).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  traject: z.enum(TRAJECT_VALUES).optional(),
  moment: z.enum(MEASUREMENT_MOMENTS).optional(),
  band: z.enum(BAND_CODES as [string, ...string[]]).optional(),
  lifeEvent: z.enum(LIFE_EVENTS).optional(),
  instrument: z.string().optional().describe('instrument version'),
  item: z.string().optional().describe('item code of the instrument'),
  count: publishedNumber.optional().describe('count tables: rounded to the rounding base; null when suppressed'),
  value: publishedNumber.optional().describe('median tables: the median in the table\'s unit; null when suppressed'),
  suppressed: z.enum(SUPPRESSION_REASONS).optional(),
}).meta({
  id: 'StatsEntry',
  description: 'A cell (every dimension named) or a total (the dimensions summed over are absent).',
});

export const statsMethodSchema = z.strictObject({
  version: z.number().int(),
  minCell: z.number().int(),
  roundingBase: z.number().int(),
  dominanceShare: z.number(),
  medianRoundingEuros: z.number().int(),
  sumRoundingEuros: z.number().int(),
  zeroCounts: z.literal('suppressed'),
  publicationDelayDays: z.number().int(),
  timeZone: z.string(),
}).meta({ id: 'StatsMethod' });

export const statsTableSchema = z.strictObject({
  table: z.enum(STATS_TABLE_NAMES),
  title: z.string(),
  period: z.string(),
  population: z.string().describe('which dossiers count and which date places them in the period'),
  kind: z.enum(STATS_KINDS),
  unit: z.enum(STATS_UNITS),
  method: statsMethodSchema,
  generatedAt: z.string().describe('publication time: when the period was first computed and frozen'),
  dimensions: z.array(z.strictObject({ name: z.enum(DIMENSION_NAMES), values: z.array(z.string()) })),
  cells: z.array(statsEntrySchema),
  totals: z.array(statsEntrySchema),
}).meta({ id: 'StatsTable' });
export type StatsTableBody = z.infer<typeof statsTableSchema>;

export const statsCatalogueSchema = z.object({
  tables: z.array(z.object({
    name: z.enum(STATS_TABLE_NAMES),
    title: z.string(),
    dimensions: z.array(z.enum(DIMENSION_NAMES)),
    kind: z.enum(STATS_KINDS),
    unit: z.enum(STATS_UNITS),
    population: z.string(),
  })),
}).meta({ id: 'StatsCatalogue' });

export const CSV_DESCRIPTION = 'Leading `# key: value` lines carry table, title, period, population, unit, method and '
  + 'generatedAt; then a header `row,<dimensions…>,count|value,suppressed` and one line per cell (`row` = cell) and '
  + 'per total (`row` = total, summed-over dimensions empty). A suppressed figure is empty, its reason in `suppressed`.';

export const statsPeriodListSchema = z.object({
  items: z.array(z.object({
    period: z.string().describe('The value for `?period=`: `2025-Q3` or `2025`.'),
    kind: z.enum(['year', 'quarter']),
    start: z.string().describe('First day of the period (Europe/Amsterdam).'),
    end: z.string().describe('First day after the period.'),
    publishedFrom: z.string().describe('The day it was published, 30 days after it ended.'),
  })),
}).meta({ id: 'StatsPeriodList' });
