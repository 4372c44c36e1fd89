/**
 * Applies a validated ImportPlan to a workshop document in ONE transaction
 * (one update on the wire, one undo step), through the same entry builders
 * the operations use, so an imported note looks exactly like a typed one.
 *
 * Targets:
 * - a board: every note and cluster of the plan lands on that board as one
 *   block in its own arrangement, on free space (placement/freeSpace.ts: it
 *   covers no note and no frame already there) — near the spot the caller's
 *   `placement` names (the client: the middle of the view), else near what is
 *   on the board;
 * - the workshop: every board of the plan becomes a new board after the
 *   existing ones, with its question and summary (this is how Markdown and
 *   backups round-trip); a board whose title an existing board already has
 *   is filled instead.
 */
import type * as Y from 'yjs';
import { DEFAULT_NOTE_COLOR, isNoteColor } from '../model/colors.ts';
import { entryMap } from '../model/fields.ts';
import { type BoardId, type ClusterId, type NoteId, newId } from '../model/ids.ts';
import {
  GRID_GAP,
  gridFrameSize,
  gridSlot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Point,
  type Rect,
  squareColumns,
} from '../model/layout.ts';
import { noteVotesMap } from '../model/note.ts';
import { orderAfterLast } from '../model/order.ts';
import { IMPORT_ORIGIN, type TransactionOrigin } from '../model/origin.ts';
import { BOARD, boardsMap, notesMap, WORKSHOP_SUMMARY_KEY } from '../model/schema.ts';
import { insertBoard, insertCluster, insertNote } from '../ops/entries.ts';
import { readSummaryText, setSummaryText } from '../ops/summaryOps.ts';
import { transact } from '../ops/transact.ts';
import { findFree, type Occupied } from '../placement/freeSpace.ts';
import { getBoard, listBoards, listClusters } from '../read/lookups.ts';
import { readBoardView } from '../read/workshopView.ts';
import type { ImportPlan, PlannedBoard, PlannedCluster, PlannedNote } from './importPlan.ts';

export type ImportTarget = { kind: 'board'; boardId: BoardId } | { kind: 'workshop' };

/**
 * Where a block of `size` should go on an existing board: what is there, the
 * wanted top-left and the part of the board in view (null: anywhere). The
 * free spot itself is the shared rule's (findFree).
 */
export type ImportPlacement = (
  boardId: BoardId,
  size: { width: number; height: number },
) => { occupied: Occupied; want: Point; view: Rect | null };

export interface ApplyOptions {
  origin?: TransactionOrigin;
  /** Where content imported into an existing board should go; near its content by default. */
  placement?: ImportPlacement;
  /** createdAt of notes that carry none (ms); the caller's clock. */
  now?: number;
}

export interface ImportResult {
  boardIds: BoardId[];
  clusters: number;
  notes: number;
}

/** Participant id the vote totals of a text file are recorded under. */
export const IMPORTED_VOTER = 'imported';
const IMPORT_AUTHOR_ID = 'import';
/** Width after which the clusters of an imported board wrap to a new row. */
const ROW_WIDTH = 2400;
const SPACING = 64;

interface Placed {
  note: PlannedNote;
  at: Point;
}

interface PlacedCluster {
  cluster: PlannedCluster;
  frame: { x: number; y: number; width: number; height: number };
  notes: Placed[];
}

interface PlacedBoard {
  clusters: PlacedCluster[];
  notes: Placed[];
}

function hasPositions(board: PlannedBoard): boolean {
  const notes = [...board.notes, ...board.clusters.flatMap((c) => c.notes)];
  return (
    board.clusters.every((c) => c.frame !== undefined) &&
    notes.every((n) => n.x !== undefined && n.y !== undefined)
  );
}

/** Keeps a backup's own positions, moved so that its top-left corner is `origin`. */
function keepPositions(board: PlannedBoard, origin: Point | null): PlacedBoard {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const c of board.clusters) {
    minX = Math.min(minX, c.frame?.x ?? 0);
    minY = Math.min(minY, c.frame?.y ?? 0);
  }
  for (const n of [...board.notes, ...board.clusters.flatMap((c) => c.notes)]) {
    minX = Math.min(minX, n.x ?? 0);
    minY = Math.min(minY, n.y ?? 0);
  }
  const dx = origin && Number.isFinite(minX) ? origin.x - minX : 0;
  const dy = origin && Number.isFinite(minY) ? origin.y - minY : 0;
  const place = (n: PlannedNote): Placed => ({
    note: n,
    at: { x: (n.x ?? 0) + dx, y: (n.y ?? 0) + dy },
  });
  return {
    clusters: board.clusters.map((c) => {
      const f = c.frame ?? { x: 0, y: 0, width: 0, height: 0 };
      return { cluster: c, frame: { ...f, x: f.x + dx, y: f.y + dy }, notes: c.notes.map(place) };
    }),
    notes: board.notes.map(place),
  };
}

