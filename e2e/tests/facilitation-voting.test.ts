// Dot voting with a facilitator and participants in real Chromium: a round
// within its budget by click and by keyboard, the ranking, and voting by tap
// on a phone with the timer and the dots left in view; when the round ends,
// the ranking's beginning is in view in the panel.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, noteByText, seriousAxeViolations } from '../harness/board.ts';
import { type PersonOptions, PHONE, screenshot } from '../harness/browser.ts';
import { axeSource, openPanel, roomOfThree, showBoard } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('voting in a session', () => {
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

  test('on a phone: timer, dots left and voting by tap', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'retro');
    const fac = await journey.person('Moderatorin');
    const phone = await journey.person('Handy', PHONE);
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

  // When the facilitator ends a vote, the ranking takes the place of the running
  // round's controls in the Moderation panel; whatever the panel was scrolled
  // to, the ranking's beginning is shown, not cut off at the panel's top.
  test.each<[string, PersonOptions]>([
    ['desktop', {}],
    ['phone', PHONE],
  ])(
    'the ranking’s beginning is in view when the facilitator ends the round (%s)',
    async (device, options) => {
      const workshop = await createWorkshopViaApi(journey.server().url, 'retro');
      const fac = await journey.person('Moderatorin', options);
      await join(fac, workshop.urls.facilitator);
      const page = fac.page;
      await addNoteAt(page, 0.3, 0.35, 'Mehr Pausen');
      await addNoteAt(page, 0.6, 0.35, 'Kürzere Protokolle');
      await openPanel(page, /^Moderation$/);
      const panel = page.locator('.side-panel');
      await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
      const end = panel.getByRole('button', { name: 'Abstimmung beenden' });
      // The facilitator scrolled down to the button, as one does to reach it.
      await end.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `voting-end-before-${device}`);
      await end.click();
      const heading = panel.locator('.ranking h3');
      await heading.waitFor();
      await expect
        .poll(() => panel.getByRole('button', { name: 'Abstimmung starten' }).count())
        .toBe(1);
      await page.waitForTimeout(300);
      await screenshot(page, `voting-end-after-${device}`);
      // In view means below the panel's tabs, which stay over the scrolled content.
      const headingTop = (await heading.boundingBox())?.y ?? Number.NaN;
      const tabs = await panel.locator('.panel-tabs').boundingBox();
      expect(headingTop).toBeGreaterThanOrEqual((tabs?.y ?? 0) + (tabs?.height ?? 0));
      // The button that had the focus is gone: the ranking has it, not the page.
      expect(await page.evaluate(() => document.activeElement?.closest('.ranking') !== null)).toBe(
        true,
      );
    },
  );
});
