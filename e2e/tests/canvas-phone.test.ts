// A phone's double tap on a note opens its editor and nothing else (a tap
// into the open editor leaves it open); a long press opens the note's menu. Chromium on a phone may follow the second tap
// of a double tap with a contextmenu event (seen about 50 ms after the editor
// opened): it is not a long press. Headless Chromium sends no contextmenu for
// touches sent through the DevTools protocol (not even for a long press), so
// the test sends the one a phone's browser sends, where it sends it: at the
// finger, on whatever lies there — the note editor that just opened under
// it, or the note's author line beside the editor.

import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { join, noteByText } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

/** The contextmenu a phone's browser fires at a touch point, on the element there. */
const browserContextMenu = (page: Page, at: { x: number; y: number }) =>
  page.evaluate((p) => {
    const target = document.elementFromPoint(p.x, p.y);
    target?.dispatchEvent(
      new PointerEvent('contextmenu', {
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: p.x,
        clientY: p.y,
        pointerType: 'touch',
        isPrimary: true,
      }),
    );
    return target?.className ?? '';
  }, at);

describe('taps on a phone', () => {
  const journey = useJourney();

  test('a double tap on a note opens its editor and not the note menu; a long press opens the menu', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    // A cluster on the board, far from the note: the note's menu offers "In Cluster verschieben".
    await asFacilitator(journey.server().url, created, (doc) => {
      const [board] = listBoards(doc);
      if (!board) throw new Error('no board');
      createCluster(
        doc,
        { boardId: board.id, title: 'Ideen', x: -3000, y: -3000 },
        FACILITATOR_ORIGIN,
      );
    });
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Uwe');
    const page = phone.page;
    const box = await page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    // A note, written by a double tap on empty board.
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(80);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const editor = page.getByLabel(/Text der Notiz/);
    await editor.waitFor();
    await editor.pressSequentially('Antippen', { delay: 5 });
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const note = await noteByText(page, 'Antippen');
    const menu = page.locator('.context-menu');

    // Where the finger lands: the middle of the note (under the editor once it is open),
    // and its author line (beside the editor).
    const spots = [
      { x: note.x, y: note.y },
      { x: note.x - note.width / 2 + 12, y: note.y + note.height / 2 - 6 },
    ];
    for (const [i, spot] of spots.entries()) {
      await page.touchscreen.tap(spot.x, spot.y);
      await page.waitForTimeout(60);
      await page.touchscreen.tap(spot.x, spot.y);
      await editor.waitFor();
      await page.waitForTimeout(50);
      await browserContextMenu(page, spot);
      await page.waitForTimeout(150);
      expect(await menu.count(), `spot ${i}`).toBe(0);
      expect(await editor.evaluate((el) => el === document.activeElement), `spot ${i}`).toBe(true);
      if (i === 0) {
        await screenshot(page, 'phone-double-tap-editor');
        // A tap into the open editor places the caret there; it is no press on the board.
        await page.waitForTimeout(400);
        await page.touchscreen.tap(note.x, note.y - 10);
        await page.waitForTimeout(150);
        expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }

    // A long press: the finger stays down, the browser sends its contextmenu, the menu opens.
    const cdp = await phone.context.newCDPSession(page);
    await page.waitForTimeout(400);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: note.x, y: note.y, id: 0 }],
    });
    await page.waitForTimeout(500);
    await browserContextMenu(page, { x: note.x, y: note.y });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await menu.waitFor();
    expect(await menu.textContent()).toContain('In Cluster verschieben');
    expect(await editor.count()).toBe(0);
    await screenshot(page, 'phone-long-press-menu');
  });
});
