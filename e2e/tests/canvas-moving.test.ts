// Moving notes on the canvas: a note dragged onto another lies on top of it,
// on every screen in the room; a note moved with Shift+arrow stays in sight,
// the view following it instead of letting it slide under the side panel;
// while a note is dragged onto one lying in a cluster frame, the spot it will
// go to is outlined, with the mouse and with a finger, and when the wheel
// moves the board under a mouse held still; a full frame that grows for the
// drop over a loose note marks it, and takes it in.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { assignNotesToCluster, createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { addNoteAt, join, noteByText, pageAt } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

/** The world point of the board under a point of the page. */
const worldAt = (page: Page, at: { x: number; y: number }) =>
  page.evaluate((p) => {
    type Stage = { x(): number; y(): number; scaleX(): number; container(): HTMLElement };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    if (!stage) throw new Error('no stage');
    const origin = stage.container().getBoundingClientRect();
    return {
      x: (p.x - origin.left - stage.x()) / stage.scaleX(),
      y: (p.y - origin.top - stage.y()) / stage.scaleX(),
    };
  }, at);

/** The colour the board's picture shows at a world point ([r, g, b]). */
const colourAt = (page: Page, world: { x: number; y: number }) =>
  page.evaluate((w) => {
    type Stage = { x(): number; y(): number; scaleX(): number; container(): HTMLElement };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    const canvas = document.querySelector<HTMLCanvasElement>('.notes-plane canvas');
    if (!stage || !canvas) return null;
    const origin = stage.container().getBoundingClientRect();
    const screenX = origin.left + stage.x() + w.x * stage.scaleX();
    const screenY = origin.top + stage.y() + w.y * stage.scaleX();
    const box = canvas.getBoundingClientRect();
    const px = Math.floor(((screenX - box.left) * canvas.width) / box.width);
    const py = Math.floor(((screenY - box.top) * canvas.height) / box.height);
    const d = canvas.getContext('2d')?.getImageData(px, py, 1, 1).data;
    return d ? [d[0], d[1], d[2]] : null;
  }, world);

/** Where the canvas outlines that dragged notes will land (world top-lefts). */
const landingSpots = (page: Page) =>
  page.evaluate(() => {
    type Node = { x(): number; y(): number };
    type Stage = { find(selector: string): Node[] };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    return (stage?.find('.landing') ?? []).map((n) => ({ x: n.x(), y: n.y() }));
  });

/** Notes outlined as taken in by a frame that grows for the drop (world top-lefts of the outlines). */
const joinMarks = (page: Page) =>
  page.evaluate(() => {
    type Node = { x(): number; y(): number };
    type Stage = { find(selector: string): Node[] };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    return (stage?.find('.landing-join') ?? []).map((n) => ({ x: n.x(), y: n.y() }));
  });

/** Where the note with `text` is drawn on the board (world top-left; the last drawn if dragged). */
const notePlace = (page: Page, text: string) =>
  page.evaluate((t) => {
    type Node = { x(): number; y(): number; getAttr(name: string): unknown };
    type Stage = { find(selector: string): Node[] };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    const node = stage?.find('.note').find((n) => n.getAttr('noteText') === t);
    return node ? { x: node.x(), y: node.y() } : null;
  }, text);

/** A pointer (mouse or one finger) pressed at `from`, moved to `to` in steps and held there. */
async function pressAndMove(
  page: Page,
  touch: boolean,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<() => Promise<void>> {
  const at = (i: number) => ({
    x: from.x + ((to.x - from.x) * i) / 10,
    y: from.y + ((to.y - from.y) * i) / 10,
  });
  if (!touch) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(at(i).x, at(i).y);
    return () => page.mouse.up();
  }
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ ...p, id: 0 }] : [] });
  await send('touchStart', from);
  for (let i = 1; i <= 10; i++) await send('touchMove', at(i));
  return async () => {
    await send('touchEnd');
    await cdp.detach();
  };
}

