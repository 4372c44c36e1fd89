// Clusters with a facilitator and two participants in real Chromium: a named
// frame added and renamed in place, notes dragged in and out on the canvas,
// moved by keyboard in the outline and the context menu, the frame moved with
// its notes, resized over a note lying beside it (which joins); and the local
// cluster suggestions on the example's "Neues" board, edited, accepted as one
// step and undone as one step. Making frames from the panel:
// facilitation-frames.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addNoteAt, dragMouse, noteByText, seriousAxeViolations } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import {
  addClusterFromPanel,
  axeSource,
  clusterBoxes,
  openPanel,
  roomOfThree,
  showBoard,
} from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

/** Note texts the outline lists under the cluster heading `title`. */
async function outlineCluster(page: Page, title: string): Promise<string[]> {
  return page
    .locator('.side-panel .outline-cluster')
    .filter({ has: page.locator('h4', { hasText: title }) })
    .locator('.outline-text')
    .allTextContents();
}

describe('clusters', () => {
  const journey = useJourney();

  test('notes join a cluster by drag on the canvas, by keyboard in the outline and the context menu', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await addNoteAt(a.page, 0.15, 0.2, 'Brötchen');
    await addNoteAt(b.page, 0.15, 0.75, 'Kaffee');
    await addNoteAt(fac.page, 0.85, 0.75, 'Obst');

    const rename = await addClusterFromPanel(fac.page);
    await rename.fill('Frühstück');
    await rename.press('Enter');
    await expect
      .poll(async () => (await clusterBoxes(a.page)).map((c) => c.title))
      .toEqual(['Frühstück']);

    // A drags its note onto the frame: it joins.
    const [frame] = await clusterBoxes(a.page);
    if (!frame) throw new Error('no frame');
    const bread = await noteByText(a.page, 'Brötchen');
    await dragMouse(a.page, bread, {
      x: frame.x + frame.width / 2,
      y: frame.y + frame.height / 2 + 10,
    });
    await openPanel(a.page, /^Gliederung$/);
    await expect.poll(() => outlineCluster(a.page, 'Frühstück')).toEqual(['Brötchen']);
    // One undo takes back the drag and the joining together; redo brings both back.
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => outlineCluster(a.page, 'Frühstück')).toEqual([]);
    expect(await outlineCluster(a.page, 'Ohne Cluster')).toContain('Brötchen');
    expect((await noteByText(a.page, 'Brötchen')).x).toBeCloseTo(bread.x, 0);
    await a.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => outlineCluster(a.page, 'Frühstück')).toEqual(['Brötchen']);
    await expect.poll(() => outlineCluster(a.page, 'Frühstück')).toEqual(['Brötchen']);

    // B moves its note into the cluster with the keyboard, in the outline.
    await openPanel(b.page, /^Gliederung$/);
    const moveButton = b.page.getByRole('button', { name: 'Notiz „Kaffee“ verschieben …' });
    await moveButton.focus();
    await b.page.keyboard.press('Enter');
    const select = b.page.getByLabel('Ziel für Notiz „Kaffee“');
    await select.focus();
    const option = await select
      .locator('option', { hasText: 'Frühstück' })
      .first()
      .getAttribute('value');
    await select.selectOption(option ?? '');
    await b.page.keyboard.press('Tab');
    await b.page.keyboard.press('Enter');
    await expect.poll(() => outlineCluster(b.page, 'Frühstück')).toEqual(['Brötchen', 'Kaffee']);

    // The facilitator uses the context menu by keyboard: select, Shift+F10, arrows, Enter.
    const fruit = await noteByText(fac.page, 'Obst');
    await fac.page.mouse.click(fruit.x, fruit.y);
    await fac.page.keyboard.press('Shift+F10');
    const menu = fac.page.getByRole('menu');
    await menu.waitFor();
    await expect
      .poll(() => fac.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Frühstück');
    await fac.page.keyboard.press('Enter');
    await openPanel(fac.page, /^Gliederung$/);
    await expect.poll(async () => (await outlineCluster(fac.page, 'Frühstück')).length).toBe(3);
    await screenshot(fac.page, 'facilitation-cluster');

    // A drags its note out again: it leaves.
    const [frame2] = await clusterBoxes(a.page);
    const bread2 = await noteByText(a.page, 'Brötchen');
    if (!frame2) throw new Error('no frame');
    await dragMouse(a.page, bread2, {
      x: frame2.x + frame2.width + 140,
      y: frame2.y + frame2.height + 90,
    });
    await expect.poll(() => outlineCluster(a.page, 'Ohne Cluster')).toEqual(['Brötchen']);

    // The facilitator moves the frame by its heading; its notes come along.
    const [frame3] = await clusterBoxes(fac.page);
    const coffee = await noteByText(fac.page, 'Kaffee');
    if (!frame3) throw new Error('no frame');
    await dragMouse(
      fac.page,
      { x: frame3.x + 30, y: frame3.y + 12 },
      { x: frame3.x - 50, y: frame3.y - 20 },
    );
    await expect
      .poll(async () => {
        const moved = await noteByText(fac.page, 'Kaffee');
        const [f] = await clusterBoxes(fac.page);
        if (!f || f.x >= frame3.x - 20) return false;
        return Math.abs(moved.x - coffee.x - (f.x - frame3.x)) < 2;
      })
      .toBe(true);

    // Resize by the corner grip, tidy up from the frame's context menu.
    const [frame4] = await clusterBoxes(fac.page);
    if (!frame4) throw new Error('no frame');
    const corner = { x: frame4.x + frame4.width - 6, y: frame4.y + frame4.height - 6 };
    await dragMouse(fac.page, corner, { x: corner.x + 120, y: corner.y + 60 });
    await expect.poll(async () => (await clusterBoxes(b.page))[0]?.width ?? 0).toBeGreaterThan(0);
    await expect
      .poll(async () => ((await clusterBoxes(fac.page))[0]?.width ?? 0) - frame4.width)
      .toBeGreaterThan(100);
    await fac.page.mouse.click(frame4.x + 30, frame4.y + 12, { button: 'right' });
    await fac.page.getByRole('menuitem', { name: 'Aufräumen' }).click();
    await expect
      .poll(async () => {
        const [k, o] = [await noteByText(fac.page, 'Kaffee'), await noteByText(fac.page, 'Obst')];
        return Math.abs(k.x - o.x) >= k.width || Math.abs(k.y - o.y) >= k.height;
      })
      .toBe(true);

    // The facilitator resizes the frame over Brötchen, lying below and right of it:
    // the outline lists it under the frame, as the board shows it; one undo lets it go.
    const [frame5] = await clusterBoxes(fac.page);
    const bread3 = await noteByText(fac.page, 'Brötchen');
    if (!frame5) throw new Error('no frame');
    const grip = { x: frame5.x + frame5.width - 6, y: frame5.y + frame5.height - 6 };
    await dragMouse(fac.page, grip, {
      x: Math.max(grip.x, bread3.x + 30),
      y: Math.max(grip.y, bread3.y + 30),
    });
    await expect.poll(() => outlineCluster(fac.page, 'Frühstück')).toContain('Brötchen');
    expect(await outlineCluster(fac.page, 'Ohne Cluster')).toEqual([]);
    await screenshot(fac.page, 'facilitation-cluster-resized-over-note');
    await fac.page.keyboard.press('Control+z');
    await expect.poll(() => outlineCluster(fac.page, 'Ohne Cluster')).toEqual(['Brötchen']);

    // Draw a new frame on empty board, named in place.
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Cluster zeichnen' }).click();
    const canvas = await fac.page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await dragMouse(
      fac.page,
      { x: canvas.x + 30, y: canvas.y + 30 },
      { x: canvas.x + 230, y: canvas.y + 170 },
    );
    await fac.page.getByLabel('Überschrift des Clusters').fill('Gezeichnet');
    await fac.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await clusterBoxes(b.page)).map((c) => c.title).sort())
      .toEqual(['Frühstück', 'Gezeichnet']);
  });

  test('suggestions on the example’s “Neues” board: preview, edit, accept as one step, undo', async () => {
    const { fac, b } = await roomOfThree(journey, 'ozg-example');
    await showBoard(fac.page, 'Neues');
    await showBoard(b.page, 'Neues');
    const before = (await clusterBoxes(fac.page)).length;
    await openPanel(fac.page, /^Moderation$/);
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Cluster vorschlagen' })
      .click();
    const dialog = fac.page.getByRole('dialog');
    await dialog.waitFor();
    const suggestions = dialog.locator('.suggestion');
    await expect.poll(() => suggestions.count()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => dialog.locator('.suggestion-why').first().textContent())
      .toMatch(/^Gemeinsam: /);
    await screenshot(fac.page, 'facilitation-suggestions');
    expect(await seriousAxeViolations(fac.page, axeSource)).toEqual([]);
    const count = await suggestions.count();
    await suggestions.first().locator('.suggestion-title').fill('Vorschlag Eins');
    // Take one note out of the second proposal.
    const second = suggestions.nth(1);
    const notesInSecond = await second.locator('.suggestion-notes li').count();
    await second
      .getByRole('button', { name: /Aus Vorschlag entfernen/ })
      .first()
      .click();
    if (notesInSecond > 1)
      await expect
        .poll(() => second.locator('.suggestion-notes li').count())
        .toBe(notesInSecond - 1);
    await dialog.getByRole('button', { name: /Übernehmen/ }).click();
    await expect.poll(async () => (await clusterBoxes(b.page)).length).toBe(before + count);
    await expect
      .poll(async () => (await clusterBoxes(b.page)).map((c) => c.title))
      .toContain('Vorschlag Eins');
    await screenshot(fac.page, 'facilitation-suggestions-accepted');

    // Near-duplicates on "Bewährtes": merged, the copies disappear for everyone.
    await showBoard(fac.page, 'Bewährtes');
    await openPanel(b.page, /^Gliederung$/);
    const notesBefore = await b.page.locator('.side-panel .outline-note').count();
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Duplikate finden' }).click();
    const dupDialog = fac.page.getByRole('dialog');
    const group = dupDialog.locator('.suggestion').first();
    await group.waitFor();
    const options = group.locator('input[type="radio"]:not([data-keep="combine"])');
    const size = Number(await group.getAttribute('data-size'));
    expect(size).toBeGreaterThan(1);
    const texts = await group.locator('.suggestion-note-text').allTextContents();
    // The same text is shown once, with nothing to choose and no percentage beside its count;
    // a percentage is shown only for texts that differ, and never claims "100 %" for them.
    const labels = await group.locator('.row .muted').allTextContents();
    const identical = (await options.count()) === 0;
    if (identical) {
      expect(texts).toHaveLength(1);
      expect(labels).toEqual([]);
      await expect(group.textContent()).resolves.toContain(`${size} Notizen mit diesem Text`);
    } else {
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatch(/^\d+ % ähnlich/);
      expect(labels[0]).not.toContain('100 %');
      // Keep the last note's text as it is.
      await options.nth(size - 1).check();
    }
    await screenshot(fac.page, 'facilitation-duplicates');
    await group.getByRole('button', { name: 'Zusammenführen' }).click();
    await expect
      .poll(() => b.page.locator('.side-panel .outline-note').count())
      .toBe(notesBefore - (size - 1));
    const kept = texts[identical ? 0 : size - 1]!.trim();
    await expect
      .poll(
        async () =>
          (await b.page.locator('.side-panel .outline-note').allTextContents()).filter((t) =>
            t.includes(kept),
          ).length,
      )
      .toBeGreaterThanOrEqual(1);
    await dupDialog.getByRole('button', { name: 'Schließen' }).click();
    await showBoard(fac.page, 'Neues');

    // One undo takes all of it back.
    await fac.page.locator('.board-canvas').focus();
    await fac.page.keyboard.press('Control+z');
    await fac.page.keyboard.press('Control+z');
    await expect.poll(async () => (await clusterBoxes(b.page)).length).toBe(before);
  });
});
