import type { Role } from '@pinnwand/shared/protocol/roles';
import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../config.ts';
import { createMetrics } from '../metrics.ts';
import { Connection } from './Connection.ts';
import { Room } from './Room.ts';
import type { IncomingUpdate } from './updateGuard.ts';
import {
  ALLOW,
  composePolicies,
  refuse,
  type UpdatePolicy,
  viewerReadOnly,
} from './updatePolicy.ts';

// The room against fake sockets: no server, no storage, the commit driven by hand.
function fakeConnection(id: string, role: Role) {
  const sent: Uint8Array[] = [];
  const conn = new Connection(id, role, {
    send: (data) => sent.push(data),
    close() {},
    bufferedAmount: 0,
  });
  return { conn, sent };
}

function updatesIn(sent: Uint8Array[]): Uint8Array[] {
  return sent.flatMap((data) => {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== 0) return [];
    const sub = decoding.readVarUint(d);
    return sub === 1 || sub === 2 ? [decoding.readVarUint8Array(d)] : [];
  });
}

/** A room loaded from `snapshot` (stored at sequence 3), or a new one. */
function makeRoom(policy: UpdatePolicy = viewerReadOnly, snapshot: Uint8Array | null = null) {
  return new Room(
    'room',
    snapshot
      ? { snapshot, updates: [], lastSeq: 3, snapshotBytes: snapshot.length, logBytes: 0 }
      : { snapshot: null, updates: [], lastSeq: 0, snapshotBytes: 0, logBytes: 0 },
    {
      policy,
      metrics: createMetrics({ defaultMetrics: false }),
      logger: pino({ level: 'silent' }),
      limits: DEFAULT_LIMITS,
      compactAfterUpdates: 1000,
      compactAfterBytes: 1 << 20,
      onDirty() {},
      onEmpty() {},
      onFailed() {},
    },
  );
}

function clientUpdate(fn: (doc: Y.Doc) => void): IncomingUpdate {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  fn(doc);
  return { bytes: update!, decoded: Y.decodeUpdate(update!), step2: false };
}

