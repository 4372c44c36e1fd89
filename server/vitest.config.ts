import { defineConfig } from 'vitest/config';

// Integration tests start real servers (some as child processes); two files at
// a time keeps a 2-core machine busy without starving the servers under test.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
