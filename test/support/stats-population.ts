// Generated populations for the statistics tests: a plain model of dossiers (day offsets from the
// start of a period, at noon UTC so the Amsterdam date is the same day), a fast-check arbitrary,
// a bulk insert, and an oracle that computes each table's raw figures from the model in plain
// TypeScript, independently of the SQL under test.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { CREDITOR_COUNT_BANDS, TOTAL_DEBT_BANDS, bandOf } from '../../src/domain/suppression.js';
import type { StatsTableName } from '../../src/modules/stats/stats.catalogue.js';
import {
  EXIT_REASONS, LIFE_EVENTS, REFERRAL_ROUTES, REFERRAL_STATUSES, SOLUTIONS, TRAJECTS,
  type ExitReason, type LifeEvent, type Phase, type ReferralRoute, type ReferralStatus, type Solution, type Traject,
} from '../../src/lib/vocabulary.js';

export interface Step { from: Phase; to: Phase; day: number }

export interface ModelDossier {
  location: number;
  optIn: boolean | null;
  withdrawn: boolean;
  opened: number;
  steps: Step[];
  exit: { reason: ExitReason; solution: Solution } | null;
  snapshots: { moment: 'T0' | 'T1'; day: number; totalDebtCents: number; creditorCount: number }[];
  referral: { route: ReferralRoute; status: ReferralStatus; traject: Traject | null; day: number | null } | null;
  lifeEvents: LifeEvent[];
  measurements: { moment: 'T0' | 'T1' | 'T2'; day: number; items: Record<string, number> }[];
}

export const INSTRUMENT = {
  version: 'prop-1',
  items: [{ code: 'stress', minScore: 1, maxScore: 5 }, { code: 'regie', minScore: 0, maxScore: 10 }],
} as const;

/**
 * Pools shared by a whole population: a pool of one makes homogeneous groups (one outcome for
 * all), a full pool makes lines without zeros, where complementary suppression has to act.
 */
const poolsArb = fc.record({
  exitReasons: fc.subarray([...EXIT_REASONS], { minLength: 1 }),
  solutions: fc.subarray([...SOLUTIONS], { minLength: 1 }),
  routes: fc.subarray([...REFERRAL_ROUTES], { minLength: 1 }),
  statuses: fc.subarray([...REFERRAL_STATUSES], { minLength: 1 }),
  trajects: fc.subarray([...TRAJECTS, null], { minLength: 1 }),
  lifeEvents: fc.subarray([...LIFE_EVENTS], { minLength: 1 }),
  stress: fc.subarray([1, 2, 3, 4, 5], { minLength: 1, maxLength: 3 }),
  locations: fc.integer({ min: 1, max: 3 }),
});

type Pools = typeof poolsArb extends fc.Arbitrary<infer P> ? P : never;

// Mostly ordinary debts, now and then one far larger than the rest (the dominance rule's case).
const debtArb = fc.oneof(
  { weight: 50, arbitrary: fc.integer({ min: 0, max: 3_000_000 }) },
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000_000, max: 200_000_000 }) },
);

function dossierArb(pools: Pools): fc.Arbitrary<ModelDossier> {
  return fc.record({
    location: fc.nat(pools.locations - 1),
    optIn: fc.oneof({ weight: 17, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(null) }),
    withdrawn: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    opened: fc.integer({ min: -30, max: 100 }),
    gaps: fc.array(fc.integer({ min: 0, max: 45 }), { minLength: 6, maxLength: 6 }),
    reach: fc.constantFrom('A', 'B', 'C', 'C'),
    backStep: fc.boolean(),
    close: fc.boolean(),
    exitReason: fc.constantFrom(...pools.exitReasons),
    solution: fc.constantFrom(...pools.solutions),
    debts: fc.tuple(debtArb, debtArb),
    creditors: fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 })),
    referral: fc.option(fc.record({
      route: fc.constantFrom(...pools.routes), status: fc.constantFrom(...pools.statuses),
      traject: fc.constantFrom(...pools.trajects), gap: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }),
    }), { freq: 4 }),
    lifeEvents: fc.subarray(pools.lifeEvents),
    stress: fc.array(fc.constantFrom(...pools.stress), { minLength: 3, maxLength: 3 }),
    regie: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
  }).map((d) => {
    const steps: Step[] = [];
    let day = d.opened;
    let phase: Phase = 'A';
    const step = (to: Phase, gap: number) => {
      day += gap;
      steps.push({ from: phase, to, day });
      phase = to;
    };
    const snapshots: ModelDossier['snapshots'] = [];
    if (d.reach !== 'A') {
      step('B', d.gaps[0] ?? 0);
      if (d.backStep && d.reach === 'B') {
        step('A', d.gaps[1] ?? 0);
        step('B', d.gaps[2] ?? 0);
      }
      if (d.reach === 'C') {
        step('C', d.gaps[1] ?? 0);
        snapshots.push({ moment: 'T0', day, totalDebtCents: d.debts[0], creditorCount: d.creditors[0] });
        if (d.backStep) {
          step('B', d.gaps[2] ?? 0);
          step('C', d.gaps[3] ?? 0);
        }
      }
    }
    // Any dossier may be referred here (in practice from phase C): enough referrals for the
    // two-way table to need complementary suppression.
    const referral = d.referral
      ? { route: d.referral.route, status: d.referral.status, traject: d.referral.traject, day: d.referral.gap === null ? null : d.opened + d.referral.gap }
      : null;
    let exit: ModelDossier['exit'] = null;
    if (d.close) {
      step('closed', d.gaps[4] ?? 0);
      exit = { reason: d.exitReason, solution: d.solution };
      snapshots.push({ moment: 'T1', day, totalDebtCents: d.debts[1], creditorCount: d.creditors[1] });
    }
    const measurements: ModelDossier['measurements'] = [
      { moment: 'T0', day: d.opened + (d.gaps[5] ?? 0) % 10, items: { stress: d.stress[0] ?? 1, regie: d.regie[0] ?? 0 } },
    ];
    if (exit) {
      measurements.push({ moment: 'T1', day, items: { stress: d.stress[1] ?? 1, regie: d.regie[1] ?? 0 } });
      measurements.push({ moment: 'T2', day: day + 20 + (d.gaps[5] ?? 0), items: { stress: d.stress[2] ?? 1 } });
    }
    return {
      location: d.location, optIn: d.optIn, withdrawn: d.withdrawn, opened: d.opened, steps, exit, snapshots,
      referral, lifeEvents: d.lifeEvents, measurements,
    };
  });
}

