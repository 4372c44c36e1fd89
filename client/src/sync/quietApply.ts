// A large document from the server (a new device's first SyncStep2: 2.3 MB for
// a 5,000-note board) is applied without the document's `update` listeners.
//
// Yjs re-encodes everything a transaction integrated whenever anyone listens to
// `update`, and two do: y-websocket (which sends only changes not from itself,
// so nothing of this one) and y-indexeddb (which stores it as the local copy).
// For the first document that re-encoding was a quarter of applying it in the
// page (0.44 of 1.7 s in a profile). So for a large sync message both
// listeners are set aside while it is applied, the local copy stores the
// message's update as received (what the listener would have stored, without
// encoding it again), and should an
// observer have changed the document locally meanwhile (nothing in the app does
// today), the socket reconnects: the sync exchange of a new connection sends the
// server whatever it lacks.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** Sync messages at least this large are applied without `update` listeners. */
const LARGE_SYNC_MESSAGE_BYTES = 256 * 1024;

/** y-protocols sync sub-types that carry an update: SyncStep2 and update. */
const CARRIES_UPDATE = new Set([1, 2]);

/**
 * The update a sync message carries (its sub-type, then the update as a
 * length-prefixed byte array, lib0 varUint encoding), read from `pos` without
 * consuming it; null for SyncStep1 or a malformed message.
 */
function carriedUpdate(bytes: Uint8Array, pos: number): Uint8Array | null {
  const readVarUint = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 35 && pos < bytes.length; shift += 7) {
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return null;
  };
  const subType = readVarUint();
  if (subType === null || !CARRIES_UPDATE.has(subType)) return null;
  const length = readVarUint();
  if (length === null || pos + length > bytes.length) return null;
  return bytes.subarray(pos, pos + length);
}

/**
 * `hold()` names a moment to wait for before a large sync message is applied
 * (null: apply at once): while the board's first picture is being drawn from
 * the server's preview (boardPreview.ts), applying 2.3 MB would stop that
 * drawing for more than a second. When a hold settles, `hold()` is asked
 * again, so a hold that hands over to the next (the connection opened ahead
 * of the board keeps the document until the board decides about its preview:
 * earlyConnection.ts) keeps the message waiting. Every sync message after a
 * held one waits behind it, in arrival order: the server sends a new device
 * the updates since its snapshot first and the snapshot's SyncStep2 last
 * (server/src/room/SyncAnswers.ts), and that SyncStep2 applied ahead of a
 * held update would count the page as synced without the notes it holds.
 * What a waiting message asks to be answered (the server's SyncStep1) is
 * answered once it is applied.
 */
export function applyLargeSyncQuietly(
  provider: WebsocketProvider,
  persistence: IndexeddbPersistence,
  syncMessageType: number,
  hold: () => Promise<void> | null = () => null,
): void {
  const original = provider.messageHandlers[syncMessageType];
  if (!original) return;
  const handle = original;
  const doc = provider.doc;
  let held: Promise<void> | null = null;
  provider.messageHandlers[syncMessageType] = (encoder, decoder, p, emitSynced, messageType) => {
    const large = decoder.arr.length >= LARGE_SYNC_MESSAGE_BYTES;
    // For the cold-load benchmark: when the page got to a large document (first-sync: applied).
    if (large)
      performance.mark('pinnwand:large-sync-received', { detail: { bytes: decoder.arr.length } });
    if (!held && !(large && hold())) {
      if (large) applyQuietly(encoder, decoder, emitSynced, messageType);
      else handle(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    // Read to its end now (the socket's reader goes on with the next message); applied later.
    const rest = decoder.arr.slice(decoder.pos);
    decoder.pos = decoder.arr.length;
    const applyLater = () => {
      if (provider.doc !== doc || doc.isDestroyed) return;
      const reply = encoding.createEncoder();
      const later = decoding.createDecoder(rest);
      if (large) applyQuietly(reply, later, emitSynced, messageType);
      else handle(reply, later, provider, emitSynced, messageType);
      // As y-websocket answers a message (its type alone is no answer).
      const ws = provider.ws;
      if (encoding.length(reply) > 1 && ws && ws.readyState === ws.OPEN)
        ws.send(encoding.toUint8Array(reply));
    };
    const chain: Promise<void> = (held ?? Promise.resolve())
      .then(waitOutHolds)
      .then(applyLater, applyLater)
      .finally(() => {
        if (held === chain) held = null;
      });
    held = chain;
  };

  async function waitOutHolds(): Promise<void> {
    let waited: Promise<void> | null = null;
    // A settled hold still named (not yet cleared by its owner) is done with.
    for (let waitFor = hold(); waitFor && waitFor !== waited; waitFor = hold()) {
      waited = waitFor;
      await waitFor;
    }
  }

  function applyQuietly(
    encoder: encoding.Encoder,
    decoder: decoding.Decoder,
    emitSynced: boolean,
    messageType: number,
  ): void {
    const p = provider;
    const update = carriedUpdate(decoder.arr, decoder.pos);
    let localChange = false;
    const watch = (transaction: Y.Transaction) => {
      if (transaction.origin !== provider) localChange = true;
    };
    doc.off('update', provider._updateHandler);
    doc.off('update', persistence._storeUpdate);
    doc.on('afterTransaction', watch);
    try {
      handle(encoder, decoder, p, emitSynced, messageType);
    } finally {
      doc.off('afterTransaction', watch);
      doc.on('update', provider._updateHandler);
      doc.on('update', persistence._storeUpdate);
    }
    if (localChange) {
      provider.disconnect();
      provider.connect();
    }
    // The local copy (IndexedDB) keeps the update as received.
    if (update) persistence._storeUpdate(update, provider);
  }
}
