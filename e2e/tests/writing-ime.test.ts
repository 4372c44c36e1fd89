// Writing through an input method (Japanese here; dead keys and phone
// keyboards compose the same way) while others write in the same text, in
// real Chromium: its DevTools protocol drives a real composition
// (Input.imeSetComposition, committed by Input.insertText). Esc and Enter
// pressed while composing cancel or confirm a candidate: no field acts on them.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, noteByText, waitForBoard } from '../harness/board.ts';
import { addClusterFromPanel, clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

async function inputMethod(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    compose: (text: string) =>
      cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      }),
    commit: (text: string) => cdp.send('Input.insertText', { text }),
    /**
     * A key the input method takes (Enter confirming a candidate) as Chromium
     * passes it on: keyCode 229 and no character. page.keyboard's Enter would
     * type one as well, and so submit a form as no input method does.
     */
    take: async (key: 'Enter' | 'Escape') => {
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        key,
        code: key,
        windowsVirtualKeyCode: 229,
      });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key });
    },
  };
}

const summaries = (page: Page) => ({
  board: page.locator('[data-summary]').first().locator('textarea'),
  workshop: page.locator('[data-summary="workshop"]').locator('textarea'),
});

describe('writing through an input method', () => {
  const journey = useJourney();

  test('a summary: one facilitator composes while the other writes in it; both end with all of it', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'blank');
    const [a, b] = await Promise.all([journey.person('A'), journey.person('B')]);
    await Promise.all([
      join(a, workshop.urls.facilitator, 'Anna'),
      join(b, workshop.urls.facilitator, 'Bernd'),
    ]);
    await Promise.all([
      openPanel(a.page, /^Zusammenfassung$/),
      openPanel(b.page, /^Zusammenfassung$/),
    ]);
    const onA = summaries(a.page);
    const onB = summaries(b.page);
    await onA.board.click();
    await a.page.keyboard.type('Wir haben viel gelernt.');
    await expect.poll(() => onB.board.inputValue()).toBe('Wir haben viel gelernt.');

    // Anna composes in the middle, after "Wir haben ".
    await a.page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Wir haben '.length; i++) await a.page.keyboard.press('ArrowRight');
    const ime = await inputMethod(a.page);
    await ime.compose('に');
    await ime.compose('にほ');
    expect(await onA.board.inputValue()).toBe('Wir haben にほviel gelernt.');

    // Meanwhile Bernd writes before and after it, then a word in the workshop's
    // summary: once Anna sees that, she has received all of it.
    await onB.board.click();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('Heute: ');
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Fazit: gut.');
    await onB.workshop.click();
    await b.page.keyboard.type('Danke');
    await expect.poll(() => onA.workshop.inputValue()).toBe('Danke');

    // Anna's composition is untouched, and still hers alone.
    expect(await onA.board.inputValue()).toBe('Wir haben にほviel gelernt.');
    expect(await onB.board.inputValue()).toBe('Heute: Wir haben viel gelernt. Fazit: gut.');
    await ime.compose('にほん');
    await ime.commit('日本');

    const expected = 'Heute: Wir haben 日本viel gelernt. Fazit: gut.';
    await expect.poll(() => onA.board.inputValue()).toBe(expected);
    await expect.poll(() => onB.board.inputValue()).toBe(expected);
    // The caret is after the composed word: Anna types on there.
    expect(
      await onA.board.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]),
    ).toEqual(['Heute: Wir haben 日本'.length, 'Heute: Wir haben 日本'.length]);
    await a.page.keyboard.type(' ');
    const typedOn = 'Heute: Wir haben 日本 viel gelernt. Fazit: gut.';
    await expect.poll(() => onB.board.inputValue()).toBe(typedOn);
    expect(await onA.board.inputValue()).toBe(typedOn);

    // Again at the end, while Bernd writes at the start.
    await a.page.keyboard.press('Control+End');
    await ime.compose('けつろん');
    await onB.board.click();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('Retro – ');
    await onB.workshop.click();
    await b.page.keyboard.type('!');
    await expect.poll(() => onA.workshop.inputValue()).toBe('Danke!');
    expect(await onA.board.inputValue()).toBe(`${typedOn}けつろん`);
    await ime.commit('結論');
    const end = `Retro – ${typedOn}結論`;
    await expect.poll(() => onA.board.inputValue()).toBe(end);
    await expect.poll(() => onB.board.inputValue()).toBe(end);
    expect(await onA.board.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      end.length,
    );
  });

  test('a note: Esc while composing is the input method’s, the composed word lands in the note', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'blank');
    const [fac, p] = await Promise.all([journey.person('F'), journey.person('P')]);
    await Promise.all([
      join(fac, workshop.urls.facilitator, 'Moderatorin'),
      join(p, workshop.urls.participant, 'Paula'),
    ]);
    const box = await p.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await p.page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.3);
    const editor = p.page.getByLabel('Text der Notiz');
    await editor.pressSequentially('Idee: ', { delay: 5 });
    const ime = await inputMethod(p.page);
    await ime.compose('にほ');
    // An Esc (or Enter) the input method takes to cancel or confirm does not close the note.
    await p.page.keyboard.press('Escape');
    expect(await editor.count()).toBe(1);
    await ime.compose('にほん');
    await ime.commit('日本');
    await expect.poll(() => editor.inputValue()).toBe('Idee: 日本');
    await p.page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await noteByText(fac.page, 'Idee: 日本');
    // Typing a note without an input method is as before.
    await addNoteAt(p.page, 0.7, 0.6, 'Zweite Idee');
    await noteByText(fac.page, 'Zweite Idee');
  });

  test('the name prompt, a frame’s name, the outline and a hidden note: Esc and Enter while composing are the input method’s', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'blank');
    const [fac, p] = await Promise.all([journey.person('F'), journey.person('P')]);
    await join(fac, workshop.urls.facilitator, 'Moderatorin');

    // The name prompt: Enter confirming the candidate does not submit the name.
    await p.page.goto(workshop.urls.participant);
    const name = p.page.getByLabel(/^Name$/);
    await name.click();
    const imeP = await inputMethod(p.page);
    await imeP.compose('はな');
    await imeP.take('Enter');
    expect(await name.count()).toBe(1);
    await imeP.commit('花');
    await expect.poll(() => name.inputValue()).toBe('花');
    await p.page.keyboard.press('Enter');
    await waitForBoard(p.page);

    // A frame's name on the canvas.
    const rename = await addClusterFromPanel(fac.page);
    await rename.fill('Team ');
    const imeF = await inputMethod(fac.page);
    await imeF.compose('にほ');
    // Both as the input method passes Enter on and as a key marked isComposing.
    await imeF.take('Enter');
    await fac.page.keyboard.press('Enter');
    await fac.page.keyboard.press('Escape');
    expect(await rename.count()).toBe(1);
    await imeF.compose('にほん');
    await imeF.commit('日本');
    await expect.poll(() => rename.inputValue()).toBe('Team 日本');
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => rename.count()).toBe(0);
    await expect
      .poll(async () => (await clusterBoxes(p.page)).map((c) => c.title))
      .toEqual(['Team 日本']);

    // A note edited in the outline: Esc would save and end the editing.
    await addNoteAt(p.page, 0.7, 0.7, 'Idee');
    await openPanel(p.page, /^Gliederung$/);
    const item = p.page.locator('.outline-note', { hasText: 'Idee' });
    await item.getByRole('button', { name: 'Bearbeiten' }).click();
    const text = p.page.getByLabel('Notiztext bearbeiten');
    await text.press('End');
    await p.page.keyboard.type(': ');
    await imeP.compose('さくら');
    await p.page.keyboard.press('Escape');
    await p.page.keyboard.press('Control+Enter');
    expect(await text.count()).toBe(1);
    await imeP.commit('桜');
    await expect.poll(() => text.inputValue()).toBe('Idee: 桜');
    await p.page.keyboard.press('Escape');
    await expect.poll(() => text.count()).toBe(0);
    await noteByText(fac.page, 'Idee: 桜');

    // A hidden note: Esc would save and close it.
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Verdecktes Schreiben starten' })
      .click();
    await expect.poll(() => p.page.locator('.fac-hidden').count()).toBe(1);
    const box = await p.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await p.page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.6);
    const hidden = p.page.getByLabel('Verdeckte Notiz');
    await hidden.pressSequentially('Geheim ', { delay: 5 });
    await imeP.compose('ゆき');
    await p.page.keyboard.press('Escape');
    expect(await hidden.count()).toBe(1);
    await imeP.commit('雪');
    await expect.poll(() => hidden.inputValue()).toBe('Geheim 雪');
    await p.page.keyboard.press('Escape');
    await expect.poll(() => hidden.count()).toBe(0);
    await expect.poll(() => fac.page.locator('.fac-counts').textContent()).toContain('花: 1');
  });
});
