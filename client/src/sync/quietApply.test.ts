// A large document from the server held back (while the preview's picture is
// drawn) is applied once the hold settles, in arrival order, and counts as synced then.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { applyLargeSyncQuietly } from './quietApply.ts';

const SYNC = 0;

/** What applyLargeSyncQuietly uses of a provider: its doc, handlers and update listener, as y-websocket has them. */
function fakeProvider(doc: Y.Doc) {
  const provider = {
    doc,
    synced: false,
    _updateHandler: () => undefined,
    messageHandlers: [] as unknown[],
  };
  provider.messageHandlers[SYNC] = (
    encoder: encoding.Encoder,
    decoder: decoding.Decoder,
    p: typeof provider,
    emitSynced: boolean,
  ) => {
    encoding.writeVarUint(encoder, SYNC);
    const type = syncProtocol.readSyncMessage(decoder, encoder, p.doc, p);
    if (emitSynced && type === syncProtocol.messageYjsSyncStep2) p.synced = true;
  };
  return provider;
}

/** A SyncStep2 with `notes` notes of long text: well over the large-message threshold. */
function largeStep2(notes: number, from = 0): Uint8Array {
  const source = new Y.Doc();
  const map = source.getMap<string>('notes');
  for (let i = from; i < from + notes; i++) map.set(`n${i}`, 'x'.repeat(300));
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep2(encoder, source);
  return encoding.toUint8Array(encoder);
}

function receive(provider: ReturnType<typeof fakeProvider>, message: Uint8Array) {
  const handler = provider.messageHandlers[SYNC] as (
    e: encoding.Encoder,
    d: decoding.Decoder,
    p: unknown,
    emit: boolean,
    t: number,
  ) => void;
  const decoder = decoding.createDecoder(message);
  handler(encoding.createEncoder(), decoder, provider, true, SYNC);
  // The socket's reader goes on with the next message: this one is read to its end.
  expect(decoding.hasContent(decoder)).toBe(false);
}

describe('applyLargeSyncQuietly', () => {
  it('applies a held document once the hold settles, in order, and is synced only then', async () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const stored: Uint8Array[] = [];
    const persistence = { _storeUpdate: (u: Uint8Array) => void stored.push(u) };
    let release = () => {};
    let hold: Promise<void> | null = new Promise<void>((r) => {
      release = r;
    });
    applyLargeSyncQuietly(
      provider as unknown as WebsocketProvider,
      persistence as unknown as IndexeddbPersistence,
      SYNC,
      () => hold,
    );
    receive(provider, largeStep2(1000));
    hold = null;
    // A second large message while the first still waits comes after it.
    receive(provider, largeStep2(1000, 1000));
    expect(doc.getMap('notes').size).toBe(0);
    expect(provider.synced).toBe(false);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.getMap('notes').size).toBe(2000);
    expect(provider.synced).toBe(true);
    expect(stored).toHaveLength(2);
  });

  it('keeps a held document waiting when its hold hands over to the next one', async () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const releases: (() => void)[] = [];
    const newHold = () =>
      new Promise<void>((r) => {
        releases.push(r);
      });
    // As the connection keeps it: the hold named last, cleared once it settles.
    let hold: Promise<void> | null = newHold();
    const name = (next: Promise<void>) => {
      hold = next;
      void next.then(() => {
        if (hold === next) hold = null;
      });
    };
    name(hold);
    applyLargeSyncQuietly(
      provider as unknown as WebsocketProvider,
      { _storeUpdate: () => undefined } as unknown as IndexeddbPersistence,
      SYNC,
      () => hold,
    );
    receive(provider, largeStep2(1000));
    // The board takes the connection: it names its own hold in the same turn
    // as the first one ends (earlyConnection.ts, boardPreview.ts).
    releases[0]!();
    name(newHold());
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.getMap('notes').size).toBe(0);
    releases[1]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.getMap('notes').size).toBe(1000);
    expect(provider.synced).toBe(true);
  });

  it('keeps what comes after a held update behind it: the SyncStep2 does not count as synced without it', async () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    const sent: Uint8Array[] = [];
    Object.assign(provider, {
      ws: { OPEN: 1, readyState: 1, send: (m: Uint8Array) => sent.push(m) },
    });
    let release = () => {};
    // As the connection keeps it: named until it settles.
    let hold: Promise<void> | null = new Promise<void>((r) => {
      release = () => {
        hold = null;
        r();
      };
    });
    applyLargeSyncQuietly(
      provider as unknown as WebsocketProvider,
      { _storeUpdate: () => undefined } as unknown as IndexeddbPersistence,
      SYNC,
      () => hold,
    );
    // As the server answers a new device from stored bytes: the updates since
    // the snapshot (large), then the snapshot's SyncStep2 (small), then its
    // SyncStep1 asking for what this device has.
    const source = new Y.Doc();
    source.getMap<string>('notes').set('first', 'x');
    const snapshot = Y.encodeStateAsUpdate(source);
    const base = Y.encodeStateVector(source);
    for (let i = 0; i < 1000; i++) source.getMap<string>('notes').set(`n${i}`, 'x'.repeat(300));
    const since = Y.encodeStateAsUpdate(source, base);
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      write(e);
      return encoding.toUint8Array(e);
    };
    receive(
      provider,
      frame((e) => syncProtocol.writeUpdate(e, since)),
    );
    receive(
      provider,
      frame((e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, snapshot);
      }),
    );
    receive(
      provider,
      frame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(provider.synced).toBe(false);
    expect(doc.getMap('notes').size).toBe(0);
    expect(sent).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(doc.getMap('notes').size).toBe(1001);
    expect(provider.synced).toBe(true);
    // The SyncStep1 got its answer (sync message, SyncStep2).
    expect(sent).toHaveLength(1);
    expect([...sent[0]!.subarray(0, 2)]).toEqual([SYNC, 1]);
  });

  it('applies at once without a hold', () => {
    const doc = new Y.Doc();
    const provider = fakeProvider(doc);
    applyLargeSyncQuietly(
      provider as unknown as WebsocketProvider,
      { _storeUpdate: () => undefined } as unknown as IndexeddbPersistence,
      SYNC,
    );
    receive(provider, largeStep2(1000));
    expect(doc.getMap('notes').size).toBe(1000);
    expect(provider.synced).toBe(true);
  });
});
