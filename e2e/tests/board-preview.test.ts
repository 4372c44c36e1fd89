// A new device draws a board before its document has arrived: the server's
// preview (GET …/board-preview) is the first picture, and it is the picture
// the document gives — pixel for pixel — and is replaced by the document once
// synced (a note moved meanwhile moves there). Hidden writing stays hidden:
// another person's hidden note is never in the preview.
import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { boardPreviewSchema } from '@pinnwand/shared/protocol/http';
import type { Page, WebSocketRoute } from 'playwright-core';
import { expect, test } from 'vitest';
import { COLS, populate } from '../bench/canvasBoard.ts';
import { facilitatorRoom } from '../bench/lib/client.ts';
import { createWorkshopViaApi } from '../harness/api.ts';
import { drawnAt, noteBoxes, pageAt } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { canvasTexts, openPanel, roomOfThree } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const NOTES = 400;

const journey = useJourney();

/**
 * Holds back everything the server sends on the page's board socket (its
 * heartbeat answers excepted, so the page does not give up on it) until
 * `release`: the page has its preview and no document.
 */
async function holdDocument(page: Page): Promise<{ release(): void }> {
  const held: (string | Buffer)[] = [];
  let open: WebSocketRoute | null = null;
  let released = false;
  await page.routeWebSocket(/\/ws\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      const heartbeat = typeof m !== 'string' && m.length === 1 && m[0] === 100;
      if (released || heartbeat) ws.send(m);
      else held.push(m);
    });
    open = ws;
  });
  return {
    release() {
      released = true;
      for (const m of held.splice(0)) open?.send(m);
    },
  };
}

const drawn = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('pinnwand:board-drawn').length > 0, {
    timeout: 60_000,
  });

/** Where each note's component has its note (world units), by id. */
const worldPlaces = (page: Page) =>
  page.evaluate(() => {
    type Node = { id(): string; x(): number; y(): number };
    type Stage = { find(selector: string): Node[] };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    const places: Record<string, [number, number]> = {};
    for (const node of stage?.find('.note') ?? []) places[node.id()] = [node.x(), node.y()];
    return places;
  });

/** The board's picture of notes (the snapshot canvas on screen), as a PNG data URL. */
const picture = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLCanvasElement>('.notes-plane canvas')?.toDataURL() ?? '',
  );

test('a new device draws the server’s preview first, the same picture the document gives, and the document takes over', async () => {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Vorschau');
  const writer = await populate(facilitatorRoom(server.url, created), NOTES);
  try {
    // A: its socket delivers nothing yet, so what it draws can only be the preview.
    const a = await journey.person('Anna', { named: true });
    const held = await holdDocument(a.page);
    await a.page.goto(created.urls.participant);
    await drawn(a.page);
    expect(
      await a.page.evaluate(() => ({
        synced: performance.getEntriesByName('pinnwand:first-sync').length,
        notes: (performance.getEntriesByName('pinnwand:board-drawn')[0] as PerformanceMark)
          .detail as { notes: number },
      })),
    ).toEqual({ synced: 0, notes: { notes: NOTES } });
    const fromPreview = await picture(a.page);

    // B: no preview (the request fails), so it draws from the document.
    const b = await journey.person('Ben', { named: true });
    await b.page.route('**/board-preview**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"no"}' }),
    );
    await b.page.goto(created.urls.participant);
    await drawn(b.page);
    expect(
      await b.page.evaluate(() => performance.getEntriesByName('pinnwand:first-sync').length),
    ).toBe(1);
    const fromDocument = await picture(b.page);
    expect(fromPreview.length).toBeGreaterThan(1000);
    expect(fromPreview === fromDocument, 'the preview draws what the document draws').toBe(true);
    expect(await a.page.evaluate(drawnAt, { x: 80, y: 60 })).toBe(true);

    // Meanwhile someone moves the first note far right of the grid; B sees it there.
    const moved = { x: COLS * 190 + 400, y: 0 };
    const first = writer.doc.getMap<import('yjs').Map<unknown>>('notes').get('r0c0')!;
    writer.doc.transact(() => {
      first.set('x', moved.x);
      first.set('y', moved.y);
    });
    // Where a note's component has it on the board (world units), null before it is mounted.
    const placeOf = (page: Page) =>
      page.evaluate(() => {
        type Node = { x(): number; y(): number };
        type Stage = { findOne(selector: string): Node | undefined };
        const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
        const node = stage?.findOne('#r0c0');
        return node ? { x: node.x(), y: node.y() } : null;
      });
    await expect.poll(() => placeOf(b.page), { timeout: 30_000 }).toEqual(moved);

    // A's document arrives: the moved note is where B has it, every note has its component.
    held.release();
    await a.page.waitForFunction(
      () => performance.getEntriesByName('pinnwand:first-sync').length > 0,
    );
    await expect
      .poll(async () => (await noteBoxes(a.page)).length, { timeout: 60_000 })
      .toBe(NOTES);
    expect(await placeOf(a.page)).toEqual(moved);
    // Its old spot (the first of the grid, in view) is empty on A's picture now.
    await expect.poll(() => a.page.evaluate(drawnAt, { x: 80, y: 60 })).toBe(false);
    expect(await a.page.evaluate(drawnAt, { x: 190 + 80, y: 60 })).toBe(true);
    // Every note is where the document has it, on A as on B: none jumped or went missing.
    expect(await worldPlaces(a.page)).toEqual(await worldPlaces(b.page));
  } finally {
    writer.close();
  }
});

