// Scripts open the configured database the same way the service does (DATABASE_URL or PGlite in
// DATA_DIR) and bring it to the latest migration first (over MIGRATION_DATABASE_URL when it is set,
// which also re-applies the application role's grants). The returned connection is the service's.
import { loadConfig } from '../src/config.js';
import { DataDirInUseError } from '../src/db/data-dir-lock.js';
import { createDatabase } from '../src/db/database.js';
import { prepareDatabase } from '../src/db/prepare.js';

/**
 * `whileInUse` is what to tell the user when the embedded DATA_DIR is held by another process
 * (usually the running server): the script then exits 3 without having changed anything.
 */
export async function openMigratedDatabase(whileInUse = 'Stop the server, then run this again.') {
  const config = loadConfig();
  let handle: Awaited<ReturnType<typeof createDatabase>>;
  try {
    handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n${whileInUse}\n`);
    process.exit(3);
  }
  const applied = await prepareDatabase(handle.db, config);
  return { config, ...handle, applied };
}
