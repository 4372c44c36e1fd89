/**
 * The merge behind `Storage.compact`, shared by every backend: a stored
 * snapshot plus the updates logged after it, re-encoded as one update from a
 * garbage-collected Y.Doc. Deleted content shrinks to its length (what
 * `Y.mergeUpdates` cannot do), so a compacted document costs its current size,
 * not its history.
 *
 * Pure and CPU-bound (about a second for a 5,000-note board on a slow core):
 * backends run it off the event loop (threads/CompactionThread.ts). Structs whose
 * dependencies are missing stay in the result (`Y.encodeStateAsUpdate` keeps
 * pending structs), so compaction never drops anything that was stored.
 */
import * as Y from 'yjs';

export function compactState(
  snapshot: Uint8Array | null,
  updates: readonly Uint8Array[],
): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
