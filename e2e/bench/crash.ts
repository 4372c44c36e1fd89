// Benchmark 2: crash durability. Writers type markers into their notes at a
// fixed total rate while an observer client watches; the server is killed with
// SIGKILL at a random moment, restarted on the same data folder, and a fresh
// client reads the stored document back. An update counts as lost when any
// client saw it relayed (or, for Hocuspocus, the server acknowledged it) and
// it is not in the document after the restart.

import { setTimeout as sleep } from 'node:timers/promises';
import { BenchClient, noteTexts, type RoomRef, roomOnPort } from './lib/client.ts';
import { LoadGenerator } from './lib/loadgen.ts';
import { markersInText } from './lib/protocol.ts';
import { newDataDir, removeDir, type ServerId, startServer } from './lib/servers.ts';
import type { WorkerClientSpec } from './loadgen-worker.ts';

export interface CrashRoundResult {
  server: ServerId;
  rate: number;
  round: number;
  killAfterMs: number;
  sent: number;
  /** Updates some client saw relayed (including a writer's own echo). */
  relayed: number;
  /** Updates Hocuspocus acknowledged (0 for servers without acknowledgements). */
  acknowledged: number;
  stored: number;
  lostRelayed: number;
  lostAcknowledged: number;
  /** Seen or acknowledged, and missing after restart. */
  lost: number;
  error?: string;
}

/** Connects a reading client and waits until nothing new has arrived for `quietMs`. */
export async function readBack(room: RoomRef, quietMs = 800, maxMs = 20_000) {
  let last = Date.now();
  const onUpdate = () => {
    last = Date.now();
  };
  const reader = new BenchClient(room, 0, { onUpdate }, true);
  await reader.connect(maxMs);
  last = Date.now();
  const t0 = Date.now();
  while (Date.now() - last < quietMs && Date.now() - t0 < maxMs) await sleep(50);
  const texts = noteTexts(reader.doc);
  reader.terminate();
  return texts;
}

let senderBase = 1_000_000;

export async function crashRound(
  id: ServerId,
  rate: number,
  writers: number,
  round: number,
  killWindowMs: [number, number],
): Promise<CrashRoundResult> {
  const dataDir = newDataDir('pinnwand-crash-');
  const killAfterMs = Math.round(
    killWindowMs[0] + Math.random() * (killWindowMs[1] - killWindowMs[0]),
  );
  const result: CrashRoundResult = {
    server: id,
    rate,
    round,
    killAfterMs,
    sent: 0,
    relayed: 0,
    acknowledged: 0,
    stored: 0,
    lostRelayed: 0,
    lostAcknowledged: 0,
    lost: 0,
  };
  let server = await startServer(id, dataDir);
  let gen: LoadGenerator | undefined;
  try {
    const room = await server.createRoom(`crash-${rate}-${round}`);
    const specs: WorkerClientSpec[] = [];
    for (let i = 0; i < writers; i++)
      specs.push({
        sender: ++senderBase,
        room,
        roomKey: '0',
        updatesPerSec: rate / writers,
        awarenessHz: 0,
      });
    specs.push({ sender: ++senderBase, room, roomKey: '0', updatesPerSec: 0, awarenessHz: 0 });
    gen = await LoadGenerator.launch(specs, 2);
    gen.start();
    await sleep(killAfterMs);
    await server.stop('SIGKILL');
    await sleep(300); // let the generator take in what was already on the wire
    const { sentPerSender } = await gen.stop();
    const rep = await gen.report();
    gen.exit();
    gen = undefined;
    for (const [, n] of sentPerSender) result.sent += n;

    server = await startServer(id, dataDir);
    const texts = await readBack(roomOnPort(room, server.port));
    const stored = new Map<number, Set<number>>();
    for (const t of texts)
      markersInText(t, (s, q) => {
        const set = stored.get(s) ?? new Set<number>();
        stored.set(s, set);
        set.add(q);
      });
    for (const set of stored.values()) result.stored += set.size;
    const senders = new Set([...rep.maxSeen.keys(), ...rep.maxAcked.keys()]);
    for (const s of senders) {
      const seen = rep.maxSeen.get(s) ?? 0;
      const acked = rep.maxAcked.get(s) ?? 0;
      const have = stored.get(s) ?? new Set<number>();
      result.relayed += seen;
      result.acknowledged += acked;
      for (let q = 1; q <= Math.max(seen, acked); q++) {
        if (have.has(q)) continue;
        result.lost++;
        if (q <= seen) result.lostRelayed++;
        if (q <= acked) result.lostAcknowledged++;
      }
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message.slice(0, 300) : String(err);
  } finally {
    gen?.exit();
    await server.stop('SIGKILL').catch(() => undefined);
    removeDir(dataDir);
  }
  return result;
}
