// What the canvas benchmark (canvas.ts) reads from the page: frame times
// (requestAnimationFrame intervals), Chromium CPU profiles of a phase
// (CANVAS_PROFILE=dir), and the drawn notes (Konva registers itself as
// `window.Konva`; each note is a node named "note").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export async function startRecording(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap a named inner function in a
  // helper (__name) that does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__rec = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

export async function stopRecording(page: Page): Promise<number[]> {
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return w.__frames;
  });
  const deltas: number[] = [];
  for (let i = 1; i < stamps.length; i++) deltas.push(stamps[i]! - stamps[i - 1]!);
  return deltas.sort((a, b) => a - b);
}

export type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

export const profileDir = process.env.CANVAS_PROFILE;

export async function startProfile(cdp: Cdp | undefined): Promise<void> {
  if (!cdp) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/** CANVAS_TRACE=dir: a Chromium performance trace of each measured phase (open in the DevTools Performance panel). */
export const traceDir = process.env.CANVAS_TRACE;

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  if (!traceDir) return;
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'blink',
      'cc',
      'gpu',
      'viz',
      'toplevel',
      'v8.execute',
      'blink.user_timing',
    ],
  });
}

export async function stopTrace(browser: Browser, name: string): Promise<void> {
  if (!traceDir) return;
  const trace = await browser.stopTracing();
  writeFileSync(path.join(traceDir, `${name}.trace.json`), trace);
}

export async function stopProfile(cdp: Cdp | undefined, name: string): Promise<void> {
  if (!cdp || !profileDir) return;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
  writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function noteBoxes(page: Page, ids: string[]): Promise<Box[]> {
  return page.evaluate((wanted) => {
    type Node = {
      id(): string;
      getClientRect(): { x: number; y: number; width: number; height: number };
      find(selector: string): Node[];
      container(): HTMLElement;
    };
    const stage = (window as unknown as { Konva?: { stages: Node[] } }).Konva?.stages[0];
    if (!stage) return [];
    const origin = stage.container().getBoundingClientRect();
    return stage
      .find('.note')
      .filter((n) => wanted.includes(n.id()))
      .map((n) => {
        const r = n.getClientRect();
        return {
          id: n.id(),
          x: origin.left + r.x,
          y: origin.top + r.y,
          width: r.width,
          height: r.height,
        };
      });
  }, ids);
}

export async function drawnNotes(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Node = { find(selector: string): unknown[] };
    const stage = (window as unknown as { Konva?: { stages: Node[] } }).Konva?.stages[0];
    return stage ? stage.find('.note').length : 0;
  });
}
