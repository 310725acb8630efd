// The only reader of process.env. Everything else receives a validated, frozen Config.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseEncryptionKeys, parseSecret, type EncryptionKey } from './lib/secrets.js';
import { ensureEmbeddedSecrets } from './lib/embedded-secrets.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset means embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly jwtSecret: Buffer;
  /** The first key encrypts; every key decrypts (rotation). */
  readonly encryptionKeys: readonly EncryptionKey[];
  readonly logLevel: LogLevel;
  readonly statsMinCell: number;
  readonly retentionMonths: number;
  readonly docsEnabled: boolean;
  readonly trustProxy: string | number | boolean;
  readonly corsOrigins: readonly string[];
  /** The built web app (index.html and assets/); served at / when present. */
  readonly webDir?: string;
  readonly dbPoolMax: number;
  readonly pdfWorkers: number;
  readonly pdfQueueSize: number;
  /** Overview PDFs one person may download per minute. */
  readonly pdfDownloadsPerMinute: number;
  /** Statistics tables one evaluator may pull per minute. */
  readonly statsRequestsPerMinute: number;
  /** Which configured values came from files generated into DATA_DIR (reported at start-up). */
  readonly generatedSecrets: readonly string[];
}

class ConfigError extends Error {
  override name = 'ConfigError';
}

// An empty variable counts as unset: `DATABASE_URL=` must not reach pg as an empty connection string.
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const integerText = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: optionalText.pipe(integerText(0, 65535).optional()),
  HOST: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalText,
  JWT_SECRET: optionalText,
  ENCRYPTION_KEYS: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  STATS_MIN_CELL: optionalText.pipe(integerText(5, 1000).optional()),
  RETENTION_MONTHS: optionalText.pipe(integerText(1, 600).optional()),
  DOCS_ENABLED: optionalText.pipe(booleanText.optional()),
  TRUST_PROXY: optionalText,
  CORS_ORIGINS: optionalText,
  WEB_DIR: optionalText,
  DB_POOL_MAX: optionalText.pipe(integerText(1, 100).optional()),
  PDF_WORKERS: optionalText.pipe(integerText(1, 16).optional()),
  PDF_QUEUE_SIZE: optionalText.pipe(integerText(0, 1000).optional()),
  PDF_DOWNLOADS_PER_MINUTE: optionalText.pipe(integerText(1, 1_000_000).optional()),
  STATS_REQUESTS_PER_MINUTE: optionalText.pipe(integerText(1, 1_000_000).optional()),
});

function parseTrustProxy(value: string | undefined): string | number | boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function parseCorsOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin like https://example.org`);
    }
  }
  return origins;
}

/**
 * Builds the configuration from an environment. Throws a ConfigError naming the variable on bad
 * input; server.ts turns that into a one-line message and exit code 1.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ?? './data';
  const embedded = e.DATABASE_URL === undefined;

  let jwtSecretText = e.JWT_SECRET;
  let encryptionKeysText = e.ENCRYPTION_KEYS;
  const generatedSecrets: string[] = [];
  if (embedded && (jwtSecretText === undefined || encryptionKeysText === undefined)) {
    const generated = ensureEmbeddedSecrets(dataDir);
    if (jwtSecretText === undefined) {
      jwtSecretText = generated.jwtSecret;
      generatedSecrets.push('JWT_SECRET');
    }
    if (encryptionKeysText === undefined) {
      encryptionKeysText = generated.encryptionKeys;
      generatedSecrets.push('ENCRYPTION_KEYS');
    }
  }
  if (jwtSecretText === undefined) throw new ConfigError('JWT_SECRET: required when DATABASE_URL is set');
  if (encryptionKeysText === undefined) {
    throw new ConfigError('ENCRYPTION_KEYS: required when DATABASE_URL is set');
  }

  let jwtSecret: Buffer;
  let encryptionKeys: EncryptionKey[];
  try {
    jwtSecret = parseSecret(jwtSecretText);
  } catch (error) {
    throw new ConfigError(`JWT_SECRET: ${(error as Error).message}`);
  }
  try {
    encryptionKeys = parseEncryptionKeys(encryptionKeysText);
  } catch (error) {
    throw new ConfigError(`ENCRYPTION_KEYS: ${(error as Error).message}`);
  }

  return Object.freeze({
    port: e.PORT ?? 3000,
    host: e.HOST ?? '127.0.0.1',
    databaseUrl: e.DATABASE_URL,
    dataDir,
    jwtSecret,
    encryptionKeys: Object.freeze(encryptionKeys),
    logLevel: e.LOG_LEVEL ?? 'info',
    statsMinCell: e.STATS_MIN_CELL ?? 10,
    retentionMonths: e.RETENTION_MONTHS ?? 24,
    docsEnabled: e.DOCS_ENABLED ?? embedded,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    corsOrigins: Object.freeze(parseCorsOrigins(e.CORS_ORIGINS)),
    webDir: e.WEB_DIR ?? 'web/dist',
    dbPoolMax: e.DB_POOL_MAX ?? 10,
    pdfWorkers: e.PDF_WORKERS ?? defaultPdfWorkers(),
    pdfQueueSize: e.PDF_QUEUE_SIZE ?? 8,
    pdfDownloadsPerMinute: e.PDF_DOWNLOADS_PER_MINUTE ?? 6,
    statsRequestsPerMinute: e.STATS_REQUESTS_PER_MINUTE ?? 120,
    generatedSecrets: Object.freeze(generatedSecrets),
  });
}

/**
 * Half the cores, at least one: the other half stays with the event loop and a PostgreSQL that
 * usually shares the machine (2 cores here: one render at a time, the rest wait in the queue).
 */
export function defaultPdfWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

export function isConfigError(error: unknown): error is Error {
  return error instanceof ConfigError;
}
