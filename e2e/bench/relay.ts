// Benchmark 1: relay latency and throughput. Rates are per room (the issue's
// "1 room × 100 clients × 400/s" is ≈40k deliveries/s: 400 updates/s in the
// room, each delivered to 99 others), spread evenly over the room's clients.

import { LoadGenerator } from './lib/loadgen.ts';
import { cpuSeconds, ForeignLoad, RssSampler } from './lib/proc.ts';
import { type PersistStats, persistStats } from './lib/prom.ts';
import type { RunningServer } from './lib/servers.ts';
import type { WorkerClientSpec } from './loadgen-worker.ts';

export interface RelayScenario {
  id: string;
  title: string;
  rooms: number;
  clientsPerRoom: number;
  updatesPerSecPerRoom: number;
  awarenessHz: number;
  workers: number;
}

export const RELAY_SCENARIOS: RelayScenario[] = [
  {
    id: 'r50x100',
    title: '1 room × 50 clients × 100 updates/s',
    rooms: 1,
    clientsPerRoom: 50,
    updatesPerSecPerRoom: 100,
    awarenessHz: 0,
    workers: 2,
  },
  {
    id: 'r200x50',
    title: '1 room × 200 clients × 50 updates/s',
    rooms: 1,
    clientsPerRoom: 200,
    updatesPerSecPerRoom: 50,
    awarenessHz: 0,
    workers: 2,
  },
  {
    id: 'r20rooms',
    title: '20 rooms × 10 clients × 20 updates/s',
    rooms: 20,
    clientsPerRoom: 10,
    updatesPerSecPerRoom: 20,
    awarenessHz: 0,
    workers: 2,
  },
  {
    id: 'r100x400',
    title: '1 room × 100 clients × 400 updates/s (≈40k deliveries/s)',
    rooms: 1,
    clientsPerRoom: 100,
    updatesPerSecPerRoom: 400,
    awarenessHz: 0,
    workers: 2,
  },
  {
    id: 'awareness',
    title: '1 room × 50 clients × 100 updates/s + awareness 20 Hz per client',
    rooms: 1,
    clientsPerRoom: 50,
    updatesPerSecPerRoom: 100,
    awarenessHz: 20,
    workers: 2,
  },
];

export interface RelayRoundResult {
  server: string;
  scenario: string;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  sent: number;
  delivered: number;
  expected: number;
  duplicates: number;
  awarenessP50Ms: number | null;
  awarenessP99Ms: number | null;
  awarenessDelivered: number;
  awarenessExpected: number;
  serverCpuSeconds: number;
  peakRssMb: number;
  eventLoopP99Ms: number | null;
  eventLoopMaxMs: number | null;
  generatorCpuMaxShare: number;
  generatorLoopP99Ms: number;
  generatorLoopMaxMs: number;
  closes: string[];
  durationMs: number;
  /** Cores used by processes outside the benchmark during the round (shared machine). */
  foreignCores: number;
  /** Update frames received per marker found: below 1 when the server merges updates. */
  framesPerUpdate: number | null;
  /** Pinnwand only: group commits during the round, from its /metrics. */
  persist?: PersistStats;
  /** Attempts made (a round that saw much foreign load is repeated). */
  attempts?: number;
  /** A repeated attempt that does not count: a quieter attempt of the same round replaced it. */
  superseded?: boolean;
}

let senderCounter = 0;

export async function relayRound(
  server: RunningServer,
  scenario: RelayScenario,
  durationMs: number,
  tag: string,
): Promise<RelayRoundResult> {
  const rooms = await Promise.all(
    Array.from({ length: scenario.rooms }, (_, r) =>
      server.createRoom(`${scenario.id}-${tag}-${r}`),
    ),
  );
  const specs: WorkerClientSpec[] = [];
  rooms.forEach((room, r) => {
    for (let c = 0; c < scenario.clientsPerRoom; c++) {
      specs.push({
        sender: ++senderCounter,
        room,
        roomKey: String(r),
        updatesPerSec: scenario.updatesPerSecPerRoom / scenario.clientsPerRoom,
        awarenessHz: scenario.awarenessHz,
      });
    }
  });
  const gen = await LoadGenerator.launch(specs, scenario.workers);
  try {
    await new Promise((r) => setTimeout(r, 500));
    await server.eventLoopReset();
    const metricsBefore = (await server.metrics?.()) ?? null;
    const cpu0 = cpuSeconds(server.pid);
    const rss = new RssSampler(server.pid);
    rss.start();
    const foreign = new ForeignLoad(() => [server.pid, ...gen.pids]);
    foreign.start();
    gen.start();
    await new Promise((r) => setTimeout(r, durationMs));
    const { sentPerRoom, awarenessSentPerRoom } = await gen.stop();
    let sent = 0;
    let expected = 0;
    let awarenessExpected = 0;
    for (const [, n] of sentPerRoom) {
      sent += n;
      expected += n * (scenario.clientsPerRoom - 1);
    }
    for (const [, n] of awarenessSentPerRoom)
      awarenessExpected += n * (scenario.clientsPerRoom - 1);
    await gen.drain(expected);
    const cpu1 = cpuSeconds(server.pid);
    const foreignCores = foreign.stop();
    const peakRssMb = rss.stop();
    const eld = await server.eventLoop();
    const metricsAfter = (await server.metrics?.()) ?? null;
    const rep = await gen.report();
    const ms = (us: number | null) => (us === null ? null : us / 1000);
    return {
      server: server.kind.id,
      scenario: scenario.id,
      p50Ms: ms(rep.updates.percentile(50)),
      p99Ms: ms(rep.updates.percentile(99)),
      maxMs: rep.updates.count ? rep.updates.max / 1000 : null,
      sent,
      delivered: rep.deliveredUpdates,
      expected,
      duplicates: rep.duplicateUpdates,
      awarenessP50Ms: ms(rep.awareness.percentile(50)),
      awarenessP99Ms: ms(rep.awareness.percentile(99)),
      awarenessDelivered: rep.deliveredAwareness,
      awarenessExpected,
      serverCpuSeconds: cpu1 - cpu0,
      peakRssMb,
      eventLoopP99Ms: eld?.p99Ms ?? null,
      eventLoopMaxMs: eld?.maxMs ?? null,
      generatorCpuMaxShare: rep.generatorCpuMax,
      generatorLoopP99Ms: rep.generatorLoopP99MaxMs,
      generatorLoopMaxMs: rep.generatorLoopMaxMs,
      closes: rep.closes.slice(0, 20),
      durationMs,
      foreignCores,
      framesPerUpdate: rep.deliveredUpdates ? rep.updateFrames / rep.deliveredUpdates : null,
      ...(metricsBefore && metricsAfter
        ? { persist: persistStats(metricsBefore, metricsAfter) }
        : {}),
    };
  } finally {
    gen.exit();
  }
}
