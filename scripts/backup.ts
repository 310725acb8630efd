// npm run backup [-- <directory>]: pg_dump (custom format) of DATABASE_URL into the directory
// (default ./backups), with the erasure ledger beside it. Needs the PostgreSQL client tools.
import { loadConfig } from '../src/config.js';
import { backupDatabase } from './backup/pg-backup.js';

const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write('npm run backup needs DATABASE_URL (the embedded PGlite database is backed up by copying DATA_DIR while stopped).\n');
  process.exit(1);
}
const directory = process.argv[2] ?? './backups';
const result = await backupDatabase(config.databaseUrl, directory);
process.stdout.write(`backup written: ${result.dumpFile}\nerasure ledger (${result.ledgerEntries} entries): ${result.ledgerFile}\n`);
