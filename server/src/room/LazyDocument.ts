/**
 * A room's Y.Doc, built from the stored state on first use rather than on load.
 *
 * Applying a large snapshot to a Y.Doc is the slowest part of loading a room.
 * Until the document is needed — the first update, policy check or route that
 * reads it — a joiner's SyncStep1 is answered straight from the stored bytes
 * (the snapshot and log merged, diffed against the joiner's state vector; as is
 * when the joiner has nothing). Those bytes are exactly the committed state, as
 * the built document would be.
 */
import * as Y from 'yjs';
import type { StoredDocument } from '../storage/Storage.ts';

/** Origin of the transaction that loads stored state into a fresh document. */
const LOAD_ORIGIN = Object.freeze({ kind: 'load' });

/** A state vector with no clients: the client has nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

export class LazyDocument {
  private built: Y.Doc | null = null;
  private stored: StoredDocument | null;
  private merged: Uint8Array | null = null;

  /** `onBuilt` runs once, right after the document was built (listeners, deferred messages). */
  constructor(
    stored: StoredDocument,
    private readonly onBuilt: (doc: Y.Doc) => void,
  ) {
    this.stored = stored;
  }

  get isBuilt(): boolean {
    return this.built !== null;
  }

  /** The document, built now if it was not yet. */
  get doc(): Y.Doc {
    if (this.built) return this.built;
    const doc = new Y.Doc({ gc: true });
    const stored = this.stored;
    if (stored) {
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      }, LOAD_ORIGIN);
    }
    this.stored = null;
    this.merged = null;
    this.built = doc;
    this.onBuilt(doc);
    return doc;
  }

  /** What a client with `stateVector` lacks (SyncStep2), from committed state. */
  missingFor(stateVector: Uint8Array): Uint8Array {
    if (this.built) return Y.encodeStateAsUpdate(this.built, stateVector);
    const stored = this.storedState();
    return isEmptyStateVector(stateVector) ? stored : Y.diffUpdate(stored, stateVector);
  }

  destroy(): void {
    this.built?.destroy();
    this.stored = null;
    this.merged = null;
  }

  private storedState(): Uint8Array {
    if (!this.merged) {
      const parts = [
        ...(this.stored?.snapshot ? [this.stored.snapshot] : []),
        ...(this.stored?.updates ?? []),
      ];
      this.merged =
        parts.length === 0
          ? Y.encodeStateAsUpdate(new Y.Doc())
          : parts.length === 1
            ? parts[0]!
            : Y.mergeUpdates(parts);
    }
    return this.merged;
  }
}