test('a document that arrives while the board’s code is still loading waits for the preview’s picture', async () => {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Vorschau');
  // Enough notes for a document the page applies as a large one (quietApply.ts:
  // 256 KB). 1,000 notes are 249 KB, just under it: with the template's board
  // the answer was large or not, and when not, the mark never came and the
  // board's chunk stayed held (a CI failure). 2,400 notes are 604 KB.
  const notes = 2400;
  (await populate(facilitatorRoom(server.url, created), notes)).close();
  const a = await journey.person('Anna', { named: true });
  // The board's chunk comes only once the socket (opened ahead of it, by the
  // gate's chunk) has delivered the whole document, as on a busy phone.
  await a.page.route('**/assets/WorkshopPage-*.js', async (route) => {
    await a.page.waitForFunction(
      () => performance.getEntriesByName('pinnwand:large-sync-received').length > 0,
      undefined,
      { timeout: 60_000 },
    );
    await route.continue();
  });
  await a.page.goto(created.urls.participant);
  await drawn(a.page);
  await a.page.waitForFunction(
    () => performance.getEntriesByName('pinnwand:first-sync').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  const at = await a.page.evaluate(() => {
    const first = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
    return {
      received: first('pinnwand:large-sync-received'),
      drawn: first('pinnwand:board-drawn'),
      applied: first('pinnwand:first-sync'),
    };
  });
  // Applying it at once would have kept the page from running the board's
  // code for as long as that takes; the preview is drawn first instead.
  expect(at.received).toBeLessThan(at.drawn);
  expect(at.drawn).toBeLessThan(at.applied);
  await expect.poll(async () => (await noteBoxes(a.page)).length, { timeout: 60_000 }).toBe(notes);
});

test('until the document is here the board can be looked at, not changed: a double-click on a drawn note says it is loading and writes nothing', async () => {
  const server = journey.server();
  const created = await createWorkshopViaApi(server.url, 'blank', 'Vorschau');
  const writer = await populate(facilitatorRoom(server.url, created), NOTES);
  try {
    // The facilitator, whom no rule stops: only the missing document does.
    const fac = await journey.person('Fiona', { named: true });
    const held = await holdDocument(fac.page);
    await fac.page.goto(created.urls.facilitator);
    await drawn(fac.page);
    // The board looks ready but is not: it says so before anyone tries to change it.
    const loadingHint = fac.page.getByRole('status').filter({ hasText: 'Tafel wird geladen' });
    await expect.poll(() => loadingHint.isVisible()).toBe(true);
    await screenshot(fac.page, 'board-loading-desktop');
    const toast = fac.page.locator('.fac-toast');
    const noteEditor = fac.page.getByLabel(/Text der Notiz/);

    // The grid's first note (r0c0, top-left at 0,0) as drawn from the preview.
    const first = await pageAt(fac.page, { x: 80, y: 60 });
    await fac.page.mouse.dblclick(first.x, first.y);
    await expect.poll(() => toast.textContent()).toContain('Die Tafel wird noch geladen');
    expect(await noteEditor.count()).toBe(0);
    // Typed on regardless: letters, not shortcuts (N would add a note), kept and shown.
    await fac.page.keyboard.type('Neu', { delay: 20 });
    const kept = fac.page.locator('.fac-toast-kept');
    await expect.poll(() => kept.inputValue()).toBe('Neu');
    expect(await noteEditor.count()).toBe(0);
    await fac.page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    expect(await noteEditor.count()).toBe(0);
    await screenshot(fac.page, 'preview-loading-hint');

    // Every other way to change the board is told the same, not met with silence:
    // shortcuts, toolbar buttons, the facilitator's panel. Each one a new notice
    // (the one before marked as seen; a second apart, so not one held key).
    const newToast = fac.page.locator('.fac-toast:not([data-seen])');
    const saysLoading = async (what: string, act: () => Promise<void>) => {
      await fac.page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('.fac-toast')))
          el.setAttribute('data-seen', '');
      });
      await fac.page.waitForTimeout(1100);
      await act();
      await expect
        .poll(() => newToast.textContent(), { message: what })
        .toContain('Die Tafel wird noch geladen');
    };
    // A click on the board gives it the keys.
    await fac.page.mouse.click(first.x, first.y);
    for (const key of ['Delete', 'Control+z', 'Control+d', 'ArrowLeft', 'g', 'n'])
      await saysLoading(key, () => fac.page.keyboard.press(key));
    await saysLoading('undo button', () =>
      fac.page.getByRole('button', { name: 'Rückgängig' }).click(),
    );
    await openPanel(fac.page, /^Moderation$/);
    await saysLoading('panel', () =>
      fac.page
        .locator('.side-panel')
        .getByRole('button', { name: 'Verdecktes Schreiben starten' })
        .click(),
    );
    // A held key repeats: one notice, announced once, not one per repeat.
    await fac.page.mouse.click(first.x, first.y);
    await saysLoading('held arrow', () => fac.page.keyboard.down('ArrowRight'));
    await newToast.evaluate((el) => el.setAttribute('data-first', ''));
    for (let i = 0; i < 15; i++) await fac.page.keyboard.down('ArrowRight');
    await fac.page.keyboard.up('ArrowRight');
    expect(await fac.page.locator('.fac-toast').count()).toBe(1);
    expect(await fac.page.locator('.fac-toast[data-first]').count()).toBe(1);
    await screenshot(fac.page, 'refusal-loading-desktop');

    // On a phone, the toolbar's undo (nothing to undo yet) says the same.
    const phone = await journey.person('Pia', { ...PHONE, named: true });
    await holdDocument(phone.page);
    await phone.page.goto(created.urls.participant);
    await drawn(phone.page);
    await expect
      .poll(() =>
        phone.page.getByRole('status').filter({ hasText: 'Tafel wird geladen' }).isVisible(),
      )
      .toBe(true);
    await screenshot(phone.page, 'board-loading-phone');
    // The phone's loading note sits just above the toolbar, beside it, not over
    // the board's first row of notes, which one reads first.
    const pill = await phone.page.locator('[data-board-loading]').boundingBox();
    const toolbar = await phone.page.locator('.toolbar').boundingBox();
    if (!pill || !toolbar) throw new Error('no loading note or toolbar');
    expect(pill.y + pill.height).toBeLessThanOrEqual(toolbar.y);
    expect(toolbar.y - (pill.y + pill.height)).toBeLessThan(16);
    // The grid's first row (world y 0 to NOTE_HEIGHT) is on screen, under nothing.
    const rowTop = await pageAt(phone.page, { x: 0, y: 0 });
    const rowBottom = await pageAt(phone.page, { x: 0, y: NOTE_HEIGHT });
    const canvasBox = await phone.page.locator('.board-canvas').boundingBox();
    expect(rowTop.y).toBeGreaterThanOrEqual(canvasBox?.y ?? 0);
    expect(pill.y).toBeGreaterThan(rowBottom.y);
    await phone.page.getByRole('button', { name: 'Rückgängig' }).tap();
    await expect
      .poll(() => phone.page.locator('.fac-toast').textContent())
      .toContain('Die Tafel wird noch geladen');
    await screenshot(phone.page, 'refusal-loading-phone');
    await phone.context.close();

    // Looking around works: the wheel pans the preview.
    const before = await pageAt(fac.page, { x: 0, y: 0 });
    await fac.page.mouse.move(first.x, first.y);
    await fac.page.mouse.wheel(0, 120);
    await expect
      .poll(async () => (await pageAt(fac.page, { x: 0, y: 0 })).y)
      .toBeLessThan(before.y);

    // A double-click to write, and the words typed while the board still loads …
    await fac.page.mouse.dblclick(first.x, first.y);
    await fac.page.keyboard.type('noch eine Idee', { delay: 20 });
    await expect.poll(() => kept.inputValue()).toBe('noch eine Idee');
    // Nothing was written meanwhile: the room still has its notes and no other.
    expect(writer.doc.getMap('notes').size).toBe(NOTES);

    held.release();
    await fac.page.waitForFunction(
      () => performance.getEntriesByName('pinnwand:first-sync').length > 0,
    );
    // The loading hint is gone with the document applied.
    await expect.poll(() => loadingHint.count()).toBe(0);
    // … become her note once it is ready, every letter, its editor open to go on.
    await expect.poll(() => noteEditor.inputValue()).toBe('noch eine Idee');
    await noteEditor.press('Escape');
    const texts = () =>
      [...writer.doc.getMap('notes').values()].map((n) =>
        String((n as { get(k: string): unknown }).get('text')),
      );
    await expect.poll(() => texts().filter((t) => t === 'noch eine Idee').length).toBe(1);
    expect(writer.doc.getMap('notes').size).toBe(NOTES + 1);
    // Now the same double-click opens the note, right away: it is drawn under the
    // pointer, however freshly the document brought it (editor/landings.ts).
    const again = await pageAt(fac.page, { x: 80, y: 60 });
    await fac.page.mouse.dblclick(again.x, again.y);
    await noteEditor.waitFor();
    expect(await noteEditor.inputValue()).toContain('Notiz 1:');
    expect(writer.doc.getMap('notes').size).toBe(NOTES + 1);
  } finally {
    writer.close();
  }
});

