import { defineConfig } from 'vitest/config';

// Browser journeys start real servers and a real Chromium; run files one after
// another so a 2-core CI machine is not oversubscribed.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
