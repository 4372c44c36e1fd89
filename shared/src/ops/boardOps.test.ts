import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { originOf } from '../model/origin.ts';
import { getBoard, listBoards } from '../read/lookups.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { createUndoManager } from '../undo.ts';
import {
  addBoard,
  deleteBoard,
  moveBoard,
  renameBoard,
  setBoardLocked,
  setBoardQuestion,
} from './boardOps.ts';
import { createCluster } from './clusterOps.ts';
import { addNote } from './noteOps.ts';
import { getSummaryText, setSummaryText } from './summaryOps.ts';

const me = ALICE.origin;

describe('board operations', () => {
  it('adds a board at the end or at an index, each in one transaction with the origin', () => {
    const { doc } = testWorkshop();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(originOf(tr)));
    const last = addBoard(doc, { title: 'Last', question: 'q?' }, me);
    const first = addBoard(doc, { title: 'First', index: 0 }, me);
    expect(origins).toEqual([me, me]);
    const titles = listBoards(doc).map((b) => b.title);
    expect(titles[0]).toBe('First');
    expect(titles.at(-1)).toBe('Last');
    expect(getBoard(doc, last)).toMatchObject({ question: 'q?', locked: false });
    expect(getBoard(doc, first)?.question).toBe('');
    expect(getSummaryText(doc, last)?.toString()).toBe('');
  });

  it('renames, re-questions and locks', () => {
    const { doc, board } = testWorkshop();
    expect(renameBoard(doc, board, 'Gut', me)).toBe(true);
    expect(setBoardQuestion(doc, board, 'Was war gut?', me)).toBe(true);
    expect(setBoardLocked(doc, board, true, me)).toBe(true);
    expect(getBoard(doc, board)).toMatchObject({
      title: 'Gut',
      question: 'Was war gut?',
      locked: true,
    });
  });

  it('returns false for a board that does not exist', () => {
    const { doc } = testWorkshop();
    const missing = 'nope' as never;
    expect(renameBoard(doc, missing, 'x', me)).toBe(false);
    expect(moveBoard(doc, missing, 0, me)).toBe(false);
    expect(deleteBoard(doc, missing, me)).toBe(false);
  });

  it('reorders boards', () => {
    const { doc, boardIds } = testWorkshop();
    const [a, b, c] = boardIds;
    moveBoard(doc, c!, 0, me);
    expect(listBoards(doc).map((x) => x.id)).toEqual([c, a, b]);
    moveBoard(doc, c!, 2, me);
    expect(listBoards(doc).map((x) => x.id)).toEqual([a, b, c]);
    moveBoard(doc, a!, 1, me);
    expect(listBoards(doc).map((x) => x.id)).toEqual([b, a, c]);
  });

  it('deleting a board keeps its notes as orphans; one undo restores board, clusters and summary', () => {
    const { doc, board } = testWorkshop();
    const undo = createUndoManager(doc, me);
    const cluster = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0 }, me);
    const inCluster = addNote(
      doc,
      {
        boardId: board,
        x: 20,
        y: 60,
        author: 'A',
        authorId: ALICE.id,
        clusterId: cluster,
        text: 'a',
      },
      me,
    );
    const loose = addNote(
      doc,
      { boardId: board, x: 900, y: 0, author: 'A', authorId: ALICE.id, text: 'b' },
      me,
    );
    setSummaryText(doc, board, 'Fazit', me);
    undo.stopCapturing();

    deleteBoard(doc, board, me);
    let view = readWorkshop(doc);
    expect(view.boards.map((b) => b.id)).not.toContain(board);
    expect(view.orphanNotes.map((n) => n.id).sort()).toEqual([inCluster, loose].sort());

    undo.undo();
    view = readWorkshop(doc);
    const restored = view.boards.find((b) => b.id === board);
    expect(restored?.clusters.map((c) => c.id)).toEqual([cluster]);
    expect(restored?.clusters[0]?.notes.map((n) => n.id)).toEqual([inCluster]);
    expect(restored?.unclusteredNotes.map((n) => n.id)).toEqual([loose]);
    expect(restored?.summary).toBe('Fazit');
    expect(view.orphanNotes).toEqual([]);
    expect(view.problems).toEqual([]);
  });
});
