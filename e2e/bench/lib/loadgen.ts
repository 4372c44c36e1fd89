// Parent side of the load generator: forks worker processes, hands each a
// share of the clients, and merges what they measured.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker, WorkerClientSpec, WorkerReport } from '../loadgen-worker.ts';
import { LatencyHistogram } from './stats.ts';

const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), '../loadgen-worker.ts');

type Msg<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

class Worker {
  private waiting = new Map<string, (msg: FromWorker) => void>();
  private failure: Error | undefined;
  private onFailure: ((err: Error) => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.on('message', (msg: FromWorker) => {
      if (msg.type === 'error') return this.fail(new Error(`load generator: ${msg.message}`));
      const w = this.waiting.get(msg.type);
      if (w) {
        this.waiting.delete(msg.type);
        w(msg);
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`load generator worker exited with ${code}`));
    });
  }

  private fail(err: Error): void {
    this.failure = err;
    for (const f of this.onFailure) f(err);
    this.onFailure = [];
  }

  request<T extends FromWorker['type']>(msg: ToWorker, reply: T, timeoutMs = 60_000) {
    return new Promise<Msg<T>>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => reject(new Error(`worker: no ${reply} reply`)), timeoutMs);
      this.onFailure.push((err) => {
        clearTimeout(timer);
        reject(err);
      });
      this.waiting.set(reply, (m) => {
        clearTimeout(timer);
        resolve(m as Msg<T>);
      });
      this.child.send(msg);
    });
  }

  post(msg: ToWorker): void {
    if (this.child.connected) this.child.send(msg);
  }
}

export interface MergedReport {
  updates: LatencyHistogram;
  awareness: LatencyHistogram;
  deliveredUpdates: number;
  updateFrames: number;
  duplicateUpdates: number;
  gaps: number;
  deliveredAwareness: number;
  /** Generator CPU as a share of one core, the busiest worker. */
  generatorCpuMax: number;
  generatorLoopP99MaxMs: number;
  generatorLoopMaxMs: number;
  maxSeen: Map<number, number>;
  maxAcked: Map<number, number>;
  closes: string[];
  maxBufferedBytes: number;
  workers: WorkerReport[];
}

export class LoadGenerator {
  private constructor(private readonly workers: Worker[]) {}

  static async launch(
    clients: WorkerClientSpec[],
    workerCount: number,
    connectConcurrency = 20,
  ): Promise<LoadGenerator> {
    const n = Math.max(1, Math.min(workerCount, clients.length));
    const workers: Worker[] = [];
    for (let i = 0; i < n; i++) {
      const child = fork(workerEntry, [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'advanced',
      });
      workers.push(new Worker(child));
    }
    const gen = new LoadGenerator(workers);
    try {
      await Promise.all(
        workers.map((w, i) =>
          w.request(
            {
              type: 'setup',
              clients: clients.filter((_, j) => j % n === i),
              connectConcurrency,
            },
            'ready',
            120_000,
          ),
        ),
      );
    } catch (err) {
      gen.exit();
      throw err;
    }
    return gen;
  }

  get pids(): number[] {
    return this.workers.map((w) => w.child.pid!).filter(Boolean);
  }

  start(): void {
    for (const w of this.workers) w.post({ type: 'start' });
  }

  async stop(): Promise<{
    sentPerRoom: Map<string, number>;
    awarenessSentPerRoom: Map<string, number>;
    sentPerSender: Map<number, number>;
  }> {
    const replies = await Promise.all(
      this.workers.map((w) => w.request({ type: 'stop' }, 'stopped')),
    );
    const sentPerRoom = new Map<string, number>();
    const awarenessSentPerRoom = new Map<string, number>();
    const sentPerSender = new Map<number, number>();
    for (const r of replies) {
      for (const [k, v] of Object.entries(r.awarenessSentPerRoom))
        awarenessSentPerRoom.set(k, (awarenessSentPerRoom.get(k) ?? 0) + v);
      for (const [k, v] of Object.entries(r.sentPerRoom))
        sentPerRoom.set(k, (sentPerRoom.get(k) ?? 0) + v);
      for (const [k, v] of Object.entries(r.sentPerSender)) sentPerSender.set(Number(k), v);
    }
    return { sentPerRoom, awarenessSentPerRoom, sentPerSender };
  }

  async progress(): Promise<{ deliveredUpdates: number; deliveredAwareness: number }> {
    const replies = await Promise.all(
      this.workers.map((w) => w.request({ type: 'progress' }, 'progress')),
    );
    return {
      deliveredUpdates: replies.reduce((s, r) => s + r.deliveredUpdates, 0),
      deliveredAwareness: replies.reduce((s, r) => s + r.deliveredAwareness, 0),
    };
  }

  /** Waits until `expected` deliveries arrived, or nothing arrived for `idleMs`. */
  async drain(expected: number, idleMs = 2000, maxMs = 15_000): Promise<void> {
    const t0 = Date.now();
    let last = -1;
    let lastChange = Date.now();
    while (Date.now() - t0 < maxMs) {
      const { deliveredUpdates } = await this.progress();
      if (deliveredUpdates >= expected) return;
      if (deliveredUpdates !== last) {
        last = deliveredUpdates;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > idleMs) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async report(): Promise<MergedReport> {
    const replies = await Promise.all(
      this.workers.map((w) => w.request({ type: 'report' }, 'report')),
    );
    const merged: MergedReport = {
      updates: new LatencyHistogram(),
      awareness: new LatencyHistogram(),
      deliveredUpdates: 0,
      updateFrames: 0,
      duplicateUpdates: 0,
      gaps: 0,
      deliveredAwareness: 0,
      generatorCpuMax: 0,
      generatorLoopP99MaxMs: 0,
      generatorLoopMaxMs: 0,
      maxSeen: new Map(),
      maxAcked: new Map(),
      closes: [],
      maxBufferedBytes: 0,
      workers: replies,
    };
    for (const r of replies) {
      merged.updates.merge(r.updates);
      merged.awareness.merge(r.awareness);
      merged.deliveredUpdates += r.deliveredUpdates;
      merged.updateFrames += r.updateFrames;
      merged.duplicateUpdates += r.duplicateUpdates;
      merged.gaps += r.gaps;
      merged.deliveredAwareness += r.deliveredAwareness;
      merged.generatorCpuMax = Math.max(
        merged.generatorCpuMax,
        r.cpuMicros / Math.max(1, r.wallMicros),
      );
      merged.generatorLoopP99MaxMs = Math.max(merged.generatorLoopP99MaxMs, r.loopDelayP99Ms);
      merged.generatorLoopMaxMs = Math.max(merged.generatorLoopMaxMs, r.loopDelayMaxMs);
      for (const [k, v] of Object.entries(r.maxSeen)) {
        const s = Number(k);
        if ((merged.maxSeen.get(s) ?? 0) < v) merged.maxSeen.set(s, v);
      }
      for (const [k, v] of Object.entries(r.maxAcked)) {
        const s = Number(k);
        if ((merged.maxAcked.get(s) ?? 0) < v) merged.maxAcked.set(s, v);
      }
      merged.closes.push(...r.closes);
      merged.maxBufferedBytes = Math.max(merged.maxBufferedBytes, r.maxBufferedBytes);
    }
    return merged;
  }

  exit(): void {
    for (const w of this.workers) {
      w.post({ type: 'exit' });
      setTimeout(() => {
        if (w.child.exitCode === null) w.child.kill('SIGKILL');
      }, 2000).unref();
    }
  }
}
