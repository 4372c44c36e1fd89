// Crash safety: an update is committed before anyone receives it, so killing
// the server at any moment loses nothing that was relayed; a graceful stop
// (SIGTERM) drains the commit pipeline and loses nothing at all.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { removeChildServerBundle, startChildServer } from './helpers/childServer.ts';
import { connect, createWorkshopAt, makeDataDir, synced, waitFor } from './helpers/testServer.ts';

const FAST = {
  UPDATES_PER_SECOND: '1000000',
  UPDATE_BURST: '1000000',
  UPDATE_BYTES_PER_SECOND: '1000000000',
  UPDATE_BYTES_BURST: '1000000000',
};

interface Writer {
  provider: WebsocketProvider;
  written: Set<string>;
  /** Keys this client received from the server (written by others). */
  relayed: Set<string>;
  stop(): void;
}

function startWriter(wsUrl: string, id: string, token: string, name: string): Writer {
  const provider = connect(wsUrl, id, token);
  const notes = provider.doc.getMap<number>('notes');
  const written = new Set<string>();
  const relayed = new Set<string>();
  notes.observe((event) => {
    if (event.transaction.origin !== provider) return;
    for (const key of event.keysChanged) relayed.add(key);
  });
  let running = true;
  let i = 0;
  const tick = () => {
    if (!running) return;
    if (provider.wsconnected && provider.synced) {
      for (let k = 0; k < 5; k++) {
        const key = `${name}-${i++}`;
        notes.set(key, i);
        written.add(key);
      }
    }
    setTimeout(tick, 0);
  };
  tick();
  return {
    provider,
    written,
    relayed,
    stop() {
      running = false;
    },
  };
}

function relayedUnion(writers: Writer[]): Set<string> {
  const seen = new Set<string>();
  for (const x of writers) for (const key of x.relayed) seen.add(key);
  return seen;
}

async function storedKeys(url: string, id: string, token: string): Promise<Set<string>> {
  const reader = connect(`${url.replace(/^http/, 'ws')}/ws`, id, token);
  try {
    await synced(reader, 20_000);
    return new Set(reader.doc.getMap('notes').keys());
  } finally {
    reader.destroy();
  }
}

describe('durability', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(removeChildServerBundle);

  // FULL: the commit's fsync returned before the relay; NORMAL: the commit reached the OS.
  // Either survives kill -9, with storage in its worker thread and commits pipelined.
  it.each(['FULL', 'NORMAL'])(
    'after kill -9 during a write burst, every update any client saw relayed is stored (SQLITE_SYNCHRONOUS=%s)',
    async (sync) => {
      const dataDir = makeDataDir();
      dirs.push(dataDir);
      const server = await startChildServer(dataDir, { ...FAST, SQLITE_SYNCHRONOUS: sync });
      const w = await createWorkshopAt(server.url);
      const wsUrl = `${server.url.replace(/^http/, 'ws')}/ws`;
      const writers = ['a', 'b', 'c', 'd'].map((name) =>
        startWriter(wsUrl, w.id, w.participantToken, name),
      );
      await Promise.all(writers.map((x) => synced(x.provider, 20_000)));
      // Write for a few seconds (less on a loaded machine), then kill.
      const until = Date.now() + 4000;
      await waitFor(
        () =>
          relayedUnion(writers).size > 2500 ||
          (Date.now() > until && relayedUnion(writers).size > 500),
        30_000,
        'traffic',
      );
      const { signal } = await server.stop('SIGKILL');
      expect(signal).toBe('SIGKILL');
      for (const x of writers) {
        x.stop();
        x.provider.destroy();
      }
      const seen = relayedUnion(writers);

      const again = await startChildServer(dataDir);
      try {
        const stored = await storedKeys(again.url, w.id, w.facilitatorToken);
        const lost = [...seen].filter((key) => !stored.has(key));
        expect(seen.size).toBeGreaterThan(500);
        expect(lost).toEqual([]);
      } finally {
        await again.stop('SIGTERM');
      }
    },
    60_000,
  );

  it('SIGTERM in the middle of a burst exits 0 and loses nothing', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const server = await startChildServer(dataDir, FAST);
    const w = await createWorkshopAt(server.url);
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/ws`;
    const writers = ['a', 'b', 'c'].map((name) =>
      startWriter(wsUrl, w.id, w.participantToken, name),
    );
    await Promise.all(writers.map((x) => synced(x.provider, 20_000)));
    await waitFor(() => writers.every((x) => x.relayed.size > 300), 15_000, 'traffic');
    // The first close each provider sees is the server's 1012; later ones are its reconnect attempts.
    const firstClose = new Map<Writer, number>();
    for (const x of writers) {
      x.provider.on('connection-close', (event: { code: number } | null) => {
        if (event && !firstClose.has(x)) firstClose.set(x, event.code);
      });
    }
    const { code } = await server.stop('SIGTERM');
    expect(code).toBe(0);
    for (const x of writers) x.stop();
    await waitFor(() => firstClose.size === writers.length, 5000, 'every provider closed');
    expect([...firstClose.values()]).toEqual(writers.map(() => 1012));
    const seen = new Set<string>();
    for (const x of writers) for (const key of x.relayed) seen.add(key);

    // Restart on the same port: the providers reconnect on their own and send what the server lacks.
    const again = await startChildServer(dataDir, { ...FAST, PORT: String(server.port) });
    try {
      const relayedStored = await storedKeys(again.url, w.id, w.facilitatorToken);
      expect([...seen].filter((key) => !relayedStored.has(key))).toEqual([]);
      await Promise.all(writers.map((x) => synced(x.provider, 20_000)));
      const written = new Set<string>();
      for (const x of writers) for (const key of x.written) written.add(key);
      await waitFor(
        () => writers.every((x) => x.provider.doc.getMap('notes').size === written.size),
        20_000,
        'writers converge',
      );
      const stored = await storedKeys(again.url, w.id, w.facilitatorToken);
      expect([...written].filter((key) => !stored.has(key))).toEqual([]);
    } finally {
      for (const x of writers) x.provider.destroy();
      await again.stop('SIGTERM');
    }
  }, 120_000);
});
