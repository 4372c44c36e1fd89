// What lies over the board never covers what a person is working on: a
// facilitator drawing and naming the first frame of an empty board sees the
// frame and its name field, not the empty board's hint.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join } from '../harness/board.ts';
import { type PersonOptions, screenshot } from '../harness/browser.ts';
import { addClusterFromPanel, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const PHONE: PersonOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};
const DEVICES = [
  ['desktop', {}],
  ['phone', PHONE],
] as const;

interface Point {
  x: number;
  y: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The element's box on screen, or null when it is not shown. */
async function shownBox(locator: Locator): Promise<Box | null> {
  if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return null;
  return locator.first().boundingBox();
}

/** One finger pressed at `from`, moved to `to` and lifted (Chromium's DevTools protocol). */
async function touchDrag(page: Page, from: Point, to: Point): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, p?: Point) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: p ? [{ x: p.x, y: p.y, id: 0 }] : [],
    });
  await touch('touchStart', from);
  for (let i = 1; i <= 8; i++)
    await touch('touchMove', {
      x: from.x + ((to.x - from.x) * i) / 8,
      y: from.y + ((to.y - from.y) * i) / 8,
    });
  await touch('touchEnd');
  await cdp.detach();
}

describe('overlays over the board', () => {
  const journey = useJourney();

  for (const [device, options] of DEVICES) {
    test(`on a ${device}, the empty board's hint leaves the first frame's name field free`, async () => {
      const created = await createWorkshopViaApi(journey.server().url, 'blank');
      const fac = await journey.person(`fac-${device}`, options);
      await join(fac, created.urls.facilitator, 'Moderatorin');
      await fac.page.locator('[data-empty-hint]').waitFor();
      await screenshot(fac.page, `overlays-${device}-empty-hint`);
      let rename: Locator;
      if (device === 'desktop') rename = await addClusterFromPanel(fac.page);
      else {
        // On a phone the panel lies over the board: the frame is drawn with a
        // finger across the board's middle, where the hint is.
        await openPanel(fac.page, /^Moderation$/);
        await fac.page.locator('[data-action="cluster-draw"]').click();
        await fac.page.getByRole('button', { name: 'Seitenleiste schließen' }).click();
        await screenshot(fac.page, `overlays-${device}-drawing-first-frame`);
        // One hint at a time: how to draw a frame, not how to write a note.
        expect(await shownBox(fac.page.locator('[data-empty-hint]'))).toBeNull();
        const canvas = await fac.page.locator('.board-canvas').boundingBox();
        if (!canvas) throw new Error('no canvas');
        await touchDrag(
          fac.page,
          { x: canvas.x + 30, y: canvas.y + canvas.height * 0.3 },
          { x: canvas.x + canvas.width - 30, y: canvas.y + canvas.height * 0.55 },
        );
        rename = fac.page.getByLabel('Überschrift des Clusters');
      }
      await rename.waitFor();
      await screenshot(fac.page, `overlays-${device}-rename-first-frame`);
      const field = await shownBox(rename);
      expect(field).not.toBeNull();
      const hint = await shownBox(fac.page.locator('[data-empty-hint]'));
      expect(hint && field && overlap(hint, field)).toBeFalsy();
    });
  }
});
