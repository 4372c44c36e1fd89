// Banners over the board (the board locked, a voting round, the connection
// lost) lie over the top of the canvas: the stage keeps its size and place, so
// a note never jumps away from under the pointer or the finger when one appears.
import { startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BenchClient, facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join, noteByText } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

const origin = localOrigin(asParticipantId('facilitator'));

const NOTE_TEXT = 'Oben links';

/** Adds the note `layout` measures to the workshop's only board; returns the board. */
function addTopLeftNote(facilitator: BenchClient): BoardId {
  const [board] = listBoards(facilitator.doc);
  if (!board) throw new Error('no board');
  const boardId = board.id as BoardId;
  addNote(
    facilitator.doc,
    {
      boardId,
      x: -120,
      y: -90,
      text: NOTE_TEXT,
      author: 'Moderatorin',
      authorId: asParticipantId('facilitator'),
    },
    origin,
  );
  return boardId;
}

/** Where the stage and the note are on screen, rounded to whole pixels. */
async function layout(page: Page) {
  const stage = await page.locator('.board-canvas').boundingBox();
  const note = await noteByText(page, NOTE_TEXT);
  const tabs = await page.locator('.board-tabs').boundingBox();
  return {
    stage: stage && [stage.x, stage.y, stage.width, stage.height].map(Math.round),
    note: [note.x, note.y].map(Math.round),
    tabsBottom: tabs && Math.round(tabs.y + tabs.height),
  };
}

describe('banners over the board', () => {
  const journey = useJourney();

  test('on a desktop, a long title and the server going silent move nothing either', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(
      server.url,
      'blank',
      'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
    );
    const facilitator = new BenchClient(facilitatorRoom(server.url, created), 0, {}, true);
    await facilitator.connect();
    addTopLeftNote(facilitator);
    facilitator.close();
    const person = await journey.person('desktop');
    await join(person, created.urls.participant, 'Uwe');
    const page = person.page;
    const before = await layout(page);
    const pid = server.child.pid;
    if (!pid) throw new Error('no server pid');
    process.kill(pid, 'SIGSTOP');
    try {
      await expect
        .poll(() => page.locator('.connection').getAttribute('data-status'), { timeout: 15_000 })
        .toBe('reconnecting');
      await screenshot(page, 'banners-desktop-reconnecting');
      expect(await layout(page)).toEqual(before);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  for (const [device, options] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    test(`on a ${device}, the board and its notes stay in place when banners appear`, async () => {
      const created = await createWorkshopViaApi(journey.server().url, 'blank');
      const facilitator = new BenchClient(
        facilitatorRoom(journey.server().url, created),
        0,
        {},
        true,
      );
      await facilitator.connect();
      try {
        const boardId = addTopLeftNote(facilitator);
        const person = await journey.person(device, options);
        await join(person, created.urls.participant, 'Uwe');
        const page = person.page;
        const before = await layout(page);
        await screenshot(page, `banners-${device}-none`);
        // No banner, no strip (it would show in the phone's outline view).
        expect(await page.locator('.board-banners').isVisible()).toBe(false);

        setBoardLocked(facilitator.doc, boardId, true, origin);
        startVotingRound(
          facilitator.doc,
          { boardId, votesPerPerson: 5, maxVotesPerNote: 3, anonymous: true },
          origin,
        );
        await page.locator('[data-locked="true"]').waitFor();
        await page.locator('.votes-left').waitFor();
        await screenshot(page, `banners-${device}-locked-voting`);
        expect(await layout(page)).toEqual(before);

        await person.context.setOffline(true);
        await expect
          .poll(() => page.locator('.connection').getAttribute('data-status'))
          .not.toBe('connected');
        await screenshot(page, `banners-${device}-offline`);
        expect(await layout(page)).toEqual(before);
        // The banners stay readable over the board, below the tabs.
        const banners = await page.locator('.board-banners').boundingBox();
        expect(banners && Math.round(banners.y)).toBeGreaterThanOrEqual(before.tabsBottom ?? 0);
        await expect.poll(() => page.locator('.fac-lock').isVisible()).toBe(true);
        await person.context.setOffline(false);
      } finally {
        facilitator.close();
      }
    });
  }
});
