// The facilitator's administration of a workshop: the facilitator link opened
// in a fresh browser (another laptop) shows working invitation links, fetched
// with the facilitator token; deleting a workshop behind a type-the-title
// confirmation returns to the landing page and forgets it on this device.

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join, waitForBoard } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

async function openSharePanel(page: Page): Promise<void> {
  const tab = page.locator('.panel-tab-share');
  if (!(await tab.isVisible())) await page.locator('.panel-toggle').click();
  await tab.click();
}

describe('workshop administration', () => {
  const journey = useJourney();

  test('the facilitator link in a fresh browser shows working invite links; deleting forgets the workshop', async () => {
    const base = journey.server().url;
    const title = 'Workshop zum Löschen';
    const created = await createWorkshopViaApi(base, 'retro', title);

    // Another laptop: nothing of this workshop is remembered in this browser context.
    const f = await journey.person('Fiona');
    await join(f, created.urls.facilitator, 'Fiona Moderation');
    await openSharePanel(f.page);
    const participantInput = f.page.locator('input[data-link="participant"]');
    await participantInput.waitFor();
    expect(await participantInput.inputValue()).toBe(created.urls.participant);
    expect(await f.page.locator('input[data-link="viewer"]').inputValue()).toBe(
      created.urls.viewer,
    );
    expect(await f.page.locator('input[data-link="facilitator"]').inputValue()).toBe(
      created.urls.facilitator,
    );
    await expect.poll(() => f.page.getByAltText(/QR-Code/).count()).toBe(1);
    // Its tab clicked again, the open section stays open.
    await f.page.locator('.panel-tab-share').click();
    await f.page.waitForTimeout(300);
    expect(await participantInput.isVisible()).toBe(true);
    await expect.poll(() => f.page.getByRole('button', { name: 'Kopieren' }).count()).toBe(3);
    await expect.poll(() => f.page.getByText(/auf dem Gerät gespeichert/).count()).toBe(0);
    await screenshot(f.page, 'invites-on-another-device');

    // The links it shows work: a participant joins with one.
    const p = await journey.person('Paul');
    await join(p, await participantInput.inputValue(), 'Paul');
    await expect
      .poll(() => p.page.locator('.connection').getAttribute('data-status'))
      .toBe('connected');

    // Deleting is guarded: the button stays disabled until the title is typed.
    await f.page.getByRole('button', { name: 'Workshop löschen …' }).click();
    const dialog = f.page.getByRole('alertdialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Endgültig löschen' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Titel des Workshops eingeben/).fill('falscher Titel');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Titel des Workshops eingeben/).fill(title);
    await screenshot(f.page, 'delete-workshop-dialog');
    await confirm.click();

    await expect.poll(() => new URL(f.page.url()).pathname).toBe('/');
    await expect
      .poll(() => f.page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Pinnwand');

    // The participant still on the board is told (CloseCode.workshopDeleted).
    await expect
      .poll(() => p.page.getByText(/gibt es nicht/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);

    // Gone on the server …
    const session = await fetch(
      `${base}/api/workshops/${created.id}/session?token=${created.facilitatorToken}`,
    );
    expect(session.status).toBe(404);
    // … and forgotten in this browser: no remembered entries, no IndexedDB copy.
    await expect
      .poll(() =>
        f.page.evaluate(
          (id) => Object.keys(localStorage).filter((k) => k.includes(id)).length,
          created.id,
        ),
      )
      .toBe(0);
    const recent = await f.page.evaluate(() => localStorage.getItem('pinnwand.recent') ?? '');
    expect(recent).not.toContain(created.id);
    await expect
      .poll(() =>
        f.page.evaluate(
          async (id) =>
            (await indexedDB.databases())
              .filter((db) => db.name?.includes(id))
              .map((db) => db.name),
          created.id,
        ),
      )
      .toEqual([]);

    // A fresh visit with the old link finds nothing.
    const late = await journey.person('Spät');
    await late.page.goto(created.urls.participant);
    await expect
      .poll(() => late.page.getByText(/gibt es nicht/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  test('a participant link shows no invitations and cannot delete', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank', 'Nur Teilnahme');
    const p = await journey.person('Petra');
    await join(p, created.urls.participant, 'Petra');
    await waitForBoard(p.page);
    expect(await p.page.locator('.panel-tab-share').count()).toBe(0);
    expect(await p.page.getByRole('button', { name: 'Workshop löschen …' }).count()).toBe(0);
  });
});
