// Benchmark 4: the canvas in Chromium (Debian's, through playwright-core, with
// the flags of e2e/harness/browser.ts). A board of N notes (a 40-column grid)
// is written into a real workshop on a real server by a Node client; a
// facilitator opens it at 1280×800 with the side panel (the outline) open, as
// a facilitator has it; the board opens zoomed to fit. Measured: time to first
// render of notes on a reload, frame times (requestAnimationFrame intervals)
// while dragging up to 50 selected notes and while panning and zooming, while
// other people (separate clients) move notes, each at 20 moves/s, and the JS
// heap after GC. CANVAS_PROFILE=dir writes a Chromium CPU profile of each
// measured phase there (the reload until notes are drawn and 1.5 s after,
// the drag, the pan and zoom: for finding where the time goes); CANVAS_TRACE=dir
// a Chromium performance trace of the pan and zoom (raster, paint, compositing).

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import { launchBrowser, newPerson } from '../harness/browser.ts';
import { startPinnwand } from '../harness/pinnwandProcess.ts';
import { COLS, populate } from './canvasBoard.ts';
import {
  drawnNotes,
  noteBoxes,
  profileDir,
  startProfile,
  startRecording,
  startTrace,
  stopProfile,
  stopRecording,
  stopTrace,
} from './canvasPage.ts';
import { BenchClient, facilitatorRoom } from './lib/client.ts';
import { newDataDir, removeDir, waitForBuild } from './lib/servers.ts';
import { quantile, type Spread, spread } from './lib/stats.ts';

/** One measured situation: a board of `notes` notes while `movers` other people move notes. */
export interface CanvasScenario {
  notes: number;
  movers: number;
}

export interface CanvasRun {
  notes: number;
  movers?: number;
  /** Whether the side panel (outline) was open while measuring. */
  panelOpen?: boolean;
  firstRenderMs: number | null;
  drawnNotes: number;
  dragP50Ms: number | null;
  dragP95Ms: number | null;
  dragMaxMs: number | null;
  dragFrames: number;
  movedNotes: number;
  panP50Ms: number | null;
  panP95Ms: number | null;
  panMaxMs: number | null;
  panFrames: number;
  heapMb: number | null;
  remoteUpdates: number;
  /** The machine's 1-minute load average when the measured phases began (2 cores: above 2, frames wait for a core). */
  loadAverage?: number;
  error?: string;
}

export interface CanvasCase {
  notes: number;
  movers?: number;
  runs: CanvasRun[];
  firstRenderMs: Spread;
  dragP50Ms: Spread;
  dragP95Ms: Spread;
  panP50Ms: Spread;
  panP95Ms: Spread;
  heapMb: Spread;
}

