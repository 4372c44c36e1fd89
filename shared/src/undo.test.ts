import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from './model/origin.ts';
import { addBoard } from './ops/boardOps.ts';
import {
  addNote,
  deleteNotes,
  getNoteText,
  moveNote,
  moveNotesToBoard,
  setNoteText,
} from './ops/noteOps.ts';
import { getNote, listNoteIds } from './read/lookups.ts';
import { ALICE, BOB, testWorkshop } from './testing/testWorkshop.ts';
import { createUndoManager } from './undo.ts';

describe('createUndoManager', () => {
  it("undoes only this person's changes, never someone else's note", () => {
    const { doc, board } = testWorkshop();
    const undo = createUndoManager(doc, ALICE.origin);
    const mine = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    undo.stopCapturing();
    const bobs = addNote(
      doc,
      { boardId: board, x: 9, y: 9, author: 'B', authorId: BOB.id },
      BOB.origin,
    );
    undo.undo();
    expect(listNoteIds(doc, board)).toEqual([bobs]);
    undo.redo();
    expect(listNoteIds(doc, board).sort()).toEqual([mine, bobs].sort());
  });

  it('covers changes arriving from a remote peer with the same person: not at all', () => {
    const { doc, board } = testWorkshop();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const undo = createUndoManager(doc, ALICE.origin);
    const theirs = addNote(
      remote,
      { boardId: board, x: 0, y: 0, author: 'B', authorId: BOB.id },
      BOB.origin,
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), REMOTE_ORIGIN);
    expect(undo.undoStack).toHaveLength(0);
    expect(getNote(doc, theirs)).toBeDefined();
  });

  it('keeps separate steps after stopCapturing and undoes typing bound with the same origin', () => {
    const { doc, board } = testWorkshop();
    const undo = createUndoManager(doc, ALICE.origin);
    const id = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    undo.stopCapturing();
    moveNote(doc, id, { x: 50, y: 50 }, ALICE.origin);
    undo.stopCapturing();
    // An editor binding typing with Alice's origin.
    doc.transact(() => getNoteText(doc, id)?.insert(0, 'Hallo'), ALICE.origin);
    undo.stopCapturing();
    setNoteText(doc, id, 'Hallo Welt', ALICE.origin);
    undo.undo();
    expect(getNote(doc, id)?.text).toBe('Hallo');
    undo.undo();
    expect(getNote(doc, id)).toMatchObject({ text: '', x: 50 });
    undo.undo();
    expect(getNote(doc, id)).toMatchObject({ x: 0 });
  });

  it('brings a deleted note back whole on its board although another peer moved it meanwhile', () => {
    const { doc, board } = testWorkshop();
    const other = addBoard(doc, { title: 'Neues', question: '' }, BOB.origin);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const id = addNote(
      doc,
      { boardId: board, x: 40, y: 60, text: 'Bewährt', author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
    const undo = createUndoManager(doc, ALICE.origin);
    deleteNotes(doc, [id], ALICE.origin);
    // Bob, not yet seeing the delete, moves the note to his board.
    moveNotesToBoard(remote, [id], other, BOB.origin);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), REMOTE_ORIGIN);
    expect(getNote(doc, id)).toBeUndefined();
    undo.undo();
    expect(getNote(doc, id)).toMatchObject({ boardId: board, x: 40, y: 60, text: 'Bewährt' });
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
    expect(getNote(remote, id)).toMatchObject({ boardId: board, x: 40, y: 60 });
  });

  it("puts a moved note back where this person had it, over another peer's later move", () => {
    const { doc, board } = testWorkshop();
    const id = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const undo = createUndoManager(doc, ALICE.origin);
    moveNote(doc, id, { x: 100, y: 100 }, ALICE.origin);
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
    moveNote(remote, id, { x: 300, y: 300 }, BOB.origin);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), REMOTE_ORIGIN);
    undo.undo();
    expect(getNote(doc, id)).toMatchObject({ x: 0, y: 0 });
  });
});
