// On a phone the board's tab is the only place its title is shown (the heading
// keeps the question only): a long title has to be readable there, clear of
// the faded edges and the arrows that say more tabs lie beyond.
import { addBoard } from '@pinnwand/shared/ops/boardOps';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { join } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

const LONG_TITLE = 'Neue Aufgaben für Außenstellen und Fachverfahren';
/** The faded edge of the tab strip where more tabs lie beyond (styles.css, 2.5rem). */
const FADE = 40;

describe('board tabs on a phone', () => {
  const journey = useJourney();

  test('a long board title is shown whole in its tab, clear of the faded edges', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    await asFacilitator(journey.server().url, created, (doc) =>
      addBoard(
        doc,
        { title: LONG_TITLE, question: 'Welche Aufgaben kommen auf Ihre Behörde zu?' },
        FACILITATOR_ORIGIN,
      ),
    );
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Özlem');
    const page = phone.page;
    const tab = page.getByRole('tab', { name: LONG_TITLE });
    await tab.tap();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    // The tab is scrolled into view (smoothly or not): measure once it has settled.
    const place = async () => {
      const nav = await page.locator('.board-tabs').boundingBox();
      const box = await tab.boundingBox();
      const more = (await page.locator('.board-tabs').getAttribute('data-more')) ?? '';
      const clipped = await tab.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (!nav || !box) throw new Error('no tab strip');
      return {
        clipped,
        clearLeft: !more.includes('left') || box.x >= nav.x + FADE - 1,
        clearRight: !more.includes('right') || box.x + box.width <= nav.x + nav.width - FADE + 1,
        inside: box.x >= nav.x - 1 && box.x + box.width <= nav.x + nav.width + 1,
      };
    };
    await expect
      .poll(place)
      .toEqual({ clipped: false, clearLeft: true, clearRight: true, inside: true });
    await screenshot(page, 'board-tabs-phone-long-title');
  });

  test('a facilitator’s tabs and the “add board” button after them lie side by side', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro');
    await asFacilitator(journey.server().url, created, (doc) =>
      addBoard(doc, { title: LONG_TITLE, question: '' }, FACILITATOR_ORIGIN),
    );
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.facilitator, 'Moderatorin');
    const page = phone.page;
    await page.getByRole('tab', { name: LONG_TITLE }).waitFor();
    // Left to right along the strip (scroll positions included): each begins where the one before ended.
    const spans = await page
      .locator('.board-tabs [role="tab"], .board-tabs > .button')
      .evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          return { left: box.left, right: box.right };
        }),
      );
    expect(spans.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.left).toBeGreaterThanOrEqual(spans[i - 1]!.right - 0.5);
    await screenshot(page, 'board-tabs-phone-facilitator');
  });
});
