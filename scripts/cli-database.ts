// Scripts open the configured database the same way the service does (DATABASE_URL or PGlite in
// DATA_DIR) and bring it to the latest migration first.
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';

export async function openMigratedDatabase() {
  const config = loadConfig();
  const handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  const result = await migrateToLatest(handle.db);
  return { config, ...handle, applied: result.results ?? [] };
}
