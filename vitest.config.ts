import { defineConfig } from 'vitest/config';

// No TEST_DATABASE_URL (embedded PGlite or a testcontainers PostgreSQL), or TEST_DB=pglite.
const localRun = process.env.TEST_DB === 'pglite' || !process.env.TEST_DATABASE_URL;

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
    pool: localRun ? 'threads' : 'forks',
    // On the same runs, the files a worker runs share its loaded modules instead of loading the app
    // and its dependencies again for every file (about 0.8 s of CPU a file: 12 API files on PGlite
    // in one worker, 26.5 s of CPU against 36.3 s, and 1.1 GB peak memory against 1.7 GB; with the
    // smaller shared buffers and the plain-tar template, the whole PGlite suite took 87 s against
    // 185 s, both at load 1.2-1.3). Each file
    // still gets its own database and its own app (test/support/db.ts, app.ts); what the app keeps in
    // its modules (compiled statements, the bounded set of edit shapes) holds for any database.
    isolate: !localRun,
  },
});
