// Three people on one board: A creates a workshop from the OZG template in the
// UI, B and C join by the participant link. Everyone sees everyone's notes,
// pointers and names; while one writes in a note, the others see who and cannot type into it.
import { describe, expect, test } from 'vitest';
import {
  addNoteAt,
  cursorNames,
  hoverCanvas,
  join,
  noteByText,
  outlineTexts,
  waitForBoard,
} from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

describe('collaborating on a board', () => {
  const journey = useJourney();

  test('three people write notes together and see each other live', async () => {
    const a = await journey.person('Anna');
    await a.page.goto(journey.server().url);
    await a.page.getByLabel('Titel des Workshops').fill('Erfahrungsaustausch Länder');
    await a.page.getByLabel('Vorlage').selectOption('ozg-erfahrungsaustausch');
    await a.page.getByRole('button', { name: 'Workshop anlegen' }).click();
    await a.page.getByLabel(/^Name$/).fill('Anna Äbischer');
    await a.page.getByRole('button', { name: 'Weiter' }).click();
    await waitForBoard(a.page);
    await expect
      .poll(() => a.page.getByRole('tab').allTextContents())
      .toEqual(['Bewährtes', 'Aufgaben', 'Neues']);

    // Right after creating, the facilitator sees the invitations: links and a QR code.
    await expect.poll(() => a.page.locator('input[data-link="viewer"]').count()).toBe(1);
    const participantUrl = await a.page.locator('input[data-link="participant"]').inputValue();
    expect(participantUrl).toContain('#token=');
    await expect.poll(() => a.page.getByAltText(/QR-Code/).count()).toBe(1);
    await a.page.getByRole('button', { name: 'Groß zeigen' }).click();
    await expect.poll(() => a.page.locator('.qr-url').textContent()).toBe(participantUrl);
    await screenshot(a.page, 'board-qr-projector');
    await a.page.keyboard.press('Escape');
    await a.page.getByRole('button', { name: 'Gliederung' }).click();

    const b = await journey.person('Bernd');
    const c = await journey.person('Cem');
    await Promise.all([join(b, participantUrl, 'Bernd Öztürk'), join(c, participantUrl, 'Cem')]);
    for (const p of [b, c]) {
      await expect
        .poll(() => p.page.getByRole('button', { name: 'Tafel hinzufügen' }).count())
        .toBe(0);
    }

    await addNoteAt(a.page, 0.3, 0.3, 'Gemeinsame Plattform für Länder');
    await addNoteAt(b.page, 0.5, 0.5, 'Übergreifende Schulungen');
    await addNoteAt(c.page, 0.7, 0.3, 'Straßenverkehrsämter früh einbinden');
    const all = [
      'Gemeinsame Plattform für Länder',
      'Übergreifende Schulungen',
      'Straßenverkehrsämter früh einbinden',
    ];
    for (const p of [a, b, c]) {
      await expect.poll(async () => (await outlineTexts(p.page)).sort()).toEqual([...all].sort());
      for (const text of all) await noteByText(p.page, text);
    }

    // Pointers and names.
    await hoverCanvas(b.page, 0.4, 0.6);
    await hoverCanvas(c.page, 0.6, 0.6);
    await hoverCanvas(a.page, 0.2, 0.7);
    await expect
      .poll(() => cursorNames(a.page).then((n) => n.sort()))
      .toEqual(['Bernd Öztürk', 'Cem']);
    await expect
      .poll(() => cursorNames(c.page).then((n) => n.sort()))
      .toEqual(['Anna Äbischer', 'Bernd Öztürk']);
    await expect.poll(() => b.page.locator('.presence-count').textContent()).toBe('3 anwesend');
    await b.page.locator('.presence-button').click();
    await expect
      .poll(() => b.page.locator('.people li').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Anna Äbischer'),
          expect.stringContaining('Cem'),
        ]),
      );
    await b.page.getByRole('button', { name: 'Gliederung' }).click();
    await screenshot(a.page, 'board-three-people');

    // A writes in a note: B cannot type into it at the same time (one writer per
    // note, tests/writing-safety.test.ts), but sees who writes.
    const shared = await noteByText(a.page, 'Übergreifende Schulungen');
    await a.page.mouse.dblclick(shared.x, shared.y);
    await a.page.getByLabel('Text der Notiz').pressSequentially(' für alle Ämter', { delay: 15 });
    const sharedOnB = await noteByText(b.page, 'Übergreifende Schulungen für alle Ämter');
    await b.page.mouse.dblclick(sharedOnB.x, sharedOnB.y);
    await expect
      .poll(() => b.page.locator('.writer-prompt').textContent())
      .toContain('Anna Äbischer schreibt gerade');
    expect(await b.page.getByLabel('Text der Notiz').count()).toBe(0);
    await a.page.keyboard.press('Escape');
    const expected = 'Übergreifende Schulungen für alle Ämter';
    for (const p of [a, b, c]) {
      await expect.poll(async () => (await outlineTexts(p.page)).includes(expected)).toBe(true);
    }
  });
});
