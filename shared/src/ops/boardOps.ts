/**
 * Board operations. Deleting a board removes the board, its cluster frames
 * and its summary, but never its notes: they stay in the document with their
 * `boardId`, and `readWorkshop` lists them as `orphanNotes` ("Notes of deleted
 * boards") until someone moves them to another board. The deletion is one
 * transaction, so one undo brings the board, its frames and its summary back,
 * and the notes fall into place again because they still name the board.
 */
import type * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import { type BoardId, newId } from '../model/ids.ts';
import { orderAfterLast, orderForIndex } from '../model/order.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { BOARD, boardsMap, CLUSTER, clustersMap, summariesMap } from '../model/schema.ts';
import { listBoards } from '../read/lookups.ts';
import { insertBoard } from './entries.ts';
import { transact } from './transact.ts';

export interface AddBoardInput {
  title: string;
  question?: string;
  /** Where to insert among the boards; at the end when absent. */
  index?: number;
  locked?: boolean;
}

export function addBoard(doc: Y.Doc, input: AddBoardInput, origin: TransactionOrigin): BoardId {
  return transact(doc, origin, () => {
    const id = newId<BoardId>();
    const boards = listBoards(doc);
    const order =
      input.index === undefined ? orderAfterLast(boards) : orderForIndex(boards, id, input.index);
    insertBoard(doc, id, {
      title: input.title,
      question: input.question ?? '',
      order,
      locked: input.locked ?? false,
    });
    return id;
  });
}

/** Sets one field of an existing board; false when the board does not exist. */
function setBoardField(
  doc: Y.Doc,
  id: BoardId,
  key: string,
  value: unknown,
  origin: TransactionOrigin,
): boolean {
  return transact(doc, origin, () => {
    const map = entryMap(boardsMap(doc), id);
    if (!map) return false;
    if (map.get(key) !== value) map.set(key, value);
    return true;
  });
}

export function renameBoard(
  doc: Y.Doc,
  id: BoardId,
  title: string,
  origin: TransactionOrigin,
): boolean {
  return setBoardField(doc, id, BOARD.title, title, origin);
}

export function setBoardQuestion(
  doc: Y.Doc,
  id: BoardId,
  question: string,
  origin: TransactionOrigin,
): boolean {
  return setBoardField(doc, id, BOARD.question, question, origin);
}

export function setBoardLocked(
  doc: Y.Doc,
  id: BoardId,
  locked: boolean,
  origin: TransactionOrigin,
): boolean {
  return setBoardField(doc, id, BOARD.locked, locked, origin);
}

/** Moves a board to `toIndex` among the boards (0 = first). */
export function moveBoard(
  doc: Y.Doc,
  id: BoardId,
  toIndex: number,
  origin: TransactionOrigin,
): boolean {
  return transact(doc, origin, () => {
    const map = entryMap(boardsMap(doc), id);
    if (!map) return false;
    map.set(BOARD.order, orderForIndex(listBoards(doc), id, toIndex));
    return true;
  });
}

/**
 * Deletes the board, its clusters and its summary; its notes become orphans
 * (see the module comment). False when the board does not exist.
 */
export function deleteBoard(doc: Y.Doc, id: BoardId, origin: TransactionOrigin): boolean {
  return transact(doc, origin, () => {
    const boards = boardsMap(doc);
    if (!boards.has(id)) return false;
    const clusters = clustersMap(doc);
    for (const clusterId of [...clusters.keys()]) {
      if (entryMap(clusters, clusterId)?.get(CLUSTER.boardId) === id) clusters.delete(clusterId);
    }
    summariesMap(doc).delete(id);
    boards.delete(id);
    return true;
  });
}