test('another person’s hidden notes are never in the preview; after the reveal they are', async () => {
  const { workshop, fac, a } = await roomOfThree(journey, 'blank');
  const preview = async () => {
    const res = await fetch(`${journey.server().url}/api/workshops/${workshop.id}/board-preview`, {
      headers: { Authorization: `Bearer ${workshop.participantToken}` },
    });
    expect(res.status).toBe(200);
    return boardPreviewSchema.parse(await res.json());
  };
  await openPanel(fac.page, /^Moderation$/);
  const panel = fac.page.locator('.side-panel');
  await panel.getByRole('button', { name: 'Verdecktes Schreiben starten' }).click();
  await expect.poll(() => a.page.locator('.fac-hidden').count()).toBe(1);
  const secret = 'Verdeckte Idee Kakapo';
  await a.page.keyboard.press('n');
  await a.page.getByLabel('Verdeckte Notiz').fill(secret);
  await a.page.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(async () => (await canvasTexts(a.page)).join('|')).toContain(secret);
  // A later marker: Anna's count of hidden notes reached the facilitator.
  await expect.poll(() => panel.locator('.fac-counts').textContent()).toContain('Anna: 1');
  expect(JSON.stringify(await preview())).not.toContain('Kakapo');

  await panel.getByRole('button', { name: 'Aufdecken' }).click();
  await expect
    .poll(async () => (await preview()).notes.map((n) => n.text), { timeout: 15_000 })
    .toContain(secret);
});
