// Profiles Pinnwand's server under one relay scenario: starts server/dist/main.js
// with --cpu-prof (as in production otherwise), runs a warm-up and a measured
// round, stops it gracefully and prints where the CPU time went (self and
// inclusive, by function). Used to find the causes written in docs/benchmarks.md.
//
//   node --import tsx bench/profile.ts [scenario=r100x400 | ROOMSxCLIENTSxRATE] [seconds=8] [SQLITE_SYNCHRONOUS=FULL]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkshopViaApi } from '../harness/api.ts';
import { serverEntry } from '../harness/paths.ts';
import { newDataDir, type RunningServer, SERVER_KINDS } from './lib/servers.ts';
import { RELAY_SCENARIOS, relayRound } from './relay.ts';

const [scenarioId = 'r100x400', seconds = '8', sync = 'FULL'] = process.argv.slice(2);
// A scenario id, or ROOMSxCLIENTSxRATE (rate per room), e.g. 1x51x5000 like the crash writers.
const custom = /^(\d+)x(\d+)x(\d+)$/.exec(scenarioId);
const scenario = custom
  ? {
      id: scenarioId,
      title: `${custom[1]} room(s) × ${custom[2]} clients × ${custom[3]} updates/s`,
      rooms: Number(custom[1]),
      clientsPerRoom: Number(custom[2]),
      updatesPerSecPerRoom: Number(custom[3]),
      awarenessHz: 0,
      workers: 2,
    }
  : RELAY_SCENARIOS.find((s) => s.id === scenarioId);
if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
const profDir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-prof-'));
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, serverEntry], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: newDataDir(),
    LOG_LEVEL: 'warn',
    WORKSHOP_CREATES_PER_MINUTE: '100000',
    SQLITE_SYNCHRONOUS: sync,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
const url = await new Promise<string>((resolve) =>
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  }),
);
const port = Number(new URL(url).port);
const server: RunningServer = {
  kind: SERVER_KINDS.pinnwand,
  pid: child.pid!,
  port,
  dataDir: '',
  async createRoom(name) {
    const b = await createWorkshopViaApi(url, 'blank', name);
    return {
      url: `ws://127.0.0.1:${port}/ws/${b.id}?token=${b.participantToken}`,
      docName: b.id,
      token: b.participantToken,
      protocol: 'y-websocket',
    };
  },
  async eventLoopReset() {},
  async eventLoop() {
    return null;
  },
  async stop() {},
  output: () => out,
};
await relayRound(server, scenario, 2000, 'warmup');
const r = await relayRound(server, scenario, Number(seconds) * 1000, 'profiled');
console.log(
  `${scenario.title}, SQLITE_SYNCHRONOUS=${sync}: p50 ${r.p50Ms?.toFixed(2)} p99 ${r.p99Ms?.toFixed(1)} max ${r.maxMs?.toFixed(0)} ms, ${r.delivered}/${r.expected}, server CPU ${r.serverCpuSeconds.toFixed(2)} s, foreign load ${r.foreignCores.toFixed(2)} cores`,
);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const prof = JSON.parse(readFileSync(path.join(profDir, file), 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\//, '').replace(/.*\/work\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
const timeOf = new Map<number, number>();
prof.samples.forEach((id, i) => {
  timeOf.set(id, (timeOf.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
for (const [id, t] of timeOf) {
  total += t;
  const k = name(byId.get(id)!);
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = name(byId.get(cur)!);
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + t);
  }
}
const show = (title: string, m: Map<string, number>, n: number) => {
  console.log(`--- ${title} (ms of ${(total / 1000).toFixed(0)} ms profiled)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${(v / 1000).toFixed(0).padStart(7)}  ${k}`);
};
show('self', self, 25);
show('inclusive', incl, 40);
process.exit(0);
