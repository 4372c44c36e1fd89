// Benchmark 3: cold load. A room with 5,000 notes (design.md schema) built
// from 100,000 updates — 20 participants, each creating 250 notes and typing,
// moving, voting and recolouring them (20 updates per note) — sent through the
// server as real update messages. Then: storage size, time until a new client
// holds the complete document, both before compaction (the data folder as it
// was after the writes, server killed) and after it (room loaded and unloaded,
// server stopped gracefully). Every load is timed on a fresh copy of the data
// folder and a freshly started server, so the room is on disk only.
//
// A load is timed from opening the socket: the document, as every server
// serves it. Pinnwand's first visit of a device adds one request before the
// socket (POST …/identities, which writes the identity into the document and so
// builds it in memory); it is timed separately (*first visit*), and so is
// Pinnwand's own client in Chromium, from opening the link until the first
// notes are drawn.
import { cpSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { launchBrowser } from '../harness/browser.ts';
import { type BrowserLoad, browserLoads } from './coldLoadBrowser.ts';
import { BULK_ENV, type Workload } from './coldLoadWorkload.ts';
import { BenchClient, type RoomRef, roomOnPort } from './lib/client.ts';
import { nowMicros, updateMessage } from './lib/protocol.ts';
import { dirSizeBytes, newDataDir, removeDir, type ServerId, startServer } from './lib/servers.ts';
import { spread } from './lib/stats.ts';

/** The room as a device that has no participant identity (yet) opens it: the socket only. */
function documentOnly(room: RoomRef): RoomRef {
  const { identity: _, ...rest } = room;
  return rest;
}

function sameStateVector(doc: Y.Doc, expected: Uint8Array): boolean {
  const a = Y.decodeStateVector(Y.encodeStateVector(doc));
  const b = Y.decodeStateVector(expected);
  if (a.size < b.size) return false;
  for (const [client, clock] of b) if ((a.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Time from opening the socket until the client has received everything
 * (arrival of the message that completed the document) and until it has
 * applied it (a client-side cost, the same for every server).
 */
export async function timeLoad(room: RoomRef, expected: Uint8Array, timeoutMs = 60_000) {
  const t0 = nowMicros();
  let receivedAt = 0;
  let done: (() => void) | undefined;
  const complete = new Promise<void>((resolve) => {
    done = resolve;
  });
  const client = new BenchClient(
    room,
    0,
    {
      onUpdate: (_u, received) => {
        if (!receivedAt && sameStateVector(client.doc, expected)) {
          receivedAt = received;
          done?.();
        }
      },
    },
    true,
  );
  await client.connect(timeoutMs);
  if (!receivedAt && sameStateVector(client.doc, expected)) receivedAt = client.lastMessageMicros;
  if (!receivedAt) {
    const timer = setTimeout(() => done?.(), timeoutMs);
    await complete;
    clearTimeout(timer);
  }
  const appliedMs = (nowMicros() - t0) / 1000;
  const ok = receivedAt > 0 && sameStateVector(client.doc, expected);
  const notes = client.doc.getMap('notes').size;
  client.terminate();
  return { ms: receivedAt ? (receivedAt - t0) / 1000 : appliedMs, appliedMs, ok, notes };
}

/**
 * Sends the workload, paced, through one socket (or a few, each carrying whole
 * participants' histories in order): no relay fan-out, since the write phase
 * is not what this benchmark measures.
 */
export async function write(room: RoomRef, w: Workload, perSecond: number, connections = 1) {
  const t0 = performance.now();
  const streams: Uint8Array[][] = Array.from({ length: connections }, () => []);
  w.perParticipant.forEach((updates, p) => {
    streams[p % connections]!.push(...updates);
  });
  const rate = perSecond / connections;
  await Promise.all(
    streams.map(async (updates, c) => {
      const client = new BenchClient(room, 900_000 + c);
      await client.connect(120_000);
      const ws = client.ws!;
      const start = performance.now();
      for (let i = 0; i < updates.length; ) {
        const due = Math.min(
          updates.length,
          Math.floor(((performance.now() - start) / 1000) * rate) + 1,
        );
        while (i < due) ws.send(updateMessage(room.protocol, room.docName, updates[i++]!));
        while (ws.bufferedAmount > 1 << 20) await sleep(5);
        await sleep(2);
      }
      while (ws.bufferedAmount > 0) await sleep(5);
      await sleep(200);
      client.close();
    }),
  );
  return performance.now() - t0;
}

async function waitForQuietDisk(dir: string, quietMs = 1500, maxMs = 60_000): Promise<void> {
  const t0 = Date.now();
  let size = dirSizeBytes(dir);
  let since = Date.now();
  while (Date.now() - t0 < maxMs) {
    await sleep(250);
    const now = dirSizeBytes(dir);
    if (now !== size) {
      size = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/**
 * Loads on a fresh copy of the data folder and a freshly started server each.
 * `firstVisit`: the client first gets its participant identity (Pinnwand), and
 * the time counts from that request.
 */
async function timedLoads(
  id: ServerId,
  sourceDir: string,
  room: RoomRef,
  w: Workload,
  runs: number,
  firstVisit = false,
) {
  const results: { ms: number; appliedMs: number; ok: boolean; notes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = newDataDir('pinnwand-cold-');
    cpSync(sourceDir, dir, { recursive: true });
    const server = await startServer(id, dir, BULK_ENV);
    try {
      const moved = roomOnPort(room, server.port);
      results.push(await timeLoad(firstVisit ? moved : documentOnly(moved), w.stateVector));
    } finally {
      await server.stop('SIGKILL');
      removeDir(dir);
    }
  }
  return results;
}

export interface ColdLoadResult {
  server: ServerId;
  writeMs: number;
  writeOk: boolean;
  sizeBeforeBytes: number;
  sizeAfterBytes: number;
  loadBeforeMs: ReturnType<typeof spread>;
  loadAfterMs: ReturnType<typeof spread>;
  loadWarmMs: ReturnType<typeof spread>;
  appliedBeforeMs: ReturnType<typeof spread>;
  appliedAfterMs: ReturnType<typeof spread>;
  appliedWarmMs: ReturnType<typeof spread>;
  /** Pinnwand: a device's first visit (identity request, then the socket), after compaction. */
  firstVisitAfterMs?: ReturnType<typeof spread>;
  /** Pinnwand's client in Chromium, after compaction: link opened → the board's whole picture drawn. */
  browserFirstDrawnMs?: ReturnType<typeof spread>;
  /** The same until its notes are on screen as cards (the first picture, before the titles). */
  browserNotesPlacedMs?: ReturnType<typeof spread>;
  browserLoads?: BrowserLoad[];
  /** The same with the workshop in progress (its document in the server's memory). */
  browserWarmFirstDrawnMs?: ReturnType<typeof spread>;
  browserWarmLoads?: BrowserLoad[];
  browserError?: string;
  allComplete: boolean;
  notes: number;
  error?: string;
}

export async function coldLoad(
  id: ServerId,
  w: Workload,
  runs: number,
  writeRate: number,
): Promise<ColdLoadResult> {
  const dataDir = newDataDir('pinnwand-cold-');
  const preDir = newDataDir('pinnwand-cold-pre-');
  const res: ColdLoadResult = {
    server: id,
    writeMs: 0,
    writeOk: false,
    sizeBeforeBytes: 0,
    sizeAfterBytes: 0,
    loadBeforeMs: spread([]),
    loadAfterMs: spread([]),
    loadWarmMs: spread([]),
    appliedBeforeMs: spread([]),
    appliedAfterMs: spread([]),
    appliedWarmMs: spread([]),
    allComplete: true,
    notes: 0,
  };
  let server = await startServer(id, dataDir, BULK_ENV);
  try {
    // As a facilitator: the history includes creating the board (a participant may not).
    const room = await server.createRoom('coldload', 'facilitator');
    const t0 = performance.now();
    await write(room, w, writeRate);
    // Until a new client gets the complete document: the server has taken in the history.
    const check = await timeLoad(room, w.stateVector, 600_000);
    res.writeMs = performance.now() - t0;
    res.writeOk = check.ok;
    res.notes = check.notes;
    // Let lazy writers (y-leveldb's queue, Hocuspocus's debounce) reach the disk.
    await sleep(id.startsWith('hocuspocus') ? 3000 : 500);
    await waitForQuietDisk(dataDir);
    await server.stop('SIGKILL');
    res.sizeBeforeBytes = dirSizeBytes(dataDir);
    cpSync(dataDir, preDir, { recursive: true });
    const before = await timedLoads(id, preDir, room, w, runs);

    // Compaction: load the room, let it unload, stop gracefully.
    server = await startServer(id, dataDir, BULK_ENV);
    const r2 = roomOnPort(room, server.port);
    const warm: number[] = [];
    const warmApplied: number[] = [];
    const first = await timeLoad(documentOnly(r2), w.stateVector);
    res.allComplete &&= first.ok;
    // Keep the room loaded with one idle client while others join (warm load).
    const holder = new BenchClient(r2, 0, {}, false);
    await holder.connect();
    for (let i = 0; i < runs; i++) {
      const t = await timeLoad(documentOnly(r2), w.stateVector);
      res.allComplete &&= t.ok;
      warm.push(t.ms);
      warmApplied.push(t.appliedMs);
    }
    holder.close();
    await sleep(1500);
    await server.stop('SIGTERM');
    res.sizeAfterBytes = dirSizeBytes(dataDir);
    const after = await timedLoads(id, dataDir, room, w, runs);
    const firstVisits = id === 'pinnwand' ? await timedLoads(id, dataDir, room, w, runs, true) : [];
    for (const t of [...before, ...after, ...firstVisits]) res.allComplete &&= t.ok;
    if (id === 'pinnwand') {
      res.firstVisitAfterMs = spread(firstVisits.map((t) => t.ms));
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        res.browserLoads = await browserLoads(browser, dataDir, room, runs, false);
        res.browserFirstDrawnMs = spread(res.browserLoads.map((l) => l.firstDrawnMs));
        res.browserNotesPlacedMs = spread(res.browserLoads.map((l) => l.notesPlacedMs));
        res.browserWarmLoads = await browserLoads(browser, dataDir, room, runs, true);
        res.browserWarmFirstDrawnMs = spread(res.browserWarmLoads.map((l) => l.firstDrawnMs));
      } catch (err) {
        res.browserError = err instanceof Error ? err.message.slice(0, 300) : String(err);
      } finally {
        await browser?.close();
      }
    }
    res.loadBeforeMs = spread(before.map((t) => t.ms));
    res.loadAfterMs = spread(after.map((t) => t.ms));
    res.loadWarmMs = spread(warm);
    res.appliedBeforeMs = spread(before.map((t) => t.appliedMs));
    res.appliedAfterMs = spread(after.map((t) => t.appliedMs));
    res.appliedWarmMs = spread(warmApplied);
  } catch (err) {
    res.error = err instanceof Error ? err.message.slice(0, 300) : String(err);
  } finally {
    await server.stop('SIGKILL').catch(() => undefined);
    removeDir(dataDir);
    removeDir(preDir);
  }
  return res;
}
