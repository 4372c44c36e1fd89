import path from 'node:path';
import { errorBodySchema } from '@pinnwand/shared/protocol/http';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.ts';
import { InstrumentedStorage } from './helpers/instrumentedStorage.ts';
import { docFromReceived, syncAnswers } from './helpers/rawClient.ts';
import { serverRound } from './helpers/serverRound.ts';
import { closeCode, makeDataDir, synced, type TestServer, waitFor } from './helpers/testServer.ts';

describe('rooms and storage', () => {
  const round = serverRound();
  const { open, raw } = round;
  let t: TestServer;
  async function start(env: Record<string, string> = {}) {
    const dataDir = makeDataDir();
    const storage = new InstrumentedStorage(
      new SqliteStorage({ file: path.join(dataDir, 'pinnwand.sqlite') }),
    );
    t = await round.start(env, { storage }, dataDir);
    return storage;
  }

  it('concurrent joins of an unloaded room share one load, and nobody syncs before it is in', async () => {
    const storage = await start();
    const w = await t.createWorkshop('retro', 'Geteilt');
    storage.loadDelayMs = 200;
    const clients = await Promise.all(Array.from({ length: 5 }, () => raw(w.id, w.viewerToken)));
    // Ask for the state at once, while the room is still loading.
    for (const c of clients) c.sendSyncStep1();
    await waitFor(() => clients.every((c) => syncAnswers(c).length > 0), 5000, 'step 2');
    expect(storage.loads).toBe(1);
    for (const c of clients) {
      const first = syncAnswers(c)[0]!;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, first);
      expect(doc.getMap('meta').get('title')).toBe('Geteilt');
      expect(docFromReceived(c.received).getMap('boards').size).toBeGreaterThan(0);
    }
  });

  it('groups the updates of one tick into one transaction', async () => {
    const storage = await start({ UPDATES_PER_SECOND: '100000', UPDATE_BURST: '100000' });
    const w = await t.createWorkshop();
    const writers = [open(w.id, w.participantToken), open(w.id, w.participantToken)];
    const reader = open(w.id, w.viewerToken);
    await Promise.all([...writers, reader].map((p) => synced(p)));
    const before = storage.appends;
    for (let i = 0; i < 200; i++)
      for (const [n, p] of writers.entries()) p.doc.getMap('notes').set(`${n}-${i}`, i);
    await waitFor(() => reader.doc.getMap('notes').size === 400, 5000, 'all notes');
    expect(storage.appends - before).toBeLessThan(100);
  });

  it('compacts after N updates and when an idle room unloads, and reloads the same state', async () => {
    const storage = await start({ COMPACT_AFTER_UPDATES: '20', ROOM_IDLE_MS: '50' });
    const w = await t.createWorkshop();
    const p = open(w.id, w.participantToken);
    await synced(p);
    for (let i = 0; i < 45; i++) {
      // One stored update each: the next is written once this one went to storage.
      const appends = storage.appends;
      p.doc.getMap('notes').set(`n${i}`, i);
      await waitFor(() => storage.appends > appends, 5000, `update ${i} stored`);
    }
    await waitFor(
      () => storage.compactions >= 2 && !storage.compacting,
      5000,
      'compaction after N updates',
    );
    const stored = await t.server.services.storage.load(w.id);
    expect(stored.updates.length).toBeLessThan(20);
    p.destroy();
    await waitFor(() => t.server.rooms.loadedRooms === 0, 5000, 'idle unload');
    const afterUnload = await t.server.services.storage.load(w.id);
    expect(afterUnload.updates).toHaveLength(0);
    const again = open(w.id, w.viewerToken);
    await synced(again);
    expect(again.doc.getMap('notes').size).toBe(45);
  });

  it('when storage fails, the update is neither stored nor relayed, the room closes with 4507 and the process stays up', async () => {
    const storage = await start();
    const w = await t.createWorkshop();
    const other = await t.createWorkshop();
    const writer = open(w.id, w.participantToken);
    const watcher = open(w.id, w.viewerToken);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.doc.getMap('notes').set('before', 'stored');
    await waitFor(() => watcher.doc.getMap('notes').has('before'), 5000, 'first note');

    storage.failAppends = true;
    const writerClosed = closeCode(writer);
    const watcherClosed = closeCode(watcher);
    writer.doc.getMap('notes').set('lost', 'not stored');
    expect(await writerClosed).toBe(CloseCode.storageFailed);
    expect(await watcherClosed).toBe(CloseCode.storageFailed);
    expect(watcher.doc.getMap('notes').has('lost')).toBe(false);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    // The disk has room again: the writer reconnects by itself and its edit arrives.
    storage.failAppends = false;
    await waitFor(
      () => watcher.doc.getMap('notes').get('lost') === 'not stored',
      10_000,
      'resent edit',
    );
    const fresh = open(other.id, other.participantToken);
    await synced(fresh);
  });

  it('when the database thread dies during a commit, its rooms close with 4507, a fresh thread takes over and nothing relayed is lost', async () => {
    const dataDir = makeDataDir();
    const sqlite = new SqliteStorage({ file: path.join(dataDir, 'pinnwand.sqlite') });
    t = await round.start({}, { storage: sqlite }, dataDir);
    const w = await t.createWorkshop();
    const writer = open(w.id, w.participantToken);
    const watcher = open(w.id, w.viewerToken);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.doc.getMap('notes').set('before', 'stored');
    await waitFor(() => watcher.doc.getMap('notes').has('before'), 5000, 'first note');

    await sqlite.exitWorkerAtNextAppend();
    const writerClosed = closeCode(writer);
    const watcherClosed = closeCode(watcher);
    writer.doc.getMap('notes').set('during', 'sent while the thread died');
    expect(await writerClosed).toBe(CloseCode.storageFailed);
    expect(await watcherClosed).toBe(CloseCode.storageFailed);
    expect(watcher.doc.getMap('notes').has('during')).toBe(false);

    // Both reconnect by themselves; the writer resends its edit, now stored by a new thread.
    await waitFor(
      () => watcher.doc.getMap('notes').get('during') === 'sent while the thread died',
      15_000,
      'resent edit',
    );
    writer.doc.getMap('notes').set('after', 'stored too');
    await waitFor(() => watcher.doc.getMap('notes').has('after'), 10_000, 'later note');

    // Everything the watcher was sent is on disk, read back by a fresh storage.
    await round.stop();
    const reopened = await SqliteStorage.open({ file: path.join(dataDir, 'pinnwand.sqlite') });
    try {
      const stored = await reopened.load(w.id);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      for (const [key, value] of watcher.doc.getMap('notes')) {
        expect(doc.getMap('notes').get(key)).toEqual(value);
      }
      expect(doc.getMap('notes').size).toBe(3);
    } finally {
      await reopened.close();
    }
  });

  it('when a commit fails, the updates applied behind it are dropped too: nothing of them is stored or relayed', async () => {
    const storage = await start();
    const w = await t.createWorkshop();
    const watcher = open(w.id, w.viewerToken);
    await synced(watcher);
    const writer = await raw(w.id, w.participantToken);
    // Two independent edits (two client ids), so the second is readable without the first.
    const [doc, other] = [new Y.Doc(), new Y.Doc()];
    const updates: Uint8Array[] = [];
    for (const d of [doc, other]) d.on('update', (u: Uint8Array) => updates.push(u));
    // The first commit fails, slowly; the second update is applied while it is in flight.
    storage.appendDelayMs = 300;
    storage.failAppends = true;
    const appends = storage.appends;
    doc.getMap('notes').set('first', 'fails');
    writer.sendUpdate(updates[0]!);
    await waitFor(() => storage.appends > appends, 5000, 'first commit in flight');
    storage.failAppends = false;
    other.getMap('notes').set('second', 'behind it');
    writer.sendUpdate(updates[1]!);
    const watcherClosed = closeCode(watcher);
    expect(await writer.closed).toBe(CloseCode.storageFailed);
    expect(await watcherClosed).toBe(CloseCode.storageFailed);
    await t.server.rooms.committer.idle();
    const stored = new Y.Doc();
    const after = await t.server.services.storage.load(w.id);
    if (after.snapshot) Y.applyUpdate(stored, after.snapshot);
    for (const u of after.updates) Y.applyUpdate(stored, u);
    expect([...stored.getMap('notes').keys()]).toEqual([]);
    expect(watcher.doc.getMap('notes').size).toBe(0);
  });

  it('when a commit fails, identity requests whose writes wait for the room answer 503 instead of hanging, and the next one is issued', async () => {
    const storage = await start();
    const w = await t.createWorkshop();
    const identities = `${t.url}/api/workshops/${w.id}/identities`;
    const issue = () =>
      fetch(identities, {
        method: 'POST',
        headers: { Authorization: `Bearer ${w.participantToken}` },
        // A request that hangs fails the test here rather than at its timeout.
        signal: AbortSignal.timeout(5000),
      });
    // The first device's identity goes to storage and is held there; that commit will fail.
    storage.failAppends = true;
    storage.holdAppends();
    const appends = storage.appends;
    const first = issue();
    await waitFor(() => storage.appends > appends, 5000, 'the first identity in storage');
    // The second device's identity is counted, then written into the cold room:
    // the commit fails before the room's next pass, with that write still in its
    // inbox (queued after the count, it runs before the Committer's pass).
    storage.afterNextCount = () => setImmediate(() => storage.releaseAppends());
    const second = issue();
    for (const res of [await first, await second]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(errorBodySchema.parse(await res.json()).error).toMatch(/try again/);
    }
    expect(t.server.rooms.peek(w.id)).toBeUndefined();
    // Storage works again: the room reloads and the device gets its identity.
    storage.failAppends = false;
    expect((await issue()).status).toBe(201);
    const watcher = open(w.id, w.viewerToken);
    await synced(watcher);
    expect(watcher.doc.getMap('identities').size).toBe(1);
  });

  it('a real full disk (SQLite max_page_count) refuses the update with 4507 and relays nothing', async () => {
    const dataDir = makeDataDir();
    const storage = new SqliteStorage({
      file: path.join(dataDir, 'pinnwand.sqlite'),
      pragmas: ['max_page_count = 200'],
    });
    t = await round.start({}, { storage }, dataDir);
    const w = await t.createWorkshop();
    const writer = open(w.id, w.participantToken);
    const watcher = open(w.id, w.viewerToken);
    await Promise.all([synced(writer), synced(watcher)]);
    const closed = closeCode(writer);
    writer.doc.getMap('notes').set('huge', 'z'.repeat(1_500_000));
    expect(await closed).toBe(CloseCode.storageFailed);
    writer.destroy();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const small = open(w.id, w.participantToken);
    await synced(small, 10_000);
    small.doc.getMap('notes').set('small', 'fits');
    await waitFor(() => watcher.doc.getMap('notes').get('small') === 'fits', 10_000, 'small note');
    // The small note, written later, is the marker: the huge one never arrived before it.
    expect(watcher.doc.getMap('notes').has('huge')).toBe(false);
  });

  it('a failed commit of several rooms closes every room in it with 4507 and relays nothing of it', async () => {
    const dataDir = makeDataDir();
    const storage = new SqliteStorage({
      file: path.join(dataDir, 'pinnwand.sqlite'),
      pragmas: ['max_page_count = 200'],
    });
    t = await round.start({}, { storage }, dataDir);
    const [a, b] = [await t.createWorkshop(), await t.createWorkshop()];
    const watchers = [open(a.id, a.viewerToken), open(b.id, b.viewerToken)];
    await Promise.all(watchers.map((w) => synced(w)));
    const closed = watchers.map((w) => closeCode(w));
    // Applied in the same tick, so committed in one transaction, too large for the disk.
    const rooms = t.server.rooms;
    const notes = (doc: Y.Doc) => doc.getMap('notes');
    const huge = rooms.change(a.id, (doc) => notes(doc).set('huge', 'z'.repeat(1_500_000)), 'test');
    const small = rooms.change(b.id, (doc) => notes(doc).set('small', 'fits'), 'test');
    await expect(huge).rejects.toThrow(/full/i);
    await expect(small).rejects.toThrow(/full/i);
    expect(await closed[0]).toBe(CloseCode.storageFailed);
    expect(await closed[1]).toBe(CloseCode.storageFailed);
    expect(notes(watchers[1]!.doc).has('small')).toBe(false);
    const stored = new Y.Doc();
    const after = await storage.load(b.id);
    if (after.snapshot) Y.applyUpdate(stored, after.snapshot);
    for (const u of after.updates) Y.applyUpdate(stored, u);
    expect(notes(stored).has('small')).toBe(false);
  });

  it('refuses an update with missing dependencies before applying it: its synced sender is closed, nothing is stored', async () => {
    await start();
    const w = await t.createWorkshop();
    const foreign = new Y.Doc();
    foreign.clientID = 777_777;
    const updates: Uint8Array[] = [];
    foreign.on('update', (u: Uint8Array) => updates.push(u));
    foreign.getMap('notes').set('first', 1);
    foreign.getMap('notes').set('second', 2);
    const sender = await raw(w.id, w.facilitatorToken);
    // Synced (its SyncStep2 sent): from now on it refers only to what the server has.
    sender.sendSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()));
    sender.sendUpdate(updates[1]!);
    expect(await sender.closed).toBe(4400);

    const joiner = await raw(w.id, w.viewerToken);
    joiner.sendSyncStep1();
    await waitFor(() => syncAnswers(joiner).length > 0, 5000, 'step 2');
    const step2 = syncAnswers(joiner)[0]!;
    expect(Y.decodeUpdate(step2).structs.some((s) => s.id.client === 777_777)).toBe(false);
    const stored = await t.server.services.storage.load(w.id);
    const storedDoc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(storedDoc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(storedDoc, u);
    expect(storedDoc.store.clients.has(777_777)).toBe(false);

    // Sent in order over one connection, both integrate and are relayed.
    const again = await raw(w.id, w.facilitatorToken);
    again.sendUpdate(updates[0]!);
    again.sendUpdate(updates[1]!);
    await waitFor(
      () => docFromReceived(joiner.received).getMap('notes').get('second') === 2,
      5000,
      'both updates',
    );
    expect(docFromReceived(joiner.received).getMap('notes').get('first')).toBe(1);
  });

  it('ignores an update that races ahead of its sender’s SyncStep2, which then brings all of it', async () => {
    await start();
    const w = await t.createWorkshop();
    const offline = new Y.Doc();
    offline.clientID = 888_888;
    const updates: Uint8Array[] = [];
    offline.on('update', (u: Uint8Array) => updates.push(u));
    offline.getMap('notes').set('offline', 1);
    offline.getMap('notes').set('typed after reconnecting', 2);
    const client = await raw(w.id, w.facilitatorToken);
    // The edit made right after reconnecting builds on the offline one the server lacks.
    client.sendUpdate(updates[1]!);
    client.sendSyncStep2(Y.encodeStateAsUpdate(offline));
    const viewer = open(w.id, w.viewerToken);
    await synced(viewer);
    await waitFor(
      () => viewer.doc.getMap('notes').get('typed after reconnecting') === 2,
      5000,
      'the SyncStep2',
    );
    expect(viewer.doc.getMap('notes').get('offline')).toBe(1);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it('a client joining while the room unloads waits and gets a freshly loaded room', async () => {
    const storage = await start({ ROOM_IDLE_MS: '20' });
    const w = await t.createWorkshop();
    const first = open(w.id, w.participantToken);
    await synced(first);
    first.doc.getMap('notes').set('before', 'unload');
    await waitFor(() => storage.appends > 0, 5000, 'stored');
    storage.compactDelayMs = 300;
    first.destroy();
    await waitFor(() => storage.compacting, 5000, 'unload started');
    const second = open(w.id, w.participantToken);
    await synced(second);
    expect(second.doc.getMap('notes').get('before')).toBe('unload');
    expect(storage.loads).toBe(2);
    storage.compactDelayMs = 0;
    second.doc.getMap('notes').set('after', 'reload');
    const third = open(w.id, w.viewerToken);
    await synced(third);
    await waitFor(
      () => third.doc.getMap('notes').get('after') === 'reload',
      5000,
      'edit after reload',
    );
  });
});
