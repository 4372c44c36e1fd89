// One call per test file sets up what a browser journey needs and guarantees
// teardown: a real server on a free port with a fresh DATA_DIR, a connection
// to the run's Chromium (sharedChromium.ts), people (browser contexts, each
// fresh) created on demand. After each test it fails the
// test on any uncaught page error; on failure it saves screenshots and consoles
// while the pages are still open.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import {
  connectBrowser,
  newPerson,
  type Person,
  type PersonOptions,
  saveArtifacts,
} from './browser.ts';
import { type PinnwandProcess, removeDataDir, startPinnwand } from './pinnwandProcess.ts';

export interface Journey {
  server(): PinnwandProcess;
  browser(): Browser;
  person(name: string, options?: PersonOptions): Promise<Person>;
}

export interface JourneyOptions {
  /** Settings for this file's server (README's environment table), e.g. a shorter PING_INTERVAL_MS. */
  serverEnv?: Record<string, string>;
}

export function useJourney(options: JourneyOptions = {}): Journey {
  let server: PinnwandProcess | undefined;
  let browser: Browser | undefined;
  let people: Person[] = [];
  /** Set when the connection to the shared Chromium dropped mid-file: every later step says so. */
  let lostBrowser = false;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPinnwand({ env: options.serverEnv }),
      connectBrowser(inject('chromiumWsEndpoint')),
    ]);
    browser.on('disconnected', () => {
      lostBrowser = true;
    });
  });

  beforeEach(() => {
    people = [];
  });

  afterEach(async (ctx) => {
    const errors = people.flatMap((p) => p.pageErrors.map((e) => `${p.name}: ${e.message}`));
    // Artifacts are saved here, not in onTestFailed: vitest runs that after
    // afterEach, when the pages below are closed and a screenshot is blank.
    if (ctx.task.result?.state === 'fail' || errors.length > 0 || lostBrowser) {
      const dir = await saveArtifacts(ctx.task.name, people);
      console.error(
        `Artifacts of the failed test are in ${dir}\nServer output:\n${server?.output()}`,
      );
    }
    await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
    people = [];
    expect(lostBrowser, 'the shared Chromium disconnected (crashed or was killed)').toBe(false);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    // Only this file's connection: the shared Chromium lives on for the next file.
    await browser?.close();
    if (server) {
      await server.stop();
      removeDataDir(server.dataDir);
    }
  });

  return {
    server: () => {
      if (!server) throw new Error('server not started');
      return server;
    },
    browser: () => {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    async person(name, options) {
      if (!browser) throw new Error('browser not started');
      if (lostBrowser) throw new Error('the shared Chromium disconnected (crashed or was killed)');
      const person = await newPerson(browser, name, options);
      people.push(person);
      return person;
    },
  };
}
