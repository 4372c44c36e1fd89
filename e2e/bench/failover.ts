// Benchmark 8: several processes on one PostgreSQL (README "Mehr als ein
// Prozess"). Built servers (server/dist/main.js) with DATABASE_URL on a
// throwaway PostgreSQL cluster (Debian's binaries, fsync on, as in production).
//
// - Delivery: one room served by process A; clients connected to A directly
//   and through process B (which forwards their websocket to A). Two writers,
//   one on each, together 200 updates/s; every update carries its send time,
//   readers on both processes take the delivery time in the bench process
//   (one clock). Same-process = A → A; cross-process = A → B and B → A.
// - Failover: the chaos scenario of server/test/clusterChaos.test.ts, longer:
//   3 processes behind HAProxy (docs/haproxy.cfg), 40 clients in 10 rooms,
//   a process killed with SIGKILL (and restarted) every 5–10 s, once an owner
//   paused past its lease. Failover time: kill → the first edit written after
//   the kill that another client of the room received.
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChaosReport, runChaos } from '@pinnwand/server/test/helpers/chaos';
import { freePort, startPostgresCluster } from '@pinnwand/server/test/helpers/postgresCluster';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import { makeDataDir, removeDataDir, startPinnwand } from '../harness/pinnwandProcess.ts';

export interface DeliveryStats {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface FailoverResult {
  delivery: {
    ratePerSecond: number;
    durationMs: number;
    sameProcess: DeliveryStats;
    crossProcess: DeliveryStats;
    bothForwarded: DeliveryStats;
    /** Updates written that some reader never received. */
    missing: number;
  };
  chaos: {
    durationMs: number;
    kills: number;
    failoverP50Ms: number | null;
    failoverP99Ms: number | null;
    failoverMaxMs: number | null;
    /** p50/p99 of each phase of the failovers (ChaosReport's Failover.phases), by label. */
    phases?: Record<string, { p50Ms: number | null; p99Ms: number | null }>;
    report: ChaosReport;
  };
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(values: number[]): DeliveryStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}

function provider(wsUrl: string, room: string, token: string): WebsocketProvider {
  return new WebsocketProvider(wsUrl, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function synced(p: WebsocketProvider): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!p.synced) {
    if (Date.now() > deadline) throw new Error('provider did not sync');
    await sleep(20);
  }
}

async function delivery(
  databaseUrl: string,
  ratePerSecond: number,
  durationMs: number,
): Promise<FailoverResult['delivery']> {
  const env = { DATABASE_URL: databaseUrl };
  const dirs = [makeDataDir(), makeDataDir()];
  const a = await startPinnwand({ dataDir: dirs[0], env, port: await freePort() });
  const b = await startPinnwand({ dataDir: dirs[1], env, port: await freePort() });
  const clients: WebsocketProvider[] = [];
  try {
    const w = await createWorkshopViaApi(a.url, 'blank', 'Delivery');
    const at = (proc: typeof a) => {
      const p = provider(`${proc.url.replace(/^http/, 'ws')}/ws`, w.id, w.participantToken);
      clients.push(p);
      return p;
    };
    const readerA = at(a); // the first connection makes A the owner
    await synced(readerA);
    const readerB = at(b);
    const writerA = at(a);
    const writerB = at(b);
    await Promise.all([readerB, writerA, writerB].map(synced));
    const samples = {
      sameProcess: [] as number[],
      crossProcess: [] as number[],
      both: [] as number[],
    };
    const seen = { a: new Set<string>(), b: new Set<string>() };
    const observe = (reader: WebsocketProvider, side: 'a' | 'b') =>
      reader.doc.getMap<number>('notes').observe((event) => {
        if (event.transaction.origin !== reader) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          if (seen[side].has(key)) continue;
          seen[side].add(key);
          const sentAt = reader.doc.getMap<number>('notes').get(key)!;
          const from = key.startsWith('a') ? 'a' : 'b';
          const bucket =
            from === 'a' && side === 'a'
              ? samples.sameProcess
              : from === 'b' && side === 'b'
                ? samples.both
                : samples.crossProcess;
          bucket.push(now - sentAt);
        }
      });
    observe(readerA, 'a');
    observe(readerB, 'b');
    let written = 0;
    const each = 1000 / (ratePerSecond / 2);
    const started = performance.now();
    let i = 0;
    while (performance.now() - started < durationMs) {
      const target = started + i * each;
      const wait = target - performance.now();
      if (wait > 0) await sleep(wait);
      writerA.doc.getMap<number>('notes').set(`a${i}`, performance.now());
      writerB.doc.getMap<number>('notes').set(`b${i}`, performance.now());
      written += 2;
      i += 1;
    }
    await sleep(2000);
    const missing = written * 2 - seen.a.size - seen.b.size;
    return {
      ratePerSecond,
      durationMs,
      sameProcess: stats(samples.sameProcess),
      crossProcess: stats(samples.crossProcess),
      bothForwarded: stats(samples.both),
      missing,
    };
  } finally {
    for (const c of clients) c.destroy();
    await a.stop('SIGTERM');
    await b.stop('SIGTERM');
    for (const d of dirs) removeDataDir(d);
  }
}

