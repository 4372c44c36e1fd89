// Clearing the votes already on a board when a new round starts is asked
// first, with how many dots it takes away: cancelled, nothing is cleared and
// no round starts; confirmed, the round starts on a board without votes.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, noteByText } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('clearing votes', () => {
  const journey = useJourney();

  test('the facilitator confirms before a new round clears the earlier votes', async () => {
    const workshop = await createWorkshopViaApi(journey.server().url, 'blank');
    const fac = await journey.person('Moderatorin');
    await join(fac, workshop.urls.facilitator);
    const page = fac.page;
    await addNoteAt(page, 0.4, 0.4, 'Mehr Pausen');
    await openPanel(page, /^Moderation$/);
    const panel = page.locator('.side-panel');
    const left = () => page.locator('.fac-bar .votes-left').getAttribute('data-votes-left');

    // A first round: two dots on the note.
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
    await expect.poll(left).toBe('5');
    const note = await noteByText(page, 'Mehr Pausen');
    await page.mouse.click(note.x, note.y - 20);
    await expect.poll(left).toBe('4');
    await page.mouse.click(note.x, note.y - 20);
    await expect.poll(left).toBe('3');
    await panel.getByRole('button', { name: 'Abstimmung beenden' }).click();

    // A new round that clears them: asked first.
    await panel.getByLabel('Bisherige Stimmen dieser Tafel löschen').check();
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: /Bisherige Stimmen auf „Tafel 1“ löschen/,
    });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Alle 2 bisherigen Stimmen');
    await screenshot(page, 'voting-clear-confirm');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing started, nothing cleared: the ranking still counts the two dots.
    expect(await panel.getByRole('button', { name: 'Abstimmung starten' }).isVisible()).toBe(true);
    expect(await panel.textContent()).toContain('2 Stimmen');

    await panel.getByRole('button', { name: 'Abstimmung starten' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stimmen löschen und starten' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(left).toBe('5');
    expect(await panel.textContent()).toContain('Abstimmung läuft');
  });
});
