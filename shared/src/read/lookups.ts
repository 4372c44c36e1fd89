/**
 * Cheap readers for one entity or one board's ids, for UIs that re-render a
 * single note or board on change instead of rebuilding the whole workshop view
 * (the canvas re-reads one note per keystroke, not ninety). Malformed entries
 * read as undefined here; `readWorkshop` is where they are reported.
 */
import type * as Y from 'yjs';
import { type Board, readBoard } from '../model/board.ts';
import { type Cluster, readCluster } from '../model/cluster.ts';
import { entryMap } from '../model/fields.ts';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import { type Meta, readMeta, readSettings, type WorkshopSettings } from '../model/meta.ts';
import { type Note, readNote } from '../model/note.ts';
import { compareByOrder } from '../model/order.ts';
import { boardsMap, CLUSTER, clustersMap, META, metaMap, NOTE, notesMap } from '../model/schema.ts';

/** The workshop meta, or null before the document is created/synced or when malformed. */
export function getMeta(doc: Y.Doc): Meta | null {
  const map = metaMap(doc);
  if (!map.has(META.schemaVersion)) return null;
  const read = readMeta(map);
  return read.ok ? read.value : null;
}

/** Workshop-wide settings; defaults for absent or malformed keys. */
export function getSettings(doc: Y.Doc): WorkshopSettings {
  return readSettings(metaMap(doc)).settings;
}

export function getBoard(doc: Y.Doc, id: BoardId): Board | undefined {
  const map = entryMap(boardsMap(doc), id);
  if (!map) return undefined;
  const read = readBoard(map, id);
  return read.ok ? read.value : undefined;
}

export function getCluster(doc: Y.Doc, id: ClusterId): Cluster | undefined {
  const map = entryMap(clustersMap(doc), id);
  if (!map) return undefined;
  const read = readCluster(map, id);
  return read.ok ? read.value : undefined;
}

export function getNote(doc: Y.Doc, id: NoteId): Note | undefined {
  const map = entryMap(notesMap(doc), id);
  if (!map) return undefined;
  const read = readNote(map, id);
  return read.ok ? read.value : undefined;
}

/** The readable boards in display order. */
export function listBoards(doc: Y.Doc): Board[] {
  const boards: Board[] = [];
  const root = boardsMap(doc);
  for (const id of root.keys()) {
    const map = entryMap(root, id);
    if (!map) continue;
    const read = readBoard(map, id as BoardId);
    if (read.ok) boards.push(read.value);
  }
  return boards.sort(compareByOrder);
}

export function listBoardIds(doc: Y.Doc): BoardId[] {
  return listBoards(doc).map((board) => board.id);
}

/** The readable clusters of a board in display order. */
export function listClusters(doc: Y.Doc, boardId: BoardId): Cluster[] {
  const clusters: Cluster[] = [];
  const root = clustersMap(doc);
  for (const id of root.keys()) {
    const map = entryMap(root, id);
    if (!map || map.get(CLUSTER.boardId) !== boardId) continue;
    const read = readCluster(map, id as ClusterId);
    if (read.ok) clusters.push(read.value);
  }
  return clusters.sort(compareByOrder);
}

/**
 * Ids of the notes on a board (including those in clusters), unordered and
 * unvalidated: the canvas reads each with `getNote` and skips undefined.
 */
export function listNoteIds(doc: Y.Doc, boardId: BoardId): NoteId[] {
  const ids: NoteId[] = [];
  const root = notesMap(doc);
  for (const id of root.keys()) {
    if (entryMap(root, id)?.get(NOTE.boardId) === boardId) ids.push(id as NoteId);
  }
  return ids;
}

/** Ids of the notes that name `clusterId`, unordered. */
export function listClusterNoteIds(doc: Y.Doc, clusterId: ClusterId): NoteId[] {
  const ids: NoteId[] = [];
  const root = notesMap(doc);
  for (const id of root.keys()) {
    if (entryMap(root, id)?.get(NOTE.clusterId) === clusterId) ids.push(id as NoteId);
  }
  return ids;
}

/** Whether the board is locked (false for a missing board). */
export function isBoardLocked(doc: Y.Doc, boardId: BoardId): boolean {
  return getBoard(doc, boardId)?.locked ?? false;
}
