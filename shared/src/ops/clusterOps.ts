/**
 * Cluster operations. A cluster is a frame; its notes name it by `clusterId`
 * and keep absolute board coordinates, so moving the frame moves its notes
 * along in the same transaction, and deleting the frame leaves its notes where
 * they are, unclustered — never deleted.
 */
import type * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import { type BoardId, type ClusterId, type NoteId, newId } from '../model/ids.ts';
import {
  DEFAULT_CLUSTER_HEIGHT,
  DEFAULT_CLUSTER_WIDTH,
  gridColumnsFor,
  gridFrameSize,
  gridSlot,
  noteCentreInside,
  type Point,
  type Rect,
  squareColumns,
} from '../model/layout.ts';
import type { Note } from '../model/note.ts';
import { orderAfterLast, orderForIndex } from '../model/order.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { CLUSTER, clustersMap, NOTE, notesMap } from '../model/schema.ts';
import { getCluster, getNote, listClusterNoteIds, listClusters } from '../read/lookups.ts';
import { compareNotesByPosition } from '../read/workshopView.ts';
import { insertCluster } from './entries.ts';
import { assertFinite, transact } from './transact.ts';

export interface CreateClusterInput {
  boardId: BoardId;
  title: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  /** Notes to put into the new cluster right away (laid out in a grid inside it). */
  noteIds?: readonly NoteId[];
}

export function createCluster(
  doc: Y.Doc,
  input: CreateClusterInput,
  origin: TransactionOrigin,
): ClusterId {
  assertFinite('x', input.x);
  assertFinite('y', input.y);
  return transact(doc, origin, () => {
    const id = newId<ClusterId>();
    insertCluster(doc, id, {
      boardId: input.boardId,
      title: input.title,
      x: input.x,
      y: input.y,
      width: input.width ?? DEFAULT_CLUSTER_WIDTH,
      height: input.height ?? DEFAULT_CLUSTER_HEIGHT,
      order: orderAfterLast(listClusters(doc, input.boardId)),
    });
    if (input.noteIds && input.noteIds.length > 0) {
      assignNotesToCluster(doc, id, input.noteIds, origin, { keepPositions: true });
      tidyCluster(doc, id, origin);
    }
    return id;
  });
}

function withCluster(
  doc: Y.Doc,
  id: ClusterId,
  origin: TransactionOrigin,
  fn: (map: Y.Map<unknown>) => void,
): boolean {
  return transact(doc, origin, () => {
    const map = entryMap(clustersMap(doc), id);
    if (!map) return false;
    fn(map);
    return true;
  });
}

export function renameCluster(
  doc: Y.Doc,
  id: ClusterId,
  title: string,
  origin: TransactionOrigin,
): boolean {
  return withCluster(doc, id, origin, (map) => map.set(CLUSTER.title, title));
}

/** Moves the frame to `to` and its notes by the same offset. */
export function moveCluster(
  doc: Y.Doc,
  id: ClusterId,
  to: Point,
  origin: TransactionOrigin,
): boolean {
  assertFinite('x', to.x);
  assertFinite('y', to.y);
  return withCluster(doc, id, origin, (map) => {
    const x = map.get(CLUSTER.x);
    const y = map.get(CLUSTER.y);
    map.set(CLUSTER.x, to.x);
    map.set(CLUSTER.y, to.y);
    if (typeof x !== 'number' || typeof y !== 'number') return;
    const dx = to.x - x;
    const dy = to.y - y;
    if (dx === 0 && dy === 0) return;
    const notes = notesMap(doc);
    for (const noteId of listClusterNoteIds(doc, id)) {
      const note = entryMap(notes, noteId);
      const nx = note?.get(NOTE.x);
      const ny = note?.get(NOTE.y);
      if (!note || typeof nx !== 'number' || typeof ny !== 'number') continue;
      note.set(NOTE.x, nx + dx);
      note.set(NOTE.y, ny + dy);
    }
  });
}

export function resizeCluster(
  doc: Y.Doc,
  id: ClusterId,
  size: { width: number; height: number },
  origin: TransactionOrigin,
): boolean {
  assertFinite('width', size.width);
  assertFinite('height', size.height);
  return withCluster(doc, id, origin, (map) => {
    map.set(CLUSTER.width, Math.max(0, size.width));
    map.set(CLUSTER.height, Math.max(0, size.height));
  });
}

/** Moves the cluster to `toIndex` among its board's clusters (outline/export order). */
export function reorderCluster(
  doc: Y.Doc,
  id: ClusterId,
  toIndex: number,
  origin: TransactionOrigin,
): boolean {
  return transact(doc, origin, () => {
    const cluster = getCluster(doc, id);
    const map = entryMap(clustersMap(doc), id);
    if (!cluster || !map) return false;
    map.set(CLUSTER.order, orderForIndex(listClusters(doc, cluster.boardId), id, toIndex));
    return true;
  });
}

