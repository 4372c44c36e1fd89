// Benchmark: memory. Pinnwand's resident memory with 100 rooms of 30 clients
// each (every client adds its note), measured in steps so that what a room
// and what a connection costs can be told apart, and what is left once every
// client has gone and the idle rooms have unloaded.
//
//   RSS0: started, no room loaded
//   RSS1: 100 rooms, 1 client each (every room loaded, its document built)
//   RSS2: 100 rooms × 30 clients
//   RSS3: all clients gone, every room unloaded (ROOM_IDLE_MS)
// per room = (RSS1 − RSS0) / 100; per connection = (RSS2 − RSS1) / 2,900.
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchClient } from './lib/client.ts';
import { rssMb } from './lib/proc.ts';
import { newDataDir, removeDir, startServer } from './lib/servers.ts';

export interface MemoryResult {
  rooms: number;
  clientsPerRoom: number;
  rss0Mb: number;
  rss1Mb: number;
  rss2Mb: number;
  rss3Mb: number;
  perRoomKb: number;
  perConnectionKb: number;
  /** Every room unloaded after its clients left (pinnwand_rooms_loaded reached 0). */
  unloaded: boolean;
  /** From the last client leaving until every room was unloaded. */
  unloadMs: number | null;
  roomIdleMs: number;
  error?: string;
}

const metric = (text: string | null, name: string): number | null => {
  const m = text && new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
};

/** RSS after the process has been left alone a moment (the median of a few samples). */
async function settledRss(pid: number): Promise<number> {
  await sleep(1500);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssMb(pid));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

async function connectAll(clients: BenchClient[], batch = 50): Promise<void> {
  for (let i = 0; i < clients.length; i += batch) {
    await Promise.all(clients.slice(i, i + batch).map((c) => c.connect(60_000)));
  }
}

export async function runMemory(rooms = 100, clientsPerRoom = 30): Promise<MemoryResult> {
  const roomIdleMs = 3000;
  const dir = newDataDir('pinnwand-memory-');
  const server = await startServer('pinnwand', dir, {
    ROOM_IDLE_MS: String(roomIdleMs),
    MAX_CONNECTIONS: String(rooms * clientsPerRoom + 100),
  });
  const res: MemoryResult = {
    rooms,
    clientsPerRoom,
    rss0Mb: 0,
    rss1Mb: 0,
    rss2Mb: 0,
    rss3Mb: 0,
    perRoomKb: 0,
    perConnectionKb: 0,
    unloaded: false,
    unloadMs: null,
    roomIdleMs,
  };
  const clients: BenchClient[] = [];
  try {
    const refs = [];
    for (let r = 0; r < rooms; r++) refs.push(await server.createRoom(`memory-${r}`));
    res.rss0Mb = await settledRss(server.pid);
    let sender = 0;
    const first = refs.map((ref) => new BenchClient(ref, ++sender));
    clients.push(...first);
    await connectAll(first);
    for (const c of first) c.createNote();
    res.rss1Mb = await settledRss(server.pid);
    const rest = refs.flatMap((ref) =>
      Array.from({ length: clientsPerRoom - 1 }, () => new BenchClient(ref, ++sender)),
    );
    clients.push(...rest);
    await connectAll(rest);
    for (const c of rest) c.createNote();
    res.rss2Mb = await settledRss(server.pid);
    res.perRoomKb = ((res.rss1Mb - res.rss0Mb) * 1024) / rooms;
    res.perConnectionKb = ((res.rss2Mb - res.rss1Mb) * 1024) / rest.length;
    for (const c of clients) c.close();
    const left = performance.now();
    const deadline = left + roomIdleMs + 30_000;
    while (performance.now() < deadline) {
      const loaded = metric((await server.metrics?.()) ?? null, 'pinnwand_rooms_loaded');
      if (loaded === 0) {
        res.unloaded = true;
        res.unloadMs = performance.now() - left;
        break;
      }
      await sleep(250);
    }
    res.rss3Mb = await settledRss(server.pid);
  } catch (err) {
    res.error = err instanceof Error ? err.message.slice(0, 300) : String(err);
  } finally {
    for (const c of clients) c.terminate();
    await server.stop('SIGKILL').catch(() => undefined);
    removeDir(dir);
  }
  return res;
}
