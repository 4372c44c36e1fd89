// The cold-load benchmark in Chromium (coldload.ts): Pinnwand's own client
// opens the facilitator's link on a freshly started server, timed from
// navigation until the board's first whole picture is drawn, with the room on
// disk only (cold) and with the workshop in progress (warm).
import { cpSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import type * as Y from 'yjs';
import { newPerson } from '../harness/browser.ts';
import { BENCH_BOARD_TITLE, BULK_ENV } from './coldLoadWorkload.ts';
import { BenchClient, type RoomRef, roomOnPort } from './lib/client.ts';
import { newDataDir, removeDir, startServer } from './lib/servers.ts';

export interface BrowserLoad {
  /**
   * From navigation start until the board's first whole picture is on the
   * canvas: every note in view drawn (the client's mark `pinnwand:board-drawn`,
   * set in the frame that shows it, client/src/canvas/noteSnapshot.ts).
   */
  firstDrawnMs: number;
  /**
   * From navigation start until the board's notes are on screen as plain
   * cards at their places (the mark `pinnwand:notes-placed`): for a device
   * here for the first time the early cards over the page's skeleton
   * (client/src/canvas/earlyCards.ts), else the board's first picture before
   * its titles are drawn.
   */
  notesPlacedMs: number;
  /** The identity request within it (POST …/identities): start and end, ms since navigation. */
  identityStartMs: number | null;
  identityEndMs: number | null;
  /** The board preview request (GET …/board-preview): answered, ms since navigation; null if none. */
  previewEndMs: number | null;
  /** The board's cards (GET …/board-cards, the early cards' source): answered, ms since navigation; null if none. */
  cardsEndMs?: number | null;
  /** The client's marks (client/src/sync/connection.ts): socket open, first document applied. */
  socketOpenMs: number | null;
  firstSyncMs: number | null;
  /** Notes of the board in that picture. */
  drawn: number;
}

type PageWindow = {
  __otherBoard?: string;
};

/**
 * Polled every frame in the page: whether the board's first picture is drawn
 * (the client marks it), or that another board than the benchmark's was
 * opened (then no notes will come; the step fails at once, naming it). No
 * inner named functions: tsx would wrap them in a helper the page lacks.
 */
const firstDrawn = (benchBoard: string): boolean => {
  const w = window as unknown as PageWindow;
  const tab = document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? null;
  if (tab !== null && !tab.includes(benchBoard)) w.__otherBoard = tab;
  return (
    performance.getEntriesByName('pinnwand:board-drawn').length > 0 || w.__otherBoard !== undefined
  );
};

/**
 * A workshop in progress: someone on the board moves a note, so the room's
 * document is in the server's memory, and moves another once the board
 * preview has been read, so the next new device's preview is read afresh.
 */
export async function workshopInProgress(room: RoomRef, port: number): Promise<BenchClient> {
  const mover = new BenchClient(room, 0, {}, true);
  await mover.connect();
  const notes = mover.doc.getMap<Y.Map<unknown>>('notes');
  const move = (id: string, x: number) => mover.doc.transact(() => notes.get(id)?.set('x', x));
  move('note-0-0', 120);
  const preview = `http://127.0.0.1:${port}/api/workshops/${room.docName}/board-preview`;
  for (let tries = 0; ; tries++) {
    // A kept-alive socket the server closed meanwhile fails the request: ask again.
    const status = await fetch(preview, { headers: { Authorization: `Bearer ${room.token}` } })
      .then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      })
      .catch(() => 0);
    if (status === 200) break;
    if (tries > 100) throw new Error(`board preview still ${status} with the room in use`);
    await sleep(100);
  }
  move('note-0-1', 240);
  await sleep(300);
  return mover;
}

/**
 * Pinnwand's own client in Chromium opens the facilitator's link on a freshly
 * started server, as a new device (its display name remembered, so the name
 * prompt does not stop it; no identity, no local copy). Cold: the room on disk
 * only. Warm: the workshop in progress (workshopInProgress).
 */
export async function browserLoads(
  browser: Browser,
  sourceDir: string,
  room: RoomRef,
  runs: number,
  warm: boolean,
): Promise<BrowserLoad[]> {
  const loads: BrowserLoad[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = newDataDir('pinnwand-cold-');
    cpSync(sourceDir, dir, { recursive: true });
    const server = await startServer('pinnwand', dir, BULK_ENV);
    const person = await newPerson(browser, 'Bench');
    let mover: BenchClient | undefined;
    try {
      if (warm) mover = await workshopInProgress(roomOnPort(room, server.port), server.port);
      await person.context.addInitScript(
        `localStorage.setItem('pinnwand.identity', ${JSON.stringify(JSON.stringify({ id: `bench${i}`, name: 'Bench', color: '#1f5fbf' }))})`,
      );
      const link = `http://127.0.0.1:${server.port}/w/${room.docName}#token=${room.token}`;
      await person.page.goto(link);
      await person.page.waitForFunction(firstDrawn, BENCH_BOARD_TITLE, {
        timeout: 60_000,
        polling: 'raf',
      });
      const other = await person.page.evaluate(() => (window as PageWindow).__otherBoard);
      if (other !== undefined)
        throw new Error(`the page opened the board "${other}", not "${BENCH_BOARD_TITLE}"`);
      const load = await person.page.evaluate((): BrowserLoad => {
        const whole = performance.getEntriesByName('pinnwand:board-drawn')[0] as PerformanceMark;
        const identity = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/identities')) as PerformanceResourceTiming | undefined;
        const preview = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/board-preview')) as PerformanceResourceTiming | undefined;
        const cards = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/board-cards')) as PerformanceResourceTiming | undefined;
        return {
          firstDrawnMs: whole.startTime,
          notesPlacedMs:
            performance.getEntriesByName('pinnwand:notes-placed')[0]?.startTime ?? whole.startTime,
          drawn: (whole.detail as { notes: number }).notes,
          socketOpenMs: performance.getEntriesByName('pinnwand:socket-open')[0]?.startTime ?? null,
          firstSyncMs: performance.getEntriesByName('pinnwand:first-sync')[0]?.startTime ?? null,
          identityStartMs: identity ? identity.startTime : null,
          identityEndMs: identity ? identity.responseEnd : null,
          previewEndMs: preview ? preview.responseEnd : null,
          cardsEndMs: cards ? cards.responseEnd : null,
        };
      });
      loads.push(load);
    } finally {
      mover?.close();
      await person.context.close();
      await server.stop('SIGKILL');
      removeDir(dir);
    }
  }
  return loads;
}
