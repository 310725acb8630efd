// Ready means: the database answers and every migration on disk is applied there. "Migrated" is
// remembered once true, since only a new release (a new process) brings new migrations; from then
// on each probe is one `SELECT 1`, the cheapest question a load balancer can ask every second.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isFullyMigrated } from '../../db/migrator.js';
import { pingDatabase } from './health.repository.js';

export function readinessCheck(db: Kysely<Database>): () => Promise<boolean> {
  let migrated = false;
  return async () => {
    try {
      if (migrated) {
        await pingDatabase(db);
        return true;
      }
      // Reading the migrations table answers "reachable" as well.
      migrated = await isFullyMigrated(db);
      return migrated;
    } catch {
      return false;
    }
  };
}
