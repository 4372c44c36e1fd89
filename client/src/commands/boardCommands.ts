// Board structure: facilitators add, rename, reorder and delete boards.
import type { BoardId } from '@pinnwand/shared/model/ids';
import {
  addBoard,
  deleteBoard,
  moveBoard,
  renameBoard,
  setBoardQuestion,
} from '@pinnwand/shared/ops/boardOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { type Editor, EMPTY_SELECTION } from '../editor/Editor.ts';
import { mayChangeStructure, tellRefusal } from '../gate/noteGate.ts';
import type { AnyCommand, Command } from './types.ts';

const boardsGate = (e: Editor) => mayChangeStructure(e, 'boards');

/**
 * Asked before a board dialog (new board, board settings) opens: a dialog
 * whose command the gate would refuse (the board is still loading) would
 * only do nothing on saving, so the person is told why instead.
 */
export function mayOpenBoardDialog(e: Editor): boolean {
  const verdict = mayChangeStructure(e, 'boards');
  if (!verdict.allowed) tellRefusal(e, verdict.denial);
  return verdict.allowed;
}

export function selectBoard(e: Editor, boardId: BoardId): void {
  if (e.boardId.get() === boardId) return;
  e.editing.set(null);
  e.selection.set(EMPTY_SELECTION);
  e.boardId.set(boardId);
}

export const addBoardCommand: Command<{ title: string; question?: string }> = {
  id: 'board.add',
  label: 'boards.add',
  icon: 'plus',
  mutates: true,
  gate: boardsGate,
  run: (e, input) => {
    const id = addBoard(e.doc, { title: input.title, question: input.question ?? '' }, e.origin);
    selectBoard(e, id);
  },
};

export const renameBoardCommand: Command<{ boardId: BoardId; title: string; question: string }> = {
  id: 'board.rename',
  label: 'boards.rename',
  mutates: true,
  gate: boardsGate,
  run: (e, { boardId, title, question }) => {
    transact(e.doc, e.origin, () => {
      renameBoard(e.doc, boardId, title, e.origin);
      setBoardQuestion(e.doc, boardId, question, e.origin);
    });
  },
};

export const deleteBoardCommand: Command<BoardId> = {
  id: 'board.delete',
  label: 'boards.delete',
  mutates: true,
  gate: boardsGate,
  run: (e, boardId) => {
    const boards = e.index.boards();
    const at = boards.findIndex((b) => b.id === boardId);
    deleteBoard(e.doc, boardId, e.origin);
    const next = boards[at + 1] ?? boards[at - 1];
    if (e.boardId.get() === boardId) {
      e.boardId.set(null);
      if (next && next.id !== boardId) selectBoard(e, next.id);
    }
  },
};

export const moveBoardCommand: Command<{ boardId: BoardId; by: -1 | 1 }> = {
  id: 'board.move',
  label: 'boards.moveRight',
  mutates: true,
  gate: boardsGate,
  run: (e, { boardId, by }) => {
    const boards = e.index.boards();
    const at = boards.findIndex((b) => b.id === boardId);
    if (at < 0) return;
    const to = Math.max(0, Math.min(boards.length - 1, at + by));
    if (to !== at) moveBoard(e.doc, boardId, to, e.origin);
  },
};

export const boardCommands: AnyCommand[] = [
  addBoardCommand,
  renameBoardCommand,
  deleteBoardCommand,
  moveBoardCommand,
];