describe('Room', () => {
  it('relays an update to the others only after it is committed', () => {
    const room = makeRoom();
    const a = fakeConnection('a', 'participant');
    const b = fakeConnection('b', 'participant');
    room.addConnection(a.conn);
    room.addConnection(b.conn);
    room.commit(room.takeBatch(), []);
    b.sent.length = 0;
    a.sent.length = 0;

    room.receiveUpdate(
      a.conn,
      clientUpdate((doc) => doc.getMap('notes').set('n', 'hi')),
    );
    const batch = room.takeBatch();
    expect(batch.updates).toHaveLength(1);
    expect(updatesIn(b.sent)).toHaveLength(0);
    room.commit(batch, [1]);
    expect(updatesIn(b.sent)).toHaveLength(1);
    expect(updatesIn(a.sent)).toHaveLength(0);
    expect(room.log.lastSeq).toBe(1);
  });

  it('answers SyncStep1 only from committed state', () => {
    const room = makeRoom();
    const a = fakeConnection('a', 'participant');
    const joiner = fakeConnection('j', 'viewer');
    room.addConnection(a.conn);
    room.addConnection(joiner.conn);
    room.receiveUpdate(
      a.conn,
      clientUpdate((doc) => doc.getMap('notes').set('n', 'hi')),
    );
    room.receiveSyncStep1(joiner.conn, Y.encodeStateVector(new Y.Doc()));
    const batch = room.takeBatch();
    expect(updatesIn(joiner.sent)).toHaveLength(0);
    room.commit(batch, [1]);
    const doc = new Y.Doc();
    for (const u of updatesIn(joiner.sent)) Y.applyUpdate(doc, u);
    expect(doc.getMap('notes').get('n')).toBe('hi');
  });

  it('never applies a viewer’s update', () => {
    const room = makeRoom();
    const v = fakeConnection('v', 'viewer');
    room.addConnection(v.conn);
    room.receiveUpdate(
      v.conn,
      clientUpdate((doc) => doc.getMap('notes').set('n', 'x')),
    );
    expect(room.takeBatch().updates).toHaveLength(0);
    expect(room.doc.getMap('notes').has('n')).toBe(false);
  });

  it('stores only the net effect of a refused change, without the refused content', () => {
    const noSecrets: UpdatePolicy = {
      name: 'no-secrets',
      check: ({ doc }) =>
        doc.getMap('notes').get('n') === 'top secret' ? refuse('no secrets') : ALLOW,
    };
    const room = makeRoom(composePolicies(viewerReadOnly, noSecrets));
    const a = fakeConnection('a', 'participant');
    room.addConnection(a.conn);
    room.receiveUpdate(
      a.conn,
      clientUpdate((doc) => doc.getMap('notes').set('n', 'top secret')),
    );
    const batch = room.takeBatch();
    expect(room.doc.getMap('notes').has('n')).toBe(false);
    expect(batch.updates).toHaveLength(1);
    expect(batch.updates[0]!.except).toBeNull();
    expect(Buffer.from(batch.updates[0]!.bytes).includes(Buffer.from('top secret'))).toBe(false);
  });

  it('answers a joiner of a cold room from the stored bytes, builds the document only after a grace and then sends its state vector', async () => {
    const stored = clientUpdate((doc) => doc.getMap('notes').set('n', 'stored')).bytes;
    const room = makeRoom(viewerReadOnly, stored);
    const j = fakeConnection('j', 'viewer');
    room.addConnection(j.conn);
    room.receiveSyncStep1(j.conn, Y.encodeStateVector(new Y.Doc()));
    room.commit(room.takeBatch(), []);
    const [step2] = updatesIn(j.sent);
    expect(step2).toEqual(stored);
    expect(j.sent.some((m) => m[0] === 0 && m[1] === 0)).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    // The joiner is still taking in its answer: the blocking build waits.
    expect(room.isDocumentBuilt).toBe(false);
    const started = performance.now();
    while (!j.sent.some((m) => m[0] === 0 && m[1] === 0)) {
      if (performance.now() - started > 10_000) throw new Error('no state vector after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(room.isDocumentBuilt).toBe(true);
    expect(room.doc.getMap('notes').get('n')).toBe('stored');
  });

  it('answers a new device from the stored snapshot and the updates committed since, never with what is not yet committed', () => {
    // A stored note, and a committed change inside it: the change builds on the snapshot.
    const base = new Y.Doc();
    const storedNote = new Y.Map<unknown>();
    base.getMap('notes').set('n', storedNote);
    storedNote.set('text', 'stored');
    const stored = Y.encodeStateAsUpdate(base);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, stored);
    let change: Uint8Array | null = null;
    editor.on('update', (u: Uint8Array) => {
      change = u;
    });
    (editor.getMap('notes').get('n') as Y.Map<unknown>).set('c', 'committed');
    const room = makeRoom(viewerReadOnly, stored);
    const writer = fakeConnection('w', 'participant');
    room.addConnection(writer.conn);
    room.receiveUpdate(writer.conn, {
      bytes: change!,
      decoded: Y.decodeUpdate(change!),
      step2: false,
    });
    room.commit(room.takeBatch(), [4]);
    // Applied, but its round not yet committed when the new device asks.
    room.receiveUpdate(
      writer.conn,
      clientUpdate((doc) => doc.getMap('notes').set('p', 'pending')),
    );
    const fresh = fakeConnection('f', 'viewer');
    room.addConnection(fresh.conn);
    room.receiveSyncStep1(fresh.conn, Y.encodeStateVector(new Y.Doc()));
    const batch = room.takeBatch();
    expect(room.doc.getMap('notes').get('p')).toBe('pending');
    room.commit(batch, [5]);
    const messages = fresh.sent.flatMap((data) => {
      const d = decoding.createDecoder(data);
      if (decoding.readVarUint(d) !== 0) return [];
      const sub = decoding.readVarUint(d);
      return sub === 1 || sub === 2 ? [{ sub, payload: decoding.readVarUint8Array(d) }] : [];
    });
    // The relay of the pending update (committed in round 5) first, then the answer:
    // the update committed since the snapshot, then SyncStep2 with the snapshot as stored.
    expect(messages.map((m) => m.sub)).toEqual([2, 2, 1]);
    expect(messages[2]!.payload).toEqual(stored);
    // Applied in the order sent, the answer is complete once its SyncStep2 is in.
    const answer = new Y.Doc();
    Y.applyUpdate(answer, messages[1]!.payload);
    expect(answer.getMap('notes').has('n')).toBe(false); // pending: it builds on the snapshot
    Y.applyUpdate(answer, messages[2]!.payload);
    const note = answer.getMap('notes').get('n') as Y.Map<unknown>;
    expect(note.get('text')).toBe('stored');
    expect(note.get('c')).toBe('committed');
    // What was applied but not committed when the answer was made is not in it.
    expect(answer.getMap('notes').has('p')).toBe(false);
    const doc = new Y.Doc();
    for (const m of messages) Y.applyUpdate(doc, m.payload);
    expect(doc.getMap('notes').get('p')).toBe('pending');
  });

  it('stores and relays a server write without building a cold document, and the document built later holds it', () => {
    const source = new Y.Doc();
    source.getMap('notes').set('n', 'stored');
    const room = makeRoom(viewerReadOnly, Y.encodeStateAsUpdate(source));
    const member = fakeConnection('m', 'participant');
    room.addConnection(member.conn);
    room.receiveSyncStep1(member.conn, Y.encodeStateVector(new Y.Doc()));
    room.commit(room.takeBatch(), []);
    member.sent.length = 0;

    let stored = false;
    void room
      .applyServerWrite((doc) => doc.getMap('identities').set('p1', 1), 'server')
      .then(() => {
        stored = true;
      });
    const batch = room.takeBatch();
    expect(batch.updates).toHaveLength(1);
    expect(room.isDocumentBuilt).toBe(false);
    expect(updatesIn(member.sent)).toHaveLength(0);
    room.commit(batch, [4]);
    expect(room.isDocumentBuilt).toBe(false);
    // The member (synced from the stored bytes) gets it relayed; a new joiner in its answer.
    const memberDoc = new Y.Doc();
    Y.applyUpdate(memberDoc, Y.encodeStateAsUpdate(source));
    for (const u of updatesIn(member.sent)) Y.applyUpdate(memberDoc, u);
    expect(memberDoc.getMap('identities').get('p1')).toBe(1);
    const joiner = fakeConnection('j', 'viewer');
    room.addConnection(joiner.conn);
    room.receiveSyncStep1(joiner.conn, Y.encodeStateVector(new Y.Doc()));
    room.commit(room.takeBatch(), []);
    const joinerDoc = new Y.Doc();
    for (const u of updatesIn(joiner.sent)) Y.applyUpdate(joinerDoc, u);
    expect(joinerDoc.getMap('identities').get('p1')).toBe(1);
    expect(joinerDoc.getMap('notes').get('n')).toBe('stored');
    // A second write follows the first; the document, built now, holds both.
    void room.applyServerWrite((doc) => doc.getMap('identities').set('p2', 2), 'server');
    room.commit(room.takeBatch(), [5]);
    expect(room.doc.getMap('identities').toJSON()).toEqual({ p1: 1, p2: 2 });
    expect(room.doc.getMap('notes').get('n')).toBe('stored');
    return Promise.resolve().then(() => expect(stored).toBe(true));
  });

  it('keeps a server write taken into a batch when the document is built before that batch is stored', () => {
    const source = new Y.Doc();
    source.getMap('notes').set('n', 'stored');
    const room = makeRoom(viewerReadOnly, Y.encodeStateAsUpdate(source));
    const a = fakeConnection('a', 'facilitator');
    room.addConnection(a.conn);
    room.commit(room.takeBatch(), []);
    void room.applyServerWrite((doc) => doc.getMap('identities').set('p1', 1), 'server');
    // An update in the same tick builds the document after the write was taken.
    room.receiveUpdate(
      a.conn,
      clientUpdate((doc) => doc.getMap('notes').set('m', 'new')),
    );
    const batch = room.takeBatch();
    expect(room.isDocumentBuilt).toBe(true);
    expect(room.doc.getMap('identities').get('p1')).toBe(1);
    room.commit(batch, [4]);
    expect(room.doc.getMap('identities').get('p1')).toBe(1);
    expect(room.doc.getMap('notes').get('m')).toBe('new');
  });
});
