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
    maxWorkers: 1,
    fileParallelism: false,
  },
});
