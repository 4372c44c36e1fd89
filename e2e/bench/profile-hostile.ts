// Profiles Pinnwand's server under one hostile-neighbour attack (bench/hostile.ts):
// starts server/dist/main.js with --cpu-prof, runs the attack from its own
// process (hostile-attacker.ts) for a few seconds, stops the server gracefully
// and prints the main thread's busy time and where it went. Server CPU per
// second of attack does not depend on how loaded the machine is, unlike the
// bystander's latency.
//
//   node --import tsx bench/profile-hostile.ts "<attack id>" [seconds=6]
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEntry } from '../harness/paths.ts';
import type { FromAttacker, ToAttacker } from './hostile-attacker.ts';

const [attack = 'SyncStep1 spam', seconds = '6'] = process.argv.slice(2);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\//, '').replace(/.*\/work\/[^/]+\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;

/** Self and inclusive time per function, over samples taken between `fromMicros` and `toMicros`. */
function analyse(prof: Profile, fromMicros: number, toMicros: number): void {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = prof.startTime;
  let total = 0;
  let idle = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromMicros || t > toMicros) return;
    total += dt;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    const k = name(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  });
  // Longest runs of consecutive busy samples: how long the event loop was held at once.
  const runs: { ms: number; top: string; selfTop: string }[] = [];
  let runMs = 0;
  const runTop = new Map<string, number>();
  const runSelf = new Map<string, number>();
  const endRun = () => {
    if (runMs > 0) {
      const top = [...runTop].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      const selfTop = [...runSelf]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join(', ');
      runs.push({ ms: runMs / 1000, top, selfTop });
    }
    runMs = 0;
    runTop.clear();
    runSelf.clear();
  };
  t = prof.startTime;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromMicros || t > toMicros) return;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      endRun();
      return;
    }
    runMs += dt;
    runSelf.set(name(node), (runSelf.get(name(node)) ?? 0) + dt);
    // The frame below the root names what ran: walk up to the first frame under (root).
    let cur: number | undefined = id;
    let below = id;
    while (cur !== undefined && parent.get(cur) !== undefined) {
      below = cur;
      cur = parent.get(cur);
    }
    const k = name(byId.get(below)!);
    runTop.set(k, (runTop.get(k) ?? 0) + dt);
  });
  endRun();
  runs.sort((a, b) => b.ms - a.ms);
  console.log('longest busy stretches (what ran; most time of its own):');
  for (const r of runs.slice(0, 5)) console.log(`  ${r.ms.toFixed(1)} ms (${r.top}; ${r.selfTop})`);
  console.log(
    `main thread: ${(total / 1000).toFixed(0)} ms sampled, busy ${((total - idle) / 1000).toFixed(0)} ms (${((100 * (total - idle)) / total).toFixed(0)} %)`,
  );
  const list = (title: string, m: Map<string, number>, n: number) => {
    console.log(`--- ${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${(v / 1000).toFixed(0).padStart(7)}  ${k}`);
  };
  list('self', self, 20);
  list('inclusive', incl, 35);
}

const profDir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-prof-'));
const server = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, serverEntry], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'pinnwand-e2e-')),
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
const url = await new Promise<string>((resolve) =>
  server.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  }),
);
const attacker = fork(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-attacker.ts'),
  [],
  { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
// Niced as in hostile.ts: its own CPU is not the server's.
if (attacker.pid) os.setPriority(attacker.pid, 19);
const next = () => new Promise<FromAttacker>((resolve) => attacker.once('message', resolve));
const send = (m: ToAttacker) => attacker.send(m);
send({ type: 'prepare', attack, httpUrl: url, wsUrl: `${url.replace(/^http/, 'ws')}/ws` });
const ready = await next();
if (ready.type !== 'ready') throw new Error(JSON.stringify(ready));
// The profile's clock is CLOCK_MONOTONIC in µs, as performance.timeOrigin + now() is not; hrtime is.
const from = Number(process.hrtime.bigint() / 1000n);
send({ type: 'start' });
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
// Only the attack's seconds are analysed, not the shutdown after it.
const to = Number(process.hrtime.bigint() / 1000n);
send({ type: 'stop' });
const stopped = await next();
attacker.kill('SIGKILL');
console.log(`${attack}: ${JSON.stringify(stopped)}`);
await new Promise<void>((resolve) => {
  server.once('exit', () => resolve());
  server.kill('SIGTERM');
});
const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
const mainFile = files.find((f) => Number(f.split('.')[4]) === 0);
if (!mainFile) throw new Error('no profile of the main thread');
analyse(JSON.parse(readFileSync(path.join(profDir, mainFile), 'utf8')) as Profile, from, to);
