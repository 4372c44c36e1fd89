/**
 * Turning accepted cluster suggestions into frames: each proposed cluster
 * becomes a named frame with its notes laid out in a grid, the frames placed
 * in a row to the right of what is already on the board. All of it is one
 * transaction with the facilitator's origin, so one undo takes it back.
 */
import type * as Y from 'yjs';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import {
  CLUSTER_PADDING,
  gridFrameSize,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  squareColumns,
} from '../model/layout.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { assignNotesToCluster, createCluster, tidyCluster } from '../ops/clusterOps.ts';
import { transact } from '../ops/transact.ts';
import { getNote, listClusters, listNoteIds } from '../read/lookups.ts';

export interface AcceptedCluster {
  title: string;
  noteIds: readonly NoteId[];
}

const GAP = 48;

/** Right edge and top of the board's content, where new frames may go. */
function freeArea(
  doc: Y.Doc,
  boardId: BoardId,
  exclude: ReadonlySet<string>,
): { x: number; y: number } {
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const id of listNoteIds(doc, boardId)) {
    if (exclude.has(id)) continue;
    const note = getNote(doc, id);
    if (!note) continue;
    maxX = Math.max(maxX, note.x + NOTE_WIDTH);
    minY = Math.min(minY, note.y);
  }
  for (const c of listClusters(doc, boardId)) {
    maxX = Math.max(maxX, c.x + c.width);
    minY = Math.min(minY, c.y);
  }
  if (!Number.isFinite(maxX)) return { x: 0, y: 0 };
  return { x: Math.round(maxX + GAP), y: Math.round(minY) };
}

export function acceptClusterSuggestions(
  doc: Y.Doc,
  boardId: BoardId,
  clusters: readonly AcceptedCluster[],
  origin: TransactionOrigin,
): ClusterId[] {
  return transact(doc, origin, () => {
    const moving = new Set(clusters.flatMap((c) => c.noteIds));
    const start = freeArea(doc, boardId, moving);
    // Frames in rows of up to four, each row as tall as its tallest frame.
    const perRow = 4;
    let x = start.x;
    let y = start.y;
    let rowHeight = 0;
    const ids: ClusterId[] = [];
    clusters.forEach((cluster, index) => {
      if (cluster.noteIds.length === 0) return;
      if (index > 0 && index % perRow === 0) {
        x = start.x;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      const columns = Math.min(3, squareColumns(cluster.noteIds.length));
      const size = gridFrameSize(columns, cluster.noteIds.length);
      const id = createCluster(
        doc,
        {
          boardId,
          title: cluster.title,
          x,
          y,
          width: Math.max(size.width, 2 * CLUSTER_PADDING + NOTE_WIDTH),
          height: Math.max(size.height, NOTE_HEIGHT),
        },
        origin,
      );
      createClusterNotes(doc, id, cluster.noteIds, columns, origin);
      ids.push(id);
      x += size.width + GAP;
      rowHeight = Math.max(rowHeight, size.height);
    });
    return ids;
  });
}

function createClusterNotes(
  doc: Y.Doc,
  id: ClusterId,
  noteIds: readonly NoteId[],
  columns: number,
  origin: TransactionOrigin,
): void {
  assignNotesToCluster(doc, id, noteIds, origin, { keepPositions: true });
  tidyCluster(doc, id, origin, { columns });
}
