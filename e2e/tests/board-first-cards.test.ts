// A device that opens a workshop for the first time sees the board's notes as
// cards before the board's code has loaded: painted from the server's preview
// over the page's skeleton (client/src/canvas/earlyCards.ts), exactly where
// the board then shows them, and gone once the board's own picture is there.
// A facilitator's page does not move when the board arrives either.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { populate } from '../bench/canvasBoard.ts';
import { facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import { drawnAt, pageAt, waitForBoard } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

const journey = useJourney();

/** The benchmark board's grid (bench/canvasBoard.ts): a note's middle, and a gap between notes. */
const NOTE_MIDDLES = [
  { x: 80, y: 60 },
  { x: 190 * 3 + 80, y: 150 * 2 + 60 },
  { x: 190 + 20, y: 150 + 100 },
];
const GAPS = [
  { x: 175, y: 60 },
  { x: 190 * 3 + 80, y: 150 * 2 + 135 },
];

/** Where an element is on the page (CSS pixels). */
const boxOf = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const r = document.querySelector(selector)?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
  }, selector);

/** Where the cards' canvas is on the page (CSS pixels). */
const earlyBox = (page: Page) => boxOf(page, '.early-cards');

/** Holds the board's code back until the returned function is called. */
async function holdBoardCode(page: Page): Promise<() => void> {
  let releaseBoard = () => {};
  const boardHeld = new Promise<void>((resolve) => {
    releaseBoard = resolve;
  });
  await page.route('**/assets/WorkshopPage-*.js', async (route) => {
    await boardHeld;
    await route.continue();
  });
  return releaseBoard;
}

/** Whether the cards' canvas, kept aside as it was shown, has paint at a page point. */
const earlyPaintAt = (page: Page, at: { x: number; y: number }, box: { x: number; y: number }) =>
  page.evaluate(
    ({ at, box }) => {
      const canvas = (window as unknown as { __earlyCards: HTMLCanvasElement }).__earlyCards;
      // Detached now: drawn at the page's pixel ratio (earlyCards.ts).
      const ratio = window.devicePixelRatio;
      const x = Math.floor((at.x - box.x) * ratio);
      const y = Math.floor((at.y - box.y) * ratio);
      return (canvas.getContext('2d')?.getImageData(x, y, 1, 1).data[3] ?? 0) > 0;
    },
    { at, box },
  );

async function firstCards(name: string, options: PersonOptions, shot: string) {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Erste Karten');
  (await populate(facilitatorRoom(server.url, created), 600)).close();
  const person = await journey.person(name, { ...options, named: true });
  const { page } = person;
  // The board's code is held back until the cards have been looked at.
  const releaseBoard = await holdBoardCode(page);
  await page.goto(created.urls.participant);
  await page.waitForFunction(
    () => performance.getEntriesByName('pinnwand:notes-placed').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  // The skeleton of the page with the board's cards; no board code has run.
  expect(await page.locator('.workshop-skeleton').count()).toBe(1);
  expect(await page.evaluate(() => 'Konva' in window)).toBe(false);
  expect(await page.getByRole('status').textContent()).toBe('Workshop wird geladen …');
  const before = await earlyBox(page);
  expect(before).not.toBeNull();
  await page.evaluate(() => {
    (window as unknown as { __earlyCards: Element | null }).__earlyCards =
      document.querySelector('.early-cards');
  });
  await screenshot(page, shot);

  releaseBoard();
  await page.waitForFunction(
    () => performance.getEntriesByName('pinnwand:board-drawn').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  // The board's own picture shows the notes: the early cards have gone.
  expect(await page.locator('.early-cards').count()).toBe(0);
  // The board's stylesheets, fetched early, were not fetched a second time.
  const styles = person.requests.filter((url) => url.endsWith('.css'));
  expect(styles.length).toBeGreaterThan(0);
  expect(styles).toEqual([...new Set(styles)]);
  expect(await page.locator('.workshop-skeleton').count()).toBe(0);
  // The board's canvas lies where the cards lay, and each note is where they showed it.
  const board = await boxOf(page, '.board-canvas');
  expect(board!.x).toBe(before!.x);
  expect(board!.y).toBe(before!.y);
  // The stage is sized to the whole pixel (BoardCanvas.tsx), the cards' canvas too.
  expect(Math.abs(board!.width - before!.width)).toBeLessThan(1);
  expect(Math.abs(board!.height - before!.height)).toBeLessThan(1);
  for (const world of NOTE_MIDDLES) {
    expect(
      await page.evaluate(drawnAt, world),
      `the board draws a note at ${world.x},${world.y}`,
    ).toBe(true);
    expect(
      await earlyPaintAt(page, await pageAt(page, world), before!),
      `the early cards had a note at ${world.x},${world.y}`,
    ).toBe(true);
  }
  for (const world of GAPS) {
    expect(await page.evaluate(drawnAt, world)).toBe(false);
    expect(
      await earlyPaintAt(page, await pageAt(page, world), before!),
      `the early cards had a gap at ${world.x},${world.y}`,
    ).toBe(false);
  }
}

test('a new device sees the board’s cards before the board’s code, where the board then shows them', async () => {
  await firstCards('Anna', {}, 'first-cards-desktop');
});

test('on a phone too', async () => {
  await firstCards('Pia', PHONE, 'first-cards-phone');
});

/**
 * A facilitator opens their workshop again (a board without a guiding
 * question): the skeleton's heading has the "rename" button the board's
 * heading will have, so the canvas does not move down when the board arrives.
 */
async function facilitatorReturns(name: string, options: PersonOptions, shot: string) {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Ohne Leitfrage');
  const { page } = await journey.person(name, { ...options, named: true });
  await page.goto(created.urls.facilitator);
  await waitForBoard(page);
  // Its code comes from the network again, where it can be held back, not from the service worker.
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
  const releaseBoard = await holdBoardCode(page);
  await page.reload();
  await page.locator('.workshop-skeleton .board-heading').waitFor();
  const before = await boxOf(page, '.workshop-skeleton .canvas-area');
  expect(before).not.toBeNull();
  await screenshot(page, shot);
  releaseBoard();
  await waitForBoard(page);
  expect(await page.getByRole('button', { name: 'Tafel umbenennen' }).count()).toBe(1);
  const board = await boxOf(page, '.board-canvas');
  expect(board!.x).toBe(before!.x);
  expect(board!.y).toBe(before!.y);
}

test('a facilitator’s page does not move when the board arrives', async () => {
  await facilitatorReturns('Frieda', {}, 'facilitator-skeleton-desktop');
});

test('nor on a phone', async () => {
  await facilitatorReturns('Fritz', PHONE, 'facilitator-skeleton-phone');
});