/** Deletes the frame; its notes stay where they are, unclustered. */
export function deleteCluster(doc: Y.Doc, id: ClusterId, origin: TransactionOrigin): boolean {
  return transact(doc, origin, () => {
    const clusters = clustersMap(doc);
    if (!clusters.has(id)) return false;
    unassignNotes(doc, listClusterNoteIds(doc, id), origin);
    clusters.delete(id);
    return true;
  });
}

export interface AssignOptions {
  /**
   * Keep the notes' positions even if they lie outside the frame (the canvas
   * already dropped them where the person let go). Otherwise notes outside the
   * frame are placed in the next free grid slots and the frame grows to fit.
   */
  keepPositions?: boolean;
}

/**
 * Puts notes into a cluster (moving them to the cluster's board if needed).
 * Returns how many notes were assigned; 0 when the cluster does not exist.
 */
export function assignNotesToCluster(
  doc: Y.Doc,
  clusterId: ClusterId,
  noteIds: readonly NoteId[],
  origin: TransactionOrigin,
  options: AssignOptions = {},
): number {
  return transact(doc, origin, () => {
    const cluster = getCluster(doc, clusterId);
    if (!cluster) return 0;
    const notes = notesMap(doc);
    const outside: Y.Map<unknown>[] = [];
    let count = 0;
    for (const noteId of new Set(noteIds)) {
      const map = entryMap(notes, noteId);
      if (!map) continue;
      if (map.get(NOTE.boardId) !== cluster.boardId) map.set(NOTE.boardId, cluster.boardId);
      if (map.get(NOTE.clusterId) !== clusterId) map.set(NOTE.clusterId, clusterId);
      const x = map.get(NOTE.x);
      const y = map.get(NOTE.y);
      const inside =
        typeof x === 'number' && typeof y === 'number' && noteCentreInside({ x, y }, cluster);
      if (!inside) outside.push(map);
      count++;
    }
    if (!options.keepPositions && outside.length > 0) placeInFreeSlots(doc, cluster, outside);
    return count;
  });
}

/** Appends notes after the cluster's other notes in grid order and grows the frame. */
function placeInFreeSlots(doc: Y.Doc, cluster: Rect & { id: ClusterId }, maps: Y.Map<unknown>[]) {
  const columns = gridColumnsFor(cluster.width);
  const total = listClusterNoteIds(doc, cluster.id).length;
  let index = total - maps.length;
  for (const map of maps) {
    const slot = gridSlot(cluster, columns, index++);
    map.set(NOTE.x, slot.x);
    map.set(NOTE.y, slot.y);
  }
  const needed = gridFrameSize(columns, total);
  const frame = entryMap(clustersMap(doc), cluster.id);
  if (frame && needed.height > cluster.height) frame.set(CLUSTER.height, needed.height);
  if (frame && needed.width > cluster.width) frame.set(CLUSTER.width, needed.width);
}

/** Takes notes out of whatever cluster they are in; they keep their positions. */
export function unassignNotes(
  doc: Y.Doc,
  noteIds: readonly NoteId[],
  origin: TransactionOrigin,
): number {
  return transact(doc, origin, () => {
    const notes = notesMap(doc);
    let count = 0;
    for (const noteId of new Set(noteIds)) {
      const map = entryMap(notes, noteId);
      if (!map?.has(NOTE.clusterId)) continue;
      map.delete(NOTE.clusterId);
      count++;
    }
    return count;
  });
}

export interface TidyOptions {
  /** Grid columns; roughly square by default (11 notes → 4 columns). */
  columns?: number;
}

/**
 * Lays the cluster's notes out in a grid inside the frame, in their current
 * reading order (top to bottom, left to right), and fits the frame to the grid.
 */
export function tidyCluster(
  doc: Y.Doc,
  id: ClusterId,
  origin: TransactionOrigin,
  options: TidyOptions = {},
): boolean {
  return withCluster(doc, id, origin, (map) => {
    const cluster = getCluster(doc, id);
    if (!cluster) return;
    const members = listClusterNoteIds(doc, id)
      .map((noteId) => getNote(doc, noteId))
      .filter((note): note is Note => note !== undefined && note.boardId === cluster.boardId)
      .sort(compareNotesByPosition);
    const columns = Math.max(1, Math.floor(options.columns ?? squareColumns(members.length)));
    const notes = notesMap(doc);
    members.forEach((note, index) => {
      const slot = gridSlot(cluster, columns, index);
      const entry = entryMap(notes, note.id);
      if (entry?.get(NOTE.x) !== slot.x) entry?.set(NOTE.x, slot.x);
      if (entry?.get(NOTE.y) !== slot.y) entry?.set(NOTE.y, slot.y);
    });
    const size = gridFrameSize(columns, members.length);
    map.set(CLUSTER.width, size.width);
    map.set(CLUSTER.height, size.height);
  });
}
