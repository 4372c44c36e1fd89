// Other people's pointers: the name beside a pointer goes a few seconds after
// it stopped moving (the dot a while later), comes back when it moves, and the
// pointer goes at once when its person shows another board or leaves.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { cursorNames, hoverCanvas, join } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

describe('pointers of other people', () => {
  const journey = useJourney();

  test('a still pointer loses its name; switching boards or leaving takes it away at once', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'retro');
    const [anna, bernd] = await Promise.all([journey.person('Anna'), journey.person('Bernd')]);
    await join(anna, created.urls.participant, 'Anna');
    await join(bernd, created.urls.participant, 'Bernd');

    await hoverCanvas(bernd.page, 0.4, 0.5);
    await expect.poll(() => cursorNames(anna.page)).toEqual(['Bernd']);
    await screenshot(anna.page, 'cursor-moving');
    // Still for a while (LABEL_FADE_MS, 4 s): the dot stays, the name goes.
    await expect.poll(() => cursorNames(anna.page), { timeout: 8_000 }).toEqual(['']);
    await screenshot(anna.page, 'cursor-still');
    await hoverCanvas(bernd.page, 0.5, 0.5);
    await expect.poll(() => cursorNames(anna.page)).toEqual(['Bernd']);

    // Another board, by the keyboard (the pointer never left the canvas).
    await bernd.page.getByRole('tab', { name: 'Was lief nicht gut?' }).focus();
    await bernd.page.keyboard.press('Enter');
    await expect
      .poll(() =>
        bernd.page.getByRole('tab', { name: 'Was lief nicht gut?' }).getAttribute('aria-selected'),
      )
      .toBe('true');
    await expect.poll(() => cursorNames(anna.page)).toEqual([]);

    // Back, moving: the pointer is there; then Bernd closes the page.
    await bernd.page.getByRole('tab', { name: 'Was lief gut?' }).click();
    await hoverCanvas(bernd.page, 0.3, 0.5);
    await expect.poll(() => cursorNames(anna.page)).toEqual(['Bernd']);
    await bernd.page.close();
    await expect.poll(() => cursorNames(anna.page)).toEqual([]);
  });
});
