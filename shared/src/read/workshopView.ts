/**
 * The whole workshop as one validated, ordered plain snapshot — what the
 * exports (Markdown, PDF) and the outline view render.
 *
 * Placement rules (design.md: concurrent deletes must not lose notes):
 * - a note whose board exists and whose cluster exists on that board is in
 *   that cluster;
 * - a note whose board exists but whose cluster is absent, deleted or on
 *   another board is among the board's unclustered notes;
 * - a note whose board does not exist is in `orphanNotes` (UIs show these
 *   under "Notes of deleted boards" and offer to move them back).
 * Malformed entries are skipped and listed in `problems`, never repaired.
 */
import type * as Y from 'yjs';
import { type Board, readBoard } from '../model/board.ts';
import { type Cluster, readCluster } from '../model/cluster.ts';
import { describeValue, entryMap } from '../model/fields.ts';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import {
  type Cover,
  type Meta,
  readCover,
  readMeta,
  readSettings,
  type WorkshopSettings,
} from '../model/meta.ts';
import { type Note, noteLayer, readNote } from '../model/note.ts';
import { compareByOrder } from '../model/order.ts';
import type { ReadResult } from '../model/result.ts';
import {
  boardsMap,
  clustersMap,
  META,
  metaMap,
  notesMap,
  summariesMap,
  WORKSHOP_SUMMARY_KEY,
} from '../model/schema.ts';
import { readSummary } from '../model/summary.ts';

export interface ClusterView extends Cluster {
  /** The cluster's notes, top to bottom, then left to right. */
  notes: Note[];
}

export interface BoardView extends Board {
  clusters: ClusterView[];
  /** Notes on the board in no (existing) cluster, top to bottom, left to right. */
  unclusteredNotes: Note[];
  /** The board's summary text ('' when none). */
  summary: string;
  /** All notes on the board, clustered or not. */
  noteCount: number;
}

export interface WorkshopView {
  /** null before the document is created (or synced), or when its meta is malformed. */
  meta: Meta | null;
  settings: WorkshopSettings;
  /** Cover information for the documentation ('' for each absent field). */
  cover: Cover;
  boards: BoardView[];
  /** Notes whose board no longer exists, oldest first ("Notes of deleted boards"). */
  orphanNotes: Note[];
  /** The whole workshop's summary ('' when none). */
  summary: string;
  /** One human-readable line per skipped malformed entry or setting. */
  problems: string[];
}

