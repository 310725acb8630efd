// npm run backup [-- <directory>]: pg_dump (custom format) of the database into the directory
// (default ./backups), with the erasure ledger beside it. Needs the PostgreSQL client tools. It
// connects as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL): the application role may not
// read every table.
import { loadConfig } from '../src/config.js';
import { backupDatabase } from './backup/pg-backup.js';

const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write('npm run backup needs DATABASE_URL (the embedded PGlite database is backed up by copying DATA_DIR while stopped).\n');
  process.exit(1);
}
const directory = process.argv[2] ?? './backups';
const result = await backupDatabase(config.migrationDatabaseUrl ?? config.databaseUrl, directory);
process.stdout.write(`backup written: ${result.dumpFile}\nerasure ledger (${result.ledgerEntries} entries): ${result.ledgerFile}\n`);
