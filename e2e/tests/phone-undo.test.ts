// Undo and redo on a phone: the toolbar's buttons (the same commands as
// Ctrl+Z, through the same gate), disabled while there is nothing to take back;
// notices name those buttons, since a phone has no keyboard for Ctrl+Z.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join, noteBoxes } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

type Journey = ReturnType<typeof useJourney>;

/** A participant on a phone in a new blank workshop; `write` adds a note through the toolbar. */
async function onPhone(journey: Journey) {
  const created = await createWorkshopViaApi(journey.server().url, 'blank');
  const phone = await journey.person('phone', PHONE);
  await join(phone, created.urls.participant, 'Uwe');
  const page = phone.page;
  const texts = async () => (await noteBoxes(page)).map((n) => n.text);
  const write = async (text: string) => {
    await page.getByRole('button', { name: 'Notiz hinzufügen' }).tap();
    const editor = page.getByLabel(/Text der Notiz/);
    await editor.waitFor();
    await editor.pressSequentially(text, { delay: 5 });
    await page.keyboard.press('Escape');
    await expect.poll(texts).toEqual([text]);
  };
  return { page, texts, write };
}

describe('undo on a phone', () => {
  const journey = useJourney();

  test('the toolbar’s undo and redo take back and bring back a note', async () => {
    const { page, texts, write } = await onPhone(journey);
    const undo = page.getByRole('button', { name: 'Rückgängig' });
    const redo = page.getByRole('button', { name: 'Wiederholen' });
    expect(await undo.isVisible()).toBe(true);
    expect(await redo.isVisible()).toBe(true);
    expect(await undo.isDisabled()).toBe(true);
    expect(await redo.isDisabled()).toBe(true);

    await write('Vom Handy');
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await screenshot(page, 'phone-undo-before');

    // Two steps, as with Ctrl+Z: the typing, then the note (undoSteps.ts).
    await undo.tap();
    await expect.poll(texts).toEqual(['']);
    await expect.poll(() => redo.isEnabled()).toBe(true);
    await undo.tap();
    await expect.poll(texts).toEqual([]);
    await expect.poll(() => undo.isDisabled()).toBe(true);
    await screenshot(page, 'phone-undo-after');
    await redo.tap();
    await redo.tap();
    await expect.poll(texts).toEqual(['Vom Handy']);
    await expect.poll(() => redo.isDisabled()).toBe(true);
  });

  test('the notice after a delete points to the toolbar’s undo, not to Ctrl+Z', async () => {
    const { page, texts, write } = await onPhone(journey);
    await write('Weg damit');

    // The note just written stays selected: the toolbar's delete takes it.
    await page.getByRole('button', { name: 'Auswahl löschen' }).tap();
    await expect.poll(texts).toEqual([]);
    const toast = page.locator('.fac-toast');
    await expect
      .poll(() => toast.textContent())
      .toBe('Notiz gelöscht – Rückgängig über ↶ in der Werkzeugleiste');
    await screenshot(page, 'phone-delete-notice');
    // It must leave the toolbar it points to free to tap, and stay short.
    const notice = await toast.boundingBox();
    const toolbar = await page.getByRole('toolbar', { name: 'Werkzeuge' }).boundingBox();
    if (!notice || !toolbar) throw new Error('notice or toolbar not shown');
    expect(notice.y + notice.height).toBeLessThanOrEqual(toolbar.y);
    const lineHeight = await toast
      .locator('p')
      .first()
      .evaluate((p) => Number.parseFloat(getComputedStyle(p).lineHeight));
    const textHeight = (await toast.locator('p').first().boundingBox())?.height ?? 0;
    expect(Math.round(textHeight / lineHeight)).toBeLessThanOrEqual(2);

    await page.getByRole('button', { name: 'Rückgängig' }).tap();
    await expect.poll(texts).toEqual(['Weg damit']);
  });
});
