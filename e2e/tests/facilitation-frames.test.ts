// Frames made from the Moderation panel in real Chromium: on a phone the panel
// gives way to drawing one, a frame added from the panel is named straight
// away (on a phone too), a long frame name is read whole in the panel and in
// the frame's heading on the board (wrapped, above the notes in the frame),
// and notes dropped one after another on the same spot of a frame lie side by
// side in it.
import { asParticipantId, type BoardId, type ClusterId } from '@pinnwand/shared/model/ids';
import { assignNotesToCluster, createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { addNoteAt, dragMouse, join, noteBoxes, noteByText } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { addClusterFromPanel, clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const DEVICES: [string, PersonOptions][] = [
  ['desktop', {}],
  ['phone', PHONE],
];

/** The headings drawn on the board: their lines, type size and page rectangle. */
const headings = (page: Page) =>
  page.evaluate(() => {
    type Node = {
      getAttr(name: string): unknown;
      getClientRect(): { x: number; y: number; width: number; height: number };
      container(): HTMLElement;
      find(selector: string): Node[];
    };
    const stage = (window as unknown as { Konva?: { stages: Node[] } }).Konva?.stages[0];
    if (!stage) return [];
    const origin = stage.container().getBoundingClientRect();
    return stage.find('.cluster-heading').map((node) => {
      const r = node.getClientRect();
      return {
        lines: String(node.getAttr('text')).split('\n'),
        size: Number(node.getAttr('fontSize')),
        top: origin.top + r.y,
        bottom: origin.top + r.y + r.height,
      };
    });
  });

describe('frames from the panel', () => {
  const journey = useJourney();

  test('on a phone the panel gives way to drawing a frame, and a long frame name is readable in the panel on phone and desktop', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const [phone, desk] = await Promise.all([
      journey.person('Moderatorin-phone', PHONE),
      journey.person('Moderatorin-desktop'),
    ]);
    await join(phone, created.urls.facilitator, 'Mia');
    await join(desk, created.urls.facilitator, 'Dirk');
    const page = phone.page;
    await openPanel(page, /^Moderation$/);
    await page.locator('.side-panel').getByRole('button', { name: 'Cluster zeichnen' }).click();
    // The panel lay over the whole board: it is gone, the board says what to do.
    await expect.poll(() => page.locator('.side-panel').count()).toBe(0);
    await page.getByText('Ziehen Sie auf der Tafel einen Rahmen').waitFor();
    await screenshot(page, 'draw-frame-phone-panel-gone');
    const canvas = await page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await dragMouse(
      page,
      { x: canvas.x + 40, y: canvas.y + canvas.height * 0.3 },
      { x: canvas.x + canvas.width - 40, y: canvas.y + canvas.height * 0.6 },
    );
    const rename = page.getByLabel('Überschrift des Clusters');
    await rename.waitFor();
    const title = 'Rahmenbedingungen der Verwaltungsdigitalisierung im Landkreis';
    await rename.fill(title);
    await rename.press('Enter');
    await expect
      .poll(async () => (await clusterBoxes(desk.page)).map((c) => c.title))
      .toEqual([title]);
    // Beside its six buttons the name is shown whole, wrapped, not cut off.
    for (const [person, device] of [
      [phone, 'phone'],
      [desk, 'desktop'],
    ] as const) {
      await openPanel(person.page, /^Moderation$/);
      const name = person.page.locator('.fac-clusters .fac-cluster-title');
      await expect.poll(() => name.textContent()).toBe(title);
      await name.scrollIntoViewIfNeeded();
      await screenshot(person.page, `cluster-list-${device}-long-name`);
      const clipped = await name.evaluate(
        (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      );
      expect(clipped, `${device}: the name is cut off`).toBe(false);
      const row = await person.page.locator('.fac-clusters li').boundingBox();
      const panel = await person.page.locator('.side-panel').boundingBox();
      if (!row || !panel) throw new Error('nothing to measure');
      expect(row.x + row.width, `${device}: the row runs past the panel`).toBeLessThanOrEqual(
        panel.x + panel.width,
      );
    }
  });

  // A facilitator names a frame right after adding it from the Moderation panel.
  // On a phone the panel lies over the whole board: it has to give way, or the
  // name field opens underneath it and the frame keeps the default name.
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

  // Notes dragged one after another onto the same spot of a cluster frame: the
  // second lands beside the first, inside the frame, instead of hiding it until
  // the frame is tidied ("Aufräumen").
  test('a note dropped where another lies in the frame goes beside it, both seen whole', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'blank');
    const fac = await journey.person('Moderatorin');
    await join(fac, workshop.urls.facilitator);
    const page = fac.page;
    await addNoteAt(page, 0.15, 0.25, 'Brötchen');
    await addNoteAt(page, 0.15, 0.7, 'Kaffee');
    const rename = await addClusterFromPanel(page);
    await rename.fill('Frühstück');
    await rename.press('Enter');
    await expect.poll(async () => (await clusterBoxes(page)).length).toBe(1);
    const [frame] = await clusterBoxes(page);
    if (!frame) throw new Error('no frame');
    const target = { x: frame.x + frame.width / 3, y: frame.y + frame.height / 2 + 10 };
    await dragMouse(page, await noteByText(page, 'Brötchen'), target);
    await page.waitForTimeout(300);
    await dragMouse(page, await noteByText(page, 'Kaffee'), target);
    await page.waitForTimeout(500);
    await screenshot(page, 'cluster-drop-apart');

    const [bread, coffee] = await Promise.all(
      ['Brötchen', 'Kaffee'].map(async (text) => {
        const box = (await noteBoxes(page)).find((n) => n.text === text);
        if (!box) throw new Error(`no note ${text}`);
        return box;
      }),
    );
    if (!bread || !coffee) throw new Error('notes missing');
    // Neither covers the other.
    const apart =
      Math.abs(bread.x - coffee.x) >= (bread.width + coffee.width) / 2 ||
      Math.abs(bread.y - coffee.y) >= (bread.height + coffee.height) / 2;
    expect(apart).toBe(true);
    // Both lie in the frame (it may have grown to hold them).
    const [after] = await clusterBoxes(page);
    if (!after) throw new Error('no frame');
    for (const note of [bread, coffee]) {
      expect(note.x - note.width / 2).toBeGreaterThanOrEqual(after.x);
      expect(note.x + note.width / 2).toBeLessThanOrEqual(after.x + after.width);
      expect(note.y - note.height / 2).toBeGreaterThanOrEqual(after.y);
      expect(note.y + note.height / 2).toBeLessThanOrEqual(after.y + after.height);
    }
  });

  // A facilitator clusters notes under headings they want to read on the board,
  // not cut after a few words: a long name wraps within the frame, above its notes.
  for (const [device, options] of DEVICES) {
    test(`on a ${device}, a long frame name is read on the board, wrapped above the notes in the frame`, async () => {
      const server = journey.server();
      const workshop = await createWorkshopViaApi(server.url, 'blank');
      const long = 'Was wir aus dem Pilotprojekt mitnehmen';
      const longer =
        'Rahmenbedingungen der Verwaltungsdigitalisierung im Landkreis und in allen kreisangehörigen Gemeinden, gesammelt im zweiten Workshop';
      await asFacilitator(server.url, workshop, (doc) => {
        const boardId = listBoards(doc)[0]?.id as BoardId;
        const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
        const framed = (title: string, x: number, texts: string[]): ClusterId => {
          const id = createCluster(doc, { boardId, title, x, y: 0 }, FACILITATOR_ORIGIN);
          const notes = texts.map((text, i) =>
            addNote(
              doc,
              { boardId, x: x + 16 + i * 172, y: 56, text, ...author },
              FACILITATOR_ORIGIN,
            ),
          );
          assignNotesToCluster(doc, id, notes, FACILITATOR_ORIGIN, { keepPositions: true });
          return id;
        };
        framed(long, 0, ['Früh einbinden', 'Kurze Wege']);
        framed(longer, 400, ['Personal', 'Haushalt']);
      });
      const fac = await journey.person(`headings-${device}`, options);
      await join(fac, workshop.urls.facilitator, 'Moderatorin');
      const page = fac.page;
      await noteByText(page, 'Haushalt');
      await expect.poll(async () => (await headings(page)).length).toBe(2);
      const drawn = await headings(page);
      const first = drawn.find((h) => h.lines[0]?.startsWith('Was'));
      const second = drawn.find((h) => h.lines[0]?.startsWith('Rahmen'));
      if (!first || !second) throw new Error('no headings');
      // The long name over two lines, whole; the longer one smaller, cut with "…" after three.
      expect(first.lines.length).toBe(2);
      expect(first.lines.join(' ').replace(/- /g, '').replace(/\s+/g, ' ')).toBe(long);
      expect(second.lines.length).toBe(3);
      expect(second.size).toBeLessThan(first.size);
      expect(second.lines[2]).toMatch(/…$/);
      // Neither heading reaches down to the notes in its frame.
      for (const [heading, text] of [
        [first, 'Früh einbinden'],
        [second, 'Personal'],
      ] as const) {
        const note = await noteByText(page, text);
        expect(heading.bottom, `heading over "${text}"`).toBeLessThanOrEqual(
          note.y - note.height / 2,
        );
      }
      await screenshot(page, `frame-headings-long-${device}`);
    });
  }
});
