// Where the cold load's time in the page goes: builds the cold-load benchmark's
// compacted 5,000-note room once (kept in a folder, reused by later runs), then
// opens it in Chromium as a new device, as bench/coldload.ts does, and records
// a CPU profile of the page (CDP Profiler) until the first notes are drawn.
//
//   node --import tsx bench/coldprofile.ts [--room DIR] [--runs N] [--profile FILE.cpuprofile]
//                                          [--screenshot DIR] [--phone]
//
// Prints per run: link → first drawn (the benchmark's measure), the client's
// marks, and the profile's heaviest functions (self time) and scripts.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, newPerson } from '../harness/browser.ts';
import { BULK_ENV, buildWorkload } from './coldLoadWorkload.ts';
import { timeLoad, write } from './coldload.ts';
import { type RoomRef, roomOnPort } from './lib/client.ts';
import { newDataDir, removeDir, startServer } from './lib/servers.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const roomDir = arg('room') ?? '/tmp/pinnwand-coldroom-5000';
const runs = Number(arg('runs') ?? 3);
const profileFile = arg('profile');
const shotDir = arg('screenshot');
/** --phone: a phone's screen (390×844, touch) instead of 1280×800. */
const phone = process.argv.includes('--phone');

async function prepare(): Promise<RoomRef> {
  const refFile = path.join(roomDir, 'room.json');
  if (existsSync(refFile)) return JSON.parse(readFileSync(refFile, 'utf8')) as RoomRef;
  const w = buildWorkload(50, 100, 20);
  console.log(`workload: ${w.notes} notes, ${w.updates} updates`);
  const data = path.join(roomDir, 'data');
  mkdirSync(data, { recursive: true });
  let server = await startServer('pinnwand', data, BULK_ENV);
  const room = await server.createRoom('coldload', 'facilitator');
  await write(room, w, 5000);
  const check = await timeLoad(room, w.stateVector, 600_000);
  console.log(`written: ${check.notes} notes, complete ${check.ok}`);
  await new Promise((r) => setTimeout(r, 1500));
  await server.stop('SIGKILL');
  // Compaction: load, unload, stop gracefully.
  server = await startServer('pinnwand', data, BULK_ENV);
  const { identity: _, ...docOnly } = roomOnPort(room, server.port);
  await timeLoad(docOnly, w.stateVector);
  await new Promise((r) => setTimeout(r, 2500));
  await server.stop('SIGTERM');
  writeFileSync(refFile, JSON.stringify(room));
  return room;
}

type PageWindow = {
  Konva?: { stages: { find(selector: string): unknown[] }[] };
  __firstDrawn?: { at: number; n: number };
};

const firstDrawn = (): boolean => {
  const w = window as unknown as PageWindow;
  let n = 0;
  for (const stage of w.Konva?.stages ?? []) n += stage.find('.note').length;
  if (n > 0 && w.__firstDrawn === undefined) w.__firstDrawn = { at: performance.now(), n };
  return performance.getEntriesByName('pinnwand:board-drawn').length > 0;
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function summarise(profile: Profile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFn = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const f = node.callFrame;
    const file = f.url.split('/').pop() || '(native)';
    const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
    byScript.set(file, (byScript.get(file) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  // Inclusive: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + ms);
    }
  });
  console.log(`by function (inclusive):\n${top(incl, 70)}`);
  console.log(`profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`);
  console.log(`by script:\n${top(byScript, 12)}`);
  console.log(`by function (self):\n${top(byFn, 40)}`);
}

async function main(): Promise<void> {
  const room = await prepare();
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < runs; i++) {
      const dir = newDataDir('pinnwand-cold-');
      cpSync(path.join(roomDir, 'data'), dir, { recursive: true });
      const server = await startServer('pinnwand', dir, BULK_ENV);
      const person = await newPerson(
        browser,
        'Bench',
        phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {},
      );
      try {
        await person.context.addInitScript(
          `localStorage.setItem('pinnwand.identity', ${JSON.stringify(JSON.stringify({ id: `bench${i}`, name: 'Bench', color: '#1f5fbf' }))})`,
        );
        const cdp = profileFile ? await person.context.newCDPSession(person.page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        // CPU time of Chromium's processes by type (robust to other load on the machine, unlike wall time).
        const system = await browser.newBrowserCDPSession();
        const cpu = async () => {
          const { processInfo } = (await system.send('SystemInfo.getProcessInfo')) as unknown as {
            processInfo: { type: string; id: number; cpuTime: number }[];
          };
          return processInfo;
        };
        const cpuBefore = await cpu();
        const link = `http://127.0.0.1:${server.port}/w/${room.docName}#token=${room.token}`;
        await person.page.goto(link);
        await person.page.waitForFunction(firstDrawn, undefined, {
          timeout: 60_000,
          polling: 'raf',
        });
        const cpuAfter = await cpu();
        const byType = new Map<string, number>();
        for (const p of cpuAfter) {
          const before = cpuBefore.find((b) => b.id === p.id)?.cpuTime ?? 0;
          byType.set(p.type, (byType.get(p.type) ?? 0) + p.cpuTime - before);
        }
        console.log(
          `cpu ${[...byType].map(([t, s]) => `${t}=${(s * 1000).toFixed(0)}ms`).join(' ')}`,
        );
        await system.detach();
        if (cdp) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
          writeFileSync(
            profileFile!.replace(/(\.cpuprofile)?$/, `-${i}.cpuprofile`),
            JSON.stringify(profile),
          );
          summarise(profile);
        }
        const marks = await person.page.evaluate(() => {
          const first = (window as unknown as PageWindow).__firstDrawn;
          const m: Record<string, number> = { konvaNodes: first?.at ?? -1, nodes: first?.n ?? 0 };
          for (const e of performance.getEntriesByType('mark')) m[e.name] = e.startTime;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          m.domContentLoaded = nav.domContentLoadedEventEnd;
          for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            if (r.name.includes('/api/'))
              m[`${r.name.split('/').pop()?.slice(0, 12)} ${r.startTime.toFixed(0)}..`] =
                r.responseEnd;
            else if (r.name.includes('/assets/') && r.name.endsWith('.js'))
              m[`js ${r.name.split('/').pop()?.split('-')[0]} ${r.startTime.toFixed(0)}..`] =
                r.responseEnd;
          return m;
        });
        if (profileFile)
          writeFileSync(
            profileFile.replace(/(\.cpuprofile)?$/, `-${i}.marks.json`),
            JSON.stringify(marks),
          );
        console.log(
          `run ${i}: ${Object.entries(marks)
            .map(([k, v]) => `${k}=${v.toFixed(0)}`)
            .join(' ')}`,
        );
        if (shotDir) {
          mkdirSync(shotDir, { recursive: true });
          await person.page.waitForTimeout(1500);
          await person.page.screenshot({
            path: path.join(shotDir, `cold-${phone ? 'phone' : 'desktop'}-${i}.png`),
          });
        }
      } finally {
        await person.context.close();
        await server.stop('SIGKILL');
        removeDir(dir);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
