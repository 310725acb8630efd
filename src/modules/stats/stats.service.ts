// The evaluator's statistics (docs/domain.md §8): a published period is computed once, frozen in
// stats_publications and from then on served byte for byte, so repeated pulls cannot be
// differenced, whatever later happens to the dossiers. Every pull is audited without a dossier.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { describeMethod, suppressionParameters, type SuppressionParameters } from '../../domain/suppression.js';
import { amsterdamDate } from '../../lib/dates.js';
import { DomainRuleError } from '../../lib/errors.js';
import type { ServiceContext } from '../../core/service-context.js';
import { aggregateTable, listInstrumentItems, listLocationNames } from './stats-aggregates.repository.js';
import { buildTable, type BuildInput, type Dimension } from './stats.build.js';
import { STATS_TABLES, tableDefinition, type StatsTableDefinition, type StatsTableName } from './stats.catalogue.js';
import { renderCsv } from './stats.csv.js';
import {
  PUBLICATION_DELAY_DAYS, STATS_TIME_ZONE, isPublished, parsePeriod, publishedPeriods, type StatsPeriod,
} from './stats.periods.js';
import { findPublication, insertPublication, oldestDossierOpenedAt, type Publication } from './stats.repository.js';
import { statsTableSchema, type StatsTableBody } from './stats.schemas.js';

export type StatsFormat = 'json' | 'csv';

export function statsCatalogue() {
  return {
    tables: STATS_TABLES.map(({ name, title, dimensions, kind, unit, population }) => ({
      name, title, dimensions: [...dimensions], kind, unit, population,
    })),
  };
}

/** The periods that may be asked for now, from the year of the oldest dossier (this year without any). */
export async function statsPeriods(ctx: ServiceContext) {
  const oldest = await oldestDossierOpenedAt(ctx.db);
  const firstYear = Number(amsterdamDate(oldest ?? ctx.now).slice(0, 4));
  return {
    items: publishedPeriods(firstYear, ctx.now).map(({ label, kind, start, end, publishedFrom }) => ({
      period: label, kind, start, end, publishedFrom,
    })),
  };
}

export async function publishedTable(
  ctx: ServiceContext,
  request: { table: StatsTableName; period: string; format: StatsFormat; minCell: number },
): Promise<string> {
  const period = parsePeriod(request.period);
  const audit = (outcome: 'success' | 'failure', computed: boolean) => recordAudit(ctx.db, {
    action: 'stats.read', outcome, actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, requestId: ctx.requestId,
    details: { table: request.table, period: period.label, format: request.format, computed },
  });
  if (!isPublished(period, ctx.now)) {
    await audit('failure', false);
    throw new DomainRuleError('period_not_published',
      `Period ${period.label} is published from ${period.publishedFrom}, ${PUBLICATION_DELAY_DAYS} days after it ends.`);
  }
  let publication = await findPublication(ctx.db, request.table, period.label);
  const computed = publication === undefined;
  if (publication === undefined) publication = await publish(ctx, tableDefinition(request.table), period, request.minCell);
  await audit('success', computed);
  return request.format === 'csv' ? publication.bodyCsv : publication.bodyJson;
}

async function publish(ctx: ServiceContext, definition: StatsTableDefinition, period: StatsPeriod, minCell: number): Promise<Publication> {
  const parameters = suppressionParameters({ minCell });
  const method = { ...describeMethod(parameters), publicationDelayDays: PUBLICATION_DELAY_DAYS, timeZone: STATS_TIME_ZONE };
  // One snapshot for the dimension values and the aggregates, so they describe the same moment.
  const grid = await ctx.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
    .execute(async (trx) => buildTable(await buildInput(trx, definition, period, parameters)));
  const generatedAt = ctx.now;
  // Strict parsing refuses anything the schema does not name: the stored bytes are allow-listed.
  const body: StatsTableBody = statsTableSchema.parse({
    table: definition.name, title: definition.title, period: period.label, population: definition.population,
    kind: definition.kind, unit: definition.unit, method, generatedAt: generatedAt.toISOString(),
    dimensions: grid.dimensions.map((dimension) => ({ name: dimension.name, values: [...dimension.values] })),
    cells: grid.cells, totals: grid.totals,
  });
  await insertPublication(ctx.db, {
    tableName: definition.name, period: period.label, method, generatedAt,
    bodyJson: JSON.stringify(body), bodyCsv: renderCsv(body),
  });
  const stored = await findPublication(ctx.db, definition.name, period.label);
  if (stored === undefined) throw new Error('a publication just written cannot be read back');
  return stored;
}

async function buildInput(
  trx: Kysely<Database>, definition: StatsTableDefinition, period: StatsPeriod, parameters: SuppressionParameters,
): Promise<BuildInput> {
  const name = definition.name as StatsTableName;
  const raw = await aggregateTable(trx, name, period, definition.bands);
  if (name === 'measurement_items') {
    const instruments = (await listInstrumentItems(trx)).sort((a, b) => byCodePoint(a.version, b.version));
    const moments = definition.values.moment ?? [];
    return {
      definition, raw, parameters,
      dimensions: [
        { name: 'instrument', values: instruments.map((instrument) => instrument.version) },
        { name: 'item', values: [...new Set(instruments.flatMap((instrument) => instrument.codes))] },
        { name: 'moment', values: moments },
      ],
      cellKeys: instruments.flatMap((instrument) => instrument.codes.flatMap((code) =>
        moments.map((moment) => [instrument.version, code, moment]))),
    };
  }
  const locations = definition.dimensions.includes('location')
    ? (await listLocationNames(trx)).sort(byCodePoint)
    : [];
  const dimensions: Dimension[] = definition.dimensions.map((dimension) => ({
    name: dimension,
    values: dimension === 'location' ? locations : definition.values[dimension] ?? [],
  }));
  return { definition, raw, parameters, dimensions };
}

// Not localeCompare: the order must not depend on the ICU data of whichever Node computes it.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
