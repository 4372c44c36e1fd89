// Hidden writing with a facilitator and two participants in real Chromium: no
// hidden text reaches another browser before the reveal, and an author who is
// offline at the reveal publishes on return; a hidden note still open in its
// editor at the reveal is published as rewritten; one's own hidden notes are
// listed (and edited) in the outline, marked as hidden, until the reveal.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  join,
  noteByText,
  pasteText,
  seriousAxeViolations,
  waitForBoard,
} from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import {
  axeSource,
  canvasTexts,
  openPanel,
  recordFrames,
  roomOfThree,
} from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const DEVICES: [string, PersonOptions][] = [
  ['desktop', {}],
  ['phone', PHONE],
];

describe('hidden writing', () => {
  // An author taken offline leaves the server a socket that no longer answers;
  // the server ends it after a missed pong. A 5 s ping interval instead of the
  // default 30 s brings the facilitator's "not connected" mark sooner, by the
  // same mechanism.
  const journey = useJourney({ serverEnv: { PING_INTERVAL_MS: '5000' } });

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

  // Someone who writes in the outline (on a phone, with a screen reader) sees
  // their own hidden notes there, marked as hidden, and edits them there; the
  // reveal turns them into ordinary notes of the list. German on the phone,
  // English on the desktop.
  test('the outline lists one’s own hidden notes as hidden, edits them, and the reveal makes them ordinary notes', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const fac = await journey.person('fac');
    const a = await journey.person('a-phone', PHONE);
    const b = await journey.person('b-desktop', { locale: 'en-US' });
    await join(fac, created.urls.facilitator, 'Moderatorin');
    await join(a, created.urls.participant, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    await openPanel(fac.page, /^Moderation$/);
    const panel = fac.page.locator('.side-panel');
    await panel.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
    await a.page.locator('.fac-hidden').waitFor();
    await b.page.locator('.fac-hidden').waitFor();

    // Anna, on her phone, writes from the outline.
    await a.page.getByRole('button', { name: 'Gliederung', exact: true }).click();
    const outlineA = a.page.locator('.mobile-outline');
    await outlineA.getByLabel(/^Neue Notiz auf/).fill('Erste Fassung Tapir');
    await outlineA.getByRole('button', { name: 'Hinzufügen' }).click();
    const hiddenA = outlineA.locator('.outline-note-hidden');
    await expect.poll(() => hiddenA.count()).toBe(1);
    await expect.poll(() => a.page.locator('.fac-hidden').textContent()).toContain('(1)');
    expect(await hiddenA.textContent()).toContain('verdeckt');
    expect(await outlineA.locator('.outline-count').first().textContent()).toBe(
      '0 Notizen, 1 verdeckt',
    );
    expect(await outlineA.getByText('Keine Notizen').count()).toBe(0);

    await outlineA
      .getByRole('button', { name: 'Notiz „Erste Fassung Tapir“ bearbeiten (verdeckt)' })
      .click();
    await outlineA.getByLabel('Text der verdeckten Notiz').fill('Zweite Fassung Tapir');
    await outlineA.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => hiddenA.textContent()).toContain('Zweite Fassung Tapir');
    expect(await hiddenA.textContent()).not.toContain('Erste Fassung');
    await outlineA
      .getByRole('button', { name: 'Notiz „Zweite Fassung Tapir“ löschen (verdeckt)' })
      .waitFor();
    await expect.poll(() => panel.locator('.fac-counts').textContent()).toContain('Anna: 1');
    await screenshot(a.page, 'hidden-outline-phone');
    expect(await seriousAxeViolations(a.page, axeSource)).toEqual([]);

    // Bernd, on a desktop in English, writes one too: he sees his, never Anna's.
    await openPanel(b.page, /^Outline$/);
    const outlineB = b.page.locator('.side-panel .outline');
    await outlineB.getByLabel(/^New note on/).fill('Bernd’s idea Okapi');
    await outlineB.getByRole('button', { name: 'Add' }).click();
    const hiddenB = outlineB.locator('.outline-note-hidden');
    await expect.poll(() => hiddenB.count()).toBe(1);
    expect(await hiddenB.textContent()).toContain('hidden');
    expect(await outlineB.locator('.outline-count').first().textContent()).toBe(
      '0 notes, 1 hidden',
    );
    await outlineB
      .getByRole('button', { name: 'Edit note “Bernd’s idea Okapi” (hidden)' })
      .waitFor();
    expect(await b.page.content()).not.toContain('Tapir');
    await screenshot(b.page, 'hidden-outline-desktop');
    expect(await seriousAxeViolations(b.page, axeSource)).toEqual([]);

    await panel.getByRole('button', { name: 'Aufdecken' }).click();
    await expect.poll(() => hiddenA.count(), { timeout: 10_000 }).toBe(0);
    const publicA = outlineA.locator('.outline-note:not(.outline-note-hidden) .outline-text');
    await expect
      .poll(async () => (await publicA.allTextContents()).sort().join('|'), { timeout: 10_000 })
      .toBe('Bernd’s idea Okapi|Zweite Fassung Tapir');
    expect(await outlineA.locator('.outline-count').first().textContent()).toBe('2 Notizen');
    await expect.poll(() => hiddenB.count()).toBe(0);
    await expect
      .poll(async () => (await canvasTexts(fac.page)).join('|'))
      .toContain('Zweite Fassung Tapir');
    expect((await canvasTexts(fac.page)).join('|')).not.toContain('Erste Fassung');
    await screenshot(a.page, 'hidden-outline-phone-revealed');
  });

  // The reveal can come while a participant still has a hidden note open. The
  // editor then says that saving publishes the note for everyone, and what was
  // typed in it is what reaches the board.
  for (const [device, options] of DEVICES) {
    test(`on a ${device}, the open editor says the note is now published, and the edit arrives`, async () => {
      const created = await createWorkshopViaApi(journey.server().url, 'blank');
      const fac = await journey.person('fac');
      const a = await journey.person(`a-${device}`, options);
      await join(fac, created.urls.facilitator, 'Moderatorin');
      await join(a, created.urls.participant, 'Anna');
      await openPanel(fac.page, /^Moderation$/);
      await fac.page.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
      await a.page.locator('.fac-hidden').waitFor();

      const box = await a.page.locator('.board-canvas').boundingBox();
      if (!box) throw new Error('no canvas');
      // On the empty board the hidden note is placed centred where it was asked for.
      const spot = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 };
      await a.page.mouse.dblclick(spot.x, spot.y);
      await a.page.getByLabel('Verdeckte Notiz').fill('Erste Fassung');
      await a.page.getByRole('button', { name: 'Speichern' }).click();
      // Anna opens her hidden note again and rewrites it, unsaved at the reveal.
      const editor = a.page.locator('.hidden-composer');
      await editor.waitFor({ state: 'detached' });
      await a.page.mouse.dblclick(spot.x, spot.y);
      await expect.poll(() => editor.locator('textarea').inputValue()).toBe('Erste Fassung');
      await editor.locator('textarea').fill('Zweite Fassung Kiwi');
      await screenshot(a.page, `hidden-open-${device}-before-reveal`);

      await fac.page.locator('.side-panel').getByRole('button', { name: 'Aufdecken' }).click();
      await expect.poll(() => editor.locator('label').textContent()).not.toContain('Verdeckt');
      await expect.poll(() => editor.textContent()).toContain('für alle sichtbar');
      await screenshot(a.page, `hidden-open-${device}-after-reveal`);
      await editor.getByRole('button', { name: 'Speichern' }).click();
      await expect
        .poll(async () => (await canvasTexts(fac.page)).join('|'), { timeout: 10_000 })
        .toContain('Zweite Fassung Kiwi');
      // Published once, as rewritten: not the first version beside it.
      expect((await canvasTexts(fac.page)).join('|')).not.toContain('Erste Fassung');
      await screenshot(a.page, `hidden-open-${device}-saved`);
    });
  }
});
