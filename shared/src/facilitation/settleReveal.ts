/**
 * After the reveal of hidden writing, each person's device publishes its notes
 * on its own, at spots that were free for it — blind to what the others wrote
 * meanwhile. One actor (the facilitator who revealed, client/src/hidden/
 * revealSettling.ts) runs this over every batch of notes that arrives: in one
 * transaction, notes that cover another person's note are moved apart by the
 * pure rule in placement/separateAuthors.ts. Notes in a cluster, and everything
 * that was on the board before the batch, stay where they are.
 */
import type * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import type { BoardId, NoteId } from '../model/ids.ts';
import { readNote } from '../model/note.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { notesMap } from '../model/schema.ts';
import { moveNotes, type NoteMove } from '../ops/noteOps.ts';
import { transact } from '../ops/transact.ts';
import { type AuthoredNote, separateAuthors } from '../placement/separateAuthors.ts';
import { listClusters } from '../read/lookups.ts';

/** Moves the `arrived` notes that cover another person's note apart; returns how many moved. */
export function settleRevealed(
  doc: Y.Doc,
  arrived: readonly NoteId[],
  origin: TransactionOrigin,
): number {
  const movable = new Set<string>(arrived);
  const boards = new Map<BoardId, { fixed: AuthoredNote[]; arrived: AuthoredNote[] }>();
  const root = notesMap(doc);
  const wanted = new Set<BoardId>();
  for (const id of arrived) {
    const map = entryMap(root, id);
    const read = map && readNote(map, id);
    if (read?.ok && read.value.clusterId === null) wanted.add(read.value.boardId);
  }
  if (wanted.size === 0) return 0;
  for (const id of root.keys()) {
    const map = entryMap(root, id);
    if (!map) continue;
    const read = readNote(map, id as NoteId);
    if (!read.ok || !wanted.has(read.value.boardId)) continue;
    const note = read.value;
    let board = boards.get(note.boardId);
    if (!board) {
      board = { fixed: [], arrived: [] };
      boards.set(note.boardId, board);
    }
    const entry = { id: note.id, authorId: note.authorId, x: note.x, y: note.y };
    if (movable.has(note.id) && note.clusterId === null) board.arrived.push(entry);
    else board.fixed.push(entry);
  }
  const moves: NoteMove[] = [];
  for (const [boardId, { fixed, arrived: batch }] of boards) {
    const frames = listClusters(doc, boardId).map((c) => ({
      x: c.x,
      y: c.y,
      width: c.width,
      height: c.height,
    }));
    for (const [id, spot] of separateAuthors(fixed, batch, frames))
      moves.push({ id: id as NoteId, ...spot });
  }
  if (moves.length === 0) return 0;
  return transact(doc, origin, () => moveNotes(doc, moves, origin));
}
