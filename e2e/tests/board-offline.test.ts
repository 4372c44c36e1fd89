// A flaky connection must never lose a note: B goes offline, keeps writing and
// moving notes, even reloads the page while offline (the service worker serves
// the app, IndexedDB the board), comes back — and everything merges for all three.
// What the server refuses of it (the board was locked meanwhile) is handed back
// to copy, never dropped without a word.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { populate } from '../bench/canvasBoard.ts';
import { facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, noteByText, outlineTexts } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { canvasTexts, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('working offline', () => {
  // A browser taken offline leaves the server a socket that no longer answers;
  // the server ends it after a missed pong. At the default 30 s ping interval
  // "1 anwesend" took 33 s to come, at 5 s it takes 18 s: the same mechanism.
  const journey = useJourney({ serverEnv: { PING_INTERVAL_MS: '5000' } });

  test('offline edits survive a reload and merge on reconnect', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'ozg-erfahrungsaustausch');
    const [a, b, c] = await Promise.all([
      journey.person('A'),
      journey.person('B'),
      journey.person('C'),
    ]);
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    await join(c, created.urls.participant, 'Cem');
    await addNoteAt(a.page, 0.25, 0.3, 'Anna vorher');
    await addNoteAt(b.page, 0.5, 0.3, 'Bernd vorher');
    for (const p of [a, b, c]) {
      await expect.poll(() => outlineTexts(p.page).then((t) => t.length)).toBe(2);
    }
    // The service worker has taken control, so the app can load without network.
    await expect
      .poll(() => b.page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);

    await b.context.setOffline(true);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('offline');
    await expect(b.page.locator('.connection').textContent()).resolves.toContain(
      'Ihre Änderungen werden auf diesem Gerät gespeichert',
    );
    await addNoteAt(b.page, 0.25, 0.7, 'Offline geschrieben');
    await addNoteAt(b.page, 0.55, 0.7, 'Noch eine Idee ohne Netz');
    const mine = await noteByText(b.page, 'Bernd vorher');
    await b.page.mouse.move(mine.x, mine.y);
    await b.page.mouse.down();
    await b.page.mouse.move(mine.x + 100, mine.y + 30, { steps: 8 });
    await b.page.mouse.up();
    await addNoteAt(a.page, 0.75, 0.5, 'Anna während B offline ist');
    await expect.poll(() => outlineTexts(c.page).then((t) => t.length)).toBe(3);

    // Reload while offline: the board comes from this device.
    await b.page.reload();
    await b.page.locator('.board-canvas canvas').first().waitFor();
    await expect
      .poll(() => outlineTexts(b.page).then((t) => t.sort()))
      .toEqual(
        ['Bernd vorher', 'Noch eine Idee ohne Netz', 'Offline geschrieben', 'Anna vorher'].sort(),
      );
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('offline');
    await screenshot(b.page, 'board-offline-reloaded');

    await b.context.setOffline(false);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('connected');
    const everything = [
      'Anna vorher',
      'Anna während B offline ist',
      'Bernd vorher',
      'Noch eine Idee ohne Netz',
      'Offline geschrieben',
    ];
    for (const p of [a, b, c]) {
      await expect.poll(() => outlineTexts(p.page).then((t) => t.sort())).toEqual(everything);
    }
    // The move made offline arrived too: A sees B's note where B put it
    // (compared in note widths, as A and B may look at different zoom levels).
    const offset = async (page: typeof a.page) => {
      const moved = await noteByText(page, 'Bernd vorher');
      const anna = await noteByText(page, 'Anna vorher');
      return [
        Math.round((10 * (moved.x - anna.x)) / moved.width),
        Math.round((10 * (moved.y - anna.y)) / moved.width),
      ];
    };
    const onB = await offset(b.page);
    await expect.poll(() => offset(a.page)).toEqual(onB);
    await expect.poll(() => offset(c.page)).toEqual(onB);
  });

  test('a note edited in the outline offline and saved after reconnecting keeps what another person wrote into it meanwhile', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro');
    const [a, b] = await Promise.all([journey.person('A'), journey.person('B')]);
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    await addNoteAt(b.page, 0.4, 0.4, 'Kurze Wege im Amt');
    await expect.poll(() => outlineTexts(a.page)).toEqual(['Kurze Wege im Amt']);

    // Bernd opens "Gliederung → Bearbeiten" on his note, and loses the network.
    const outline = b.page.locator('.side-panel');
    await outline.getByRole('button', { name: 'Bearbeiten' }).click();
    const form = outline.getByLabel('Notiztext bearbeiten');
    await form.waitFor();
    await b.context.setOffline(true);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('offline');
    await form.fill('Kurze und klare Wege im Amt');

    // Meanwhile Anna, online, adds to the end of the same note on the canvas, once
    // Bernd has left the room for her (his claim on the note goes with him).
    await expect
      .poll(() => a.page.locator('.presence-count').textContent(), { timeout: 90_000 })
      .toBe('1 anwesend');
    const onA = await noteByText(a.page, 'Kurze Wege im Amt');
    await a.page.mouse.dblclick(onA.x, onA.y);
    const canvasEditor = a.page.getByLabel('Text der Notiz');
    await canvasEditor.waitFor({ timeout: 15_000 });
    await canvasEditor.press('End');
    await canvasEditor.pressSequentially(' für alle', { delay: 10 });
    await canvasEditor.press('Escape');

    // Bernd is back; Anna's words reach his device; then he saves his form.
    await b.context.setOffline(false);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('connected');
    await expect
      .poll(async () => (await canvasTexts(b.page)).includes('Kurze Wege im Amt für alle'))
      .toBe(true);
    await outline.getByRole('button', { name: 'Speichern' }).click();

    // Both edits stand, for both of them.
    for (const p of [a, b])
      await expect
        .poll(() => outlineTexts(p.page))
        .toEqual(['Kurze und klare Wege im Amt für alle']);
  });

  test('notes written offline on a board locked meanwhile are handed back to copy', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro');
    const [fac, b] = await Promise.all([journey.person('Moderation'), journey.person('B')]);
    await join(fac, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    await b.context.setOffline(true);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('offline');
    await addNoteAt(b.page, 0.3, 0.4, 'Ohne Netz geschrieben');
    await addNoteAt(b.page, 0.6, 0.4, 'Noch ein Gedanke');
    // Meanwhile the facilitator locks the board Bernd is writing on.
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel sperren' }).click();
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Tafel entsperren' })
      .waitFor();

    await b.context.setOffline(false);
    const toast = b.page.locator('.fac-toast');
    await expect
      .poll(() => toast.textContent(), { timeout: 15_000 })
      .toContain(
        '2 Notizen, die Sie ohne Verbindung geschrieben haben, wurden vom Server abgelehnt',
      );
    expect(await toast.getByLabel('Ihr Text zum Kopieren').inputValue()).toBe(
      'Ohne Netz geschrieben\n\nNoch ein Gedanke',
    );
    // The server kept the lock: the notes are on nobody's board. The refusal
    // and the revert are separate messages, so Bernd's page may show the
    // notice a moment before the revert has removed the notes.
    await expect.poll(() => outlineTexts(b.page)).toEqual([]);
    await expect.poll(() => outlineTexts(fac.page)).toEqual([]);
    await screenshot(b.page, 'offline-refused-texts-kept');
    // The texts stay offered until Bernd closes them.
    await toast.getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => toast.count()).toBe(0);
  });

  test('a large board is kept on the device: reloaded offline, it shows every note', async () => {
    // 2,000 notes reach a new device in one message of several hundred KB, which
    // the client applies without the document's update listeners and stores on
    // the device afterwards (client/src/sync/quietApply.ts).
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank', 'Große Tafel');
    (await populate(facilitatorRoom(server.url, created), 2000)).close();
    const b = await journey.person('B');
    await join(b, created.urls.participant, 'Bernd');
    await expect.poll(() => shownNoteCount(b.page), { timeout: 60_000 }).toBe(2000);
    await expect
      .poll(() => b.page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);

    await b.context.setOffline(true);
    await b.page.reload();
    await b.page.locator('.board-canvas canvas').first().waitFor();
    await expect.poll(() => shownNoteCount(b.page), { timeout: 60_000 }).toBe(2000);
    await expect
      .poll(() => b.page.locator('.connection').getAttribute('data-status'))
      .toBe('offline');
  });
});

/** The note count the outline gives for the board shown ("2.000 Notizen"), as a number. */
async function shownNoteCount(page: Page): Promise<number> {
  const text = await page.locator('.outline-board.current .outline-count').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}
