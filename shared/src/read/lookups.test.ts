import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardsMap, notesMap } from '../model/schema.ts';
import { setBoardLocked } from '../ops/boardOps.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import {
  getBoard,
  getMeta,
  getNote,
  isBoardLocked,
  listBoardIds,
  listClusterNoteIds,
  listClusters,
  listNoteIds,
} from './lookups.ts';

describe('lookups', () => {
  it('reads single entities and id lists per board', () => {
    const { doc, boardIds, board } = testWorkshop();
    const c = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0 }, ALICE.origin);
    const n1 = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id, clusterId: c },
      ALICE.origin,
    );
    const n2 = addNote(
      doc,
      { boardId: boardIds[1]!, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    expect(listBoardIds(doc)).toEqual(boardIds);
    expect(listNoteIds(doc, board)).toEqual([n1]);
    expect(listNoteIds(doc, boardIds[1]!)).toEqual([n2]);
    expect(listClusterNoteIds(doc, c)).toEqual([n1]);
    expect(listClusters(doc, board).map((x) => x.id)).toEqual([c]);
    expect(getMeta(doc)?.title).toBe('Test');
    setBoardLocked(doc, board, true, ALICE.origin);
    expect(isBoardLocked(doc, board)).toBe(true);
    expect(isBoardLocked(doc, boardIds[1]!)).toBe(false);
  });

  it('reads malformed or missing entries as undefined', () => {
    const { doc } = testWorkshop();
    boardsMap(doc).set('bad', new Y.Map());
    notesMap(doc).set('text', 'hello');
    expect(getBoard(doc, 'bad' as never)).toBeUndefined();
    expect(getNote(doc, 'text' as never)).toBeUndefined();
    expect(getNote(doc, 'none' as never)).toBeUndefined();
    expect(getMeta(new Y.Doc())).toBeNull();
  });
});
