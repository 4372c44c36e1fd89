// A load-generator process (child_process.fork from lib/loadgen.ts). It owns a
// share of the clients of a scenario, sends updates and awareness on an
// open-loop schedule, and measures per-update latency on every receiver from
// the send time inside each update (CLOCK_MONOTONIC, shared by all processes).
// It also measures itself (CPU, event-loop delay) so a report can show that
// the generator was not the bottleneck.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchClient, type RoomRef } from './lib/client.ts';
import { nowMicros, scanMarkers } from './lib/protocol.ts';
import { LatencyHistogram } from './lib/stats.ts';

export interface WorkerClientSpec {
  sender: number;
  room: RoomRef;
  roomKey: string;
  updatesPerSec: number;
  awarenessHz: number;
}

export type ToWorker =
  | { type: 'setup'; clients: WorkerClientSpec[]; connectConcurrency?: number }
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'progress' }
  | { type: 'report' }
  | { type: 'exit' };

export interface WorkerReport {
  updates: ReturnType<LatencyHistogram['toJSON']>;
  awareness: ReturnType<LatencyHistogram['toJSON']>;
  deliveredUpdates: number;
  /** Update frames received by measuring clients (from other senders). */
  updateFrames: number;
  duplicateUpdates: number;
  gaps: number;
  deliveredAwareness: number;
  cpuMicros: number;
  wallMicros: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Highest seq seen relayed (by any client of this worker, including echoes) per sender. */
  maxSeen: Record<number, number>;
  /** Highest seq acknowledged by Hocuspocus per sender. */
  maxAcked: Record<number, number>;
  closes: string[];
  maxBufferedBytes: number;
}

export type FromWorker =
  | { type: 'ready'; setupMs: number }
  | { type: 'error'; message: string }
  | {
      type: 'stopped';
      sentPerRoom: Record<string, number>;
      awarenessSentPerRoom: Record<string, number>;
      sentPerSender: Record<number, number>;
    }
  | { type: 'progress'; deliveredUpdates: number; deliveredAwareness: number }
  | ({ type: 'report' } & WorkerReport);

function send(msg: FromWorker): void {
  process.send?.(msg);
}

interface Member {
  spec: WorkerClientSpec;
  client: BenchClient;
  phase: number;
  awPhase: number;
  sent: number;
  awSent: number;
  lastSeq: Map<number, number>;
  lastAw: Map<number, number>;
}

let members: Member[] = [];
let measuring = false;
let ticker: NodeJS.Timeout | undefined;
const updates = new LatencyHistogram();
const awareness = new LatencyHistogram();
let deliveredUpdates = 0;
let updateFrames = 0;
let duplicateUpdates = 0;
let gaps = 0;
let deliveredAwareness = 0;
const maxSeen = new Map<number, number>();
const maxAcked = new Map<number, number>();
const closes: string[] = [];
let maxBufferedBytes = 0;
const loop = monitorEventLoopDelay({ resolution: 10 });
let cpuStart = process.cpuUsage();
let wallStart = nowMicros();
let wallEnd = 0;
let cpuEnd: NodeJS.CpuUsage | undefined;

function makeMember(spec: WorkerClientSpec): Member {
  const m: Member = {
    spec,
    client: undefined as unknown as BenchClient,
    phase: Math.random(),
    awPhase: Math.random(),
    sent: 0,
    awSent: 0,
    lastSeq: new Map(),
    lastAw: new Map(),
  };
  m.client = new BenchClient(spec.room, spec.sender, {
    onUpdate(update, received) {
      let foreignFrame = false;
      scanMarkers(update, (sender, seq, sent) => {
        if (sender !== spec.sender) foreignFrame = true;
        if ((maxSeen.get(sender) ?? 0) < seq) maxSeen.set(sender, seq);
        if (sender === spec.sender || !measuring) return;
        const last = m.lastSeq.get(sender) ?? 0;
        if (seq > last) {
          if (seq !== last + 1) gaps++;
          m.lastSeq.set(sender, seq);
          deliveredUpdates++;
          updates.add(received - sent);
        } else duplicateUpdates++;
      });
      if (foreignFrame && measuring) updateFrames++;
    },
    onAwareness(entries, received) {
      if (!measuring) return;
      for (const e of entries) {
        const st = e.state as { b?: number; s?: number; t?: number } | null;
        if (!st || typeof st.b !== 'number' || st.b === spec.sender) continue;
        const last = m.lastAw.get(st.b) ?? 0;
        if ((st.s ?? 0) > last) {
          m.lastAw.set(st.b, st.s ?? 0);
          deliveredAwareness++;
          if (typeof st.t === 'number') awareness.add(received - st.t);
        }
      }
    },
    onAck(seq) {
      if ((maxAcked.get(spec.sender) ?? 0) < seq) maxAcked.set(spec.sender, seq);
    },
    onClose(code, reason) {
      if (measuring || code !== 1005)
        closes.push(`${spec.sender}:${code}${reason ? ` ${reason}` : ''}`);
    },
  });
  return m;
}