/** Clusters side by side (wrapping rows), then the unclustered notes in a grid below. */
function layOut(board: PlannedBoard, origin: Point): PlacedBoard {
  const clusters: PlacedCluster[] = [];
  let x = origin.x;
  let y = origin.y;
  let rowHeight = 0;
  for (const cluster of board.clusters) {
    const columns = Math.min(4, squareColumns(cluster.notes.length));
    const size = gridFrameSize(columns, cluster.notes.length);
    if (x > origin.x && x + size.width > origin.x + ROW_WIDTH) {
      x = origin.x;
      y += rowHeight + SPACING;
      rowHeight = 0;
    }
    const frame = { x, y, ...size };
    clusters.push({
      cluster,
      frame,
      notes: cluster.notes.map((note, i) => ({ note, at: gridSlot(frame, columns, i) })),
    });
    x += size.width + SPACING;
    rowHeight = Math.max(rowHeight, size.height);
  }
  const top = clusters.length > 0 ? y + rowHeight + SPACING : origin.y;
  const columns = Math.min(8, squareColumns(board.notes.length));
  const notes = board.notes.map((note, i) => ({
    note,
    at: {
      x: origin.x + (i % columns) * (NOTE_WIDTH + GRID_GAP),
      y: top + Math.floor(i / columns) * (NOTE_HEIGHT + GRID_GAP),
    },
  }));
  return { clusters, notes };
}

/** What is on a board (notes and frames), read from the document. */
function occupiedOn(doc: Y.Doc, boardId: BoardId): Occupied {
  const view = readBoardView(doc, boardId);
  if (!view) return { notes: [], frames: [] };
  return {
    notes: [...view.unclusteredNotes, ...view.clusters.flatMap((c) => c.notes)].map((n) => ({
      x: n.x,
      y: n.y,
    })),
    frames: view.clusters.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height })),
  };
}

/** Without a caller's wish: near the top-left of what is on the board. */
const nearContent =
  (doc: Y.Doc): ImportPlacement =>
  (boardId) => {
    const occupied = occupiedOn(doc, boardId);
    const xs = [...occupied.notes.map((n) => n.x), ...occupied.frames.map((f) => f.x)];
    const ys = [...occupied.notes.map((n) => n.y), ...occupied.frames.map((f) => f.y)];
    const want = xs.length > 0 ? { x: Math.min(...xs), y: Math.min(...ys) } : { x: 0, y: 0 };
    return { occupied, want, view: null };
  };

/** The extent of a laid-out block (frames and notes). */
function extentOf(placed: PlacedBoard): { width: number; height: number } {
  let maxX = 0;
  let maxY = 0;
  for (const c of placed.clusters) {
    maxX = Math.max(maxX, c.frame.x + c.frame.width);
    maxY = Math.max(maxY, c.frame.y + c.frame.height);
  }
  for (const n of [...placed.notes, ...placed.clusters.flatMap((c) => c.notes)]) {
    maxX = Math.max(maxX, n.at.x + NOTE_WIDTH);
    maxY = Math.max(maxY, n.at.y + NOTE_HEIGHT);
  }
  return { width: maxX, height: maxY };
}

/**
 * Lays a planned board out as one block on free space of an existing board.
 * `earlier` are blocks this import placed there already (the caller's view of
 * the board does not have them yet: they are in this transaction).
 */
function placeOnBoard(
  board: PlannedBoard,
  boardId: BoardId,
  placement: ImportPlacement,
  earlier: Rect[],
): PlacedBoard {
  const arrange = (at: Point) =>
    hasPositions(board) ? keepPositions(board, at) : layOut(board, at);
  const size = extentOf(arrange({ x: 0, y: 0 }));
  const { occupied, want, view } = placement(boardId, size);
  const at = findFree(
    { notes: occupied.notes, frames: [...occupied.frames, ...earlier] },
    size,
    want,
    view,
  );
  earlier.push({ ...at, ...size });
  return arrange(at);
}

