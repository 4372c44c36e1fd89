/**
 * The structured-results format: a workshop's outcome as plain JSON (boards
 * with their question, clusters of note texts, unclustered note texts, a
 * summary) — what a facilitator transcribes from a paper workshop, and the
 * format of `fixtures/ozg-erfahrungsaustausch-2023.json`. Loading it builds
 * a complete, laid-out workshop in one transaction, so peers never see half
 * an import and one undo removes it.
 *
 * Loading into a document that already holds a workshop adds to it: a board
 * whose title matches an existing board's fills that board (so "create from
 * the OZG template, then load the example" yields three boards, not six);
 * other boards are appended.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { DEFAULT_NOTE_COLOR, type NoteColor } from '../model/colors.ts';
import { entryMap } from '../model/fields.ts';
import { type BoardId, type ClusterId, type NoteId, newId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import {
  CLUSTER_PADDING,
  GRID_GAP,
  gridFrameSize,
  gridSlot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  squareColumns,
} from '../model/layout.ts';
import { COVER_FIELDS, eventDateSchema } from '../model/meta.ts';
import { orderAfterLast } from '../model/order.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { parseWith, type ReadResult } from '../model/result.ts';
import {
  BOARD,
  boardsMap,
  META,
  metaMap,
  SCHEMA_VERSION,
  summariesMap,
  WORKSHOP_SUMMARY_KEY,
} from '../model/schema.ts';
import { insertBoard, insertCluster, insertNote } from '../ops/entries.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { transact } from '../ops/transact.ts';
import { updateCover } from '../ops/workshopOps.ts';
import { getNote, listBoards, listClusters, listNoteIds } from '../read/lookups.ts';

const noteTextsSchema = z.array(z.string());

export const structuredClusterSchema = z.object({
  title: z.string(),
  notes: noteTextsSchema,
});

export const structuredBoardSchema = z.object({
  title: z.string(),
  question: z.string().optional().default(''),
  clusters: z.array(structuredClusterSchema).optional().default([]),
  /** Notes in no cluster. */
  notes: noteTextsSchema.optional().default([]),
  /** The facilitators' summary of this board (extension of the fixture format). */
  summary: z.string().optional(),
});

export const structuredResultsSchema = z.object({
  /** Free-form provenance note, ignored by the loader. */
  $comment: z.string().optional(),
  title: z.string(),
  license: z.string().optional(),
  /** Cover information (extension of the fixture format; see model/meta.ts). */
  organizer: z.string().optional(),
  facilitators: z.string().optional(),
  place: z.string().optional(),
  eventDate: eventDateSchema.optional(),
  attribution: z.string().optional(),
  boards: z.array(structuredBoardSchema),
  /** The whole workshop's summary. */
  summary: z.string().optional(),
});

export type StructuredResults = z.input<typeof structuredResultsSchema>;
type ParsedResults = z.output<typeof structuredResultsSchema>;

/** Validates untrusted input (an uploaded file); errors name the bad path. */
export function parseStructuredResults(data: unknown): ReadResult<ParsedResults> {
  return parseWith(structuredResultsSchema, data, 'structured results');
}

export interface LoadOptions {
  /** Shown as the author of the imported notes. */
  author?: string;
  authorId?: string;
  /** Note colour; the default colour otherwise. */
  color?: NoteColor;
  /** Template id recorded in meta when the document is empty. */
  template?: string;
  lang?: Lang;
  /** Base creation time; notes get consecutive milliseconds to keep their order. */
  createdAt?: number;
}

export interface LoadedWorkshop {
  boardIds: BoardId[];
  clusterIds: ClusterId[];
  noteIds: NoteId[];
}

/** Space between cluster frames, and between the frames and the loose notes. */
const FRAME_GAP = 48;

/**
 * Builds the workshop described by `data` in `doc` (validating it first:
 * throws a ZodError naming the bad path on malformed input).
 */