async function setup(specs: WorkerClientSpec[], concurrency: number): Promise<void> {
  const t0 = Date.now();
  members = specs.map(makeMember);
  let next = 0;
  const runOne = async (): Promise<void> => {
    while (next < members.length) {
      const m = members[next++]!;
      await m.client.connect();
      m.client.createNote();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, runOne));
  send({ type: 'ready', setupMs: Date.now() - t0 });
}

function start(): void {
  const t0 = performance.now();
  measuring = true;
  loop.reset();
  loop.enable();
  cpuStart = process.cpuUsage();
  wallStart = nowMicros();
  cpuEnd = undefined;
  ticker = setInterval(() => {
    const elapsed = (performance.now() - t0) / 1000;
    for (const m of members) {
      const { updatesPerSec, awarenessHz } = m.spec;
      if (updatesPerSec > 0 && !m.client.closed) {
        const due = Math.floor(elapsed * updatesPerSec + m.phase);
        while (m.sent < due) m.client.sendUpdate(++m.sent);
      }
      if (awarenessHz > 0 && !m.client.closed) {
        const due = Math.floor(elapsed * awarenessHz + m.awPhase);
        // Awareness is a state: when late, only the newest matters.
        if (m.awSent < due) {
          m.awSent = due;
          m.client.sendAwareness(due);
        }
      }
      const buffered = m.client.bufferedAmount;
      if (buffered > maxBufferedBytes) maxBufferedBytes = buffered;
    }
  }, 1);
}

function stop(): void {
  if (ticker) clearInterval(ticker);
  ticker = undefined;
  const sentPerRoom: Record<string, number> = {};
  const awarenessSentPerRoom: Record<string, number> = {};
  const sentPerSender: Record<number, number> = {};
  for (const m of members) {
    sentPerRoom[m.spec.roomKey] = (sentPerRoom[m.spec.roomKey] ?? 0) + m.sent;
    awarenessSentPerRoom[m.spec.roomKey] = (awarenessSentPerRoom[m.spec.roomKey] ?? 0) + m.awSent;
    sentPerSender[m.spec.sender] = m.sent;
  }
  send({ type: 'stopped', sentPerRoom, awarenessSentPerRoom, sentPerSender });
}

function report(): void {
  if (!cpuEnd) {
    cpuEnd = process.cpuUsage(cpuStart);
    wallEnd = nowMicros();
    loop.disable();
  }
  measuring = false;
  send({
    type: 'report',
    updates: updates.toJSON(),
    awareness: awareness.toJSON(),
    deliveredUpdates,
    updateFrames,
    duplicateUpdates,
    gaps,
    deliveredAwareness,
    cpuMicros: cpuEnd.user + cpuEnd.system,
    wallMicros: wallEnd - wallStart,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    maxSeen: Object.fromEntries(maxSeen),
    maxAcked: Object.fromEntries(maxAcked),
    closes,
    maxBufferedBytes,
  });
}

process.on('message', (msg: ToWorker) => {
  try {
    switch (msg.type) {
      case 'setup':
        setup(msg.clients, msg.connectConcurrency ?? 20).catch((err: unknown) =>
          send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
        );
        break;
      case 'start':
        start();
        break;
      case 'stop':
        stop();
        break;
      case 'progress':
        send({ type: 'progress', deliveredUpdates, deliveredAwareness });
        break;
      case 'report':
        report();
        break;
      case 'exit':
        for (const m of members) m.client.terminate();
        setTimeout(() => process.exit(0), 20);
        break;
    }
  } catch (err) {
    send({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
process.on('disconnect', () => process.exit(0));
