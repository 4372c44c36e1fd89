// Two people with the same initials are told apart in every avatar: Fritz
// Müller and Frieda Meier are "FMü" and "FMe" on both their screens (the rule
// is shared/src/model/initials.ts), on the desktop and on a phone.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { join } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

describe('initials in avatars', () => {
  const journey = useJourney();

  test('people whose initials clash get labels every device shows alike', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const fritz = await journey.person('Fritz');
    const frieda = await journey.person('Frieda', PHONE);
    await join(fritz, created.urls.participant, 'Fritz Müller');
    await join(frieda, created.urls.participant, 'Frieda Meier');
    const avatars = (page: typeof fritz.page) => ({
      me: () => page.locator('.me .avatar').textContent(),
      others: () => page.locator('.presence-button .avatar').allTextContents(),
    });
    await expect.poll(avatars(fritz.page).others).toEqual(['FMe']);
    await expect.poll(avatars(fritz.page).me).toBe('FMü');
    await expect.poll(avatars(frieda.page).others).toEqual(['FMü']);
    await expect.poll(avatars(frieda.page).me).toBe('FMe');
    await fritz.page.locator('.presence-button').click();
    await expect
      .poll(() => fritz.page.locator('.people .avatar').allTextContents())
      .toEqual(['FMü', 'FMe']);
    await screenshot(fritz.page, 'initials-desktop');
    await screenshot(frieda.page, 'initials-phone');
  });
});
