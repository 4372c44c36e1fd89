/**
 * Structs whose dependencies the server lacks wait in Yjs' pending store. A
 * legitimate client fills the gap within a round trip (its SyncStep2 after a
 * reconnect); garbage that merely decodes never does. So pending structs are
 * never stored or sent — `encodeState` leaves them out, whereas
 * Y.encodeStateAsUpdate would include them — they are capped in size, and
 * forgotten after a while: a client whose gap was real resends them with its
 * next SyncStep2.
 */
import * as Y from 'yjs';

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

export function clearPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** The document as an update (only what `stateVector` lacks, if given), without pending structs. */
export function encodeState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}
