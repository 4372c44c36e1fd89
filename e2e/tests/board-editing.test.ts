// Working with notes on the canvas: create by key, move by drag, colour,
// delete, duplicate, paste several lines, select with a frame — and undo,
// which takes back only one's own changes, never another person's note. The
// boards themselves: added, renamed, reordered, deleted; on a phone, a long
// title readable whole in its tab.
import { addBoard } from '@pinnwand/shared/ops/boardOps';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import {
  addNoteAt,
  join,
  noteBoxes,
  noteByText,
  outlineTexts,
  pasteText,
  seriousAxeViolations,
} from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { axeSource } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const LONG_TITLE = 'Neue Aufgaben für Außenstellen und Fachverfahren';
/** The faded edge of the tab strip where more tabs lie beyond (styles.css, 2.5rem). */
const FADE = 40;

describe('editing notes on the canvas', () => {
  const journey = useJourney();

  test('move, colour, delete, duplicate, paste and undo of one’s own changes', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank', 'Retro Bürgeramt');
    const a = await journey.person('A');
    const b = await journey.person('B');
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');

    // A writes with the keyboard shortcut N, B with a double-click.
    await a.page.locator('.board-canvas').focus();
    await a.page.keyboard.press('n');
    const editor = a.page.getByLabel('Text der Notiz');
    await editor.waitFor();
    await editor.pressSequentially('Wartezeiten verkürzen\nTermine online', { delay: 5 });
    await a.page.keyboard.press('Escape');
    await addNoteAt(b.page, 0.75, 0.25, 'Bernds Notiz');
    await expect.poll(() => outlineTexts(a.page).then((t) => t.length)).toBe(2);
    await expect
      .poll(() => outlineTexts(b.page))
      .toContain('Wartezeiten verkürzen\nTermine online');

    // Move by drag: B sees the note at its new place.
    const before = await noteByText(b.page, 'Wartezeiten');
    const note = await noteByText(a.page, 'Wartezeiten');
    await a.page.mouse.move(note.x, note.y);
    await a.page.mouse.down();
    await a.page.mouse.move(note.x + 60, note.y + 40, { steps: 6 });
    await a.page.mouse.move(note.x + 120, note.y + 80, { steps: 6 });
    // B sees the note travel while A still holds it.
    await expect
      .poll(async () => Math.round((await noteByText(b.page, 'Wartezeiten')).x - before.x))
      .toBe(120);
    await a.page.mouse.up();
    await expect
      .poll(async () => {
        const after = await noteByText(b.page, 'Wartezeiten');
        return [Math.round(after.x - before.x), Math.round(after.y - before.y)];
      })
      .toEqual([120, 80]);

    // Navigation changes only A's view: zoom with "+", pan with space + drag.
    const seen = await noteByText(a.page, 'Wartezeiten');
    await a.page.keyboard.press('+');
    await expect
      .poll(async () =>
        Math.round(((await noteByText(a.page, 'Wartezeiten')).width / seen.width) * 100),
      )
      .toBe(125);
    await a.page.keyboard.press('-');
    const canvas = await a.page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await a.page.keyboard.down(' ');
    await a.page.mouse.move(canvas.x + 40, canvas.y + canvas.height - 120);
    await a.page.mouse.down();
    await a.page.mouse.move(canvas.x + 90, canvas.y + canvas.height - 90, { steps: 5 });
    await a.page.mouse.up();
    await a.page.keyboard.up(' ');
    const panned = await noteByText(a.page, 'Wartezeiten');
    expect([Math.round(panned.x - seen.x), Math.round(panned.y - seen.y)]).toEqual([50, 30]);
    expect(await noteByText(b.page, 'Wartezeiten')).toMatchObject({
      x: before.x + 120,
      y: before.y + 80,
    });
    await a.page.mouse.click(panned.x, panned.y);

    // Colour: the selected note turns green in the outline of B.
    await a.page.locator('[data-color="green"]').click();
    await expect
      .poll(() =>
        b.page
          .locator('.side-panel .outline-note', { hasText: 'Wartezeiten' })
          .locator('.outline-swatch')
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      )
      .toBe('rgb(197, 225, 165)');

    // Duplicate with Ctrl+D: the copy sits beside the original, on no note.
    await a.page.keyboard.press('Control+d');
    await expect.poll(() => outlineTexts(b.page).then((t) => t.length)).toBe(3);
    const overlapping = (list: { x: number; y: number; width: number; height: number }[]) =>
      list.flatMap((n, i) =>
        list
          .slice(i + 1)
          .filter(
            (m) =>
              Math.abs(n.x - m.x) < (n.width + m.width) / 2 &&
              Math.abs(n.y - m.y) < (n.height + m.height) / 2,
          ),
      ).length;
    await expect.poll(() => noteBoxes(a.page).then((list) => list.length)).toBe(3);
    expect(overlapping(await noteBoxes(a.page))).toBe(0);
    await a.page.keyboard.press('Delete');
    await expect.poll(() => outlineTexts(b.page).then((t) => t.length)).toBe(2);

    // Paste of multi-line text: one note per line, where the pointer is.
    await a.page.mouse.move(canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.7);
    await a.page.locator('.board-canvas').focus();
    await pasteText(a.page, 'Öffnungszeiten\r\n\r\n- Beschilderung im Foyer\nRückrufservice\n');
    await expect
      .poll(() => outlineTexts(b.page).then((t) => t.sort()))
      .toEqual(
        [
          'Bernds Notiz',
          'Beschilderung im Foyer',
          'Rückrufservice',
          'Wartezeiten verkürzen\nTermine online',
          'Öffnungszeiten',
        ].sort(),
      );

    // Rubber band on empty board selects the notes inside the frame.
    const boxes = await noteBoxes(a.page);
    const pasted = boxes.filter((n) => /Öffnungszeiten|Beschilderung|Rückruf/.test(n.text));
    expect(pasted).toHaveLength(3);
    const left = Math.min(...pasted.map((n) => n.x - n.width / 2)) - 10;
    const top = Math.min(...pasted.map((n) => n.y - n.height / 2)) - 10;
    const right = Math.max(...pasted.map((n) => n.x + n.width / 2)) + 10;
    const bottom = Math.max(...pasted.map((n) => n.y + n.height / 2)) + 10;
    await a.page.mouse.click(left, top); // clears the selection
    await a.page.mouse.move(left, top);
    await a.page.mouse.down();
    await a.page.mouse.move(right, bottom, { steps: 8 });
    await a.page.mouse.up();
    await screenshot(a.page, 'board-editing-selection');
    // Everything the frame touches is selected and deleted; the rest stays.
    const untouched = boxes
      .filter(
        (n) =>
          n.x + n.width / 2 < left ||
          n.x - n.width / 2 > right ||
          n.y + n.height / 2 < top ||
          n.y - n.height / 2 > bottom,
      )
      .map((n) => n.text)
      .sort();
    expect(untouched).toContain('Bernds Notiz');
    await a.page.keyboard.press('Backspace');
    await expect.poll(() => outlineTexts(b.page).then((t) => t.sort())).toEqual(untouched);

    // Undo brings the deleted notes back; B's note is never touched.
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => outlineTexts(b.page).then((t) => t.length)).toBe(5);
    // Undo all of A's steps: the paste, the delete, the duplicate, colour, move, A's note.
    for (let i = 0; i < 12; i++) await a.page.keyboard.press('Control+z');
    await expect.poll(() => outlineTexts(b.page)).toEqual(['Bernds Notiz']);
    await expect.poll(() => outlineTexts(a.page)).toEqual(['Bernds Notiz']);
    // Redo brings A's first note back.
    await a.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => outlineTexts(b.page).then((t) => t.length)).toBeGreaterThan(1);

    // B's undo takes back only B's own note, not A's.
    await b.page.locator('.board-canvas').focus();
    for (let i = 0; i < 5; i++) await b.page.keyboard.press('Control+z');
    await expect
      .poll(() => outlineTexts(a.page).then((t) => t.includes('Bernds Notiz')))
      .toBe(false);
    await expect.poll(() => outlineTexts(a.page).then((t) => t.length)).toBeGreaterThan(0);
  });
});

