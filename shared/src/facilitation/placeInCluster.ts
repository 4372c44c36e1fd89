/**
 * Putting notes into a cluster without a point to drop them at (the note
 * menu, the outline): a note already inside the frame on a free spot stays;
 * the others go to the frame's free grid slots in reading order. Where they
 * would cover a note lying in the frame — a member or not, e.g. one the frame
 * was enlarged over — the rule a drop follows decides (placement/
 * dropIntoFrame): the nearest free spot inside, or below what is there with
 * the frame grown (never shrunk) to hold it. Unlike `assignNotesToCluster`,
 * it looks at where notes really are, since notes dropped by hand need not
 * sit on the grid.
 */
import type * as Y from 'yjs';
import type { ClusterId, NoteId } from '../model/ids.ts';
import {
  CLUSTER_PADDING,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteCentreInside,
  type Point,
} from '../model/layout.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { assignNotesToCluster, resizeCluster } from '../ops/clusterOps.ts';
import { moveNote } from '../ops/noteOps.ts';
import { transact } from '../ops/transact.ts';
import { dropIntoFrame, slotsWanted } from '../placement/dropIntoFrame.ts';
import { getCluster, getNote, listNoteIds } from '../read/lookups.ts';

export function placeNotesInCluster(
  doc: Y.Doc,
  clusterId: ClusterId,
  noteIds: readonly NoteId[],
  origin: TransactionOrigin,
): number {
  return transact(doc, origin, () => {
    const cluster = getCluster(doc, clusterId);
    if (!cluster) return 0;
    const moving = [...new Set(noteIds)];
    const isMoving = new Set(moving);
    const lying: Point[] = [];
    for (const id of listNoteIds(doc, cluster.boardId)) {
      const note = isMoving.has(id) ? undefined : getNote(doc, id);
      if (note) lying.push({ x: note.x, y: note.y });
    }
    // Judged on where the notes lie before they join (a note of another board lies nowhere here).
    const inside = new Map<NoteId, Point>();
    for (const id of moving) {
      const note = getNote(doc, id);
      if (note && note.boardId === cluster.boardId && noteCentreInside(note, cluster))
        inside.set(id, { x: note.x, y: note.y });
    }
    const count = assignNotesToCluster(doc, clusterId, moving, origin, { keepPositions: true });
    const joined = moving.filter((id) => getNote(doc, id)?.clusterId === clusterId);
    const slots = slotsWanted(
      cluster,
      [...lying, ...inside.values()],
      joined.filter((id) => !inside.has(id)).length,
    );
    let next = 0;
    const wanted = joined.map((id) => inside.get(id) ?? (slots[next++] as Point));
    const { spots, grow } = dropIntoFrame(cluster, lying, wanted);
    // The frame holds what was put into it, even one drawn smaller than a note.
    let right = cluster.x + Math.max(cluster.width, grow?.width ?? 0);
    let bottom = cluster.y + Math.max(cluster.height, grow?.height ?? 0);
    joined.forEach((id, i) => {
      const spot = spots[i];
      const note = getNote(doc, id);
      if (!spot || !note) return;
      if (note.x !== spot.x || note.y !== spot.y) moveNote(doc, id, spot, origin);
      right = Math.max(right, spot.x + NOTE_WIDTH + CLUSTER_PADDING);
      bottom = Math.max(bottom, spot.y + NOTE_HEIGHT + CLUSTER_PADDING);
    });
    const width = right - cluster.x;
    const height = bottom - cluster.y;
    if (width > cluster.width || height > cluster.height)
      resizeCluster(doc, clusterId, { width, height }, origin);
    return count;
  });
}
