// Voting with a finger on a phone (390×844, touch): a tap gives a dot, a long
// press opens the note's menu and gives none, and a tap on one's own dot takes
// it back. Headless Chromium sends no contextmenu for touches through the
// DevTools protocol — like a phone whose browser sends none during the hold —
// so the long press here is the finger held down and lifted, nothing more.
import { endVotingRound, startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { join, noteByText } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('voting on a phone', () => {
  const journey = useJourney();

  test('a long press opens the note’s menu without a dot; a tap on one’s own dot takes it back', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    await asFacilitator(journey.server().url, created, (doc) => {
      const [board] = listBoards(doc);
      if (!board) throw new Error('no board');
      addNote(
        doc,
        {
          boardId: board.id,
          x: -80,
          y: -60,
          text: 'Mehr Pausen',
          author: 'Moderatorin',
          authorId: asParticipantId('facilitator'),
        },
        FACILITATOR_ORIGIN,
      );
      startVotingRound(
        doc,
        { boardId: board.id, votesPerPerson: 5, maxVotesPerNote: 3, anonymous: true },
        FACILITATOR_ORIGIN,
      );
    });
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Uwe');
    const page = phone.page;
    const left = () => page.locator('.fac-bar .votes-left').getAttribute('data-votes-left');
    await expect.poll(left).toBe('5');
    const note = await noteByText(page, 'Mehr Pausen');
    // How to vote is said on the phone too, short, and over no note.
    const hint = page.locator('[data-vote-hint]');
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe(
      'Notiz antippen: Stimme geben. Eigenen Punkt antippen: zurücknehmen.',
    );
    const banners = await page.locator('.board-banners').boundingBox();
    expect(note.y - note.height / 2).toBeGreaterThan((banners?.y ?? 0) + (banners?.height ?? 0));
    await screenshot(page, 'voting-phone-hint');

    // Two taps on the note: two dots.
    await page.touchscreen.tap(note.x, note.y - 20);
    await expect.poll(left).toBe('4');
    await page.waitForTimeout(400);
    await page.touchscreen.tap(note.x, note.y - 20);
    await expect.poll(left).toBe('3');

    // A long press: the finger held on the note, then lifted.
    const cdp = await phone.context.newCDPSession(page);
    await page.waitForTimeout(400);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: note.x, y: note.y - 20, id: 0 }],
    });
    await page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const menu = page.locator('.context-menu');
    await menu.waitFor();
    expect(await menu.textContent()).toContain('Stimme zurücknehmen');
    await page.waitForTimeout(300);
    expect(await left()).toBe('3');
    await screenshot(page, 'voting-phone-long-press-menu');
    // A tap beside the menu closes it (and gives no dot: it is on empty board).
    const canvas = await page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.touchscreen.tap(canvas.x + 30, canvas.y + 30);
    await menu.waitFor({ state: 'detached' });

    // The first of this person's dots, drawn near the note's bottom-left corner.
    const scale = note.width / 160;
    const dot = {
      x: note.x - note.width / 2 + (8 + 5.5) * scale,
      y: note.y - note.height / 2 + (120 - 30 + 5.5) * scale,
    };
    await screenshot(page, 'voting-phone-own-dots');
    await page.waitForTimeout(400);
    await page.touchscreen.tap(dot.x, dot.y);
    await expect.poll(left).toBe('4');
  });

  test('a note with a long link wraps in the vote list and the ranking instead of running out of the panel', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const url =
      'https://www.digitale-verwaltung.de/Webs/DV/DE/onlinezugangsgesetz/efa/efa-node.html';
    await asFacilitator(journey.server().url, created, (doc) => {
      const [board] = listBoards(doc);
      if (!board) throw new Error('no board');
      addNote(
        doc,
        {
          boardId: board.id,
          x: -80,
          y: -60,
          text: `Siehe ${url} für Details.`,
          author: 'Moderatorin',
          authorId: asParticipantId('facilitator'),
        },
        FACILITATOR_ORIGIN,
      );
      startVotingRound(
        doc,
        { boardId: board.id, votesPerPerson: 3, maxVotesPerNote: 3, anonymous: true },
        FACILITATOR_ORIGIN,
      );
    });
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Uwe');
    const page = phone.page;
    await openPanel(page, /^Abstimmen$/);
    const panel = page.locator('.side-panel');
    const overflow = () => panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    await panel.locator('.vote-item').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await panel
      .locator('.vote-item')
      .getByRole('button', { name: /^Stimme geben/ })
      .tap();
    await asFacilitator(journey.server().url, created, (doc) =>
      endVotingRound(doc, FACILITATOR_ORIGIN),
    );
    await panel.locator('.ranking-list li').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'voting-phone-long-link-ranking');
  });
});
