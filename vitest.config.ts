import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // Two cores here: two workers measured fastest.
    maxWorkers: 2,
    // Threads start a test file faster than forked processes. Whole suite on these 2 cores: on
    // embedded PGlite (the no-setup path) 157-184 s with threads against 203 s with forks; on
    // PostgreSQL 149 s against about 175 s. A run against TEST_DATABASE_URL (CI) keeps forks, the
    // pool its long record of green runs is on.
    pool: process.env.TEST_DB === 'pglite' || !process.env.TEST_DATABASE_URL ? 'threads' : 'forks',
  },
});
