// npm run housekeeping [-- --dry-run]: erasures that fell due, retention, inactivity, idle staff and
// expired bookkeeping, once, and prints what it did (or, with --dry-run, what it would do).
import { createKeyring } from '../src/lib/dossier-keys.js';
import { runHousekeeping } from '../src/modules/housekeeping/housekeeping.service.js';
import { openMigratedDatabase } from './cli-database.js';

const dryRun = process.argv.includes('--dry-run');
const { db, config } = await openMigratedDatabase();
try {
  const result = await runHousekeeping(db, {
    now: new Date(), retentionMonths: config.retentionMonths, auditRetentionMonths: config.auditRetentionMonths, dryRun,
    cipher: createKeyring(config.encryptionKeys),
  });
  if (!result.ran) {
    process.stdout.write('Another housekeeping run holds the lock (another replica or process); nothing done.\n');
  } else {
    const verb = dryRun ? 'would' : 'did';
    process.stdout.write(`Housekeeping (${dryRun ? 'dry run, nothing changed' : 'done'}): ${verb}\n`);
    for (const [what, count] of Object.entries(result.report)) {
      process.stdout.write(`  ${what.padEnd(20)} ${count === null ? 'skipped' : count}\n`);
    }
  }
} finally {
  await db.destroy();
}
