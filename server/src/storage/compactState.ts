/**
 * The merge behind `Storage.compact`, shared by every backend: a stored
 * snapshot plus the updates logged after it, re-encoded as one update from a
 * garbage-collected Y.Doc. Deleted content shrinks to its length (what
 * `Y.mergeUpdates` cannot do), so a compacted document costs its current size,
 * not its history. From the same Y.Doc it reads the board preview stored with
 * the snapshot (storedPreview.ts): the document is built here anyway, and
 * building it elsewhere only for the preview would cost as much again.
 *
 * Pure and CPU-bound (about a second for a 5,000-note board on a slow core):
 * backends run it off the event loop (threads/CompactionThread.ts). Structs whose
 * dependencies are missing stay in the result (`Y.encodeStateAsUpdate` keeps
 * pending structs), so compaction never drops anything that was stored.
 */
import * as Y from 'yjs';
import { type PreviewToStore, previewToStore } from './storedPreview.ts';

export interface CompactedState {
  /** The new snapshot. */
  state: Uint8Array;
  /** The board preview of that state, or null when none is to be stored (previewToStore). */
  preview: PreviewToStore | null;
}

export function compactState(
  snapshot: Uint8Array | null,
  updates: readonly Uint8Array[],
): CompactedState {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return { state: Y.encodeStateAsUpdate(doc), preview: previewToStore(doc) };
  } finally {
    doc.destroy();
  }
}
