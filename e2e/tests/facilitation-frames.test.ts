// Frames made from the Moderation panel in real Chromium: on a phone the panel
// gives way to drawing one, a frame added from the panel is named straight
// away (on a phone too), a long frame name is read whole in the panel, and
// notes dropped one after another on the same spot of a frame lie side by side
// in it.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, dragMouse, join, noteBoxes, noteByText } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { addClusterFromPanel, clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const DEVICES: [string, PersonOptions][] = [
  ['desktop', {}],
  ['phone', PHONE],
];

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
});
