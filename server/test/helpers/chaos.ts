// The several-process chaos scenario, shared by the CI test
// (test/clusterChaos.test.ts, short) and the benchmark (e2e/bench/failover.ts,
// long): N Pinnwand processes on one PostgreSQL behind HAProxy (the documented
// configuration), stock y-websocket clients writing through HAProxy in several
// rooms, and every few seconds one process killed with SIGKILL and restarted on
// its port — once, instead, a room's owner paused with SIGSTOP past its lease
// and resumed. Then a checker reads every room from PostgreSQL on its own
// connection and compares it with what the clients received.

import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readLeases, readStoredRooms } from './clusterChecker.ts';
import { type Haproxy, startHaproxy } from './haproxy.ts';
import { freePort } from './postgresCluster.ts';

export interface ChaosProcess {
  pid: number;
  output(): string;
  /** Sends the signal and resolves once the process exited. */
  stop(signal: NodeJS.Signals): Promise<unknown>;
}

export type StartProcess = (port: number, env: Record<string, string>) => Promise<ChaosProcess>;

export interface ChaosOptions {
  databaseUrl: string;
  start: StartProcess;
  processes: number;
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second of each client. */
  editsPerSecond: number;
  durationMs: number;
  /** A process is killed (or once paused) every [min, max] ms. */
  disruptEveryMs: [number, number];
  leaseMs: number;
  log?: (message: string) => void;
  /** Writes HAProxy's log (one line per request, with the process it went to) here at the end. */
  haproxyLogFile?: string;
}

export interface Failover {
  room: string;
  /** Kill → the first edit written after the kill that another client received. */
  ms: number | null;
  /**
   * Where the time went, in ms after the kill (null: did not happen before the
   * next disruption): the first of the room's clients to see its socket close,
   * HAProxy marking the killed process down, the room's lease taken by another
   * process (sampled every 100 ms), the second client connected again and
   * synced (an edit received needs a writer and a reader), and the attempts
   * the room's clients made until then, with the close codes they got.
   */
  phases: {
    firstClose: number | null;
    markedDown: number | null;
    claimed: number | null;
    secondConnected: number | null;
    secondSynced: number | null;
    attempts: number;
    closeCodes: Record<string, number>;
  };
}

export interface ChaosReport {
  kills: number;
  /** Failovers of the rooms the killed process owned. */
  failovers: Failover[];
  pause: { pausedMs: number; rooms: number; roomsTakenOver: number; ownerDropped: boolean } | null;
  editsWritten: number;
  /** Edits some client received from another (relayed by a server). */
  editsReceived: number;
  /** Received by a client, yet not in the room stored in PostgreSQL. */
  lost: number;
  /** Rooms whose clients did not end with one and the same state, equal to the stored one. */
  notConverged: string[];
  gaps: number;
  epochDrops: number;
  /** Lease epochs seen going down between two samples (must be 0). */
  epochsDecreased: number;
}

interface Client {
  room: string;
  name: string;
  provider: WebsocketProvider;
  /** Key → when another client's edit arrived here (ms, this process's clock). */
  received: Map<string, number>;
  /** Connection events with their time (Date.now()), for the failover phases. */
  events: { at: number; kind: 'connecting' | 'connected' | 'synced' | 'closed'; code?: number }[];
}

/** Creates a workshop over HTTP (through HAProxy, like a browser would). */
async function createWorkshop(url: string, title: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template: 'blank' }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; participantToken: string };
  return { id: body.id, token: body.participantToken };
}