// Mostly populations large enough for published cells at k = 5 (fast-check's default sizes would
// give a dozen dossiers, every cell hidden, and prove little), sometimes tiny ones.
export const populationArb: fc.Arbitrary<ModelDossier[]> = poolsArb.chain((pools) => fc.oneof(
  { weight: 4, arbitrary: fc.array(dossierArb(pools), { minLength: 40, maxLength: 220, size: 'max' }) },
  { weight: 1, arbitrary: fc.array(dossierArb(pools), { maxLength: 30 }) },
));

// ---- into the database ------------------------------------------------------------------------

export interface PopulationWorld {
  /** Location ids in model order; one more location than the model uses never has a dossier. */
  locations: { id: string; name: string }[];
  residentId: string;
  /** First day of the period the model's day offsets count from. */
  periodStart: Date;
}

export function dayTime(world: PopulationWorld, day: number): Date {
  return new Date(world.periodStart.getTime() + day * 86_400_000 + 12 * 3_600_000);
}

function isoDay(world: PopulationWorld, day: number): string {
  return dayTime(world, day).toISOString().slice(0, 10);
}

export async function insertPopulation(app: FastifyInstance, world: PopulationWorld, dossiers: readonly ModelDossier[]): Promise<string[]> {
  const db = app.db;
  const ids = dossiers.map(() => randomUUID());
  if (dossiers.length === 0) return ids;
  await db.insertInto('dossiers').values(dossiers.map((d, i) => {
    const last = d.steps.at(-1);
    const opened = dayTime(world, d.opened);
    return {
      id: ids[i] as string,
      residentId: world.residentId,
      locationId: world.locations[d.location]?.id as string,
      phase: last?.to ?? 'A',
      openedAt: opened,
      updatedAt: opened,
      closedAt: d.exit && last ? dayTime(world, last.day) : null,
      exitReason: d.exit?.reason ?? null,
      solution: d.exit?.solution ?? null,
      consentGivenAt: d.optIn === null ? null : opened,
      consentTextVersion: d.optIn === null ? null : 'v1',
      consentStatisticsOptIn: d.optIn,
      consentRecordedOnPaper: d.optIn === null ? null : false,
      consentWithdrawnAt: d.withdrawn ? opened : null,
    };
  })).execute();
  const transitions = dossiers.flatMap((d, i) => d.steps.map((s) => ({ dossierId: ids[i] as string, fromPhase: s.from, toPhase: s.to, at: dayTime(world, s.day) })));
  if (transitions.length > 0) await db.insertInto('dossierTransitions').values(transitions).execute();
  const snapshots = dossiers.flatMap((d, i) => d.snapshots.map((s) => ({
    dossierId: ids[i] as string, moment: s.moment, totalDebtCents: s.totalDebtCents, creditorCount: s.creditorCount, takenAt: dayTime(world, s.day),
  })));
  if (snapshots.length > 0) await db.insertInto('debtSnapshots').values(snapshots).execute();
  const referrals = dossiers.flatMap((d, i) => d.referral ? [{
    dossierId: ids[i] as string, route: d.referral.route, status: d.referral.status,
    organisationEncrypted: app.cipher.encrypt('CANARY-organisatie', { table: 'referrals', column: 'organisation', rowId: ids[i] as string }),
    traject: d.referral.traject, referredAt: d.referral.day === null ? null : isoDay(world, d.referral.day), updatedAt: dayTime(world, d.opened),
  }] : []);
  if (referrals.length > 0) await db.insertInto('referrals').values(referrals).execute();
  const stories = dossiers.flatMap((d, i) => d.lifeEvents.length > 0 ? [{
    dossierId: ids[i] as string, lifeEvents: d.lifeEvents, updatedAt: dayTime(world, d.opened),
    textEncrypted: app.cipher.encrypt('CANARY-story', { table: 'dossier_stories', column: 'text', rowId: ids[i] as string }),
  }] : []);
  if (stories.length > 0) await db.insertInto('dossierStories').values(stories).execute();
  const measurements = dossiers.flatMap((d, i) => d.measurements.map((m) => ({
    dossierId: ids[i] as string, moment: m.moment, instrumentVersion: INSTRUMENT.version, items: JSON.stringify(m.items), recordedAt: dayTime(world, m.day),
  })));
  if (measurements.length > 0) await db.insertInto('measurements').values(measurements).execute();
  return ids;
}

