// Facilitation with a facilitator and two participants in real Chromium: the
// shared timer, summaries written together, follow mode, a locked board.
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { asFacilitator, FACILITATOR_ORIGIN } from '../harness/asFacilitator.ts';
import { addNoteAt, join, noteByText } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import {
  canvasTexts,
  clusterBoxes,
  openPanel,
  roomOfThree,
  showBoard,
  textContrast,
} from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('facilitating a session', () => {
  const journey = useJourney();

  test('the timer runs in sync on all three screens', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.locator('.side-panel').getByLabel('Minuten').fill('2');
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Start', exact: true })
      .click();
    const seconds = async () =>
      Promise.all(
        [fac, a, b].map(async (p) =>
          Number(await p.page.getByRole('timer').getAttribute('data-remaining')),
        ),
      );
    await expect.poll(async () => (await seconds()).every((s) => s > 100 && s <= 120)).toBe(true);
    const [s1, s2, s3] = await seconds();
    expect(
      Math.max(s1 ?? 0, s2 ?? 0, s3 ?? 0) - Math.min(s1 ?? 0, s2 ?? 0, s3 ?? 0),
    ).toBeLessThanOrEqual(2);
    await expect.poll(() => b.page.getByRole('timer').textContent()).toMatch(/1:5\d/);
    // While it runs, the button beside the minutes starts it over, and says so.
    await expect
      .poll(() => fac.page.locator('[data-action="timer-start"]').textContent())
      .toBe('Neu starten');
    await fac.page.locator('[data-action="timer-start"]').scrollIntoViewIfNeeded();
    await screenshot(fac.page, 'facilitation-timer-facilitator');
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => a.page.getByRole('timer').textContent()).toContain('angehalten');
    await screenshot(b.page, 'facilitation-timer-participant');
    // A short countdown ends on all three screens. Typed the German way, with a
    // decimal comma: a number field dropped it and made "0,1" a minute.
    const minutes = fac.page.locator('.side-panel').getByLabel('Minuten');
    await minutes.fill('');
    await minutes.pressSequentially('0,1');
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Neu starten', exact: true })
      .click();
    for (const p of [fac, a, b]) {
      await expect
        .poll(() => p.page.getByRole('timer').textContent(), { timeout: 15_000 })
        .toContain('Zeit ist um');
    }
  });

  test('summaries: a draft from the clusters, written together', async () => {
    const { fac, b } = await roomOfThree(journey, 'ozg-example');
    fac.page.on('dialog', (d) => void d.accept());
    await openPanel(fac.page, /^Zusammenfassung$/);
    await openPanel(b.page, /^Zusammenfassung$/);
    // The board's and the workshop's draft buttons are told apart by name.
    const workshopDraft = {
      name: 'Entwurf aus Clustern: Zusammenfassung des Workshops',
      exact: true,
    };
    expect(await fac.page.getByRole('button', workshopDraft).count()).toBe(1);
    const facBoard = fac.page.locator('[data-summary]').first().locator('textarea');
    await fac.page
      .locator('[data-summary]')
      .first()
      .getByRole('button', { name: 'Entwurf aus Clustern' })
      .click();
    // Plain text that reads well as is: heading lines, then "• note" lines; no Markdown.
    await expect.poll(() => facBoard.inputValue()).toMatch(/^[^#\n-].*\n• /);
    const draft = await facBoard.inputValue();
    expect(draft).not.toMatch(/^(#|- )/m);
    const bBoard = b.page.locator('[data-summary]').first().locator('textarea');
    await expect.poll(() => bBoard.inputValue()).toBe(draft);
    await facBoard.focus();
    await fac.page.keyboard.press('Control+End');
    await fac.page.keyboard.type('\n\nFazit: weiter so.');
    await expect.poll(() => bBoard.inputValue()).toContain('Fazit: weiter so.');
    expect(await bBoard.getAttribute('readonly')).not.toBeNull();
    await screenshot(fac.page, 'facilitation-summary');
  });

  test('follow mode and “bring everyone here”', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'ozg-erfahrungsaustausch');
    await b.page.getByRole('button', { name: 'Moderation folgen' }).click();
    // The pressed button stays readable (WCAG AA), hovered or not; polled because
    // the colours settle through a CSS transition after the click and the hover.
    const stop = b.page.getByRole('button', { name: 'Nicht mehr folgen' });
    await expect.poll(() => textContrast(stop)).toBeGreaterThanOrEqual(4.5);
    await stop.hover();
    await expect.poll(() => textContrast(stop)).toBeGreaterThanOrEqual(4.5);
    await b.page.mouse.move(0, 0);
    await showBoard(fac.page, 'Aufgaben');
    await expect
      .poll(() => b.page.getByRole('tab', { name: 'Aufgaben' }).getAttribute('aria-selected'))
      .toBe('true');
    // The view follows too: the facilitator zooms in, B's board zooms with it.
    const scale = (p: typeof b) =>
      p.page.evaluate(
        () =>
          (
            window as unknown as { Konva: { stages: { scaleX(): number }[] } }
          ).Konva.stages[0]?.scaleX() ?? 0,
      );
    const before = await scale(b);
    await fac.page.locator('.board-canvas').focus();
    await fac.page.keyboard.press('+');
    await fac.page.keyboard.press('+');
    await expect.poll(async () => (await scale(b)) > before * 1.2).toBe(true);
    // A did not follow and stays.
    expect(await a.page.getByRole('tab', { name: 'Aufgaben' }).getAttribute('aria-selected')).toBe(
      'false',
    );
    // B's own interaction ends following.
    const box = await b.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await b.page.mouse.click(box.x + 20, box.y + 20);
    await expect
      .poll(() => b.page.getByRole('button', { name: 'Moderation folgen' }).count())
      .toBe(1);
    await showBoard(fac.page, 'Neues');
    // A later marker instead of a pause: B's list of people shows the facilitator on "Neues".
    await openPanel(b.page, /^Anwesende$/);
    await expect
      .poll(() => b.page.locator('.people li[data-person="Moderatorin"]').textContent())
      .toContain('Neues');
    expect(await b.page.getByRole('tab', { name: 'Aufgaben' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    await openPanel(fac.page, /^Moderation$/);
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Alle hierher holen' })
      .click();
    for (const p of [a, b]) {
      await expect
        .poll(() => p.page.getByRole('tab', { name: 'Neues' }).getAttribute('aria-selected'))
        .toBe('true');
    }
  });

  test('the frame everyone is brought to lies clear of the notice saying so and of a phone toolbar grown by the colours', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank');
    await asFacilitator(server.url, created, (doc) => {
      const [board] = listBoards(doc);
      if (!board) throw new Error('no board');
      const boardId = board.id as BoardId;
      // Tall: fitted by its height, its bottom edge lies just above what covers the canvas.
      createCluster(
        doc,
        { boardId, title: 'Ideen', x: 0, y: 0, width: 400, height: 1100 },
        FACILITATOR_ORIGIN,
      );
      const author = { author: 'Moderatorin', authorId: asParticipantId('facilitator') };
      addNote(doc, { boardId, x: -320, y: 0, text: 'Abseits', ...author }, FACILITATOR_ORIGIN);
    });
    const [fac, desk, phone] = await Promise.all([
      journey.person('Moderatorin'),
      journey.person('Dora'),
      journey.person('Paul', PHONE),
    ]);
    await join(fac, created.urls.facilitator, 'Moderatorin');
    await join(desk, created.urls.participant, 'Dora');
    await join(phone, created.urls.participant, 'Paul');
    // Paul has a note selected: his toolbar shows the colours in a second row.
    const note = await noteByText(phone.page, 'Abseits');
    await phone.page.touchscreen.tap(note.x, note.y);
    await expect
      .poll(() => phone.page.locator('.toolbar .colors').getAttribute('aria-hidden'))
      .toBe('false');
    await screenshot(phone.page, 'summon-phone-before');
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.getByRole('button', { name: 'Alle hierher holen: Ideen' }).click();
    for (const [person, device] of [
      [desk, 'desktop'],
      [phone, 'phone'],
    ] as const) {
      const page = person.page;
      const toast = page.locator('.fac-toast', {
        hasText: 'Die Moderation hat Sie hierher geholt.',
      });
      await toast.waitFor();
      const notice = await shownBox(toast);
      const toolbar = await shownBox(page.locator('.toolbar'));
      let frame: Box | undefined;
      await expect
        .poll(async () => {
          const next = (await clusterBoxes(page))[0];
          const settled = JSON.stringify(next) === JSON.stringify(frame);
          frame = next;
          return settled;
        })
        .toBe(true);
      await screenshot(page, `summon-${device}-brought`);
      if (!frame || !notice || !toolbar) throw new Error('nothing to measure');
      // The frame's stroke may reach half a pixel beyond its box.
      const bottom = frame.y + frame.height - 1;
      expect(bottom, `${device}: the notice lies over the frame`).toBeLessThanOrEqual(notice.y);
      expect(bottom, `${device}: the toolbar lies over the frame`).toBeLessThanOrEqual(toolbar.y);
      expect(
        notice.y + notice.height,
        `${device}: the notice lies on the toolbar`,
      ).toBeLessThanOrEqual(toolbar.y);
    }
  });

  test('a locked board offers participants no changes', async () => {
    const { fac, a } = await roomOfThree(journey, 'blank');
    await addNoteAt(a.page, 0.4, 0.4, 'Vor dem Sperren');
    await addNoteAt(fac.page, 0.7, 0.3, 'Von der Moderation');
    // In the outline a participant may delete only their own note.
    await openPanel(a.page, /^Gliederung$/);
    const outline = a.page.locator('.side-panel');
    await expect
      .poll(() => outline.getByRole('button', { name: 'Notiz „Vor dem Sperren“ löschen' }).count())
      .toBe(1);
    await expect
      .poll(() =>
        outline.getByRole('button', { name: 'Notiz „Von der Moderation“ bearbeiten' }).count(),
      )
      .toBe(1);
    expect(
      await outline.getByRole('button', { name: 'Notiz „Von der Moderation“ löschen' }).count(),
    ).toBe(0);
    await openPanel(fac.page, /^Moderation$/);
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel sperren' }).click();
    await expect.poll(() => a.page.locator('[data-locked="true"]').count()).toBe(1);
    // Locked: the outline offers no edit, move or delete at all.
    await expect.poll(() => outline.locator('.outline-actions').count()).toBe(0);
    await expect.poll(() => a.page.locator('[data-command="note.add"]').count()).toBe(0);
    const before = (await canvasTexts(a.page)).length;
    const box = await a.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await a.page.mouse.dblclick(box.x + box.width * 0.7, box.y + box.height * 0.7);
    await a.page.keyboard.press('n');
    // A later marker instead of a pause: the shortcut help, asked for after both
    // attempts, opens — so they were handled, and opened no note editor.
    await a.page.keyboard.press('?');
    const help = a.page.getByRole('dialog', { name: 'Tastenkürzel' });
    await help.waitFor();
    expect(await a.page.getByLabel(/Text der Notiz/).count()).toBe(0);
    expect((await canvasTexts(a.page)).length).toBe(before);
    await a.page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await screenshot(a.page, 'facilitation-locked');
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Tafel entsperren' }).click();
    await expect.poll(() => a.page.locator('[data-command="note.add"]').count()).toBe(1);
    // Unlocked again: deleting one's own note says how to take it back.
    await outline.getByRole('button', { name: 'Notiz „Vor dem Sperren“ löschen' }).click();
    await expect
      .poll(() => a.page.locator('.fac-toast').textContent())
      .toContain('Notiz gelöscht – Rückgängig (Strg+Z)');
  });
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box on screen, or null when it is not shown. */
async function shownBox(locator: Locator): Promise<Box | null> {
  if ((await locator.count()) === 0 || !(await locator.first().isVisible())) return null;
  return locator.first().boundingBox();
}
