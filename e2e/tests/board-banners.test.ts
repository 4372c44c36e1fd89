// Banners over the board (the board locked, a voting round, the connection
// lost) lie over the top of the canvas: the stage keeps its size and place, so
// a note never jumps away from under the pointer or the finger when one appears.
//
// What else lies over the board never covers what a person is working on or
// is being shown: a facilitator drawing and naming the first frame of an empty
// board sees the frame and its name field, not the empty board's hint, and so
// does a participant writing a hidden note there; a frame the facilitator
// brings everyone to, or shows those who follow, lies between the follow
// button at the top and the toolbar at the bottom, and the notice that says
// so is centred on the board, beside the side panel.
import { startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { join, noteByText } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { addClusterFromPanel, clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const NOTE_TEXT = 'Oben links';

/** Adds the note `layout` measures to the workshop's only board; returns the board. */
function addTopLeftNote(doc: Y.Doc): BoardId {
  const [board] = listBoards(doc);
  if (!board) throw new Error('no board');
  const boardId = board.id as BoardId;
  addNote(
    doc,
    {
      boardId,
      x: -120,
      y: -90,
      text: NOTE_TEXT,
      author: 'Moderatorin',
      authorId: asParticipantId('facilitator'),
    },
    FACILITATOR_ORIGIN,
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
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: Point) =>
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

describe('banners and overlays over the board', () => {
  const journey = useJourney();

  test('on a desktop, a long title and the server going silent move nothing either', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(
      server.url,
      'blank',
      'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
    );
    await asFacilitator(server.url, created, addTopLeftNote);
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
      let boardId: BoardId | undefined;
      await asFacilitator(journey.server().url, created, (doc) => {
        boardId = addTopLeftNote(doc);
      });
      const person = await journey.person(device, options);
      await join(person, created.urls.participant, 'Uwe');
      const page = person.page;
      const before = await layout(page);
      await screenshot(page, `banners-${device}-none`);
      // No banner, no strip (it would show in the phone's outline view).
      expect(await page.locator('.board-banners').isVisible()).toBe(false);

      await asFacilitator(journey.server().url, created, (doc) => {
        if (!boardId) throw new Error('no board');
        setBoardLocked(doc, boardId, true, FACILITATOR_ORIGIN);
        startVotingRound(
          doc,
          { boardId, votesPerPerson: 5, maxVotesPerNote: 3, anonymous: true },
          FACILITATOR_ORIGIN,
        );
      });
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
    });
  }

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
        // The panel gives way by itself on a phone (FacilitationPanel).
        await fac.page.locator('[data-action="cluster-draw"]').click();
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

  test('while writing hidden on an empty board, the hint leaves the hidden note being written free', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const [fac, a] = await Promise.all([journey.person('fac'), journey.person('a')]);
    await join(fac, created.urls.facilitator, 'Moderatorin');
    await join(a, created.urls.participant, 'Anna');
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
    await a.page.locator('.fac-hidden').waitFor();
    // Written where the hint is: in the board's middle.
    const hint = await shownBox(a.page.locator('[data-empty-hint]'));
    if (!hint) throw new Error('no hint');
    await a.page.mouse.dblclick(hint.x + hint.width / 2, hint.y + hint.height / 2);
    const composer = a.page.locator('.hidden-composer');
    await composer.waitFor();
    await screenshot(a.page, 'overlays-desktop-hidden-composer');
    const written = await shownBox(composer);
    const over = await shownBox(a.page.locator('[data-empty-hint]'));
    expect(written).not.toBeNull();
    expect(over && written && overlap(over, written)).toBeFalsy();
  });

  for (const [device, options] of DEVICES) {
    test(`on a ${device}, the frame the facilitator brings everyone to lies clear of the follow button and the toolbar`, async () => {
      const server = journey.server();
      const created = await createWorkshopViaApi(server.url, 'blank');
      await asFacilitator(server.url, created, (doc) => {
        const [board] = listBoards(doc);
        if (!board) throw new Error('no board');
        const boardId = board.id as BoardId;
        const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
        // A frame about the shape of the screen it is shown on: fitted by its height.
        const tall = device === 'phone';
        createCluster(
          doc,
          {
            boardId,
            title: 'Ideen',
            x: 0,
            y: 0,
            width: tall ? 400 : 900,
            height: 640 * (tall ? 2 : 1),
          },
          FACILITATOR_ORIGIN,
        );
        for (const [i, text] of ['Mehr Pausen', 'Kürzere Runden', 'Fragen vorab'].entries()) {
          const spot = tall ? { x: 40, y: 80 + i * 420 } : { x: 40 + i * 290, y: 80 };
          addNote(doc, { boardId, ...spot, text, ...author }, FACILITATOR_ORIGIN);
        }
      });
      const [fac, follower, other] = await Promise.all([
        journey.person(`fac-${device}`, options),
        journey.person(`follower-${device}`, options),
        journey.person(`other-${device}`, options),
      ]);
      await join(fac, created.urls.facilitator, 'Moderatorin');
      await join(follower, created.urls.participant, 'Uwe');
      await join(other, created.urls.participant, 'Ida');
      await follower.page.getByRole('button', { name: 'Moderation folgen' }).click();
      await follower.page.getByRole('button', { name: 'Nicht mehr folgen' }).waitFor();
      await other.page.getByRole('button', { name: 'Moderation folgen' }).waitFor();
      await openPanel(fac.page, /^Moderation$/);
      await fac.page.getByRole('button', { name: 'Alle hierher holen: Ideen' }).click();
      // On a phone the panel lies over the board.
      if (device === 'phone')
        await fac.page.getByRole('button', { name: 'Seitenleiste schließen' }).click();
      await screenshot(fac.page, `overlays-${device}-facilitator-shows-frame`);
      // The one following is shown the facilitator's view; the other is brought to the frame.
      const shown: { name: string; frame: Box; button: Box; toolbar: Box; canvas: Box }[] = [];
      for (const [person, name] of [
        [follower, 'following'],
        [other, 'brought'],
      ] as const) {
        const page = person.page;
        const said = page.locator('.fac-toast', {
          hasText: 'Die Moderation hat Sie hierher geholt.',
        });
        await said.waitFor();
        // The notice is centred on the board, like the toolbar, not on the window: on
        // the desktop the side panel takes the window's right part.
        const notice = await said.boundingBox();
        const board = await page.locator('.board-canvas').boundingBox();
        if (!notice || !board) throw new Error('no notice to measure');
        const offMiddle = notice.x + notice.width / 2 - (board.x + board.width / 2);
        expect(Math.abs(offMiddle), `${name}: notice off the board's middle`).toBeLessThanOrEqual(
          2,
        );
        await screenshot(page, `overlays-${device}-${name}-notice`);
        let frame: Box | undefined;
        await expect
          .poll(async () => {
            const next = (await clusterBoxes(page))[0];
            const settled = JSON.stringify(next) === JSON.stringify(frame);
            frame = next;
            return settled;
          })
          .toBe(true);
        await screenshot(page, `overlays-${device}-${name}-frame`);
        const button = await shownBox(page.locator('[data-follow-toggle]'));
        const toolbar = await shownBox(page.locator('.toolbar'));
        const canvas = await page.locator('.board-canvas').boundingBox();
        if (!frame || !button || !toolbar || !canvas) throw new Error('nothing to measure');
        shown.push({ name, frame, button, toolbar, canvas });
      }
      // The whole frame, heading first, is on the board, and neither the follow
      // button nor the toolbar lies over it.
      for (const { name, frame, button, toolbar, canvas } of shown) {
        expect(overlap(frame, button), `${name}: follow button over the frame`).toBe(false);
        expect(overlap(frame, toolbar), `${name}: toolbar over the frame`).toBe(false);
        expect(frame.y, name).toBeGreaterThanOrEqual(canvas.y);
        expect(frame.y + frame.height, name).toBeLessThanOrEqual(canvas.y + canvas.height);
      }
    });
  }
});