describe('board structure', () => {
  const journey = useJourney();

  test('a facilitator adds, renames, reorders and deletes boards; participants follow', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro', 'Retro');
    const a = await journey.person('A');
    const b = await journey.person('B');
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    const tabs = (p: typeof a) => p.page.getByRole('tab').allTextContents();
    const initial = await tabs(a);
    expect(initial.length).toBeGreaterThan(1);
    const left = a.page.getByRole('button', { name: '← Tafel nach links' });
    const right = a.page.getByRole('button', { name: 'Tafel nach rechts →' });

    // The first board goes no further left: that button is off, not silently idle.
    await a.page.getByRole('button', { name: 'Tafel umbenennen' }).click();
    expect(await left.isDisabled()).toBe(true);
    expect(await right.isDisabled()).toBe(false);
    await a.page.getByRole('button', { name: 'Abbrechen' }).click();

    // A new board asks for its title and question; Enter in the question creates it.
    await a.page.getByRole('button', { name: 'Tafel hinzufügen' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Tafel hinzufügen' });
    await dialog.getByLabel('Titel', { exact: true }).fill('Neue Ideen');
    await dialog.getByLabel('Leitfrage').fill('Was probieren wir aus?');
    expect(await seriousAxeViolations(a.page, axeSource)).toEqual([]);
    await a.page.keyboard.press('Enter');
    await expect.poll(() => tabs(b)).toEqual([...initial, 'Neue Ideen']);
    await expect.poll(() => dialog.count()).toBe(0);
    await b.page.getByRole('tab', { name: 'Neue Ideen' }).click();
    await expect
      .poll(() => b.page.locator('.board-heading .question').textContent())
      .toBe('Was probieren wir aus?');
    await a.page.getByRole('button', { name: 'Tafel umbenennen' }).click();
    // The last board goes no further right.
    expect(await right.isDisabled()).toBe(true);
    await a.page.getByLabel('Titel', { exact: true }).fill('Maßnahmen');
    await a.page.getByLabel('Leitfrage').fill('Was ändern wir bis zum nächsten Treffen?');
    await left.click();
    await expect.poll(() => right.isDisabled()).toBe(false);
    await screenshot(a.page, 'board-settings-moved-left');
    await a.page.getByRole('button', { name: 'Speichern' }).click();
    const expected = [...initial.slice(0, -1), 'Maßnahmen', initial.at(-1) as string];
    await expect.poll(() => tabs(b)).toEqual(expected);
    await b.page.getByRole('tab', { name: 'Maßnahmen' }).click();
    await expect
      .poll(() => b.page.locator('.board-heading .question').textContent())
      .toBe('Was ändern wir bis zum nächsten Treffen?');

    a.page.once('dialog', (dialog) => void dialog.accept());
    await a.page.getByRole('button', { name: 'Tafel umbenennen' }).click();
    await a.page.getByRole('button', { name: 'Tafel löschen' }).click();
    await expect.poll(() => tabs(b)).toEqual(initial);
  });

  // On a phone the board's tab is the only place its title is shown (the heading
  // keeps the question only): a long title has to be readable there, clear of
  // the faded edges and the arrows that say more tabs lie beyond.
  test('a long board title is shown whole in its tab, clear of the faded edges', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    await asFacilitator(journey.server().url, created, (doc) =>
      addBoard(
        doc,
        { title: LONG_TITLE, question: 'Welche Aufgaben kommen auf Ihre Behörde zu?' },
        FACILITATOR_ORIGIN,
      ),
    );
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Özlem');
    const page = phone.page;
    const tab = page.getByRole('tab', { name: LONG_TITLE });
    await tab.tap();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    // The tab is scrolled into view (smoothly or not): measure once it has settled.
    const place = async () => {
      const nav = await page.locator('.board-tabs').boundingBox();
      const box = await tab.boundingBox();
      const more = (await page.locator('.board-tabs').getAttribute('data-more')) ?? '';
      const clipped = await tab.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (!nav || !box) throw new Error('no tab strip');
      return {
        clipped,
        clearLeft: !more.includes('left') || box.x >= nav.x + FADE - 1,
        clearRight: !more.includes('right') || box.x + box.width <= nav.x + nav.width - FADE + 1,
        inside: box.x >= nav.x - 1 && box.x + box.width <= nav.x + nav.width + 1,
      };
    };
    await expect
      .poll(place)
      .toEqual({ clipped: false, clearLeft: true, clearRight: true, inside: true });
    await screenshot(page, 'board-tabs-phone-long-title');
  });

  test('a facilitator’s tabs and the “add board” button after them lie side by side', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro');
    await asFacilitator(journey.server().url, created, (doc) =>
      addBoard(doc, { title: LONG_TITLE, question: '' }, FACILITATOR_ORIGIN),
    );
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.facilitator, 'Moderatorin');
    const page = phone.page;
    await page.getByRole('tab', { name: LONG_TITLE }).waitFor();
    // Left to right along the strip (scroll positions included): each begins where the one before ended.
    const spans = await page
      .locator('.board-tabs [role="tab"], .board-tabs > .button')
      .evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          return { left: box.left, right: box.right };
        }),
      );
    expect(spans.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.left).toBeGreaterThanOrEqual(spans[i - 1]!.right - 0.5);
    await screenshot(page, 'board-tabs-phone-facilitator');
  });
});
