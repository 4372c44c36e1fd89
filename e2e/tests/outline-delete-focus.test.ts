// Deleting a note from the outline with the keyboard keeps the keyboard user in
// the list: the focus moves to the next note, to the previous one when the last
// went, and to the board's heading when none is left — never to the page's body.
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import type { CreatedWorkshop } from '@pinnwand/shared/protocol/http';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { join, outlineTexts } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { type Journey, useJourney } from '../harness/journey.ts';

/** What has the focus: a button's accessible name, or the element and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.getAttribute('aria-label') ?? `${el.tagName.toLowerCase()}: ${el.textContent}`;
  });

/**
 * Runs `body` on a blank workshop whose board holds the notes Eins, Zwei and
 * Drei, one under the other, written by the facilitator before anyone opens it.
 */
async function withThreeNotes(
  journey: Journey,
  body: (created: CreatedWorkshop) => Promise<void>,
): Promise<void> {
  const created = await createWorkshopViaApi(journey.server().url, 'blank');
  await asFacilitator(journey.server().url, created, (doc) => {
    const [board] = listBoards(doc);
    if (!board) throw new Error('no board');
    ['Eins', 'Zwei', 'Drei'].forEach((text, i) => {
      addNote(
        doc,
        {
          boardId: board.id,
          x: 0,
          y: i * 160,
          text,
          author: 'Moderatorin',
          authorId: asParticipantId('facilitator'),
        },
        FACILITATOR_ORIGIN,
      );
    });
  });
  await body(created);
}

describe('deleting from the outline', () => {
  const journey = useJourney();

  test('the focus goes to the next note, then the previous, then the board’s heading', async () => {
    await withThreeNotes(journey, async (created) => {
      const fac = await journey.person('Moderatorin');
      await join(fac, created.urls.facilitator);
      const page = fac.page;
      await expect.poll(() => outlineTexts(page)).toEqual(['Eins', 'Zwei', 'Drei']);

      // The middle one: the next note takes the focus.
      await page.getByRole('button', { name: 'Notiz „Zwei“ löschen' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => outlineTexts(page)).toEqual(['Eins', 'Drei']);
      await expect.poll(() => focused(page)).toBe('Notiz „Drei“ bearbeiten');
      await screenshot(page, 'outline-delete-focus-next');

      // On with the keyboard: Tab to its delete button; the last one went, the previous takes it.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('Notiz „Drei“ löschen');
      await page.keyboard.press('Enter');
      await expect.poll(() => outlineTexts(page)).toEqual(['Eins']);
      await expect.poll(() => focused(page)).toBe('Notiz „Eins“ bearbeiten');

      // The last note of the list: the board's heading.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => outlineTexts(page)).toEqual([]);
      await expect.poll(() => focused(page)).toMatch(/^summary: Tafel 1/);
      await screenshot(page, 'outline-delete-focus-heading');
    });
  });

  test('on a phone’s outline too, the next note takes the focus', async () => {
    await withThreeNotes(journey, async (created) => {
      const phone = await journey.person('phone', PHONE);
      await join(phone, created.urls.facilitator, 'Moderatorin');
      const page = phone.page;
      await page.getByRole('button', { name: 'Gliederung', exact: true }).tap();
      const outline = page.locator('.mobile-outline');
      await outline.getByRole('button', { name: 'Notiz „Zwei“ löschen' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => outline.locator('.outline-text').allTextContents())
        .toEqual(['Eins', 'Drei']);
      await expect.poll(() => focused(page)).toBe('Notiz „Drei“ bearbeiten');
      await screenshot(page, 'outline-delete-focus-phone');
    });
  });
});
