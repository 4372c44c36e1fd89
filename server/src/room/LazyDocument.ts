/**
 * A room's Y.Doc, built from the stored state on first use rather than on load,
 * and the stored state itself, kept beside it.
 *
 * Applying a large snapshot to a Y.Doc is the slowest part of loading a room.
 * Until the document is needed — the first update, policy check or route that
 * reads it — a joiner's SyncStep1 is answered straight from the stored bytes
 * (the snapshot and log merged, diffed against the joiner's state vector).
 * Those bytes are exactly the committed state, as the built document would be.
 *
 * A joiner with nothing (an empty state vector: a new device) is answered from
 * the stored bytes even once the document is built: the snapshot as loaded
 * and the updates committed since (`committed`), sent as they are. Encoding a
 * large document afresh costs the event loop a few hundred milliseconds, and
 * any change in the room made the previous encoding stale. The kept log is
 * bounded (KEEP_LOG_BYTES); beyond it, joiners are answered from the document.
 *
 * Updates committed before the document is built (server writes that read
 * nothing of it: Room.applyServerWrite) join the stored state: the build
 * applies them after the loaded log, and answers from the stored bytes hold them.
 */
import * as Y from 'yjs';
import type { StoredDocument } from '../storage/Storage.ts';

/** Origin of the transaction that loads stored state into a fresh document. */
const LOAD_ORIGIN = Object.freeze({ kind: 'load' });

/** Committed updates kept beside the snapshot for new joiners, at most (bytes). */
const KEEP_LOG_BYTES = 1 << 20;

/** A state vector with no clients: the client has nothing yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** The committed state as stored: the snapshot, then the log after it (merged; null when empty). */
export interface StoredParts {
  snapshot: Uint8Array;
  log: Uint8Array | null;
}

export class LazyDocument {
  private built: Y.Doc | null = null;
  private stored: StoredDocument | null;
  /** The snapshot as loaded, or null once no longer kept. */
  private snapshot: Uint8Array | null;
  private log: Uint8Array[];
  private logBytes: number;
  private kept = true;
  private mergedLog: Uint8Array | null = null;
  /** Writes made without the document and taken into a batch, stored or not yet (applied at build). */
  private written: Uint8Array[] = [];
  private merged: Uint8Array | null = null;
  /** Changes whenever the kept stored state does (a new commit, or no longer kept). */
  storedVersion = 0;

  /** `onBuilt` runs once, right after the document was built (listeners, deferred messages). */
  constructor(
    stored: StoredDocument,
    private readonly onBuilt: (doc: Y.Doc) => void,
  ) {
    this.stored = { ...stored, updates: [...stored.updates] };
    this.snapshot = stored.snapshot ?? Y.encodeStateAsUpdate(new Y.Doc());
    this.log = [...stored.updates];
    this.logBytes = stored.logBytes;
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
        // Those already stored are in `updates` too: applying an update twice changes nothing.
        for (const update of this.written) Y.applyUpdate(doc, update);
      }, LOAD_ORIGIN);
    }
    this.stored = null;
    this.written = [];
    this.merged = null;
    if (this.logBytes > KEEP_LOG_BYTES) this.dropStored();
    this.built = doc;
    this.onBuilt(doc);
    return doc;
  }

  /**
   * The stored state, for a joiner with an empty state vector; null when it
   * is no longer kept (then answer from `missingFor`).
   */
  storedParts(): StoredParts | null {
    if (!this.kept || !this.snapshot) return null;
    if (this.log.length > 0 && !this.mergedLog) {
      this.mergedLog = this.log.length === 1 ? this.log[0]! : Y.mergeUpdates(this.log);
    }
    return { snapshot: this.snapshot, log: this.log.length > 0 ? this.mergedLog : null };
  }

  /**
   * A write made without the document went into a batch: should the document
   * be built before that batch is stored, the build must hold it (the batch
   * is stored and relayed as it is, not again from the document).
   */
  wrote(update: Uint8Array): void {
    if (!this.built) this.written.push(update);
  }

  /** An update was stored (called in commit order, once the commit returned). */
  committed(update: Uint8Array): void {
    if (this.stored) {
      // Not built yet: the update is part of what the build applies.
      this.stored.updates.push(update);
      this.merged = null;
    }
    if (!this.kept) return;
    this.storedVersion += 1;
    this.mergedLog = null;
    this.log.push(update);
    this.logBytes += update.length;
    if (this.logBytes > KEEP_LOG_BYTES) this.dropStored();
  }

  private dropStored(): void {
    this.kept = false;
    this.storedVersion += 1;
    this.snapshot = null;
    this.log = [];
    this.logBytes = 0;
    this.mergedLog = null;
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
    this.snapshot = null;
    this.written = [];
    this.log = [];
    this.mergedLog = null;
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