export async function runFailover(
  options: { deliveryMs: number; chaosMs: number },
  log: (message: string) => void,
): Promise<FailoverResult> {
  const pg = await startPostgresCluster();
  try {
    log('failover: delivery at 200 updates/s');
    const d = await delivery(await pg.createDatabase('delivery'), 200, options.deliveryMs);
    log(
      `failover: delivery same-process p50 ${d.sameProcess.p50Ms?.toFixed(1)} p99 ${d.sameProcess.p99Ms?.toFixed(1)} ms, cross-process p50 ${d.crossProcess.p50Ms?.toFixed(1)} p99 ${d.crossProcess.p99Ms?.toFixed(1)} ms, missing ${d.missing}`,
    );
    const dirs: string[] = [];
    const report = await runChaos({
      databaseUrl: await pg.createDatabase('chaos'),
      start: async (port, env) => {
        const dataDir = makeDataDir();
        dirs.push(dataDir);
        const p = await startPinnwand({ dataDir, port, env, startTimeoutMs: 60_000 });
        return { pid: p.child.pid!, output: p.output, stop: (signal) => p.stop(signal) };
      },
      processes: 3,
      rooms: 10,
      clientsPerRoom: 4,
      editsPerSecond: 5,
      durationMs: options.chaosMs,
      disruptEveryMs: [5000, 10_000],
      leaseMs: 3000,
      log: (m) => log(`failover: ${m}`),
      ...(process.env.FAILOVER_HAPROXY_LOG
        ? { haproxyLogFile: process.env.FAILOVER_HAPROXY_LOG }
        : {}),
    });
    for (const f of report.failovers) {
      const p = f.phases;
      log(
        `failover: room ${f.room.slice(0, 6)} ${f.ms} ms — closed ${p.firstClose}, HAProxy down ${p.markedDown}, claimed ${p.claimed}, 2nd connected ${p.secondConnected}, 2nd synced ${p.secondSynced}; ${p.attempts} attempts, closes ${JSON.stringify(p.closeCodes)}`,
      );
    }
    for (const dir of dirs) removeDataDir(dir);
    const times = report.failovers
      .map((f) => f.ms)
      .filter((ms): ms is number => ms !== null)
      .sort((x, y) => x - y);
    log(
      `failover: ${report.kills} kills, failover p50 ${percentile(times, 50)} p99 ${percentile(times, 99)} ms, lost ${report.lost}`,
    );
    return {
      delivery: d,
      chaos: {
        durationMs: options.chaosMs,
        kills: report.kills,
        failoverP50Ms: percentile(times, 50),
        failoverP99Ms: percentile(times, 99),
        failoverMaxMs: times.length ? times[times.length - 1]! : null,
        phases: phaseSummary(report),
        report,
      },
    };
  } finally {
    await pg.remove();
  }
}

/** p50/p99 of each failover phase, in the order they happen. */
function phaseSummary(report: ChaosReport): NonNullable<FailoverResult['chaos']['phases']> {
  const pick = (label: string, of: (f: ChaosReport['failovers'][number]) => number | null) => {
    const sorted = report.failovers
      .map(of)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return [label, { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) }] as const;
  };
  return Object.fromEntries([
    pick('first client sees its socket close', (f) => f.phases.firstClose),
    pick('HAProxy marks the process down', (f) => f.phases.markedDown),
    pick('second client connected again (101)', (f) => f.phases.secondConnected),
    pick('room claimed by a survivor (sampled every 100 ms)', (f) => f.phases.claimed),
    pick('second client synced', (f) => f.phases.secondSynced),
    pick('first edit after the kill received (failover)', (f) => f.ms),
  ]);
}
