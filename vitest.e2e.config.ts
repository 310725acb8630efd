// End-to-end tests: the built web app and the real server on this run's PostgreSQL test database,
// driven by Debian's Chromium (npm run test:e2e builds the app first). One file at a time: each
// runs a browser and a server on two shared cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 240_000,
    // expect.poll waits for a screen's state; vitest's default of 1 s is too short for a request on
    // a loaded 2-core machine. 30 s is what a Playwright locator waits by default.
    expect: { poll: { timeout: 30_000 } },
    maxWorkers: 1,
    fileParallelism: false,
  },
});
