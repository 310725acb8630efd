// npm run migrate: applies pending migrations to the configured database and lists them.
import { openMigratedDatabase } from './cli-database.js';

const { db, kind, applied } = await openMigratedDatabase();
for (const result of applied) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
process.stdout.write(`${kind} database is at the latest migration (${applied.length} applied now)\n`);
await db.destroy();
