import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createNoteAndEdit } from '../commands/noteCommands.ts';
import { createEditor, type Editor } from './Editor.ts';

const BOARD = 'board-1' as BoardId;
let editors: Editor[] = [];

function setup() {
  const doc = new Y.Doc();
  const editor = createEditor({
    workshopId: 'w',
    doc,
    awareness: new Awareness(doc),
    role: 'participant',
    readOnlyDoc: false,
    identity: { id: 'me', name: 'Me', color: '#123456' },
    narrowScreen: false,
  });
  editor.boardId.set(BOARD);
  editors.push(editor);
  return editor;
}

afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

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
