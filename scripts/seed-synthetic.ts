// npm run seed:synthetic -- --dossiers N --locations L --from YYYY-Qn [--seed S]
// Realistic historical dossiers for demos and benchmarks, against whichever database is
// configured (DATABASE_URL or PGlite in DATA_DIR), written in bulk SQL. Synthetic throughout:
// numbered display names, no usernames or passwords, stories that say they are synthetic.
import { parseArgs } from 'node:util';
import { createFieldCipher } from '../src/lib/field-crypto.js';
import { openMigratedDatabase } from './cli-database.js';
import { seedSynthetic } from './synthetic/seed.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    locations: { type: 'string', default: '3' },
    from: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const dossiers = Number(values.dossiers);
const locations = Number(values.locations);
const seed = Number(values.seed);
if (!Number.isSafeInteger(dossiers) || dossiers < 1 || dossiers > 2_000_000) fail('--dossiers must be a whole number from 1 to 2000000');
if (!Number.isSafeInteger(locations) || locations < 1 || locations > 99) fail('--locations must be a whole number from 1 to 99');
if (!Number.isSafeInteger(seed)) fail('--seed must be a whole number');
const quarter = /^(\d{4})-Q([1-4])$/.exec(values.from ?? '');
if (!quarter) fail('--from must be a quarter like 2019-Q1');
const from = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
const now = new Date();
if (Date.parse(`${from}T00:00:00Z`) > now.getTime() - 30 * 86_400_000) fail('--from must lie at least a month in the past');

const { db, config, kind } = await openMigratedDatabase();
try {
  const started = performance.now();
  const report = await seedSynthetic(db, createFieldCipher(config.encryptionKeys), { dossiers, locations, from, now, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`seeded ${dossiers} synthetic dossiers over ${locations} locations from ${values.from} on ${kind} in ${seconds} s\n`);
  for (const [name, count] of Object.entries(report.rows)) process.stdout.write(`  ${name}: ${count}\n`);
  for (const [step, ms] of Object.entries(report.milliseconds)) process.stdout.write(`  ${step}: ${ms} ms\n`);
} finally {
  await db.destroy();
}
