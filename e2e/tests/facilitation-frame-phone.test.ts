// A facilitator names a frame right after adding it from the Moderation panel.
// On a phone the panel lies over the whole board: it has to give way, or the
// name field opens underneath it and the frame keeps the default name.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const DEVICES: [string, PersonOptions][] = [
  ['desktop', {}],
  ['phone', PHONE],
];

describe('naming a frame added from the panel', () => {
  const journey = useJourney();

  for (const [device, options] of DEVICES) {
    test(`on a ${device}, the facilitator types the new frame's name straight away`, async () => {
      const created = await createWorkshopViaApi(journey.server().url, 'blank');
      const fac = await journey.person(`fac-${device}`, options);
      await join(fac, created.urls.facilitator, 'Moderatorin');
      const page = fac.page;
      await openPanel(page, /^Moderation$/);
      await page.locator('.side-panel').getByRole('button', { name: 'Cluster hinzufügen' }).click();
      const rename = page.getByLabel('Überschrift des Clusters');
      await rename.waitFor();
      await expect.poll(() => rename.evaluate((el) => el === document.activeElement)).toBe(true);
      await screenshot(page, `frame-from-panel-${device}-naming`);
      // What the finger or pointer reaches at the field's centre is the field itself.
      const box = await rename.boundingBox();
      if (!box) throw new Error('no name field');
      const onTop = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('aria-label') ?? null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(onTop).toBe('Überschrift des Clusters');
      // On the desktop the panel stays beside the board, as before.
      expect(await page.locator('.side-panel').count()).toBe(device === 'desktop' ? 1 : 0);
      await page.keyboard.type('Ideen');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await clusterBoxes(page)).map((c) => c.title))
        .toEqual(['Ideen']);
      await screenshot(page, `frame-from-panel-${device}-named`);
    });
  }
});
