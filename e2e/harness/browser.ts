// Debian's Chromium driven by playwright-core (a browser download is not
// possible here). Each person in a journey gets their own browser context, so
// storage, IndexedDB and network state are separate, as on separate devices.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserServer,
  chromium,
  type LaunchOptions,
  type Page,
} from 'playwright-core';
import { artifactsDir } from './paths.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/** A Chromium that several processes connect to (the e2e run's shared one, sharedChromium.ts). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH_OPTIONS);
}

/** Connects to the run's shared Chromium; says so plainly when it is gone. */
export async function connectBrowser(wsEndpoint: string): Promise<Browser> {
  try {
    return await chromium.connect(wsEndpoint, { timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `The e2e run's shared Chromium (started by e2e/harness/sharedChromium.ts at ${wsEndpoint}) is not reachable; it may have crashed or been killed. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Console messages and page errors seen so far. */
  console: string[];
  /** Uncaught errors in the page; a journey fails if any occurred. */
  pageErrors: Error[];
  /** Every URL the page requested. */
  requests: string[];
}

export interface PersonOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  locale?: string;
  /** A device that remembers this person's name (no name prompt), as a returning person opens a link. */
  named?: boolean;
}

/** The phone every phone test is: 390 × 844 CSS pixels, mobile, touch. */
export const PHONE: PersonOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

export async function newPerson(
  browser: Browser,
  name: string,
  options: PersonOptions = {},
): Promise<Person> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.hasTouch ?? false,
    locale: options.locale ?? 'de-DE',
  });
  if (options.named)
    await context.addInitScript(
      `localStorage.setItem('pinnwand.identity', ${JSON.stringify(JSON.stringify({ id: `id-${name}`, name, color: '#1f5fbf' }))})`,
    );
  const page = await context.newPage();
  const person: Person = { name, context, page, console: [], pageErrors: [], requests: [] };
  page.on('console', (msg) => person.console.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => {
    person.pageErrors.push(err);
    person.console.push(`[pageerror] ${err.stack ?? err.message}`);
  });
  page.on('request', (req) => person.requests.push(req.url()));
  return person;
}

/** Saves a screenshot and the console of each person, for a failed test. */
export async function saveArtifacts(testName: string, people: Person[]): Promise<string> {
  const dir = path.join(artifactsDir, testName.replace(/[^\w.-]+/g, '_').slice(0, 120));
  mkdirSync(dir, { recursive: true });
  for (const person of people) {
    const base = path.join(dir, person.name.replace(/[^\w.-]+/g, '_'));
    await person.page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
    writeFileSync(`${base}.console.txt`, person.console.join('\n'));
  }
  return dir;
}

/** Saves a screenshot for humans to look at (not only on failure). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(artifactsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
