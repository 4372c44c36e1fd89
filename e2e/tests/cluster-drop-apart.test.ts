// Notes dragged one after another onto the same spot of a cluster frame: the
// second lands beside the first, inside the frame, instead of hiding it until
// the frame is tidied ("Aufräumen").
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, dragMouse, join, noteBoxes, noteByText } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { addClusterFromPanel, clusterBoxes } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('dropping notes into a cluster frame', () => {
  const journey = useJourney();

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
