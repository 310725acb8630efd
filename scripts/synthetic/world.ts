// The fixed cast of a synthetic run: locations (reused by name), trained maatjes per location, and
// an instrument for the measurements (the newest existing one, or a synthetic one if none).
import { sql, type Kysely } from 'kysely';
import type { Database, InstrumentItemRow } from '../../src/db/schema.js';

export const MAATJES_PER_LOCATION = 4;

const SYNTHETIC_INSTRUMENT: { version: string; name: string; items: InstrumentItemRow[] } = {
  version: 'synthetisch-1',
  name: 'Synthetisch meetinstrument',
  items: [
    { code: 'financiele_stress', minScore: 1, maxScore: 5 },
    { code: 'regie', minScore: 1, maxScore: 5 },
    { code: 'welzijn', minScore: 0, maxScore: 10 },
  ],
};

export async function ensureLocations(trx: Kysely<Database>, count: number, now: Date): Promise<string[]> {
  const names = Array.from({ length: count }, (_, index) => `Synthetische BWK ${String(index + 1).padStart(2, '0')}`);
  // Every name qualified: an unqualified `name` inside the subquery would be the locations row's
  // own, so any existing location would have stopped every insert.
  await sql`
    INSERT INTO locations (name, city, created_at)
    SELECT wanted.name, 'Amsterdam', ${now} FROM unnest(${names}::text[]) AS wanted(name)
    WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE lower(l.name) = lower(wanted.name))`.execute(trx);
  const lowered = names.map((name) => name.toLowerCase());
  const rows = await trx.selectFrom('locations').select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['name']), 'in', lowered)).execute();
  const byName = new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
  return lowered.map((name) => {
    const id = byName.get(name);
    if (id === undefined) throw new Error(`location ${name} was neither found nor made`);
    return id;
  });
}

/**
 * Maatjes have no username or password: they exist for the foreign keys, nobody signs in as them.
 * Their names are synthetic, so marked plain text (`p.`) like the residents' (dossiers.ts).
 */
export async function createMaatjes(trx: Kysely<Database>, locationIds: string[], from: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string; locationId: string }>`
    INSERT INTO users (role, display_name_encrypted, location_id, trained_at, created_at, updated_at)
    SELECT 'maatje', 'p.Synthetisch maatje ' || l.ord || '-' || m, l.id, ${from}, ${from}, ${from}
    FROM unnest(${locationIds}::uuid[]) WITH ORDINALITY AS l(id, ord)
    CROSS JOIN generate_series(1, ${MAATJES_PER_LOCATION}) AS m
    RETURNING id, location_id`.execute(trx);
  // In location order, MAATJES_PER_LOCATION each: the plan picks location i's maatjes by position.
  return locationIds.flatMap((locationId) => rows.filter((row) => row.locationId === locationId).map((row) => row.id));
}

export async function ensureInstrument(trx: Kysely<Database>, now: Date): Promise<{ version: string; items: InstrumentItemRow[] }> {
  const newest = await trx.selectFrom('instruments').select(['version', 'items']).orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  if (newest) return newest;
  await trx.insertInto('instruments').values({
    version: SYNTHETIC_INSTRUMENT.version, name: SYNTHETIC_INSTRUMENT.name,
    items: JSON.stringify(SYNTHETIC_INSTRUMENT.items), createdAt: now,
  }).execute();
  return SYNTHETIC_INSTRUMENT;
}
