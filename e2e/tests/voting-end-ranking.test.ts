// When the facilitator ends a vote, the ranking takes the place of the running
// round's controls in the Moderation panel; whatever the panel was scrolled
// to, the ranking's beginning is shown, not cut off at the panel's top.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('ending a vote', () => {
  const journey = useJourney();

  test.each<[string, PersonOptions]>([
    ['desktop', {}],
    ['phone', PHONE],
  ])(
    'the ranking’s beginning is in view when the facilitator ends the round (%s)',
    async (device, options) => {
      const workshop = await createWorkshopViaApi(journey.server().url, 'retro');
      const fac = await journey.person('Moderatorin', options);
      await join(fac, workshop.urls.facilitator);
      const page = fac.page;
      await addNoteAt(page, 0.3, 0.35, 'Mehr Pausen');
      await addNoteAt(page, 0.6, 0.35, 'Kürzere Protokolle');
      await openPanel(page, /^Moderation$/);
      const panel = page.locator('.side-panel');
      await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
      const end = panel.getByRole('button', { name: 'Abstimmung beenden' });
      // The facilitator scrolled down to the button, as one does to reach it.
      await end.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `voting-end-before-${device}`);
      await end.click();
      const heading = panel.locator('.ranking h3');
      await heading.waitFor();
      await expect
        .poll(() => panel.getByRole('button', { name: 'Abstimmung starten' }).count())
        .toBe(1);
      await page.waitForTimeout(300);
      await screenshot(page, `voting-end-after-${device}`);
      // In view means below the panel's tabs, which stay over the scrolled content.
      const headingTop = (await heading.boundingBox())?.y ?? Number.NaN;
      const tabs = await panel.locator('.panel-tabs').boundingBox();
      expect(headingTop).toBeGreaterThanOrEqual((tabs?.y ?? 0) + (tabs?.height ?? 0));
      // The button that had the focus is gone: the ranking has it, not the page.
      expect(await page.evaluate(() => document.activeElement?.closest('.ranking') !== null)).toBe(
        true,
      );
    },
  );
});
