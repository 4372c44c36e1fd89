/**
 * A cluster: a titled frame on a board that groups notes ("Strukturen",
 * "Flächen-Rollout" …), an entry of the `clusters` root map. Notes join a
 * cluster by naming it in their `clusterId`; the cluster does not list its
 * notes, so a note dropped into a cluster that someone deletes at the same
 * moment simply shows up unclustered instead of being lost.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { pick } from './fields.ts';
import type { BoardId, ClusterId } from './ids.ts';
import { DEFAULT_CLUSTER_HEIGHT, DEFAULT_CLUSTER_WIDTH } from './layout.ts';
import { parseWith, type ReadResult } from './result.ts';
import { CLUSTER } from './schema.ts';

export interface Cluster {
  id: ClusterId;
  /** The board the frame is drawn on. */
  boardId: BoardId;
  /** The cluster's heading, e.g. a theme the facilitators named. */
  title: string;
  /** Frame position and size in board coordinates (the same space as notes' x/y). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Position among the board's clusters in outline and exports; ties broken by id. */
  order: number;
}

export const clusterSchema = z.object({
  boardId: z.string().min(1),
  title: z.string(),
  // Absent only after a Yjs map undo racing a concurrent move/resize (see
  // note.ts): the frame is shown at a fallback rather than dropped.
  x: z.number().default(0),
  y: z.number().default(0),
  width: z.number().nonnegative().default(DEFAULT_CLUSTER_WIDTH),
  height: z.number().nonnegative().default(DEFAULT_CLUSTER_HEIGHT),
  // Absent only after a Yjs map undo racing a concurrent reorder (see note.ts).
  order: z.number().default(0),
});

export function readCluster(map: Y.Map<unknown>, id: ClusterId): ReadResult<Cluster> {
  const raw = pick(map, [
    CLUSTER.boardId,
    CLUSTER.title,
    CLUSTER.x,
    CLUSTER.y,
    CLUSTER.width,
    CLUSTER.height,
    CLUSTER.order,
  ]);
  const parsed = parseWith(clusterSchema, raw, `clusters/${id}`);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...parsed.value, id, boardId: parsed.value.boardId as BoardId } };
}