// ---- the oracle -------------------------------------------------------------------------------

export interface OracleCell { key: string[]; count?: number; values?: number[] }

/** Raw figures of a table for the period [0, periodDays) of the model, as plain TypeScript sees them. */
export function oracle(table: StatsTableName, world: PopulationWorld, dossiers: readonly ModelDossier[], periodDays: number): OracleCell[] {
  const inPeriod = (day: number | null | undefined) => day !== null && day !== undefined && day >= 0 && day < periodDays;
  const eligible = dossiers.filter((d) => d.optIn === true && !d.withdrawn);
  const counts = new Map<string, { key: string[]; count: number }>();
  const lists = new Map<string, { key: string[]; values: number[] }>();
  const count = (...key: string[]) => {
    const entry = counts.get(key.join('/')) ?? { key, count: 0 };
    entry.count += 1;
    counts.set(key.join('/'), entry);
  };
  const add = (value: number, ...key: string[]) => {
    const entry = lists.get(key.join('/')) ?? { key, values: [] };
    entry.values.push(value);
    lists.set(key.join('/'), entry);
  };
  const closingDay = (d: ModelDossier) => (d.exit ? d.steps.at(-1)?.day : undefined);
  for (const d of eligible) {
    switch (table) {
      case 'dossiers_started':
        if (inPeriod(d.opened)) count(world.locations[d.location]?.name as string);
        break;
      case 'phase_reached': {
        if (!inPeriod(d.opened)) break;
        const entered = new Set(d.steps.filter((s) => s.day < periodDays).map((s) => s.to));
        count(entered.has('C') ? 'C' : entered.has('B') ? 'B' : 'A');
        break;
      }
      case 'exit_reasons':
        if (d.exit && inPeriod(closingDay(d))) count(d.exit.reason);
        break;
      case 'solutions':
        if (d.exit && inPeriod(closingDay(d))) count(d.exit.solution);
        break;
      case 'referrals_by_route_status':
        if (d.referral && inPeriod(d.referral.day)) count(d.referral.route, d.referral.status);
        break;
      case 'referrals_by_traject':
        if (d.referral && inPeriod(d.referral.day)) count(d.referral.traject ?? 'not_chosen');
        break;
      case 'days_per_phase':
        for (const phase of ['A', 'B', 'C'] as const) {
          const entered = phase === 'A' ? d.opened : d.steps.find((s) => s.to === phase)?.day;
          const left = d.steps.find((s) => s.from === phase)?.day;
          if (entered !== undefined && left !== undefined && inPeriod(left)) add(left - entered, phase);
        }
        break;
      case 'total_debt_median':
      case 'creditor_count_median':
        for (const s of d.snapshots) {
          if (inPeriod(s.day)) add(table === 'total_debt_median' ? s.totalDebtCents : s.creditorCount, s.moment);
        }
        break;
      case 'total_debt_bands':
        for (const s of d.snapshots) if (inPeriod(s.day)) count(s.moment, bandOf(s.totalDebtCents, TOTAL_DEBT_BANDS));
        break;
      case 'creditor_count_bands':
        for (const s of d.snapshots) if (inPeriod(s.day)) count(s.moment, bandOf(s.creditorCount, CREDITOR_COUNT_BANDS));
        break;
      case 'life_events':
        if (inPeriod(d.opened)) for (const event of new Set(d.lifeEvents)) count(event);
        break;
      case 'measurement_items':
        for (const m of d.measurements) {
          if (!inPeriod(m.day)) continue;
          for (const [code, score] of Object.entries(m.items)) add(score, INSTRUMENT.version, code, m.moment);
        }
        break;
    }
  }
  return [...counts.values(), ...lists.values()];
}