export function loadStructuredResults(
  doc: Y.Doc,
  data: StructuredResults,
  origin: TransactionOrigin,
  options: LoadOptions = {},
): LoadedWorkshop {
  const results = structuredResultsSchema.parse(data);
  const createdAt = options.createdAt ?? Date.now();
  let clock = 0;
  const note = {
    author: options.author ?? 'Import',
    authorId: options.authorId ?? 'import',
    color: options.color ?? DEFAULT_NOTE_COLOR,
    createdAt: () => createdAt + clock++,
  };
  return transact(doc, origin, () => {
    const meta = metaMap(doc);
    if (!meta.has(META.schemaVersion)) {
      meta.set(META.schemaVersion, SCHEMA_VERSION);
      meta.set(META.title, results.title);
      meta.set(META.createdAt, createdAt);
      meta.set(META.template, options.template ?? 'import');
      meta.set(META.lang, options.lang ?? 'de');
      const cover = Object.fromEntries(
        COVER_FIELDS.filter((key) => results[key]).map((key) => [key, results[key]]),
      );
      updateCover(doc, cover, origin);
    }
    const loaded: LoadedWorkshop = { boardIds: [], clusterIds: [], noteIds: [] };
    for (const board of results.boards) {
      const boardId = findOrCreateBoard(doc, board.title, board.question);
      loaded.boardIds.push(boardId);
      let x = contentRight(doc, boardId);
      let order = orderAfterLast(listClusters(doc, boardId));
      for (const cluster of board.clusters) {
        const clusterId = newId<ClusterId>();
        const columns = squareColumns(cluster.notes.length);
        const size = gridFrameSize(columns, cluster.notes.length);
        const frame = { x, y: 0 };
        insertCluster(doc, clusterId, { boardId, title: cluster.title, ...frame, ...size, order });
        order += 1;
        cluster.notes.forEach((text, index) => {
          const id = newId<NoteId>();
          const slot = gridSlot(frame, columns, index);
          insertNote(doc, id, {
            ...note,
            boardId,
            clusterId,
            text,
            ...slot,
            createdAt: note.createdAt(),
          });
          loaded.noteIds.push(id);
        });
        loaded.clusterIds.push(clusterId);
        x += size.width + FRAME_GAP;
      }
      // Loose notes in a roughly square grid to the right of the frames.
      const columns = squareColumns(board.notes.length);
      board.notes.forEach((text, index) => {
        const id = newId<NoteId>();
        const position = {
          x: x + CLUSTER_PADDING + (index % columns) * (NOTE_WIDTH + GRID_GAP),
          y: CLUSTER_PADDING + Math.floor(index / columns) * (NOTE_HEIGHT + GRID_GAP),
        };
        insertNote(doc, id, { ...note, boardId, text, ...position, createdAt: note.createdAt() });
        loaded.noteIds.push(id);
      });
      if (board.summary) appendSummary(doc, boardId, board.summary, origin);
    }
    if (results.summary) appendSummary(doc, WORKSHOP_SUMMARY_KEY, results.summary, origin);
    return loaded;
  });
}

/** Where new content can start on a board without covering what is there. */
function contentRight(doc: Y.Doc, boardId: BoardId): number {
  let right: number | undefined;
  for (const cluster of listClusters(doc, boardId)) {
    right = Math.max(right ?? -Infinity, cluster.x + cluster.width);
  }
  for (const id of listNoteIds(doc, boardId)) {
    const note = getNote(doc, id);
    if (note) right = Math.max(right ?? -Infinity, note.x + NOTE_WIDTH);
  }
  return right === undefined ? 0 : right + FRAME_GAP;
}

function findOrCreateBoard(doc: Y.Doc, title: string, question: string): BoardId {
  const existing = listBoards(doc).find((board) => board.title.trim() === title.trim());
  if (existing) {
    const map = entryMap(boardsMap(doc), existing.id);
    if (map && !existing.question && question) map.set(BOARD.question, question);
    return existing.id;
  }
  const id = newId<BoardId>();
  insertBoard(doc, id, { title, question, order: orderAfterLast(listBoards(doc)) });
  return id;
}

/** Sets an empty summary, or appends as a new paragraph to one already written. */
function appendSummary(
  doc: Y.Doc,
  target: BoardId | typeof WORKSHOP_SUMMARY_KEY,
  text: string,
  origin: TransactionOrigin,
): void {
  const current = summariesMap(doc).get(target);
  const before = current === undefined ? '' : String(current);
  setSummaryText(doc, target, before.trim() ? `${before}\n\n${text}` : text, origin);
}
