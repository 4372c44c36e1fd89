// Nothing a person types is lost or garbled: one writer per note (the second
// person sees who writes and takes over when the writer pauses, or when the
// writer's frozen tab does not answer), a
// double-click opens the note drawn under the pointer, however freshly it came,
// hidden writing never opens a public edit, Esc keeps drafts and discarding can
// be undone, and locks are per board in the outline, with typed text kept.
// One room of three per test; the pages are reused within a test.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import { notesMap } from '@pinnwand/shared/model/schema';
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator } from '../harness/asFacilitator.ts';
import {
  addNoteAt,
  join,
  noteBoxes,
  noteByText,
  outlineTexts,
  seriousAxeViolations,
} from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import {
  axeSource,
  canvasTexts,
  openPanel,
  roomOfThree,
  showBoard,
} from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const editorOf = (page: Page) => page.getByLabel('Text der Notiz');

async function openOutline(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Gliederung' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

describe('nothing typed is lost or garbled', () => {
  const journey = useJourney();

  test('one writer per note: the second person sees who writes and takes over', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await addNoteAt(a.page, 0.35, 0.35, 'Schlanke Kommunikation');
    const onA = await noteByText(a.page, 'Schlanke Kommunikation');
    await a.page.mouse.dblclick(onA.x, onA.y);
    await editorOf(a.page).waitFor();
    await editorOf(a.page).pressSequentially(' und', { delay: 10 });

    // Ben sees Anna writing and cannot type into the note.
    const onB = await noteByText(b.page, 'Schlanke Kommunikation und');
    await b.page.mouse.dblclick(onB.x, onB.y);
    const prompt = b.page.locator('.writer-prompt');
    await expect.poll(() => prompt.textContent()).toContain('Anna schreibt gerade in dieser Notiz');
    expect(await editorOf(b.page).count()).toBe(0);
    await screenshot(b.page, 'writer-prompt-desktop');
    expect(await seriousAxeViolations(b.page, axeSource)).toEqual([]);

    // Ben asks to take over while Anna writes on (the look at his prompt above
    // may have taken longer than her 2 s pause); she finishes her words,
    // pauses, and the note is Ben's.
    await editorOf(a.page).pressSequentially(' klare', { delay: 10 });
    await prompt.getByRole('button', { name: 'Übernehmen' }).click();
    await editorOf(a.page).pressSequentially(' Zuständigkeiten', { delay: 10 });
    await expect.poll(() => editorOf(a.page).count(), { timeout: 15_000 }).toBe(0);
    // Her editor closed under her while she thought; she types on: her words are
    // kept, not board shortcuts (N a new note, Backspace deleting the selected note).
    const notesBefore = (await noteBoxes(a.page)).length;
    await a.page.keyboard.type('nur xx', { delay: 20 });
    await a.page.keyboard.press('Backspace');
    await a.page.keyboard.press('Backspace');
    await a.page.keyboard.type('so', { delay: 20 });
    await editorOf(b.page).waitFor({ timeout: 15_000 });
    const toastA = a.page.locator('.fac-toast');
    await expect.poll(() => toastA.textContent()).toContain('Ben hat die Notiz übernommen');
    expect(await toastA.locator('.fac-toast-kept').inputValue()).toBe('nur so');
    expect(await editorOf(a.page).count()).toBe(0);
    expect((await noteBoxes(a.page)).length).toBe(notesBefore);
    await screenshot(a.page, 'taken-over-typing-kept');
    // Kept as a note of her own, on her word; she finishes it and closes it.
    await toastA.getByRole('button', { name: 'Als neue Notiz behalten' }).click();
    await editorOf(a.page).waitFor();
    expect(await editorOf(a.page).inputValue()).toBe('nur so');
    await a.page.keyboard.press('Escape');
    // Anna, in turn, cannot type into it now.
    const again = await noteByText(a.page, 'Schlanke Kommunikation und klare Zuständigkeiten');
    await a.page.mouse.dblclick(again.x, again.y);
    await expect
      .poll(() => a.page.locator('.writer-prompt').textContent())
      .toContain('Ben schreibt gerade');
    await editorOf(b.page).pressSequentially(' für alle', { delay: 10 });
    await b.page.keyboard.press('Escape');
    const final = 'Schlanke Kommunikation und klare Zuständigkeiten für alle';
    for (const p of [fac, a, b]) {
      await expect.poll(async () => (await canvasTexts(p.page)).includes(final)).toBe(true);
    }
    // Ben closed his editor: Anna's prompt goes, and she may write again.
    await expect.poll(() => a.page.locator('.writer-prompt').count()).toBe(0);

    // A note that just arrived is drawn under Ben's pointer: his double-click opens
    // it, however fresh (a note sliding under the pointer during the double-click
    // does not: client/src/canvas/doubleClickOnArrival.test.ts).
    await openOutline(a.page);
    const side = a.page.locator('.side-panel');
    await side.getByLabel('Neue Notiz auf „Tafel 1“').fill('Gerade erschienen');
    await side.getByRole('button', { name: 'Hinzufügen' }).click();
    const landed = await noteByText(b.page, 'Gerade erschienen');
    await b.page.mouse.dblclick(landed.x, landed.y);
    await editorOf(b.page).waitFor();
    expect(await editorOf(b.page).inputValue()).toBe('Gerade erschienen');
    await editorOf(b.page).press('End');
    await editorOf(b.page).pressSequentially(', ergänzt', { delay: 5 });
    await b.page.keyboard.press('Escape');
    for (const p of [a, b]) {
      await expect
        .poll(async () => (await noteBoxes(p.page)).map((n) => n.text).sort())
        .toEqual(['Gerade erschienen, ergänzt', final, 'nur so'].sort());
    }
    const boxes = await noteBoxes(b.page);
    const overlapping = boxes.filter((n, i) =>
      boxes.some(
        (m, j) =>
          j > i &&
          n.x < m.x + m.width &&
          m.x < n.x + n.width &&
          n.y < m.y + m.height &&
          m.y < n.y + n.height,
      ),
    );
    expect(overlapping).toEqual([]);
  });

  test('a writer whose tab froze does not hold the note: the asker takes it over, the thawed tab hands over', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await addNoteAt(a.page, 0.35, 0.35, 'Notiz am Telefon');
    const onA = await noteByText(a.page, 'Notiz am Telefon');
    await a.page.mouse.dblclick(onA.x, onA.y);
    await editorOf(a.page).waitFor();
    await editorOf(a.page).press('End');
    await editorOf(a.page).pressSequentially(', halb', { delay: 10 });
    const onB = await noteByText(b.page, 'Notiz am Telefon, halb');

    // Anna's phone locks with the editor open: her tab hangs (nothing of her
    // client runs, what arrives waits), so her client answers nobody.
    let thawed = false;
    const frozen = a.page
      .evaluate((ms) => {
        const until = Date.now() + ms;
        while (Date.now() < until) {
          // The main thread is held, as in a frozen tab.
        }
      }, 15_000)
      .then(() => {
        thawed = true;
      });
    await b.page.mouse.dblclick(onB.x, onB.y);
    const prompt = b.page.locator('.writer-prompt');
    await expect.poll(() => prompt.textContent()).toContain('Anna schreibt gerade in dieser Notiz');
    await prompt.getByRole('button', { name: 'Übernehmen' }).click();
    // No answer, and the note stands still: after a few seconds Ben writes anyway,
    // while Anna's tab is still frozen.
    await editorOf(b.page).waitFor({ timeout: 20_000 });
    expect(thawed).toBe(false);
    expect(await editorOf(b.page).inputValue()).toBe('Notiz am Telefon, halb');
    await editorOf(b.page).press('End');
    await editorOf(b.page).pressSequentially(' und von Ben ergänzt', { delay: 10 });
    // The facilitator cannot write there either: Ben's claim stands for everyone.
    const onFac = await noteByText(fac.page, 'Notiz am Telefon, halb und von Ben ergänzt');
    await fac.page.mouse.dblclick(onFac.x, onFac.y);
    await expect
      .poll(() => fac.page.locator('.writer-prompt').textContent())
      .toContain('Ben schreibt gerade');

    // Anna's phone wakes: her editor closes, she is told, and nothing is lost.
    await frozen;
    await expect.poll(() => editorOf(a.page).count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => a.page.locator('.fac-toast').textContent())
      .toContain('Ben hat die Notiz übernommen');
    await b.page.keyboard.press('Escape');
    const final = 'Notiz am Telefon, halb und von Ben ergänzt';
    for (const p of [fac, a, b]) {
      await expect.poll(async () => (await canvasTexts(p.page)).includes(final)).toBe(true);
    }
  });

  test('hidden writing: a double-click on a public note writes a hidden one; Esc keeps, discarding can be undone', async () => {
    const { fac, a } = await roomOfThree(journey, 'blank');
    await addNoteAt(a.page, 0.3, 0.3, 'Öffentliche Notiz');
    await openPanel(fac.page, /^Moderation$/);
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Verdecktes Schreiben starten' })
      .click();
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(1);

    const pub = await noteByText(a.page, 'Öffentliche Notiz');
    await a.page.mouse.dblclick(pub.x, pub.y);
    const composer = a.page.getByLabel('Verdeckte Notiz');
    await composer.waitFor();
    expect(await editorOf(a.page).count()).toBe(0);
    await composer.fill('Verdeckt: Kosten teilen');
    // Esc keeps the draft as a hidden note.
    await a.page.keyboard.press('Escape');
    await expect
      .poll(async () => (await canvasTexts(a.page)).join('|'))
      .toContain('Verdeckt: Kosten teilen');
    await expect.poll(() => fac.page.locator('.fac-counts').textContent()).toContain('Anna: 1');
    expect((await canvasTexts(fac.page)).join('|')).not.toContain('Kosten');

    // "Verwerfen" drops a draft, and "Rückgängig" brings it back.
    await a.page.locator('.board-canvas').focus();
    await a.page.keyboard.press('n');
    await composer.fill('Zweiter Gedanke');
    await a.page.getByRole('button', { name: 'Verwerfen' }).click();
    await expect.poll(() => composer.count()).toBe(0);
    await a.page.locator('.fac-toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => composer.inputValue()).toBe('Zweiter Gedanke');
    await a.page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => fac.page.locator('.fac-counts').textContent()).toContain('Anna: 2');
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Aufdecken' }).click();
    await expect
      .poll(async () => (await noteBoxes(fac.page)).map((n) => n.text).sort(), { timeout: 10_000 })
      .toEqual(['Verdeckt: Kosten teilen', 'Zweiter Gedanke', 'Öffentliche Notiz'].sort());
  });

  test('locks are per board in the outline; text typed when a lock comes stays to copy', async () => {
    const { fac, a } = await roomOfThree(journey, 'retro');
    await openOutline(a.page);
    // The facilitator locks "Was lief nicht gut?" while Anna looks at the first board.
    await showBoard(fac.page, 'Was lief nicht gut?');
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel sperren' }).click();
    const outline = a.page.locator('.side-panel');
    const addOn = (title: string) => outline.getByLabel(`Neue Notiz auf „${title}“`);
    await expect.poll(() => addOn('Was lief nicht gut?').count()).toBe(0);
    // Viewing the locked board does not take the field away from the others.
    await showBoard(a.page, 'Was lief nicht gut?');
    await expect.poll(() => a.page.locator('[data-locked="true"]').count()).toBe(1);
    await outline.locator('.outline-board summary', { hasText: 'Was lief gut?' }).click();
    await addOn('Was lief gut?').fill('Gute Moderation');
    await outline
      .locator('.outline-board', { hasText: 'Was lief gut?' })
      .getByRole('button', { name: 'Hinzufügen' })
      .click();
    await expect.poll(() => outlineTexts(a.page)).toContain('Gute Moderation');

    // Anna types on the first board; the facilitator locks it before she adds.
    await addOn('Was lief gut?').fill('Pausen einplanen');
    await showBoard(fac.page, 'Was lief gut?');
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel sperren' }).click();
    const form = outline
      .locator('.outline-board', { hasText: 'Was lief gut?' })
      .locator('.outline-add');
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toContain('gesperrt');
    expect(await addOn('Was lief gut?').inputValue()).toBe('Pausen einplanen');
    expect(await form.getByRole('button', { name: 'Hinzufügen' }).isDisabled()).toBe(true);
    await screenshot(a.page, 'outline-locked-text-kept');

    // On the canvas too: Anna writes on the third board when it is locked; her text is offered to copy.
    await showBoard(a.page, 'Was ändern wir?');
    await addNoteAt(a.page, 0.4, 0.4, 'Kurze Runde');
    const onCanvas = await noteByText(a.page, 'Kurze Runde');
    await a.page.mouse.dblclick(onCanvas.x, onCanvas.y);
    await editorOf(a.page).pressSequentially(' am Morgen', { delay: 10 });
    await showBoard(fac.page, 'Was ändern wir?');
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel sperren' }).click();
    await expect.poll(() => editorOf(a.page).count()).toBe(0);
    const toast = a.page.locator('.fac-toast');
    await expect.poll(() => toast.textContent()).toContain('Ihr Text steht hier zum Kopieren');
    expect(await toast.getByLabel('Ihr Text zum Kopieren').inputValue()).toBe(
      'Kurze Runde am Morgen',
    );
    await screenshot(a.page, 'canvas-locked-text-kept');
  });

  test('a note keeps the first 5,000 characters of a longer paste, and the server takes them', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const anna = await journey.person('Anna');
    await join(anna, created.urls.participant);
    const page = anna.page;
    const canvas = await page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.dblclick(canvas.x + canvas.width * 0.4, canvas.y + canvas.height * 0.4);
    await editorOf(page).waitFor();
    // A paste: one insertion of the whole text, as the clipboard gives it.
    await page.keyboard.insertText(`Protokoll ${'x'.repeat(NOTE_TEXT_MAX)}`);
    expect((await editorOf(page).inputValue()).length).toBe(NOTE_TEXT_MAX);
    await page.keyboard.press('Escape');
    // The server refuses a participant's longer text and takes it back: what was
    // shown is what everyone gets.
    let lengths: number[] = [];
    await expect
      .poll(async () => {
        await asFacilitator(journey.server().url, created, (doc) => {
          lengths = [...notesMap(doc).keys()].map(
            (id) => getNoteText(doc, id as NoteId)?.length ?? 0,
          );
        });
        return lengths;
      })
      .toEqual([NOTE_TEXT_MAX]);
  });
});
