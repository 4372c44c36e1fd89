/**
 * Putting notes into a cluster where they do not cover anyone: a note already
 * inside the frame on a free spot stays; the others go to the first free grid
 * slots, and the frame grows (never shrinks) to hold them. Unlike
 * `assignNotesToCluster`, it looks at where the members really are, since
 * notes dropped by hand need not sit on the grid.
 */
import type * as Y from 'yjs';
import type { ClusterId, NoteId } from '../model/ids.ts';
import {
  CLUSTER_PADDING,
  gridColumnsFor,
  gridSlot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteCentreInside,
  type Point,
} from '../model/layout.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { assignNotesToCluster, resizeCluster } from '../ops/clusterOps.ts';
import { moveNote } from '../ops/noteOps.ts';
import { transact } from '../ops/transact.ts';
import { getCluster, getNote, listClusterNoteIds } from '../read/lookups.ts';

const GAP = 4;

function overlaps(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < NOTE_WIDTH - GAP && Math.abs(a.y - b.y) < NOTE_HEIGHT - GAP;
}

export function placeNotesInCluster(
  doc: Y.Doc,
  clusterId: ClusterId,
  noteIds: readonly NoteId[],
  origin: TransactionOrigin,
): number {
  return transact(doc, origin, () => {
    const cluster = getCluster(doc, clusterId);
    if (!cluster) return 0;
    const moving = new Set(noteIds);
    const taken: Point[] = [];
    for (const id of listClusterNoteIds(doc, clusterId)) {
      const note = moving.has(id) ? undefined : getNote(doc, id);
      if (note) taken.push(note);
    }
    const count = assignNotesToCluster(doc, clusterId, noteIds, origin, { keepPositions: true });
    const columns = gridColumnsFor(cluster.width);
    let index = 0;
    for (const id of new Set(noteIds)) {
      const note = getNote(doc, id);
      if (!note || note.clusterId !== clusterId) continue;
      if (noteCentreInside(note, cluster) && !taken.some((t) => overlaps(t, note))) {
        taken.push(note);
        continue;
      }
      let slot = gridSlot(cluster, columns, index++);
      while (taken.some((t) => overlaps(t, slot)) && index < 10_000)
        slot = gridSlot(cluster, columns, index++);
      moveNote(doc, id, slot, origin);
      taken.push(slot);
    }
    let right = cluster.x + cluster.width;
    let bottom = cluster.y + cluster.height;
    for (const t of taken) {
      right = Math.max(right, t.x + NOTE_WIDTH + CLUSTER_PADDING);
      bottom = Math.max(bottom, t.y + NOTE_HEIGHT + CLUSTER_PADDING);
    }
    const width = right - cluster.x;
    const height = bottom - cluster.y;
    if (width > cluster.width || height > cluster.height)
      resizeCluster(doc, clusterId, { width, height }, origin);
    return count;
  });
}
