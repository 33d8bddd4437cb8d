import { defineConfig } from 'vitest/config';

// Four projects, run by `npm test` in order: unit (pure logic), database tests
// on PGlite and on PostgreSQL (same files, TEST_ENGINE differs), and browser
// tests (Playwright driving Debian's Chromium).
const dbTests = ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'];
const unitTests = ['**/*.unit.test.ts', '**/*.unit.test.tsx'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests, exclude: ['node_modules/**'] } },
      {
        extends: true,
        test: {
          name: 'db-pglite',
          include: dbTests,
          exclude: ['node_modules/**', ...unitTests],
          env: { TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          // A beforeAll that loads the whole demo (registry, activity records, a year of reports through
          // the use-cases) takes tens of seconds on PGlite, more while another file loads it too.
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db-postgres',
          include: dbTests,
          exclude: ['node_modules/**', ...unitTests],
          env: { TEST_ENGINE: 'postgres' },
          testTimeout: 60_000,
          // A beforeAll that loads the whole demo (registry, activity records, a year of reports through
          // the use-cases) takes tens of seconds on PGlite, more while another file loads it too.
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // Builds the web app (into dist/e2e-web) once per run when a source changed.
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
