// The default a newcomer gets from `npm start`: no environment, PGlite in DATA_DIR, secrets
// generated on the first start and reused on the next.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { LogCapture } from '../support/log-capture.js';

describe('embedded mode', () => {
  it('starts on PGlite with no environment, migrates, and restarts on the same data', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ss-embedded-'));
    const first = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(first.databaseUrl).toBeUndefined();

    const app = await buildApp(first, { logDestination: new LogCapture() });
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ok' });
    await app.close();

    const second = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(second.jwtSecret.equals(first.jwtSecret)).toBe(true);
    const again = await buildApp(second, { logDestination: new LogCapture() });
    expect((await again.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    await again.close();
  }, 60_000);
});
