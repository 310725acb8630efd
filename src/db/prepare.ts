// Brings the database to the code's schema before anything serves: migrations over the owner's
// connection (MIGRATION_DATABASE_URL), then the application role's grants and the owner's audit
// retention. With one URL (and embedded PGlite) the service's own connection does it all, as before.
import type { Kysely, MigrationResult } from 'kysely';
import { createPostgresPool, kyselyOnPool } from './database.js';
import { migrateToLatest } from './migrator.js';
import { appRoleFromUrl, grantAppRole, storeAuditRetention } from './roles.js';

export interface PrepareOptions {
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  auditRetentionMonths: number;
}

export class MigrationPrivilegeError extends Error {
  override name = 'MigrationPrivilegeError';
}

/** True when the owner is a different connection from the service's own. */
export function usesOwnerConnection(options: PrepareOptions): options is PrepareOptions & { databaseUrl: string; migrationDatabaseUrl: string } {
  return options.databaseUrl !== undefined && options.migrationDatabaseUrl !== undefined
    && options.migrationDatabaseUrl !== options.databaseUrl;
}

/** `db` is the service's own connection; returns the migrations applied now. */
export async function prepareDatabase(db: Kysely<any>, options: PrepareOptions): Promise<MigrationResult[]> {
  if (!usesOwnerConnection(options)) {
    const applied = await migrateOwnConnection(db, options.databaseUrl !== undefined);
    await storeAuditRetention(db, options.auditRetentionMonths);
    return applied;
  }
  const owner = kyselyOnPool(createPostgresPool(options.migrationDatabaseUrl, { poolMax: 1 }));
  try {
    const result = await migrateToLatest(owner);
    await grantAppRole(owner, appRoleFromUrl(options.databaseUrl));
    await storeAuditRetention(owner, options.auditRetentionMonths);
    return result.results ?? [];
  } finally {
    await owner.destroy();
  }
}

// With nothing pending, migrating needs only SELECT on Kysely's tables, so a service running as the
// application role (migrations applied by `npm run migrate` with the owner's URL) starts normally.
async function migrateOwnConnection(db: Kysely<any>, server: boolean): Promise<MigrationResult[]> {
  try {
    return (await migrateToLatest(db)).results ?? [];
  } catch (error) {
    if (server && (error as { code?: string }).code === '42501') {
      throw new MigrationPrivilegeError(
        "migrations are pending and DATABASE_URL's role may not apply them: set MIGRATION_DATABASE_URL to the owner's URL (or run `npm run migrate` with it) and start again",
      );
    }
    throw error;
  }
}