const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const log = o.log ?? (() => {});
  const ports: number[] = [];
  for (let i = 0; i < o.processes; i++) ports.push(await freePort());
  const env = { DATABASE_URL: o.databaseUrl, ROOM_LEASE_MS: String(o.leaseMs) };
  const procs: ChaosProcess[] = [];
  for (const port of ports) procs.push(await o.start(port, env));
  let lb: Haproxy | undefined;
  const clients: Client[] = [];
  const timers: NodeJS.Timeout[] = [];
  let written = 0;
  try {
    lb = await startHaproxy(ports.map((port, i) => ({ name: `pinnwand-${i + 1}`, port })));
    const workshops = new Map<string, { token: string }>();
    for (let r = 0; r < o.rooms; r++) {
      const w = await createWorkshop(lb.url, `R${r}`);
      workshops.set(w.id, { token: w.token });
    }
    const wsUrl = lb.wsUrl;
    const addClient = (room: string): Client => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(wsUrl, room, doc, {
        params: { token: workshops.get(room)!.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const name = `${room.slice(0, 6)}-${clients.filter((c) => c.room === room).length}`;
      const client: Client = { room, name, provider, received: new Map(), events: [] };
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connecting' || status === 'connected') {
          client.events.push({ at: Date.now(), kind: status });
        }
      });
      provider.on('sync', (synced: boolean) => {
        if (synced) client.events.push({ at: Date.now(), kind: 'synced' });
      });
      provider.on('connection-close', (event: { code?: number } | null) => {
        client.events.push({ at: Date.now(), kind: 'closed', code: event?.code ?? 0 });
      });
      doc.getMap<number>('notes').observe((event) => {
        if (event.transaction.origin !== provider) return;
        const now = Date.now();
        for (const key of event.keysChanged) {
          if (!client.received.has(key)) client.received.set(key, now);
        }
      });
      clients.push(client);
      return client;
    };
    // Every client writes its own keys, valued with the time written.
    const startWriting = (client: Client) => {
      let i = 0;
      const timer = setInterval(() => {
        client.provider.doc.getMap<number>('notes').set(`${client.name}:${i++}`, Date.now());
        written += 1;
      }, 1000 / o.editsPerSecond);
      timers.push(timer);
    };
    for (const room of workshops.keys()) {
      for (let c = 0; c < o.clientsPerRoom; c++) addClient(room);
    }
    await waitUntil(() => clients.every((c) => c.provider.synced), 60_000, 'all clients synced');
    log(`${clients.length} clients in ${o.rooms} rooms on ${o.processes} processes`);
    for (const client of clients) startWriting(client);

    // Lease epochs, sampled: they must never go down.
    let epochsDecreased = 0;
    const lastEpoch = new Map<string, number>();
    /** Room → when a higher epoch was first seen. */
    const claims = new Map<string, number[]>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const at = Date.now();
        for (const [id, lease] of await readLeases(o.databaseUrl).catch(() => new Map())) {
          const last = lastEpoch.get(id) ?? 0;
          if (lease.epoch < last) epochsDecreased += 1;
          if (lease.epoch > last) claims.set(id, [...(claims.get(id) ?? []), at]);
          lastEpoch.set(id, lease.epoch);
        }
        await sleep(100);
      }
    })();

    /**
     * A paused owner keeps its sockets but no longer renews its leases. Its
     * clients wait (their sockets are open); a newcomer, sent elsewhere by
     * HAProxy once the health checks fail, makes a survivor take the room
     * over when the lease has run out. Resumed, the old owner finds its
     * writes fenced and drops the rooms; its clients reconnect to the new one.
     */
    const pauseOwner = async (index: number, rooms: string[]): Promise<ChaosReport['pause']> => {
      const before = await readLeases(o.databaseUrl);
      const taken = async () => {
        const now = await readLeases(o.databaseUrl);
        return rooms.filter((id) => now.get(id)!.epoch > before.get(id)!.epoch).length;
      };
      log(`SIGSTOP process ${index + 1} (owns ${rooms.length} rooms)`);
      const pausedAt = Date.now();
      process.kill(procs[index]!.pid, 'SIGSTOP');
      // Newcomers once HAProxy's health checks took the paused process out
      // (before, HAProxy would still send them to it).
      const server = `pinnwand-${index + 1}`;
      await waitUntil(
        () => lb!.downAt(server).some((at) => at >= pausedAt),
        30_000,
        'HAProxy taking the paused process out',
      );
      for (const room of rooms) startWriting(addClient(room));
      const deadline = Date.now() + o.leaseMs * 2 + 10_000;
      while ((await taken()) < rooms.length && Date.now() < deadline) await sleep(200);
      // Only what it logs once resumed counts (it logged nothing while stopped).
      const mark = procs[index]!.output().length;
      process.kill(procs[index]!.pid, 'SIGCONT');
      const pausedMs = Date.now() - pausedAt;
      log(`SIGCONT process ${index + 1} after ${pausedMs} ms`);
      const dropped = () => /no longer holds the room/.test(procs[index]!.output().slice(mark));
      const until = Date.now() + 10_000;
      while (!dropped() && Date.now() < until) await sleep(100);
      if (!dropped())
        log(`process ${index + 1} did not drop its rooms:\n${procs[index]!.output().slice(-3000)}`);
      return {
        pausedMs,
        rooms: rooms.length,
        roomsTakenOver: await taken(),
        ownerDropped: dropped(),
      };
    };

    const ownedBy = async (port: number) =>
      [...(await readLeases(o.databaseUrl))]
        .filter(([, l]) => l.live && l.ownerUrl.endsWith(`:${port}`))
        .map(([id]) => id);

    const kills: { at: number; rooms: string[]; server: string }[] = [];
    let pause: ChaosReport['pause'] = null;
    const started = Date.now();
    let victim = 0;
    // At least two kills and the pause, then on until the duration is over.
    while (Date.now() - started < o.durationMs || kills.length < 2 || !pause) {
      await sleep(between(o.disruptEveryMs));
      victim = (victim + 1) % o.processes;
      const port = ports[victim]!;
      const rooms = await ownedBy(port);
      if (!pause && kills.length >= 1 && rooms.length > 0) {
        pause = await pauseOwner(victim, rooms);
        continue;
      }
      const at = Date.now();
      await procs[victim]!.stop('SIGKILL');
      kills.push({ at, rooms, server: `pinnwand-${victim + 1}` });
      log(`SIGKILL process ${victim + 1} (owned ${rooms.length} rooms); restarting it`);
      procs[victim] = await o.start(port, env);
    }
    for (const timer of timers.splice(0)) clearInterval(timer);
    log(`stopped writing after ${written} edits; waiting for the clients to converge`);
    await waitUntil(() => clients.every((c) => c.provider.synced), 30_000, 'clients synced').catch(
      () => undefined,
    );
    const roomIds = [...new Set(clients.map((c) => c.room))];
    const keysOf = (c: Client) => [...c.provider.doc.getMap('notes').keys()].sort().join(',');
    const convergedRoom = (id: string) =>
      new Set(clients.filter((c) => c.room === id).map(keysOf)).size === 1;
    await waitUntil(() => roomIds.every(convergedRoom), 30_000, 'convergence').catch(
      () => undefined,
    );
    sampling = false;
    await sampler;

    const stored = await readStoredRooms(o.databaseUrl, roomIds);
    const report: ChaosReport = {
      kills: kills.length,
      failovers: [],
      pause,
      editsWritten: written,
      editsReceived: 0,
      lost: 0,
      notConverged: [],
      gaps: 0,
      epochDrops: 0,
      epochsDecreased,
    };
    for (const room of stored) {
      const storedKeys = new Set(room.doc.getMap('notes').keys());
      const inRoom = clients.filter((c) => c.room === room.id);
      for (const c of inRoom) {
        report.editsReceived += c.received.size;
        for (const key of c.received.keys()) if (!storedKeys.has(key)) report.lost += 1;
      }
      const storedList = [...storedKeys].sort().join(',');
      if (!inRoom.every((c) => keysOf(c) === storedList)) report.notConverged.push(room.id);
      report.gaps += room.gaps.length;
      report.epochDrops += room.epochDrops;
    }
    for (const [k, kill] of kills.entries()) {
      const until = kills[k + 1]?.at ?? Number.POSITIVE_INFINITY;
      for (const room of kill.rooms) {
        let first: number | null = null;
        const inRoom = clients.filter((x) => x.room === room);
        for (const c of inRoom) {
          for (const [key, at] of c.received) {
            const writtenAt = c.provider.doc.getMap<number>('notes').get(key);
            if (writtenAt !== undefined && writtenAt > kill.at && (first === null || at < first)) {
              first = at;
            }
          }
        }
        report.failovers.push({
          room,
          ms: first === null ? null : first - kill.at,
          phases: phasesOf(kill, until, inRoom, claims.get(room) ?? [], lb.downAt(kill.server)),
        });
      }
    }
    return report;
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const c of clients) c.provider.destroy();
    if (lb && o.haproxyLogFile) writeFileSync(o.haproxyLogFile, lb.output());
    await lb?.stop();
    for (const p of procs) {
      try {
        process.kill(p.pid, 'SIGCONT');
      } catch {
        // already gone
      }
      await p.stop('SIGKILL');
    }
  }
}

