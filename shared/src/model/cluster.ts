/**
 * A cluster: a titled frame on a board that groups notes ("Strukturen",
 * "Flächen-Rollout" …), an entry of the `clusters` root map. Notes join a
 * cluster by naming it in their `clusterId`; the cluster does not list its
 * notes, so a note dropped into a cluster that someone deletes at the same
 * moment simply shows up unclustered instead of being lost.
 *
 * `clusterFieldsSchema` declares the fields once; the type, the reader, the
 * entry writer (ops/entries.ts) and the JSON backup derive from it.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { fieldKeys, pick } from './fields.ts';
import { boardIdSchema, type ClusterId, clusterIdSchema } from './ids.ts';
import { DEFAULT_CLUSTER_HEIGHT, DEFAULT_CLUSTER_WIDTH, withinBoard } from './layout.ts';
import { parseWith, type ReadResult } from './result.ts';

export const clusterFieldsSchema = z.object({
  /** The board the frame is drawn on. */
  boardId: boardIdSchema,
  /** The cluster's heading, e.g. a theme the facilitators named. */
  title: z.string(),
  /** Frame position and size in board coordinates (the same space as notes' x/y). */
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
  /** Position among the board's clusters in outline and exports; ties broken by id. */
  order: z.number(),
});
export type ClusterFields = z.input<typeof clusterFieldsSchema>;

export const clusterSchema = clusterFieldsSchema.extend({ id: clusterIdSchema });
export type Cluster = z.infer<typeof clusterSchema>;

const { shape } = clusterFieldsSchema;

/** The entry as a Y.Map holds it, read leniently. */
export const clusterEntrySchema = clusterFieldsSchema.extend({
  // Absent from foreign clients or an old undo race (see note.ts): the frame
  // is shown at a fallback rather than dropped.
  x: shape.x.default(0),
  y: shape.y.default(0),
  width: shape.width.default(DEFAULT_CLUSTER_WIDTH),
  height: shape.height.default(DEFAULT_CLUSTER_HEIGHT),
  // Absent from foreign clients or an old undo race (see note.ts).
  order: shape.order.default(0),
});

/** The keys of a cluster entry in the document (`CLUSTER.boardId` …). */
export const CLUSTER = fieldKeys(clusterEntrySchema);
const ENTRY_KEYS = Object.values(CLUSTER);

const GEOMETRY: ReadonlySet<string> = new Set([
  CLUSTER.x,
  CLUSTER.y,
  CLUSTER.width,
  CLUSTER.height,
]);

/**
 * Whether `value` may stand under the cluster entry's field `key` after a
 * change by someone who may only adjust the frame: a value the reader accepts
 * (else the cluster would vanish from every board and export as malformed),
 * and its place and size on the board (`withinBoard`).
 */
export function acceptsClusterField(key: string, value: unknown): boolean {
  if (!Object.hasOwn(clusterEntrySchema.shape, key)) return true;
  const shape = clusterEntrySchema.shape[key as keyof typeof clusterEntrySchema.shape];
  if (!shape.safeParse(value).success) return false;
  return !GEOMETRY.has(key) || value === undefined || withinBoard(value);
}

export function readCluster(map: Y.Map<unknown>, id: ClusterId): ReadResult<Cluster> {
  const parsed = parseWith(clusterEntrySchema, pick(map, ENTRY_KEYS), `clusters/${id}`);
  return parsed.ok ? { ok: true, value: { ...parsed.value, id } } : parsed;
}
