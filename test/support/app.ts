// Builds the real app on this file's test database, with logs captured at trace level and a
// clock the test can move. Every file that uses it also proves no CANARY marker reached a log.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { TestDb } from './db.js';
import { LogCapture } from './log-capture.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    DATABASE_URL: 'postgres://unused.invalid/tests',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'trace',
  });
  return Object.freeze({ ...base, ...overrides });
}

export class TestClock {
  private current: number;
  constructor(start = new Date()) {
    this.current = start.getTime();
  }
  now = (): Date => new Date(this.current);
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
  set(date: Date): void {
    this.current = date.getTime();
  }
}

export interface TestApp {
  app: FastifyInstance;
  logs: LogCapture;
  clock: TestClock;
  config: Config;
}

export async function createTestApp(t: TestDb, overrides: Partial<Config> = {}): Promise<TestApp> {
  const logs = new LogCapture();
  const clock = new TestClock();
  const config = testConfig(overrides);
  const app = await buildApp(config, { db: t.db, logDestination: logs, now: clock.now });
  return { app, logs, clock, config };
}

/**
 * `const h = useTestApp(t)`: one app per test file, ready before the tests, closed after them, and
 * its whole log checked for personal-data markers (the canary proof runs across the suite).
 */
export function useTestApp(t: TestDb, overrides: Partial<Config> = {}): TestApp {
  const handle = {} as TestApp;
  beforeAll(async () => {
    Object.assign(handle, await createTestApp(t, overrides));
    await handle.app.ready();
  });
  afterAll(async () => {
    await handle.app?.close();
    handle.logs?.assertNoMarker();
  });
  return handle;
}
