// One Chromium for the whole e2e run (vitest globalSetup): launching Chromium
// and warming it up costs a 2-core machine a few seconds, once per test file
// when each file launched its own. Each file connects to this one over
// Playwright's websocket; each person still gets a fresh browser context, so
// storage and network state stay as separate as before.
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Playwright's websocket endpoint of the run's Chromium (see journey.ts). */
    chromiumWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchBrowserServer();
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