describe('moving notes on the canvas', () => {
  const journey = useJourney();

  test('a note dragged onto another lies on top of it, for everyone in the room', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const a = await journey.person('A');
    const b = await journey.person('B');
    await join(a, created.urls.participant, 'Anna');
    await join(b, created.urls.participant, 'Ben');
    // The older note first, then a newer one in another colour.
    await addNoteAt(a.page, 0.25, 0.4, 'Älter');
    await addNoteAt(a.page, 0.7, 0.4, 'Neuer');
    const newer = await noteByText(a.page, 'Neuer');
    await a.page.mouse.click(newer.x, newer.y);
    await a.page.locator('[data-color="blue"]').click();
    await noteByText(b.page, 'Neuer');

    const older = await noteByText(a.page, 'Älter');
    // A spot in the older note's top-left padding (no text): its colour, and the newer one's.
    const corner = (n: { x: number; y: number; width: number; height: number }) => ({
      x: n.x - n.width / 2 + 5,
      y: n.y - n.height / 2 + 5,
    });
    const olderColour = await colourAt(a.page, await worldAt(a.page, corner(older)));
    const newerColour = await colourAt(a.page, await worldAt(a.page, corner(newer)));
    expect(olderColour).not.toEqual(newerColour);

    // The older note dropped so that its top-left corner lies on the newer note.
    const target = {
      x: newer.x - newer.width * 0.3 + older.width / 2,
      y: newer.y - newer.height * 0.3 + older.height / 2,
    };
    await a.page.mouse.move(older.x, older.y);
    await a.page.mouse.down();
    await a.page.mouse.move(target.x, target.y, { steps: 12 });
    await a.page.mouse.up();
    const dropped = await noteByText(a.page, 'Älter');
    const spot = await worldAt(a.page, corner(dropped));
    // Inside both notes: the dropped one is what is seen there.
    await expect.poll(() => colourAt(a.page, spot)).toEqual(olderColour);
    await expect.poll(() => colourAt(b.page, spot), { timeout: 10_000 }).toEqual(olderColour);
    await screenshot(a.page, 'moving-dropped-on-top');
    // What is on top is what a double-click opens.
    const at = await noteByText(a.page, 'Älter');
    await a.page.mouse.dblclick(at.x - at.width / 2 + 8, at.y - at.height / 2 + 8);
    expect(await a.page.getByLabel(/Text der Notiz/).inputValue()).toBe('Älter');
  });

  test('Shift+arrow moves a note along, and the view follows it instead of letting it slide under the side panel', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const a = await journey.person('A');
    await join(a, created.urls.participant, 'Anna');
    await addNoteAt(a.page, 0.5, 0.4, 'Wandert');
    const note = await noteByText(a.page, 'Wandert');
    await a.page.mouse.click(note.x, note.y);
    const canvas = await a.page.locator('.board-canvas').boundingBox();
    const panel = await a.page.locator('#side-panel').boundingBox();
    if (!canvas || !panel) throw new Error('no canvas or side panel');
    // The side panel is open beside the canvas, on its right.
    expect(panel.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1);
    const before = await worldAt(a.page, { x: note.x, y: note.y });
    for (let i = 0; i < 25; i++) await a.page.keyboard.press('Shift+ArrowRight');
    const moved = await noteByText(a.page, 'Wandert');
    await screenshot(a.page, 'moving-keyboard-right');
    // Fully on the canvas, left of the side panel, and moved away from where it was on the board.
    expect(moved.x + moved.width / 2).toBeLessThanOrEqual(panel.x);
    expect(moved.x + moved.width / 2).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(moved.x - moved.width / 2).toBeGreaterThanOrEqual(canvas.x);
    const after = await worldAt(a.page, { x: moved.x, y: moved.y });
    expect(Math.round(after.x - before.x)).toBe(25 * 40);
    // Downwards it stays above the toolbar.
    for (let i = 0; i < 20; i++) await a.page.keyboard.press('Shift+ArrowDown');
    const down = await noteByText(a.page, 'Wandert');
    const toolbar = await a.page.locator('.toolbar').boundingBox();
    if (!toolbar) throw new Error('no toolbar');
    expect(down.y + down.height / 2).toBeLessThanOrEqual(toolbar.y);
    await screenshot(a.page, 'moving-keyboard-down');
  });

  // Text selected across the board (a drag that began on the heading, a
  // triple-click) includes the canvas: Chromium then took a press and move on
  // a note for a drag of that selection and cancelled the note's drag.
  test('a note still moves while text on the page is selected across the board', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const a = await journey.person('A');
    await join(a, created.urls.participant, 'Anna');
    await addNoteAt(a.page, 0.3, 0.4, 'Trotz Markierung');
    const note = await noteByText(a.page, 'Trotz Markierung');
    const before = await notePlace(a.page, 'Trotz Markierung');
    await a.page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.board-main') as Node);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await a.page.mouse.move(note.x, note.y);
    await a.page.mouse.down();
    await a.page.mouse.move(note.x + 150, note.y + 80, { steps: 12 });
    await a.page.mouse.up();
    await expect.poll(() => notePlace(a.page, 'Trotz Markierung')).not.toEqual(before);
  });

  for (const [device, options] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    test(`on a ${device}, a note dragged onto one lying in a frame shows where it will go, and goes there`, async () => {
      const server = journey.server();
      const created = await createWorkshopViaApi(server.url, 'blank');
      // A frame for two notes side by side, one lying in its first slot; another note below it.
      const lying = { x: 16, y: 56 };
      const beside = { x: 188, y: 56 };
      await asFacilitator(server.url, created, (doc) => {
        const boardId = listBoards(doc)[0]?.id as BoardId;
        const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
        createCluster(doc, { boardId, title: 'Ideen', x: 0, y: 0 }, FACILITATOR_ORIGIN);
        addNote(doc, { boardId, ...lying, text: 'Liegt', ...author }, FACILITATOR_ORIGIN);
        addNote(doc, { boardId, x: 100, y: 320, text: 'Kommt', ...author }, FACILITATOR_ORIGIN);
      });
      const a = await journey.person(`mover-${device}`, options);
      await join(a, created.urls.participant, 'Anna');
      const page = a.page;
      await noteByText(page, 'Kommt');
      expect(await landingSpots(page)).toEqual([]);

      // Pressed in the note's middle and brought onto the lying note, a little right of it.
      const from = await pageAt(page, { x: 100 + 80, y: 320 + 60 });
      const to = await pageAt(page, { x: lying.x + 80 + 30, y: lying.y + 60 + 10 });
      const release = await pressAndMove(page, device === 'phone', from, to);
      await expect.poll(() => landingSpots(page)).toEqual([beside]);
      await screenshot(page, `moving-landing-preview-${device}`);
      await release();

      // It lies where the outline was, and the outline is gone.
      await expect.poll(() => notePlace(page, 'Kommt')).toEqual(beside);
      expect(await landingSpots(page)).toEqual([]);
      expect(await notePlace(page, 'Liegt')).toEqual(lying);
      await screenshot(page, `moving-landing-dropped-${device}`);
    });
  }

  test('a note held still while the wheel moves the board follows the board, its landing shown at once', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank');
    const lying = { x: 16, y: 56 };
    const beside = { x: 188, y: 56 };
    await asFacilitator(server.url, created, (doc) => {
      const boardId = listBoards(doc)[0]?.id as BoardId;
      const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
      createCluster(doc, { boardId, title: 'Ideen', x: 0, y: 0 }, FACILITATOR_ORIGIN);
      addNote(doc, { boardId, ...lying, text: 'Liegt', ...author }, FACILITATOR_ORIGIN);
      addNote(doc, { boardId, x: 100, y: 320, text: 'Kommt', ...author }, FACILITATOR_ORIGIN);
    });
    const a = await journey.person('wheel-mover');
    await join(a, created.urls.participant, 'Anna');
    const page = a.page;
    await noteByText(page, 'Kommt');
    const scale = await page.evaluate(() => {
      type Stage = { scaleX(): number };
      return (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]?.scaleX() ?? 1;
    });

    // Held 220 units below the spot of the other test, where the note lies below the frame.
    const from = await pageAt(page, { x: 100 + 80, y: 320 + 60 });
    const onLying = { x: lying.x + 80 + 30, y: lying.y + 60 + 10 };
    const below = await pageAt(page, { x: onLying.x, y: onLying.y + 220 });
    const release = await pressAndMove(page, false, from, below);
    await page.waitForTimeout(200);
    expect(await landingSpots(page)).toEqual([]);
    // The wheel brings the board 220 units down under the mouse, which does not move:
    // the note is now over the lying one, and where it will go is shown without a move.
    await page.mouse.wheel(0, -220 * scale);
    await expect.poll(() => landingSpots(page)).toEqual([beside]);
    expect(await worldAt(page, below)).toEqual({
      x: expect.closeTo(onLying.x, 0),
      y: expect.closeTo(onLying.y, 0),
    });
    await screenshot(page, 'moving-landing-after-wheel');
    await release();
    await expect.poll(() => notePlace(page, 'Kommt')).toEqual(beside);
  });

  test('a full frame that grows for a drop over a loose note marks it while dragging, and takes it in', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank');
    await asFacilitator(server.url, created, (doc) => {
      const boardId = listBoards(doc)[0]?.id as BoardId;
      const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
      const frame = createCluster(doc, { boardId, title: 'Ideen', x: 0, y: 0 }, FACILITATOR_ORIGIN);
      const full = [
        addNote(doc, { boardId, x: 16, y: 56, text: 'Eins', ...author }, FACILITATOR_ORIGIN),
        addNote(doc, { boardId, x: 188, y: 56, text: 'Zwei', ...author }, FACILITATOR_ORIGIN),
      ];
      assignNotesToCluster(doc, frame, full, FACILITATOR_ORIGIN, { keepPositions: true });
      // Just below the frame, where it grows to hold a third note.
      addNote(doc, { boardId, x: 188, y: 200, text: 'Darunter', ...author }, FACILITATOR_ORIGIN);
      addNote(doc, { boardId, x: 100, y: 400, text: 'Kommt', ...author }, FACILITATOR_ORIGIN);
    });
    const fac = await journey.person('grow-mover');
    await join(fac, created.urls.facilitator, 'Moderatorin');
    const page = fac.page;
    await noteByText(page, 'Kommt');
    const unclustered = page.locator('.side-panel').getByText('Ohne Cluster');
    await unclustered.waitFor();

    const from = await pageAt(page, { x: 100 + 80, y: 400 + 60 });
    const to = await pageAt(page, { x: 16 + 80 + 30, y: 56 + 60 + 10 });
    const release = await pressAndMove(page, false, from, to);
    await expect.poll(() => landingSpots(page)).toEqual([{ x: 16, y: 188 }]);
    expect(await joinMarks(page)).toEqual([{ x: 184, y: 196 }]);
    await screenshot(page, 'moving-landing-grow-takes-in');
    await release();
    // Both the dropped note and the one the grown frame covers are in the cluster.
    await expect.poll(() => unclustered.count()).toBe(0);
    expect(await joinMarks(page)).toEqual([]);
    await screenshot(page, 'moving-landing-grow-taken-in');
  });
});