function writeNote(
  doc: Y.Doc,
  boardId: BoardId,
  clusterId: ClusterId | null,
  placed: Placed,
  now: number,
): void {
  const { note, at } = placed;
  const id = newId<NoteId>();
  insertNote(doc, id, {
    boardId,
    clusterId,
    text: note.text,
    x: at.x,
    y: at.y,
    color: note.color && isNoteColor(note.color) ? note.color : DEFAULT_NOTE_COLOR,
    author: note.author ?? '',
    authorId: note.authorId ?? IMPORT_AUTHOR_ID,
    createdAt: note.createdAt ?? now,
    // Kept with its createdAt, in the same scale, so a note dropped on top of
    // another still lies on top after the import.
    layer: note.layer,
  });
  const votes = noteVotesMap(entryMap(notesMap(doc), id) as Y.Map<unknown>);
  if (!votes) return;
  if (note.votesByParticipant) {
    for (const [participant, count] of Object.entries(note.votesByParticipant)) {
      if (count > 0) votes.set(participant, count);
    }
  } else if (note.votes && note.votes > 0) {
    votes.set(IMPORTED_VOTER, note.votes);
  }
}

function writeBoardContent(
  doc: Y.Doc,
  boardId: BoardId,
  placed: PlacedBoard,
  now: number,
  result: ImportResult,
): void {
  let order = orderAfterLast(listClusters(doc, boardId));
  for (const c of placed.clusters) {
    const clusterId = newId<ClusterId>();
    insertCluster(doc, clusterId, { boardId, title: c.cluster.title, ...c.frame, order });
    order += 1;
    result.clusters += 1;
    for (const n of c.notes) writeNote(doc, boardId, clusterId, n, now);
    result.notes += c.notes.length;
  }
  for (const n of placed.notes) writeNote(doc, boardId, null, n, now);
  result.notes += placed.notes.length;
}

function appendSummary(
  doc: Y.Doc,
  key: BoardId | typeof WORKSHOP_SUMMARY_KEY,
  text: string,
  origin: TransactionOrigin,
) {
  const add = text.trim();
  if (!add) return;
  const current = readSummaryText(doc, key).trim();
  setSummaryText(doc, key, current ? `${current}\n\n${add}` : add, origin);
}

/**
 * Creates everything in `plan`. Throws only if the target board does not
 * exist (checked before anything is written).
 */
export function applyImport(
  doc: Y.Doc,
  plan: ImportPlan,
  target: ImportTarget,
  options: ApplyOptions = {},
): ImportResult {
  const origin = options.origin ?? IMPORT_ORIGIN;
  const now = options.now ?? Date.now();
  if (target.kind === 'board' && !getBoard(doc, target.boardId)) {
    throw new Error(`Board ${target.boardId} does not exist.`);
  }
  return transact(doc, origin, () => {
    const result: ImportResult = { boardIds: [], clusters: 0, notes: 0 };
    const placement = options.placement ?? nearContent(doc);
    const earlier = new Map<BoardId, Rect[]>();
    const blocksOn = (id: BoardId): Rect[] => {
      const list = earlier.get(id) ?? [];
      earlier.set(id, list);
      return list;
    };
    if (target.kind === 'board') {
      result.boardIds.push(target.boardId);
      for (const board of plan.boards) {
        const placed = placeOnBoard(board, target.boardId, placement, blocksOn(target.boardId));
        writeBoardContent(doc, target.boardId, placed, now, result);
        appendSummary(doc, target.boardId, board.summary, origin);
      }
      return result;
    }
    let order = orderAfterLast(listBoards(doc));
    for (const board of plan.boards) {
      // A board of the same title is filled, not duplicated: "create from the OZG
      // template, then import the results" gives three boards, not six (as the
      // structured-results loader does).
      const existing = board.title.trim()
        ? listBoards(doc).find((b) => b.title.trim() === board.title.trim())
        : undefined;
      if (existing && !result.boardIds.includes(existing.id)) {
        result.boardIds.push(existing.id);
        if (!existing.question.trim() && board.question.trim()) {
          entryMap(boardsMap(doc), existing.id)?.set(BOARD.question, board.question);
        }
        const placed = placeOnBoard(board, existing.id, placement, blocksOn(existing.id));
        writeBoardContent(doc, existing.id, placed, now, result);
        appendSummary(doc, existing.id, board.summary, origin);
        continue;
      }
      const boardId = newId<BoardId>();
      insertBoard(
        doc,
        boardId,
        { title: board.title, question: board.question, order, locked: board.locked ?? false },
        board.summary,
      );
      order += 1;
      result.boardIds.push(boardId);
      const placed = hasPositions(board)
        ? keepPositions(board, null)
        : layOut(board, { x: 0, y: 0 });
      writeBoardContent(doc, boardId, placed, now, result);
    }
    appendSummary(doc, WORKSHOP_SUMMARY_KEY, plan.summary, origin);
    return result;
  });
}
