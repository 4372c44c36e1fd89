// The outline is the accessible equivalent of the canvas: a note can be added
// and edited with the keyboard alone; axe finds no serious or critical issue on
// the landing page, the board with notes and the outline; a phone can use it.
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { populate } from '../bench/canvasBoard.ts';
import { facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  cursorNames,
  hoverCanvas,
  join,
  noteBoxes,
  noteByText,
  outlineTexts,
  seriousAxeViolations,
} from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';
import { repoRoot } from '../harness/paths.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Presses Tab until the focused element matches, like a keyboard user would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 400): Promise<void> {
  const source = matches.toString();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((fn) => {
      const el = document.activeElement;
      // biome-ignore lint/security/noGlobalEval: the predicate is the test's own code
      return el ? (eval(`(${fn})`) as (e: Element) => boolean)(el) : false;
    }, source);
    if (found) return;
  }
  throw new Error('focus never reached the element');
}

describe('outline and accessibility', () => {
  const journey = useJourney();

  test('the landing page has no serious accessibility issue', async () => {
    const visitor = await journey.person('visitor');
    await visitor.page.goto(journey.server().url);
    await visitor.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousAxeViolations(visitor.page, axeSource)).toEqual([]);
    // German by default, English on request (and remembered).
    await visitor.page.getByLabel('Sprache').selectOption('en');
    await expect
      .poll(() => visitor.page.getByRole('button', { name: 'Create workshop' }).count())
      .toBe(1);
    await visitor.page.reload();
    await expect.poll(() => visitor.page.locator('html').getAttribute('lang')).toBe('en');
    await visitor.page.getByLabel('Language').selectOption('de');
  });

  test('the outline adds, edits and moves a note with the keyboard only', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'ozg-erfahrungsaustausch');
    const a = await journey.person('A');
    const b = await journey.person('B');
    await join(a, created.urls.participant, 'Anna');
    await join(b, created.urls.participant, 'Bernd');

    await a.page.locator('body').focus();
    await tabTo(a.page, (el) => (el as HTMLElement).id !== '' && el.tagName === 'TEXTAREA');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('id'))).toBeTruthy();
    await a.page.keyboard.type('Barrierefreiheit von Anfang an');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Enter');
    await expect.poll(() => outlineTexts(b.page)).toEqual(['Barrierefreiheit von Anfang an']);
    // The focus stayed in the field, ready for the next note, and it says the note is
    // there (it is listed above, often out of view) until the next one is typed.
    expect(await a.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const added = a.page.locator('.outline-board.current .outline-add [role="status"]');
    expect(await added.textContent()).toBe('Notiz hinzugefügt.');
    await a.page.keyboard.type('N');
    expect(await added.textContent()).toBe('');
    await a.page.keyboard.press('Backspace');

    // Back to the note's "Bearbeiten" button, edit, save — all by keyboard.
    await a.page.keyboard.down('Shift');
    await tabTo(a.page, (el) => el.textContent === 'Bearbeiten');
    await a.page.keyboard.up('Shift');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(' – für alle Länder');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Enter');
    await expect
      .poll(() => outlineTexts(b.page))
      .toEqual(['Barrierefreiheit von Anfang an – für alle Länder']);
    // Focus went back to the note's edit button.
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe('Bearbeiten');

    // Bernd may sort Anna's note into a cluster of its board but not take it to
    // another board: his move form offers only the places on "Bewährtes".
    const annas = b.page.locator('.outline-note', { hasText: 'für alle Länder' });
    await annas.getByRole('button', { name: /verschieben …$/ }).click();
    const places = await annas.locator('select option').allTextContents();
    expect(places.slice(1)).toContain('Bewährtes (ohne Cluster)');
    expect(places.slice(1).filter((p) => !p.startsWith('Bewährtes'))).toEqual([]);
    await annas.getByRole('button', { name: 'Abbrechen' }).click();

    // Move it to the board "Aufgaben", still by keyboard.
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Enter');
    const onBoard = (title: string) =>
      b.page
        .locator('.side-panel details.outline-board', {
          has: b.page.getByRole('heading', { name: title }),
        })
        .locator('.outline-text')
        .allTextContents();
    await expect
      .poll(() => onBoard('Aufgaben'))
      .toEqual(['Barrierefreiheit von Anfang an – für alle Länder']);
    await expect.poll(() => onBoard('Bewährtes')).toEqual([]);
    // The focus stayed on the note that moved, now on its new board.
    await expect
      .poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Notiz „Barrierefreiheit von Anfang an – für alle Länder“ bearbeiten');
  });

  test('a long list in the outline shows its notes as they are scrolled to or tabbed to', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank', 'Viele Notizen');
    const writer = await populate(facilitatorRoom(server.url, created), 160);
    try {
      const fac = await journey.person('Moderation');
      await join(fac, created.urls.facilitator, 'Mia');
      const outline = fac.page.locator('.side-panel .outline');
      await outline.getByText('Notiz 1: Antrag digitalisieren', { exact: true }).waitFor();
      // Of 160 notes the first chunk is listed; the others stand as placeholders.
      const more = outline.getByRole('button', { name: /weitere Notizen/ });
      await expect.poll(() => more.count()).toBe(3);
      expect(await outline.locator('.outline-note').count()).toBe(50);

      // Scrolled to, a chunk's notes are there.
      await more.last().scrollIntoViewIfNeeded();
      await outline.getByText('Notiz 160: Nutzerfeedback einholen', { exact: true }).waitFor();

      // Tabbed to, a placeholder gives way to its notes and the focus goes to the first one's button.
      await more.first().focus();
      await expect
        .poll(() =>
          fac.page.evaluate(
            () => document.activeElement?.closest('.outline-note')?.textContent ?? '',
          ),
        )
        .toMatch(/Notiz 51:/);
    } finally {
      writer.terminate();
    }
  });

  test('board, outline and phone: readable, usable, no serious accessibility issue', async () => {
    const created = await createWorkshopViaApi(
      journey.server().url,
      'ozg-example',
      'Erfahrungsaustausch OZG 2023',
    );
    const a = await journey.person('Moderation');
    const b = await journey.person('Teilnehmerin');
    await join(a, created.urls.facilitator, 'Jana Schäfer');
    await join(b, created.urls.participant, 'Jörg Weiß');
    await expect.poll(() => outlineTexts(a.page).then((t) => t.length)).toBeGreaterThan(20);
    await hoverCanvas(b.page, 0.35, 0.45);
    await expect.poll(() => a.page.locator('.presence-count').textContent()).toBe('2 anwesend');
    await a.page.waitForFunction(() => document.fonts.status === 'loaded');
    await screenshot(a.page, 'board-example-desktop');
    expect(await seriousAxeViolations(a.page, axeSource)).toEqual([]);

    // For the README: the board alone, with someone else's pointer and selection.
    await a.page.getByRole('button', { name: 'Seitenleiste schließen' }).click();
    await a.page.locator('.board-canvas').focus();
    await a.page.keyboard.press('Shift+1');
    await a.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const pick = await noteByText(b.page, 'Führertage');
    await b.page.mouse.click(pick.x, pick.y);
    await hoverCanvas(b.page, 0.55, 0.62);
    await expect.poll(() => cursorNames(a.page)).toEqual(['Jörg Weiß']);
    const readmeShot = await screenshot(a.page, 'board-example-readme');
    // A test run must not dirty the working tree; the README's picture is refreshed on request.
    if (process.env.UPDATE_README_SCREENSHOT === '1') {
      copyFileSync(readmeShot, path.join(repoRoot, 'docs/screenshot.png'));
    }

    // The outline as the main view on a phone.
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Uwe Böhm');
    await screenshot(phone.page, 'board-example-phone');
    // Tap selects a note: the colour choice appears in the toolbar.
    await phone.page.getByRole('button', { name: 'Vergrößern' }).tap();
    await phone.page.getByRole('button', { name: 'Vergrößern' }).tap();
    // A note clear of the banners over the canvas's top and of the toolbar.
    const first = (await noteBoxes(phone.page)).find(
      (n) => n.x > 40 && n.x < 350 && n.y > 320 && n.y < 700,
    );
    if (!first) throw new Error('no note on the phone screen');
    await phone.page.touchscreen.tap(first.x, first.y);
    await expect.poll(() => phone.page.locator('[data-color="blue"]').count()).toBe(1);
    await phone.page.locator('[data-color="blue"]').tap();
    await screenshot(phone.page, 'board-example-phone-selected');

    // Pinch with two fingers: the notes grow; moving both fingers pans.
    const cdp = await phone.context.newCDPSession(phone.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const widthBefore = first.width;
    await touch('touchStart', [
      [150, 560],
      [240, 560],
    ]);
    for (let step = 1; step <= 6; step++) {
      await touch('touchMove', [
        [150 - step * 10, 560],
        [240 + step * 10, 560],
      ]);
    }
    await touch('touchEnd', []);
    await expect
      .poll(async () => {
        const same = (await noteBoxes(phone.page)).find((n) => n.id === first.id);
        return same ? same.width / widthBefore : 0;
      })
      .toBeGreaterThan(1.5);
    await phone.page.getByRole('button', { name: 'Gliederung', exact: true }).click();
    await phone.page.locator('.mobile-outline .outline-text').first().waitFor();
    await screenshot(phone.page, 'board-example-phone-outline');
    expect(await seriousAxeViolations(phone.page, axeSource)).toEqual([]);
  });
});
