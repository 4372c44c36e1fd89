import { asParticipantId, type BoardId, type NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import { testEditor } from '../testing/testEditor.ts';
import type { Editor } from './Editor.ts';

/** The board of the latest setup(). */
let BOARD: BoardId;

function setup() {
  const { doc, board } = testWorkshop();
  BOARD = board;
  return testEditor(doc, { board });
}

/** "N": a new note on the shown board, edited at once; its id. */
function createNoteAndEdit(editor: Editor): NoteId | null {
  editor.commands.run(editor, 'note.add');
  return editor.editing.get();
}

describe('an empty new note', () => {
  it('is gone when its editor closes, and undo has nothing left to undo for it', () => {
    const editor = setup();
    const id = createNoteAndEdit(editor);
    expect(id).not.toBeNull();
    expect(editor.index.noteIds(BOARD)).toHaveLength(1);
    editor.editing.set(null);
    expect(editor.index.noteIds(BOARD)).toHaveLength(0);
    expect(editor.undo.undoStack).toHaveLength(0);
    expect(editor.undo.redoStack).toHaveLength(0);
  });

  it('stays when something was written into it', () => {
    const editor = setup();
    const id = createNoteAndEdit(editor);
    if (!id) throw new Error('no note');
    getNoteText(editor.doc, id)?.insert(0, 'Idee');
    editor.editing.set(null);
    expect(editor.index.noteIds(BOARD)).toEqual([id]);
  });

  it('is removed when another note is opened instead', () => {
    const editor = setup();
    const first = createNoteAndEdit(editor);
    const second = createNoteAndEdit(editor);
    expect(editor.index.noteIds(BOARD)).toEqual([second]);
    expect(first).not.toBe(second);
  });

  it('never removes an empty note someone else created', () => {
    const editor = setup();
    const other = addNote(
      editor.doc,
      { boardId: BOARD, x: 0, y: 0, author: 'Other', authorId: asParticipantId('other') },
      localOrigin(asParticipantId('other')),
    );
    editor.editing.set(other);
    editor.editing.set(null);
    expect(editor.index.noteIds(BOARD)).toEqual([other]);
  });
});
