// Writes N synthetic historical dossiers in bulk SQL, in one transaction on one connection (so a
// failed run leaves nothing behind, and setseed governs every random() of the run).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { FieldCipher } from '../../src/lib/field-crypto.js';
import { insertBudget, insertDebts, insertMeasurements, insertReferrals, insertSnapshots } from './content.js';
import { insertDossiers } from './dossiers.js';
import { planDossiers } from './plan.js';
import { insertStories } from './stories.js';
import { MAATJES_PER_LOCATION, createMaatjes, ensureInstrument, ensureLocations } from './world.js';

export interface SyntheticOptions {
  dossiers: number;
  locations: number;
  /** First day of the first quarter, 'YYYY-MM-DD' (Amsterdam). */
  from: string;
  now: Date;
  /** Any integer; the same seed draws the same plan. */
  seed: number;
}

export interface SyntheticReport {
  rows: Record<string, number>;
  milliseconds: Record<string, number>;
}

export async function seedSynthetic(db: Kysely<Database>, cipher: FieldCipher, options: SyntheticOptions): Promise<SyntheticReport> {
  const milliseconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      milliseconds[step] = Math.round(performance.now() - started);
    }
  };
  const rows = await db.transaction().execute(async (trx) => {
    // A bulk load runs longer than the service's per-statement limit, which guards requests.
    await sql`SET LOCAL statement_timeout = 0`.execute(trx);
    // setseed takes a value in [-1, 1].
    await sql`SELECT setseed(${(options.seed % 1_000_003) / 1_000_003})`.execute(trx);
    const { rows: [start] } = await sql<{ at: Date }>`SELECT (${options.from}::timestamp AT TIME ZONE 'Europe/Amsterdam') AS at`.execute(trx);
    const from = start?.at ?? new Date(options.from);
    const locationIds = await ensureLocations(trx, options.locations, options.now);
    const maatjeIds = await createMaatjes(trx, locationIds, from);
    const instrument = await ensureInstrument(trx, options.now);
    await timed('plan', () => planDossiers(trx, {
      dossiers: options.dossiers, from, now: options.now, locationIds, maatjeIds, maatjesPerLocation: MAATJES_PER_LOCATION,
    }));
    await timed('residents, dossiers, transitions', () => insertDossiers(trx));
    await timed('debts', () => insertDebts(trx));
    await timed('incomes, expenses', () => insertBudget(trx));
    await timed('snapshots', () => insertSnapshots(trx));
    await timed('referrals', () => insertReferrals(trx, options.now));
    await timed('stories', () => insertStories(trx, cipher));
    await timed('measurements', () => insertMeasurements(trx, instrument, options.now));
    const { rows: counts } = await sql<{ name: string; n: number }>`
      SELECT 'dossiers' AS name, count(*)::int AS n FROM synth
      UNION ALL SELECT 'transitions', count(*)::int FROM dossier_transitions t JOIN synth s ON s.dossier_id = t.dossier_id
      UNION ALL SELECT 'debts', count(*)::int FROM debts d JOIN synth s ON s.dossier_id = d.dossier_id
      UNION ALL SELECT 'snapshots', count(*)::int FROM debt_snapshots d JOIN synth s ON s.dossier_id = d.dossier_id
      UNION ALL SELECT 'referrals', count(*)::int FROM referrals d JOIN synth s ON s.dossier_id = d.dossier_id
      UNION ALL SELECT 'stories', count(*)::int FROM dossier_stories d JOIN synth s ON s.dossier_id = d.dossier_id
      UNION ALL SELECT 'measurements', count(*)::int FROM measurements d JOIN synth s ON s.dossier_id = d.dossier_id
      UNION ALL SELECT 'closed', count(*)::int FROM synth WHERE closed_at IS NOT NULL`.execute(trx);
    return Object.fromEntries(counts.map((row) => [row.name, row.n]));
  });
  return { rows, milliseconds };
}
