// Everything on the canvas goes through one input pipeline and every note
// change through one gate (client/ARCHITECTURE.md): a participant's delete of
// someone else's note is refused with the reason, on the canvas as in the
// outline; while voting a double-click gives two dots and opens no editor; the
// note menu opens on right-click; Esc leaves the frame tool, after which a drag
// selects instead of drawing a frame.

import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, noteBoxes, noteByText } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { clusterBoxes, openPanel, roomOfThree } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('canvas input and the note gate', () => {
  const journey = useJourney();

  test('one rule for deleting on the canvas, dots by double-click, the note menu', async () => {
    const { fac, a } = await roomOfThree(journey, 'blank');
    await addNoteAt(fac.page, 0.3, 0.3, 'Von der Moderation');
    await addNoteAt(a.page, 0.6, 0.5, 'Von Anna');
    await noteByText(a.page, 'Von der Moderation');

    // A participant selects someone else's note and presses Delete: refused, and told why.
    const theirs = await noteByText(a.page, 'Von der Moderation');
    await a.page.mouse.click(theirs.x, theirs.y);
    await a.page.keyboard.press('Delete');
    await expect
      .poll(() => a.page.locator('.fac-toast').textContent())
      .toContain('Sie können nur Ihre eigenen Notizen löschen.');
    expect((await noteBoxes(fac.page)).map((n) => n.text)).toContain('Von der Moderation');
    // Their own goes, with the undo hint.
    const mine = await noteByText(a.page, 'Von Anna');
    await a.page.mouse.click(mine.x, mine.y);
    await a.page.keyboard.press('Delete');
    await expect
      .poll(() => a.page.locator('.fac-toast').textContent())
      .toContain('Notiz gelöscht – Rückgängig (Strg+Z)');
    await a.page.keyboard.press('Control+z');
    await noteByText(fac.page, 'Von Anna');

    // Voting: a double-click on a note is two dots, and no editor opens.
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
    const left = () => a.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left');
    await expect.poll(left).toBe('5');
    const target = await noteByText(a.page, 'Von der Moderation');
    await a.page.mouse.dblclick(target.x, target.y);
    await expect.poll(left).toBe('3');
    expect(await a.page.getByLabel(/Text der Notiz/).count()).toBe(0);

    // Right-click opens the note's menu; Esc closes it and focus is back on the canvas.
    await a.page.mouse.click(target.x, target.y, { button: 'right' });
    const menu = a.page.getByRole('menu');
    await menu.waitFor();
    await expect.poll(() => menu.getByRole('menuitem', { name: 'Stimme geben' }).count()).toBe(1);
    await screenshot(a.page, 'canvas-note-menu');
    await a.page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
  });

  test('Esc leaves the frame tool; a drag then selects instead of drawing a frame', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const fac = await journey.person('Moderatorin');
    await join(fac, created.urls.facilitator);
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    // The frame tool: Esc leaves it, and a drag on empty board then draws no frame.
    await panel.getByRole('button', { name: 'Cluster zeichnen' }).click();
    await expect.poll(() => fac.page.locator('.fac-hint').count()).toBe(1);
    await fac.page.locator('.board-canvas').focus();
    await fac.page.keyboard.press('Escape');
    await expect.poll(() => fac.page.locator('.fac-hint').count()).toBe(0);
    const box = await fac.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await fac.page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.6);
    await fac.page.mouse.down();
    await fac.page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.8, { steps: 5 });
    await fac.page.mouse.up();
    // A note written afterwards lands after any frame would have: none was drawn.
    await addNoteAt(fac.page, 0.8, 0.2, 'Danach');
    await noteByText(fac.page, 'Danach');
    expect(await clusterBoxes(fac.page)).toEqual([]);
  });
});
