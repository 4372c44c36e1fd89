// The reveal of hidden writing with two participants in real Chromium: both
// wrote a note on the same spot, neither could see the other's; after
// "Aufdecken" every screen shows both notes, neither hiding the other.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { noteByText } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { openPanel, roomOfThree } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

async function writeHidden(page: Page, text: string): Promise<void> {
  const box = await page.locator('.board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.dblclick(box.x + box.width * 0.4, box.y + box.height * 0.4);
  await page.getByLabel('Verdeckte Notiz').fill(text);
  await page.getByRole('button', { name: 'Speichern' }).click();
}

function apart(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return Math.abs(a.x - b.x) >= a.width - 1 || Math.abs(a.y - b.y) >= a.height - 1;
}

describe('the reveal', () => {
  const journey = useJourney();

  test('notes two people wrote hidden on the same spot are both visible after the reveal', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(1);
    await expect.poll(() => b.page.locator('.fac-hidden').count()).toBe(1);

    await writeHidden(a.page, 'Annas Kiwi');
    await writeHidden(b.page, 'Bens Mango');
    await expect.poll(() => panel.locator('.fac-counts').textContent()).toContain('Anna: 1');
    await expect.poll(() => panel.locator('.fac-counts').textContent()).toContain('Ben: 1');
    // Each wrote at the same place of the same view: one would cover the other.
    await panel.getByRole('button', { name: 'Aufdecken' }).click();

    for (const page of [fac.page, a.page, b.page]) {
      await expect
        .poll(async () => apart(await noteByText(page, 'Kiwi'), await noteByText(page, 'Mango')), {
          timeout: 10_000,
        })
        .toBe(true);
    }
    await screenshot(b.page, 'facilitation-reveal-apart');
  });
});
