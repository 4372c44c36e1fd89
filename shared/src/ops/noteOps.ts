/**
 * Note operations, single and bulk. Bulk forms take id lists because a
 * facilitator moves or recolours dozens of notes at once, and that must be one
 * transaction (one undo step, one update on the wire). Ids that no longer
 * exist (deleted concurrently) are skipped; each bulk op returns how many
 * notes it changed.
 */
import type * as Y from 'yjs';
import { DEFAULT_NOTE_COLOR, type NoteColor } from '../model/colors.ts';
import { entryMap } from '../model/fields.ts';
import {
  type BoardId,
  type ClusterId,
  type NoteId,
  newId,
  type ParticipantId,
} from '../model/ids.ts';
import { DUPLICATE_OFFSET, type Point } from '../model/layout.ts';
import { noteTextOf } from '../model/note.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { NOTE, notesMap } from '../model/schema.ts';
import { insertNote } from './entries.ts';
import { assertFinite, replaceText, transact } from './transact.ts';

export interface AddNoteInput {
  boardId: BoardId;
  x: number;
  y: number;
  text?: string;
  color?: NoteColor;
  /** Display name of the writer. */
  author: string;
  authorId: ParticipantId;
  clusterId?: ClusterId;
  /** ms since epoch; now by default. */
  createdAt?: number;
}

export function addNote(doc: Y.Doc, input: AddNoteInput, origin: TransactionOrigin): NoteId {
  assertFinite('x', input.x);
  assertFinite('y', input.y);
  return transact(doc, origin, () => {
    const id = newId<NoteId>();
    insertNote(doc, id, {
      boardId: input.boardId,
      clusterId: input.clusterId ?? null,
      text: input.text ?? '',
      x: input.x,
      y: input.y,
      color: input.color ?? DEFAULT_NOTE_COLOR,
      author: input.author,
      authorId: input.authorId,
      createdAt: input.createdAt ?? Date.now(),
    });
    return id;
  });
}

/**
 * The note's Y.Text, for binding a text editor to it (the editor's own
 * transactions must use the same origin as the person's operations so that
 * undo covers typing too). Undefined for a missing or malformed note.
 */
export function getNoteText(doc: Y.Doc, id: NoteId): Y.Text | undefined {
  const map = entryMap(notesMap(doc), id);
  return map ? noteTextOf(map) : undefined;
}

/** Replaces the text, changing only the differing middle so concurrent typing survives. */
export function setNoteText(
  doc: Y.Doc,
  id: NoteId,
  text: string,
  origin: TransactionOrigin,
): boolean {
  return transact(doc, origin, () => {
    const ytext = getNoteText(doc, id);
    if (!ytext) return false;
    replaceText(ytext, text);
    return true;
  });
}

/** Runs `fn` on each existing note entry of `ids` (deduplicated) in one transaction. */
function eachNote(
  doc: Y.Doc,
  ids: readonly NoteId[],
  origin: TransactionOrigin,
  fn: (map: Y.Map<unknown>, id: NoteId) => void,
): number {
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    let count = 0;
    for (const id of new Set(ids)) {
      const map = entryMap(root, id);
      if (!map) continue;
      fn(map, id);
      count++;
    }
    return count;
  });
}

function setPosition(map: Y.Map<unknown>, x: number, y: number): void {
  if (map.get(NOTE.x) !== x) map.set(NOTE.x, x);
  if (map.get(NOTE.y) !== y) map.set(NOTE.y, y);
}

export function moveNote(doc: Y.Doc, id: NoteId, to: Point, origin: TransactionOrigin): boolean {
  return moveNotes(doc, [{ id, x: to.x, y: to.y }], origin) === 1;
}

export interface NoteMove extends Point {
  id: NoteId;
}

/** Sets the positions of many notes at once (e.g. after a drag of a selection). */
export function moveNotes(
  doc: Y.Doc,
  moves: readonly NoteMove[],
  origin: TransactionOrigin,
): number {
  for (const move of moves) {
    assertFinite('x', move.x);
    assertFinite('y', move.y);
  }
  const targets = new Map(moves.map((move) => [move.id, move]));
  return eachNote(doc, [...targets.keys()], origin, (map, id) => {
    const move = targets.get(id)!;
    setPosition(map, move.x, move.y);
  });
}

/** Shifts many notes by the same offset. */
export function translateNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  delta: Point,
  origin: TransactionOrigin,
): number {
  assertFinite('dx', delta.x);
  assertFinite('dy', delta.y);
  return eachNote(doc, ids, origin, (map) => {
    const x = map.get(NOTE.x);
    const y = map.get(NOTE.y);
    // A malformed position is left alone rather than "repaired" to a number.
    if (typeof x === 'number' && typeof y === 'number') setPosition(map, x + delta.x, y + delta.y);
  });
}

