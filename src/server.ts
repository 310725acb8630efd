// Process entry: config → buildApp (opens and migrates the database) → listen; graceful shutdown.
import path from 'node:path';
import { buildApp } from './app.js';
import { isConfigError, loadConfig, type Config } from './config.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { closeGracefully } from './http/shutdown.js';
import { pendingSetupCode } from './modules/setup/setup.service.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!isConfigError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const config = readConfig();
const app = await buildApp(config, { scheduleHousekeeping: true }).catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`Schoon Schip did not start: ${error.message}\n`);
    process.exit(1);
  }
  // Start-up holds no resident data yet: the whole error helps whoever is deploying.
  process.stderr.write(`Schoon Schip could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
closeGracefully(app);

if (config.databaseUrl === undefined) {
  app.log.warn(
    { dataDir: config.dataDir },
    'embedded PGlite database: for trying the service, demos and development only; set DATABASE_URL for production',
  );
  if (config.generatedSecrets.length > 0) {
    app.log.info({ secrets: config.generatedSecrets, file: path.join(config.dataDir, 'secrets.json') }, 'generated new secrets (first start on this data directory)');
  }
  if (config.storedSecrets.length > 0) {
    app.log.info({ secrets: config.storedSecrets, file: path.join(config.dataDir, 'secrets.json') }, 'using the secrets generated on an earlier start');
  }
}
const setupCode = await pendingSetupCode(app.db, config.rootSecret);
if (setupCode !== undefined) {
  app.log.warn({ setupCode }, 'no admin account yet: create the first one with POST /api/v1/setup and this one-time setup code (see docs/operations.md)');
}
const isLoopback = ['127.0.0.1', '::1', 'localhost'].includes(config.host);
if (!isLoopback && config.trustProxy === false) {
  app.log.warn('listening beyond loopback without TRUST_PROXY: client addresses are the proxy\'s');
}

await app.listen({ port: config.port, host: config.host });
