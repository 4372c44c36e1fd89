// Profiles Pinnwand's server under relay scenarios: starts server/dist/main.js
// with --cpu-prof (as the relay bench starts it otherwise; Node writes one profile per
// thread: the main thread and the storage and compaction workers), runs a
// warm-up and a measured round, stops it gracefully and prints where each
// thread's CPU time went. The summary says how long the MAIN thread spent in
// SQLite (better-sqlite3 statements, commits, fsyncs) — the event loop's time
// blocked by the disk — next to the storage thread's. Used for the causes in
// docs/benchmarks.md; the summary is also written to e2e/bench/results/profile.md.
//
//   node --import tsx bench/profile.ts [scenario=all | id | ROOMSxCLIENTSxRATE] [seconds=8] [SQLITE_SYNCHRONOUS=FULL] [--detail]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/paths.ts';
import { newDataDir, startServer } from './lib/servers.ts';
import { RELAY_SCENARIOS, type RelayScenario, relayRound } from './relay.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const detail = process.argv.includes('--detail');
const [scenarioId = 'all', seconds = '8', sync = 'FULL'] = args;

function scenariosFor(id: string): RelayScenario[] {
  if (id === 'all') return RELAY_SCENARIOS;
  // A scenario id, or ROOMSxCLIENTSxRATE (rate per room), e.g. 1x51x5000 like the crash writers.
  const custom = /^(\d+)x(\d+)x(\d+)$/.exec(id);
  if (custom)
    return [
      {
        id,
        title: `${custom[1]} room(s) × ${custom[2]} clients × ${custom[3]} updates/s`,
        rooms: Number(custom[1]),
        clientsPerRoom: Number(custom[2]),
        updatesPerSecPerRoom: Number(custom[3]),
        awarenessHz: 0,
        workers: 2,
      },
    ];
  const found = RELAY_SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario ${id}`);
  return [found];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface ThreadTimes {
  /** Milliseconds sampled (the profiled round plus start and stop). */
  totalMs: number;
  idleMs: number;
  /** Samples with a better-sqlite3 frame on the stack: statements, commits, fsyncs. */
  sqliteMs: number;
}

const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\//, '').replace(/.*\/work\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;

function analyse(prof: Profile, show: boolean): ThreadTimes {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeOf = new Map<number, number>();
  prof.samples.forEach((id, i) => {
    timeOf.set(id, (timeOf.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const times: ThreadTimes = { totalMs: 0, idleMs: 0, sqliteMs: 0 };
  for (const [id, t] of timeOf) {
    times.totalMs += t / 1000;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') times.idleMs += t / 1000;
    const k = name(node);
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set<string>();
    let inSqlite = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!;
      if (frame.callFrame.url.includes('better-sqlite3')) inSqlite = true;
      const key = name(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
    if (inSqlite) times.sqliteMs += t / 1000;
  }
  if (show) {
    const list = (title: string, m: Map<string, number>, n: number) => {
      console.log(`--- ${title} (ms of ${times.totalMs.toFixed(0)} ms profiled)`);
      for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
        console.log(`${(v / 1000).toFixed(0).padStart(7)}  ${k}`);
    };
    list('self', self, 25);
    list('inclusive', incl, 40);
  }
  return times;
}

/** Where the main thread's time per relayed update goes, by the first matching frame from the top. */
const CATEGORIES: [string, (f: ProfileNode['callFrame']) => boolean][] = [
  ['fan-out (ws sends of relays)', (f) => f.functionName === 'broadcast'],
  ['storage thread hop (postMessage)', (f) => f.functionName === 'postMessage'],
  ['update guard', (f) => f.functionName === 'guardUpdate'],
  ['apply + role policy', (f) => f.functionName === 'applyClientUpdate'],
  // The rest of applying a tick: merging its updates into one frame, encoding answers.
  ['tick merge and answers', (f) => f.functionName === 'takeBatch'],
  // Joiners answered from the stored bytes (set-up of a round): not per update.
  ['other', (f) => f.functionName === 'storedParts'],
  ['receive (ws read, scan, decode)', (f) => f.functionName === 'socketOnData'],
  ['metrics', (f) => f.url.includes('prom-client')],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

/**
 * Busy time per category, from the first relay on (start-up left out), in
 * microseconds per update sent. Set-up of the profiled round (rooms,
 * identities, joins) falls under "other". Wall-clock samples: on a loaded
 * machine a thread that lost its core is charged to where it stood.
 */
function perUpdate(prof: Profile, updates: number): [string, number][] {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = (id: number) => {
    const frames: ProfileNode['callFrame'][] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      frames.push(byId.get(cur)!.callFrame);
    return frames;
  };
  const totals = new Map<string, number>();
  let started = false;
  prof.samples.forEach((id, i) => {
    const frames = stack(id);
    if (!started) started = frames.some((f) => f.functionName === 'broadcast');
    if (!started || frames[0]!.functionName === '(idle)') return;
    let category = 'other';
    for (const frame of frames) {
      const found = CATEGORIES.find(([, test]) => test(frame));
      if (found) {
        category = found[0];
        break;
      }
    }
    totals.set(category, (totals.get(category) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  return [...totals]
    .map(([k, us]): [string, number] => [k, us / Math.max(1, updates)])
    .sort((a, b) => b[1] - a[1]);
}

interface ScenarioProfile {
  scenario: RelayScenario;
  p99Ms: number | null;
  foreignCores: number;
  main: ThreadTimes;
  storage: ThreadTimes | null;
}

async function profileScenario(scenario: RelayScenario): Promise<ScenarioProfile> {
  const profDir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-prof-'));
  // Started as the relay bench starts it (rooms with a board, clients with identities).
  const server = await startServer(
    sync === 'NORMAL' ? 'pinnwand-normal' : 'pinnwand',
    newDataDir(),
    { SQLITE_SYNCHRONOUS: sync },
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
  );
  const warm = await relayRound(server, scenario, 2000, 'warmup');
  const r = await relayRound(server, scenario, Number(seconds) * 1000, 'profiled');
  console.log(
    `${scenario.title}, SQLITE_SYNCHRONOUS=${sync}: p50 ${r.p50Ms?.toFixed(2)} p99 ${r.p99Ms?.toFixed(1)} max ${r.maxMs?.toFixed(0)} ms, ${r.delivered}/${r.expected}, server CPU ${r.serverCpuSeconds.toFixed(2)} s, foreign load ${r.foreignCores.toFixed(2)} cores`,
  );
  await server.stop('SIGTERM');
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main thread.
  const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  const thread = (f: string) => Number(f.split('.')[4]);
  const load = (f: string) => JSON.parse(readFileSync(path.join(profDir, f), 'utf8')) as Profile;
  const mainFile = files.find((f) => thread(f) === 0);
  if (!mainFile) throw new Error('no profile of the main thread written');
  if (detail) console.log('=== main thread');
  const mainProfile = load(mainFile);
  const main = analyse(mainProfile, detail);
  const costs = perUpdate(mainProfile, warm.sent + r.sent);
  console.log(
    `main thread per update sent (µs, warm-up and profiled round): ${costs.map(([k, us]) => `${k} ${us.toFixed(0)}`).join(', ')}`,
  );
  // The storage thread is the worker that spent time in better-sqlite3.
  let storage: ThreadTimes | null = null;
  for (const f of files.filter((f) => thread(f) !== 0)) {
    const t = analyse(load(f), false);
    if (t.sqliteMs > (storage?.sqliteMs ?? 0)) storage = t;
  }
  return { scenario, p99Ms: r.p99Ms, foreignCores: r.foreignCores, main, storage };
}

const results: ScenarioProfile[] = [];
for (const scenario of scenariosFor(scenarioId)) results.push(await profileScenario(scenario));
const pct = (part: number, whole: number) =>
  whole ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a';
const lines = [
  `Profile (\`node --import tsx bench/profile.ts ${scenarioId} ${seconds} ${sync}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')}): CPU time per thread of Pinnwand's server over a warm-up and a ${seconds} s round; *in SQLite* = samples with a better-sqlite3 frame on the stack (statements, commits, fsync).`,
  '',
  '| scenario | p99 ms | foreign load (cores) | main thread busy ms | main thread in SQLite ms | storage thread in SQLite ms |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.scenario.title} | ${r.p99Ms?.toFixed(1) ?? 'n/a'} | ${r.foreignCores.toFixed(2)} | ${(r.main.totalMs - r.main.idleMs).toFixed(0)} | ${r.main.sqliteMs.toFixed(0)} (${pct(r.main.sqliteMs, r.main.totalMs - r.main.idleMs)}) | ${r.storage ? r.storage.sqliteMs.toFixed(0) : 'none'} |`,
  ),
];
console.log(lines.join('\n'));
const outDir = path.join(repoRoot, 'e2e/bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'profile.md'), `${lines.join('\n')}\n`);
process.exit(0);