/** The layer a stored note entry is drawn at (model/note.ts noteLayer), undefined when unreadable. */
function storedLayer(map: Y.Map<unknown>): number | undefined {
  const layer = map.get(NOTE.layer);
  if (typeof layer === 'number' && Number.isFinite(layer)) return layer;
  const created = map.get(NOTE.createdAt);
  return typeof created === 'number' && Number.isFinite(created) ? created : undefined;
}

/**
 * Brings notes to the front of their boards' drawing order, keeping their
 * order among themselves: a note dropped onto another lies on top of it, for
 * everyone. Each gets a layer just above the highest of the other notes on
 * its board; one already there is left as it is. Two people bringing
 * different notes forward at once both end on top (a tie is broken by id).
 * Returns how many notes were given a new layer.
 */
export function bringNotesToFront(
  doc: Y.Doc,
  ids: readonly NoteId[],
  origin: TransactionOrigin,
): number {
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    const wanted = new Set<string>(ids);
    const raised: { id: string; map: Y.Map<unknown>; board: unknown; layer: number }[] = [];
    const top = new Map<unknown, number>();
    for (const id of root.keys()) {
      const map = entryMap(root, id);
      const layer = map && storedLayer(map);
      if (!map || layer === undefined) continue;
      const board = map.get(NOTE.boardId);
      if (wanted.has(id)) raised.push({ id, map, board, layer });
      else top.set(board, Math.max(top.get(board) ?? Number.NEGATIVE_INFINITY, layer));
    }
    raised.sort((a, b) => a.layer - b.layer || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let count = 0;
    for (const note of raised) {
      const highest = top.get(note.board) ?? Number.NEGATIVE_INFINITY;
      if (note.layer > highest) {
        top.set(note.board, note.layer);
        continue;
      }
      note.map.set(NOTE.layer, highest + 1);
      top.set(note.board, highest + 1);
      count++;
    }
    return count;
  });
}

export function recolorNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  color: NoteColor,
  origin: TransactionOrigin,
): number {
  return eachNote(doc, ids, origin, (map) => {
    if (map.get(NOTE.color) !== color) map.set(NOTE.color, color);
  });
}

/** Deletes notes (and with them their votes). Returns how many existed. */
export function deleteNotes(doc: Y.Doc, ids: readonly NoteId[], origin: TransactionOrigin): number {
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    let count = 0;
    for (const id of new Set(ids)) {
      if (!root.has(id)) continue;
      root.delete(id);
      count++;
    }
    return count;
  });
}

export interface DuplicateInput {
  /** The person duplicating becomes the author of the copies. */
  author: string;
  authorId: ParticipantId;
  /** Offset of each copy from its original; DUPLICATE_OFFSET both ways by default. */
  offset?: Point;
  /**
   * Top-left of each copy by original id (the client's free-space placement);
   * wins over `offset` for the notes it names.
   */
  positions?: ReadonlyMap<NoteId, Point>;
  createdAt?: number;
}

/**
 * Copies notes (text, colour, board, cluster; not votes) next to the originals.
 * Returns the new ids in the order of `ids`, skipping missing or malformed ones.
 */
export function duplicateNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  input: DuplicateInput,
  origin: TransactionOrigin,
): NoteId[] {
  const offset = input.offset ?? { x: DUPLICATE_OFFSET, y: DUPLICATE_OFFSET };
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    const created: NoteId[] = [];
    for (const id of new Set(ids)) {
      const map = entryMap(root, id);
      const text = map && noteTextOf(map);
      const boardId = map?.get(NOTE.boardId);
      const x = map?.get(NOTE.x);
      const y = map?.get(NOTE.y);
      if (!map || !text || typeof boardId !== 'string') continue;
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      const clusterId = map.get(NOTE.clusterId);
      const color = map.get(NOTE.color);
      const copy = newId<NoteId>();
      insertNote(doc, copy, {
        boardId: boardId as BoardId,
        clusterId: typeof clusterId === 'string' ? (clusterId as ClusterId) : null,
        text: text.toString(),
        x: input.positions?.get(id)?.x ?? x + offset.x,
        y: input.positions?.get(id)?.y ?? y + offset.y,
        color: typeof color === 'string' ? color : DEFAULT_NOTE_COLOR,
        author: input.author,
        authorId: input.authorId,
        createdAt: input.createdAt ?? Date.now(),
      });
      created.push(copy);
    }
    return created;
  });
}

/**
 * Moves notes to another board (also rescues orphan notes of a deleted board).
 * They leave their cluster; their positions are kept unless `positions` gives new ones.
 */
export function moveNotesToBoard(
  doc: Y.Doc,
  ids: readonly NoteId[],
  boardId: BoardId,
  origin: TransactionOrigin,
  positions?: ReadonlyMap<NoteId, Point>,
): number {
  return eachNote(doc, ids, origin, (map, id) => {
    if (map.get(NOTE.boardId) !== boardId) map.set(NOTE.boardId, boardId);
    if (map.has(NOTE.clusterId)) map.delete(NOTE.clusterId);
    const to = positions?.get(id);
    if (to) setPosition(map, to.x, to.y);
  });
}
