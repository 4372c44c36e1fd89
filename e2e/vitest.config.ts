import { defineConfig } from 'vitest/config';

// Browser journeys start real servers and a real Chromium; run files one after
// another so a 2-core CI machine is not oversubscribed. One Chromium serves the
// whole run (harness/sharedChromium.ts); each file connects to it.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['harness/sharedChromium.ts'],
  },
});
