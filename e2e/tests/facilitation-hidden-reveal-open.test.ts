// The reveal can come while a participant still has a hidden note open. The
// editor then says that saving publishes the note for everyone, and what was
// typed in it is what reaches the board.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { canvasTexts, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const DEVICES: [string, PersonOptions][] = [
  ['desktop', {}],
  ['phone', PHONE],
];

describe('a hidden note open at the reveal', () => {
  const journey = useJourney();

  for (const [device, options] of DEVICES) {
    test(`on a ${device}, the open editor says the note is now published, and the edit arrives`, async () => {
      const created = await createWorkshopViaApi(journey.server().url, 'blank');
      const fac = await journey.person('fac');
      const a = await journey.person(`a-${device}`, options);
      await join(fac, created.urls.facilitator, 'Moderatorin');
      await join(a, created.urls.participant, 'Anna');
      await openPanel(fac.page, /^Moderation$/);
      await fac.page.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
      await a.page.locator('.fac-hidden').waitFor();

      const box = await a.page.locator('.board-canvas').boundingBox();
      if (!box) throw new Error('no canvas');
      // On the empty board the hidden note is placed centred where it was asked for.
      const spot = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 };
      await a.page.mouse.dblclick(spot.x, spot.y);
      await a.page.getByLabel('Verdeckte Notiz').fill('Erste Fassung');
      await a.page.getByRole('button', { name: 'Speichern' }).click();
      // Anna opens her hidden note again and rewrites it, unsaved at the reveal.
      const editor = a.page.locator('.hidden-composer');
      await editor.waitFor({ state: 'detached' });
      await a.page.mouse.dblclick(spot.x, spot.y);
      await expect.poll(() => editor.locator('textarea').inputValue()).toBe('Erste Fassung');
      await editor.locator('textarea').fill('Zweite Fassung Kiwi');
      await screenshot(a.page, `hidden-open-${device}-before-reveal`);

      await fac.page.locator('.side-panel').getByRole('button', { name: 'Aufdecken' }).click();
      await expect.poll(() => editor.locator('label').textContent()).not.toContain('Verdeckt');
      await expect.poll(() => editor.textContent()).toContain('für alle sichtbar');
      await screenshot(a.page, `hidden-open-${device}-after-reveal`);
      await editor.getByRole('button', { name: 'Speichern' }).click();
      await expect
        .poll(async () => (await canvasTexts(fac.page)).join('|'), { timeout: 10_000 })
        .toContain('Zweite Fassung Kiwi');
      // Published once, as rewritten: not the first version beside it.
      expect((await canvasTexts(fac.page)).join('|')).not.toContain('Erste Fassung');
      await screenshot(a.page, `hidden-open-${device}-saved`);
    });
  }
});
