// The one dialog component (client/src/ui/Dialog.tsx) as a keyboard user
// meets it: it is named by its heading, focus starts inside and cannot Tab out
// of it, keys typed in it do not reach the board's shortcuts, Esc closes it and
// focus goes back to the control that opened it. Screenshots on a desktop and
// on a phone.

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join, noteBoxes, seriousAxeViolations } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { axeSource } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

/** Accessible name of the focused element, or its tag when it has none. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName;
  });
}

function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null);
}

describe('dialogs', () => {
  const journey = useJourney();

  test('the shortcut help keeps focus inside, ignores board keys, closes on Esc and returns focus', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro', 'Dialog-Test');
    const f = await journey.person('Fiona');
    await join(f, created.urls.facilitator, 'Fiona');
    const notesBefore = (await noteBoxes(f.page)).length;

    const opener = f.page.locator('.toolbar [data-command="help.shortcuts"]');
    await opener.click();
    const dialog = f.page.getByRole('dialog', { name: 'Tastenkürzel' });
    await dialog.waitFor();
    // It opens at its top (the heading has the focus), lists each action once, names keys.
    await expect.poll(() => focused(f.page)).toBe('Tastenkürzel');
    expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
    const rows = await dialog.locator('dt').allTextContents();
    expect(new Set(rows).size).toBe(rows.length);
    expect(await dialog.textContent()).not.toMatch(/CONTEXTMENU/i);
    expect(rows).toContain('Cluster hinzufügen');
    expect(await seriousAxeViolations(f.page, axeSource)).toEqual([]);
    // Tab past the last control comes back to the first; the page behind stays out of reach.
    for (let i = 0; i < 3; i++) {
      await f.page.keyboard.press('Tab');
      expect(await focusInDialog(f.page)).toBe(true);
    }
    await f.page.keyboard.press('Shift+Tab');
    expect(await focusInDialog(f.page)).toBe(true);
    // "n" would add a note on the board; typed in the dialog it does nothing.
    await f.page.keyboard.press('n');
    expect(await f.page.locator('.note-editor').count()).toBe(0);
    await screenshot(f.page, 'dialog-help-desktop');

    await f.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focused(f.page)).toBe('Tastenkürzel');
    expect((await noteBoxes(f.page)).length).toBe(notesBefore);
  });

  test('the board settings dialog on a phone: labelled form, Esc cancels, focus returns', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro', 'Dialog-Test');
    const phone = await journey.person('Paula', PHONE);
    await join(phone, created.urls.facilitator, 'Paula');
    const opener = phone.page.locator('.board-heading button');
    await opener.click();
    const dialog = phone.page.getByRole('dialog', { name: 'Tafel umbenennen' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Titel');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(phone.page, 'dialog-board-settings-phone');
    expect(await seriousAxeViolations(phone.page, axeSource)).toEqual([]);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await title.fill('Geändert');
    await phone.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Cancelled: the title is unchanged, and focus is back on the button.
    expect(await phone.page.locator('.board-heading h2').textContent()).not.toBe('Geändert');
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  for (const [device, options] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    test(`on a ${device}, the name prompt says which workshop it opens, over the workshop's page`, async () => {
      const created = await createWorkshopViaApi(
        journey.server().url,
        'ozg-erfahrungsaustausch',
        'Digitale Antragsstrecke Wohngeld',
      );
      // The facilitator has it open, as in a workshop that is under way.
      const fac = await journey.person(`fac-${device}`);
      // The facilitator's own prompt does not say they take part: they run it.
      await fac.page.goto(created.urls.facilitator);
      const facPrompt = fac.page.getByRole('dialog', { name: 'Wie möchten Sie sich nennen?' });
      await expect.poll(() => facPrompt.textContent()).toContain('Sie moderieren den Workshop');
      expect(await facPrompt.textContent()).not.toContain('Sie nehmen teil');
      await join(fac, created.urls.facilitator, 'Moderatorin');
      const person = await journey.person(`new-${device}`, options);
      const page = person.page;
      await page.goto(created.urls.participant);
      const prompt = page.getByRole('dialog', { name: 'Wie möchten Sie sich nennen?' });
      await prompt.waitFor();
      await expect.poll(() => prompt.textContent()).toContain('Sie nehmen teil am Workshop');
      expect(await prompt.textContent()).toContain('Digitale Antragsstrecke Wohngeld');
      // The first board's guiding question, once the board's cards are in.
      await expect
        .poll(() => prompt.textContent())
        .toContain('Welche Strukturen, Format & weiteren Elemente haben sich bewährt?');
      // Behind it the workshop's page, not an empty one: its title and its boards.
      await expect
        .poll(() => page.locator('.workshop-title').first().textContent())
        .toBe('Digitale Antragsstrecke Wohngeld');
      await expect.poll(() => page.locator('.board-tab').count()).toBe(3);
      // Typing goes into the name field at once.
      expect(await page.getByLabel(/^Name$/).evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
      await screenshot(page, `name-prompt-${device}`);
      expect(await seriousAxeViolations(page, axeSource)).toEqual([]);
      await page.getByLabel(/^Name$/).fill('Nora');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.locator('.board-canvas canvas').first().waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
    });
  }
});
