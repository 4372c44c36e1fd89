// Opening a large board: its first picture is drawn from the document before
// the notes' components have mounted (client/src/canvas/noteSketches.ts), and
// it must show the board's real notes at their places — then the board works
// as ever.
import { expect, test } from 'vitest';
import { COLS, populate } from '../bench/canvasBoard.ts';
import { facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import { drawnAt, join, noteBoxes } from '../harness/board.ts';
import { useJourney } from '../harness/journey.ts';

const NOTES = 2000;

const journey = useJourney();

test('a large board opens with every note drawn at its place, then each note in view gets its component', async () => {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Große Tafel');
  (await populate(facilitatorRoom(server.url, created), NOTES)).close();
  const b = await journey.person('B');
  await join(b, created.urls.participant, 'Bernd');
  // The frame that first shows the board's notes: all of them are in it.
  await b.page.waitForFunction(
    () => performance.getEntriesByName('pinnwand:board-drawn').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  const drawn = await b.page.evaluate(
    () =>
      (performance.getEntriesByName('pinnwand:board-drawn')[0] as PerformanceMark).detail as {
        notes: number;
      },
  );
  expect(drawn.notes).toBe(NOTES);
  // The view (the board opens whole: 7,600 × 7,500 units, below 10 % on this screen) and the
  // grid's note at its centre (160×120 notes at 190×150 steps).
  const view = await b.page.evaluate(() => {
    type Stage = { x(): number; y(): number; scaleX(): number; width(): number; height(): number };
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]!;
    const k = stage.scaleX();
    const left = -stage.x() / k;
    const top = -stage.y() / k;
    return { left, top, right: left + stage.width() / k, bottom: top + stage.height() / k };
  });
  const row = Math.floor((view.top + view.bottom) / 2 / 150);
  const col = Math.floor((view.left + view.right) / 2 / 190);
  const centre = { x: col * 190 + 80, y: row * 150 + 60 };
  // Drawn there, and nothing right of the grid.
  expect(await b.page.evaluate(drawnAt, centre)).toBe(true);
  expect(await b.page.evaluate(drawnAt, { x: COLS * 190 + 200, y: centre.y })).toBe(false);

  // Every note in view gets its component (a chunk per task; notes off screen
  // mount when they come near the view, as before), the centre one with its text.
  let inView = 0;
  for (let i = 0; i < NOTES; i++) {
    const x = (i % COLS) * 190;
    const y = Math.floor(i / COLS) * 150;
    if (x >= view.left && y >= view.top && x + 160 <= view.right && y + 120 <= view.bottom)
      inView++;
  }
  expect(inView).toBe(NOTES);
  await expect
    .poll(async () => (await noteBoxes(b.page)).length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(inView);
  const mounted = (await noteBoxes(b.page)).find((n) => n.id === `r${row}c${col}`);
  expect(mounted?.text).toMatch(new RegExp(`^Notiz ${row * COLS + col + 1}: `));
});
