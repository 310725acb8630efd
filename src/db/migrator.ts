// Applies migrations/ with Kysely's Migrator. Kysely's FileMigrationProvider imports from inside
// node_modules, where vitest and tsx cannot load .ts; this provider imports from our own code.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

// src/db → ../../migrations, and dist/src/db → dist/migrations after the build: the same relative path.
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

class EsmFileMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder))
      .filter((f) => /\.(m?js|ts)$/.test(f) && !/\.d\.m?ts$/.test(f))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(this.folder, file)).href)) as Migration;
      // The name without its extension, so a database migrated from .ts agrees with the built .js.
      migrations[file.slice(0, file.lastIndexOf('.'))] = mod;
    }
    return migrations;
  }
}

// Migrations run on Kysely<any> without the CamelCasePlugin: they are frozen in time and write SQL names.
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new EsmFileMigrationProvider(MIGRATIONS_DIR) });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** True when every migration on disk has been applied (the readiness check). */
export async function isFullyMigrated(db: Kysely<any>): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