/** The failover phases of one room after one kill (see Failover). */
function phasesOf(
  kill: { at: number },
  until: number,
  inRoom: Client[],
  claims: number[],
  downAt: number[],
): Failover['phases'] {
  const after = (times: number[]) => {
    const t = times.filter((x) => x >= kill.at && x < until).sort((a, b) => a - b)[0];
    return t === undefined ? null : t - kill.at;
  };
  const second = (kind: 'connected' | 'synced') => {
    const firsts = inRoom
      .map((c) => after(c.events.filter((e) => e.kind === kind).map((e) => e.at)))
      .filter((t): t is number => t !== null)
      .sort((a, b) => a - b);
    return firsts[1] ?? null;
  };
  const secondSynced = second('synced');
  const end = kill.at + (secondSynced ?? until - kill.at);
  const closeCodes: Record<string, number> = {};
  let attempts = 0;
  let firstClose: number | null = null;
  for (const c of inRoom) {
    for (const e of c.events) {
      if (e.at < kill.at || e.at > end) continue;
      if (e.kind === 'connecting') attempts += 1;
      if (e.kind === 'closed') {
        closeCodes[String(e.code)] = (closeCodes[String(e.code)] ?? 0) + 1;
        if (firstClose === null || e.at - kill.at < firstClose) firstClose = e.at - kill.at;
      }
    }
  }
  return {
    firstClose,
    markedDown: after(downAt),
    claimed: after(claims),
    secondConnected: second('connected'),
    secondSynced,
    attempts,
    closeCodes,
  };
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
