// The OpenAPI document as the routes declare it. Shared by `npm run spec` and the drift test, so
// both generate it the same way. No database is contacted: the pool is never used.
import { randomBytes } from 'node:crypto';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createPostgresPool, kyselyOnPool } from '../src/db/database.js';

export async function generateOpenApiDocument(): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused.invalid/openapi',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'silent',
    DOCS_ENABLED: 'false',
  });
  const db = kyselyOnPool(createPostgresPool(config.databaseUrl as string));
  const app = await buildApp(config, { db });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await db.destroy();
  }
}
