import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Unit and API files run first, on every core; the browser specs wait for them instead of competing.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each spec file has its own server, database and browser, so two run side by side on a 2-core machine.
          maxWorkers: 2,
          // expect.poll waits as long as a locator does (15 s): its 1 s default failed a list that was merely slow
          // to load on a loaded machine. A poll still ends as soon as the page shows the expected state.
          expect: { poll: { timeout: 15_000 } },
          pool: 'forks',
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
