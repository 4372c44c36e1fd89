// Facilitation with a facilitator and two participants in real Chromium:
// a voting round within its budget, the shared timer, hidden writing that
// never reaches another browser before the reveal, follow mode, a locked board.
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  addNoteAt,
  join,
  noteByText,
  pasteText,
  seriousAxeViolations,
  waitForBoard,
} from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import {
  axeSource,
  canvasTexts,
  openPanel,
  recordFrames,
  roomOfThree,
  showBoard,
} from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

/** Contrast ratio of an element's text colour on its background (both opaque). */
async function textContrast(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [l1, l2] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x) as [
      number,
      number,
    ];
    return (l1 + 0.05) / (l2 + 0.05);
  });
}

describe('facilitating a session', () => {
  const journey = useJourney();

  test('a voting round: participants vote by click within the budget, the facilitator sees the ranking', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'retro');
    await addNoteAt(fac.page, 0.3, 0.35, 'Mehr Pausen');
    await addNoteAt(fac.page, 0.6, 0.35, 'Kürzere Protokolle');
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByLabel('Stimmen pro Person').fill('3');
    await panel.getByLabel('Höchstens pro Notiz').fill('2');
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();

    const pauses = await noteByText(a.page, 'Mehr Pausen');
    const minutes = await noteByText(a.page, 'Kürzere Protokolle');
    await expect
      .poll(() => a.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('3');
    await a.page.mouse.click(pauses.x, pauses.y);
    await a.page.mouse.click(pauses.x, pauses.y);
    // A third dot on the same note is over the per-note limit.
    await a.page.mouse.click(pauses.x, pauses.y);
    await expect.poll(() => a.page.locator('.fac-toast').textContent()).toContain('Mehr Stimmen');
    await a.page.mouse.click(minutes.x, minutes.y);
    await expect
      .poll(() => a.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('0');
    // Over the budget: refused, nothing changes.
    await a.page.mouse.click(minutes.x, minutes.y);
    await expect.poll(() => a.page.locator('.fac-toast').textContent()).toContain('alle Stimmen');
    await expect
      .poll(() => a.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('0');

    // B votes by keyboard in the outline.
    await openPanel(b.page, /^Gliederung$/);
    const give = b.page
      .locator('.side-panel .outline')
      .getByRole('button', { name: /Stimme geben: Kürzere/ });
    await give.focus();
    await b.page.keyboard.press('Enter');
    await expect
      .poll(() => b.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('2');
    await screenshot(a.page, 'facilitation-voting-participant');

    await panel.getByRole('button', { name: 'Abstimmung beenden' }).click();
    const ranking = panel.locator('.ranking-list li');
    await expect
      .poll(() => ranking.allTextContents())
      .toEqual([
        expect.stringMatching(/^1\.Kürzere Protokolle2 Stimmen/),
        expect.stringMatching(/^1\.Mehr Pausen2 Stimmen/),
      ]);
    await expect.poll(() => a.page.locator('.fac-bar .votes-left').count()).toBe(0);
    await screenshot(fac.page, 'facilitation-voting-ranking');
  });

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
    await fac.page.locator('.side-panel').getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => a.page.getByRole('timer').textContent()).toContain('angehalten');
    await screenshot(b.page, 'facilitation-timer-participant');
    // A short countdown ends on all three screens.
    await fac.page.locator('.side-panel').getByLabel('Minuten').fill('0.1');
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Start', exact: true })
      .click();
    for (const p of [fac, a, b]) {
      await expect
        .poll(() => p.page.getByRole('timer').textContent(), { timeout: 15_000 })
        .toContain('Zeit ist um');
    }
  });

  test('hidden writing: B never receives A’s hidden text before the reveal', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    const framesB = recordFrames(b.page);
    // Reload B so that every frame since its connection is recorded.
    await b.page.reload();
    await waitForBoard(b.page);
    await openPanel(fac.page, /^Moderation$/);
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Verdecktes Schreiben starten' })
      .click();
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(1);

    const secret = 'Geheimer Vorschlag Zebra';
    const box = await a.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await a.page.mouse.dblclick(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await a.page.getByLabel('Verdeckte Notiz').fill(secret);
    await a.page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await canvasTexts(a.page)).join('|')).toContain(secret);
    await expect.poll(() => fac.page.locator('.fac-counts').textContent()).toContain('Anna: 1');
    // Pasted text is hidden as well.
    await a.page.locator('.board-canvas').focus();
    await pasteText(a.page, 'Zweite Idee Zebra-Okapi');
    await expect.poll(() => fac.page.locator('.fac-counts').textContent()).toContain('Anna: 2');
    await screenshot(a.page, 'facilitation-hidden-author');

    // A later marker instead of a pause: Anna's count of hidden notes, sent after
    // both texts were kept on her device, has reached B — look everywhere on B.
    await expect
      .poll(() => b.page.locator('.fac-hidden').textContent())
      .toContain('Verdeckt bei anderen: 2');
    expect(await b.page.content()).not.toContain('Zebra');
    expect((await canvasTexts(b.page)).join('|')).not.toContain('Zebra');
    expect((await canvasTexts(fac.page)).join('|')).not.toContain('Zebra');
    expect(framesB.length).toBeGreaterThan(0);
    expect(framesB.some((f) => f.includes('Zebra'))).toBe(false);

    await fac.page.locator('.side-panel').getByRole('button', { name: 'Aufdecken' }).click();
    await expect
      .poll(async () => (await canvasTexts(b.page)).join('|'), { timeout: 10_000 })
      .toContain(secret);
    await expect.poll(async () => (await canvasTexts(b.page)).join('|')).toContain('Okapi');
    expect(framesB.some((f) => f.includes('Zebra'))).toBe(true);
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(0);
  });

  test('hidden writing: an author offline at the reveal publishes on return', async () => {
    const { fac, a, b } = await roomOfThree(journey, 'blank');
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(1);
    await expect.poll(() => b.page.locator('.fac-hidden').count()).toBe(1);
    // Two hidden notes written at the same spot (N twice, the pointer unmoved).
    await a.page.keyboard.press('n');
    await a.page.getByLabel('Verdeckte Notiz').fill('Offline-Idee Quokka');
    await a.page.getByRole('button', { name: 'Speichern' }).click();
    await a.page.locator('.board-canvas').focus();
    await a.page.keyboard.press('n');
    await a.page.getByLabel('Verdeckte Notiz').fill('Zweite Idee Wombat');
    await a.page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => panel.locator('.fac-counts').textContent()).toContain('Anna: 2');
    await a.context.setOffline(true);
    await expect
      .poll(() => a.page.locator('.connection').getAttribute('data-status'))
      .not.toBe('connected');
    // The facilitator still sees Anna's count, marked as not connected.
    await expect
      .poll(() => panel.locator('.fac-counts li[data-connected="false"]').textContent(), {
        timeout: 40_000,
      })
      .toContain('Anna: 2');
    await panel.getByRole('button', { name: 'Aufdecken' }).click();
    // …and is told plainly why nothing appears yet.
    await expect
      .poll(() => panel.locator('[data-hidden-away]').textContent())
      .toContain('erscheinen, sobald sie zurückkehren');
    // A later marker instead of a pause: the reveal has reached B (the phase's chip is gone).
    await expect.poll(() => b.page.locator('.fac-hidden').count()).toBe(0);
    expect((await canvasTexts(b.page)).join('|')).not.toContain('Quokka');
    // Still offline, A's note waits; back online, it is published.
    expect((await canvasTexts(a.page)).join('|')).toContain('Quokka');
    await a.context.setOffline(false);
    await expect
      .poll(async () => (await canvasTexts(b.page)).join('|'), { timeout: 15_000 })
      .toContain('Quokka');
    await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(0);
    // Both revealed notes are visible: side by side, not one on top of the other.
    const first = await noteByText(b.page, 'Quokka');
    const second = await noteByText(b.page, 'Wombat');
    expect(
      Math.abs(first.x - second.x) >= first.width - 1 ||
        Math.abs(first.y - second.y) >= first.height - 1,
    ).toBe(true);
    await expect.poll(() => panel.locator('[data-hidden-away]').count()).toBe(0);
  });

  test('summaries: a draft from the clusters, written together', async () => {
    const { fac, b } = await roomOfThree(journey, 'ozg-example');
    fac.page.on('dialog', (d) => void d.accept());
    await openPanel(fac.page, /^Zusammenfassung$/);
    await openPanel(b.page, /^Zusammenfassung$/);
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
    await b.page.waitForTimeout(500);
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

  test('on a phone: timer, dots left and voting by tap', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'retro');
    const fac = await journey.person('Moderatorin');
    const phone = await journey.person('Handy', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await join(fac, workshop.urls.facilitator);
    await join(phone, workshop.urls.participant);
    await addNoteAt(fac.page, 0.4, 0.4, 'Mehr Pausen');
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByLabel('Minuten').fill('5');
    await panel.getByRole('button', { name: 'Start', exact: true }).click();
    // Totals stay hidden until the round ends: nobody follows the crowd.
    await panel.getByLabel('Stimmenzahlen bis zum Ende der Runde verbergen').check();
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
    await expect
      .poll(() => phone.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('5');
    const note = await noteByText(phone.page, 'Mehr Pausen');
    await phone.page.touchscreen.tap(note.x, note.y);
    await expect
      .poll(() => phone.page.locator('.fac-bar .votes-left').getAttribute('data-votes-left'))
      .toBe('4');
    await expect.poll(() => phone.page.getByRole('timer').textContent()).toMatch(/4:5\d/);
    await screenshot(phone.page, 'facilitation-phone-voting');
    await panel.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
    await panel.getByRole('button', { name: 'Tafel sperren' }).click();
    await expect.poll(() => phone.page.locator('[data-locked="true"]').count()).toBe(1);
    await screenshot(phone.page, 'facilitation-phone-hidden-locked');
    expect(await seriousAxeViolations(phone.page, axeSource)).toEqual([]);
    expect(await seriousAxeViolations(fac.page, axeSource)).toEqual([]);
    // More tabs than fit: a hint says there are more.
    await expect.poll(() => phone.page.locator('[data-tabs-more]').isVisible()).toBe(true);

    // The phone's outline carries the facilitation state too.
    await phone.page.getByRole('button', { name: 'Gliederung', exact: true }).click();
    await expect.poll(() => phone.page.getByRole('timer').isVisible()).toBe(true);
    expect(await phone.page.locator('.fac-bar .votes-left').isVisible()).toBe(true);
    expect(await phone.page.locator('.fac-hidden').isVisible()).toBe(true);
    expect(await phone.page.getByRole('button', { name: 'Moderation folgen' }).isVisible()).toBe(
      true,
    );
    await screenshot(phone.page, 'facilitation-phone-outline');
    expect(await seriousAxeViolations(phone.page, axeSource)).toEqual([]);
    // The phone gave a dot, but no total is told while the round runs; after it, it is.
    const meta = phone.page.locator('.mobile-outline .outline-meta').first();
    expect(await meta.textContent()).not.toContain('Stimme');
    await panel.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await expect.poll(() => meta.textContent()).toContain('1 Stimme');

    // Another board opens showing its notes.
    await panel.getByRole('button', { name: 'Aufdecken' }).click();
    await showBoard(fac.page, 'Was ändern wir?');
    await addNoteAt(fac.page, 0.8, 0.2, 'Retro alle zwei Wochen');
    await phone.page.getByRole('button', { name: 'Tafel', exact: true }).click();
    await phone.page.getByRole('tab', { name: 'Was ändern wir?' }).click();
    await noteByText(phone.page, 'Retro alle zwei Wochen');
    await screenshot(fac.page, 'facilitation-facilitator-panel');
  });
});