/** Reading order of notes: top to bottom, then left to right, then id for determinism. */
export function compareNotesByPosition(a: Note, b: Note): number {
  if (a.y !== b.y) return a.y - b.y;
  if (a.x !== b.x) return a.x - b.x;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first, then id. */
export function compareNotesByCreation(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Drawing order of a board's notes, the last on top: by layer (creation time
 * until a note is brought to the front, so a new note lies on top), then id.
 */
export function compareNotesByLayer(a: Note, b: Note): number {
  const la = noteLayer(a);
  const lb = noteLayer(b);
  if (la !== lb) return la - lb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Reads every entry of a root map with `read`, collecting problems. */
function readAll<T>(
  root: Y.Map<unknown>,
  rootName: string,
  problems: string[],
  read: (map: Y.Map<unknown>, id: string) => ReadResult<T>,
): T[] {
  const out: T[] = [];
  for (const [id, value] of root.entries()) {
    const map = entryMap(root, id);
    if (!map) {
      problems.push(`${rootName}/${id}: expected Y.Map, received ${describeValue(value)}`);
      continue;
    }
    const result = read(map, id);
    if (result.ok) {
      out.push(result.value);
      if (result.problems) problems.push(...result.problems);
    } else {
      problems.push(result.error);
    }
  }
  return out;
}

function readSummaryText(doc: Y.Doc, key: string, problems: string[]): string {
  const root = summariesMap(doc);
  if (!root.has(key)) return '';
  const read = readSummary(root.get(key), key as BoardId);
  if (read.ok) return read.value.text;
  problems.push(read.error);
  return '';
}

/** The validated entities a view is arranged from. */
export interface WorkshopParts {
  /** In board order. */
  boards: Board[];
  /** The clusters of each board in `boards` (others are not shown). */
  clustersByBoard: Map<BoardId, Cluster[]>;
  notes: Note[];
}
type Parts = WorkshopParts;

function readParts(doc: Y.Doc, problems: string[], onlyBoard?: BoardId): Parts {
  const boards = readAll<Board>(boardsMap(doc), 'boards', problems, (map, id) =>
    readBoard(map, id as BoardId),
  )
    .filter((board) => onlyBoard === undefined || board.id === onlyBoard)
    .sort(compareByOrder);
  const clustersByBoard = new Map<BoardId, Cluster[]>();
  for (const board of boards) clustersByBoard.set(board.id, []);
  const clusters = readAll<Cluster>(clustersMap(doc), 'clusters', problems, (map, id) =>
    readCluster(map, id as ClusterId),
  );
  // Clusters of deleted boards are not shown: their notes are orphans already.
  for (const cluster of clusters) clustersByBoard.get(cluster.boardId)?.push(cluster);
  const notes = readAll<Note>(notesMap(doc), 'notes', problems, (map, id) =>
    readNote(map, id as NoteId),
  );
  return { boards, clustersByBoard, notes };
}

function assemble(doc: Y.Doc, parts: Parts, problems: string[]) {
  return arrangeWorkshop(parts, (boardId) => readSummaryText(doc, boardId, problems));
}

/**
 * Places notes into boards, clusters and orphans by the rules above, ordered.
 * Pure: a UI that keeps validated entities itself (the outline, from the
 * client's per-note cache) arranges them without re-reading the document.
 */
export function arrangeWorkshop(
  parts: WorkshopParts,
  summaryOf: (boardId: BoardId) => string,
): { boards: BoardView[]; orphanNotes: Note[] } {
  const boardViews = new Map<BoardId, BoardView>();
  const clusterViews = new Map<ClusterId, ClusterView>();
  for (const board of parts.boards) {
    const clusters = [...(parts.clustersByBoard.get(board.id) ?? [])].sort(compareByOrder);
    const views = clusters.map((cluster): ClusterView => ({ ...cluster, notes: [] }));
    for (const view of views) clusterViews.set(view.id, view);
    boardViews.set(board.id, {
      ...board,
      clusters: views,
      unclusteredNotes: [],
      summary: summaryOf(board.id),
      noteCount: 0,
    });
  }
  const orphanNotes: Note[] = [];
  for (const note of parts.notes) {
    const board = boardViews.get(note.boardId);
    if (!board) {
      orphanNotes.push(note);
      continue;
    }
    board.noteCount += 1;
    const cluster = note.clusterId ? clusterViews.get(note.clusterId) : undefined;
    if (cluster && cluster.boardId === note.boardId) cluster.notes.push(note);
    else board.unclusteredNotes.push(note);
  }
  for (const board of boardViews.values()) {
    board.unclusteredNotes.sort(compareNotesByPosition);
    for (const cluster of board.clusters) cluster.notes.sort(compareNotesByPosition);
  }
  orphanNotes.sort(compareNotesByCreation);
  return { boards: [...boardViews.values()], orphanNotes };
}

export function readWorkshop(doc: Y.Doc): WorkshopView {
  const problems: string[] = [];
  const metaRoot = metaMap(doc);
  let meta: Meta | null = null;
  if (metaRoot.has(META.schemaVersion) || metaRoot.has(META.title)) {
    const read = readMeta(metaRoot);
    if (read.ok) meta = read.value;
    else problems.push(read.error);
  }
  const settingsRead = readSettings(metaRoot);
  problems.push(...settingsRead.problems);
  const coverRead = readCover(metaRoot);
  problems.push(...coverRead.problems);
  const { boards, orphanNotes } = assemble(doc, readParts(doc, problems), problems);
  const summary = readSummaryText(doc, WORKSHOP_SUMMARY_KEY, problems);
  return {
    meta,
    settings: settingsRead.settings,
    cover: coverRead.cover,
    boards,
    orphanNotes,
    summary,
    problems,
  };
}

/** One board's view without building the others (outline of a single board). */
export function readBoardView(doc: Y.Doc, boardId: BoardId): BoardView | undefined {
  const problems: string[] = [];
  const parts = readParts(doc, problems, boardId);
  parts.notes = parts.notes.filter((note) => note.boardId === boardId);
  return assemble(doc, parts, problems).boards[0];
}
