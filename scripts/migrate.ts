// npm run migrate: applies pending migrations to the configured database and lists them; with a
// MIGRATION_DATABASE_URL of its own, also (re)grants the application role of DATABASE_URL.
import { usesOwnerConnection } from '../src/db/prepare.js';
import { appRoleFromUrl } from '../src/db/roles.js';
import { openMigratedDatabase } from './cli-database.js';

const { db, kind, applied, config } = await openMigratedDatabase();
for (const result of applied) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
process.stdout.write(`${kind} database is at the latest migration (${applied.length} applied now)\n`);
if (usesOwnerConnection(config)) {
  process.stdout.write(`application role "${appRoleFromUrl(config.databaseUrl).name}": privileges granted (audit_events: SELECT, INSERT only)\n`);
}
await db.destroy();