export async function canvasRun({
  notes: count,
  movers: moverCount,
}: CanvasScenario): Promise<CanvasRun> {
  const dataDir = newDataDir('pinnwand-canvas-');
  await waitForBuild();
  const server = await startPinnwand({ dataDir });
  const browser = await launchBrowser();
  const run: CanvasRun = {
    notes: count,
    movers: moverCount,
    panelOpen: false,
    firstRenderMs: null,
    drawnNotes: 0,
    dragP50Ms: null,
    dragP95Ms: null,
    dragMaxMs: null,
    dragFrames: 0,
    movedNotes: 0,
    panP50Ms: null,
    panP95Ms: null,
    panMaxMs: null,
    panFrames: 0,
    heapMb: null,
    remoteUpdates: 0,
  };
  const remote: NodeJS.Timeout[] = [];
  let writer: BenchClient | undefined;
  const movers: BenchClient[] = [];
  try {
    const created = await createWorkshopViaApi(server.url, 'blank', 'Canvas');
    const room = facilitatorRoom(server.url, created);
    writer = await populate(room, count);
    const person = await newPerson(browser, 'Bench');
    const page = person.page;
    await page.goto(created.urls.facilitator);
    const input = page.getByLabel(/^Name$/);
    await input.waitFor({ timeout: 30_000 });
    await input.fill('Bench');
    await page.getByRole('button', { name: /Weiter|Continue/ }).click();
    await page.waitForFunction(
      (n) => {
        type Node = { find(selector: string): unknown[] };
        const stage = (window as unknown as { Konva?: { stages: Node[] } }).Konva?.stages[0];
        return stage ? stage.find('.note').length >= Math.min(n, 50) : false;
      },
      count,
      { timeout: 60_000 },
    );

    // Time to first render: reload (the name is remembered) until the board's
    // notes are drawn (the client marks the frame that shows its first whole picture).
    const cdp = await page.context().newCDPSession(page);
    const profiling = profileDir ? cdp : undefined;
    const tag = `${count}-notes-${moverCount}-movers`;
    await startProfile(profiling);
    await page.reload();
    await page.waitForFunction(
      () => performance.getEntriesByName('pinnwand:board-drawn').length > 0,
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    run.firstRenderMs = await page.evaluate(
      () => performance.getEntriesByName('pinnwand:board-drawn')[0]!.startTime,
    );
    await sleep(1500);
    await stopProfile(profiling, `${tag}-first`);
    run.drawnNotes = await drawnNotes(page);

    run.panelOpen = await page.locator('.side-panel .outline').isVisible();

    // Other people move notes, each 20 times per second, each from their own
    // connection (as their drops arrive): notes outside the dragged block.
    const notes = writer.doc.getMap<Y.Map<unknown>>('notes');
    for (let m = 0; m < moverCount; m++) {
      const mover = m === 0 ? writer : new BenchClient(room, m, {}, true);
      if (m > 0) {
        await mover.connect();
        movers.push(mover);
      }
      const moved = mover.doc.getMap<Y.Map<unknown>>('notes');
      let k = 0;
      remote.push(
        setInterval(() => {
          const id =
            count > 1000
              ? `r${40 + (k % 10)}c${(k + m * 7) % COLS}`
              : `r${(k + m) % Math.min(3, Math.ceil(count / COLS))}c${20 + ((m * 4 + k) % 20)}`;
          const note = moved.get(id) ?? moved.get(`r${k % 5}c${30 + (k % 10)}`);
          if (note) {
            mover.doc.transact(
              () => note.set('y', Number(note.get('y')) + (k % 2 ? 3 : -3)),
              'bench',
            );
            run.remoteUpdates++;
          }
          k++;
        }, 50),
      );
    }

    // Select 50 notes (rows 0–4, columns 0–9; fewer on a small board) with a selection frame, then drag them.
    const lastRow = Math.min(4, Math.floor((count - 10) / COLS));
    // A large board does not fit at the smallest zoom and off-screen notes are
    // culled: pan (middle-button drag) until the grid's top rows are on screen.
    let [a, b] = await Promise.all([noteBoxes(page, ['r0c0']), noteBoxes(page, [`r${lastRow}c9`])]);
    const area = await page.locator('.board-canvas').boundingBox();
    const placed = () => a[0] && b[0] && area && a[0].y > area.y + 150 && a[0].x > area.x + 100;
    for (let i = 0; i < 12 && !placed() && area; i++) {
      const x = area.x + area.width / 2;
      const y = area.y + area.height / 3;
      await page.mouse.move(x, y);
      await page.mouse.down({ button: 'middle' });
      await page.mouse.move(x + (a[0] && a[0].x < area.x + 100 ? 120 : 0), y + 250, { steps: 5 });
      await page.mouse.up({ button: 'middle' });
      await sleep(300);
      [a, b] = await Promise.all([noteBoxes(page, ['r0c0']), noteBoxes(page, [`r${lastRow}c9`])]);
    }
    const first = a[0];
    const last = b[0];
    if (!first || !last) throw new Error(`notes r0c0/r${lastRow}c9 are not drawn`);
    const before = new Map<string, number>();
    for (const [id, n] of notes.entries()) before.set(id, Number(n.get('x')));
    await page.mouse.move(first.x - 12, first.y - 12);
    await page.mouse.down();
    await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 8 });
    await page.mouse.up();
    const grip = (await noteBoxes(page, ['r0c5']))[0];
    if (!grip) throw new Error('note r0c5 is not drawn');
    run.loadAverage = os.loadavg()[0];
    await startProfile(profiling);
    await startRecording(page);
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(grip.x + grip.width / 2 + i * 3, grip.y + grip.height / 2 + i * 2);
      await sleep(8);
    }
    await page.mouse.up();
    const drag = await stopRecording(page);
    await stopProfile(profiling, `${tag}-drag`);
    if (profileDir) {
      await page.screenshot({ path: path.join(profileDir, `${tag}-drag.png`) });
      writeFileSync(path.join(profileDir, `${tag}-console.txt`), person.console.join('\n'));
    }
    run.dragFrames = drag.length;
    run.dragP50Ms = quantile(drag, 50);
    run.dragP95Ms = quantile(drag, 95);
    run.dragMaxMs = drag.at(-1) ?? null;
    await sleep(800);
    notes.forEach((n, id) => {
      if (before.get(id) !== Number(n.get('x'))) run.movedNotes++;
    });

    // Pan (middle-button drag) and zoom (ctrl + wheel) on the canvas.
    const canvasBox = await page.locator('.board-canvas').boundingBox();
    if (!canvasBox) throw new Error('no canvas');
    const cx = canvasBox.x + canvasBox.width / 2;
    const cy = canvasBox.y + canvasBox.height / 2;
    await startProfile(profiling);
    await startTrace(browser, page);
    await startRecording(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down({ button: 'middle' });
    for (let i = 1; i <= 45; i++) {
      await page.mouse.move(cx - i * 6, cy - i * 3);
      await sleep(8);
    }
    await page.mouse.up({ button: 'middle' });
    await page.keyboard.down('Control');
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, i < 15 ? -60 : 60);
      await sleep(16);
    }
    await page.keyboard.up('Control');
    const pan = await stopRecording(page);
    await stopTrace(browser, `${tag}-pan`);
    await stopProfile(profiling, `${tag}-pan`);
    run.panFrames = pan.length;
    run.panP50Ms = quantile(pan, 50);
    run.panP95Ms = quantile(pan, 95);
    run.panMaxMs = pan.at(-1) ?? null;
    for (const timer of remote.splice(0)) clearInterval(timer);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    run.heapMb = heap.usedSize / 1024 / 1024;
    if (person.pageErrors.length) run.error = `page errors: ${person.pageErrors[0]?.message}`;
    if (writer.closed)
      run.error = `the writing client was closed (${writer.closeCode} ${writer.closeReason})`;
  } catch (err) {
    run.error = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 300) : String(err);
  } finally {
    for (const timer of remote) clearInterval(timer);
    writer?.terminate();
    for (const mover of movers) mover.terminate();
    await browser.close().catch(() => undefined);
    await server.stop('SIGKILL');
    removeDir(dataDir);
  }
  return run;
}

export async function runCanvas(scenarios: CanvasScenario[], runs: number): Promise<CanvasCase[]> {
  const out: CanvasCase[] = [];
  for (const scenario of scenarios) {
    const rs: CanvasRun[] = [];
    for (let i = 0; i < runs; i++) rs.push(await canvasRun(scenario));
    const ok = rs.filter((r) => !r.error);
    out.push({
      ...scenario,
      runs: rs,
      firstRenderMs: spread(ok.map((r) => r.firstRenderMs)),
      dragP50Ms: spread(ok.map((r) => r.dragP50Ms)),
      dragP95Ms: spread(ok.map((r) => r.dragP95Ms)),
      panP50Ms: spread(ok.map((r) => r.panP50Ms)),
      panP95Ms: spread(ok.map((r) => r.panP95Ms)),
      heapMb: spread(ok.map((r) => r.heapMb)),
    });
  }
  return out;
}
