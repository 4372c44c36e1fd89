import { asParticipantId, type BoardId, type NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { testEditor } from '../testing/testEditor.ts';
import {
  mayCreateNotes,
  mayDeleteNotes,
  mayEditNotes,
  mayMoveNotes,
  maySetText,
  noteRightsJudge,
} from './noteGate.ts';

const ME = 'p-me';
const OTHER = asParticipantId('p-other');

function noteBy(doc: Y.Doc, boardId: BoardId, authorId: string): NoteId {
  const author = asParticipantId(authorId);
  return addNote(
    doc,
    { boardId, x: 0, y: 0, text: 'Idee', author: authorId, authorId: author },
    localOrigin(author),
  );
}

function setup(role: Role) {
  const ws = testWorkshop();
  const editor = testEditor(ws.doc, { role, identity: { id: ME }, board: ws.board });
  return {
    editor,
    board: ws.board,
    other: ws.boardIds[1] as BoardId,
    mine: noteBy(ws.doc, ws.board, ME),
    theirs: noteBy(ws.doc, ws.board, OTHER),
  };
}

describe('the note gate', () => {
  it('lets a participant delete, empty and move to another board only their own notes', () => {
    const { editor, mine, theirs, other } = setup('participant');
    expect(mayDeleteNotes(editor, [mine, theirs])).toEqual({
      allowed: [mine],
      denial: { reason: 'notOwnNote', action: 'delete' },
    });
    expect(maySetText(editor, theirs, '  ')).toEqual({
      allowed: false,
      denial: { reason: 'notOwnNote', action: 'clear' },
    });
    expect(maySetText(editor, theirs, 'besser formuliert').allowed).toBe(true);
    expect(mayMoveNotes(editor, [mine, theirs], other).allowed).toEqual([mine]);
    // Moving on the same board and recolouring are edits anyone may make.
    expect(mayMoveNotes(editor, [mine, theirs]).allowed).toEqual([mine, theirs]);
    expect(mayEditNotes(editor, [theirs]).denial).toBeNull();
  });

  it('lets the facilitator change any note', () => {
    const { editor, mine, theirs, other } = setup('facilitator');
    expect(mayDeleteNotes(editor, [mine, theirs]).allowed).toEqual([mine, theirs]);
    expect(mayMoveNotes(editor, [theirs], other).allowed).toEqual([theirs]);
  });

  it('offers a participant nothing on a locked board, and the facilitator everything', () => {
    const { editor, board, mine } = setup('participant');
    setBoardLocked(editor.doc, board, true, localOrigin(asParticipantId('p-fac')));
    expect(mayCreateNotes(editor, board)).toEqual({
      allowed: false,
      denial: { reason: 'boardLocked' },
    });
    expect(mayEditNotes(editor, [mine]).denial).toEqual({ reason: 'boardLocked' });
    expect(editor.access.get().readOnly).toEqual({ kind: 'locked' });

    const fac = setup('facilitator');
    setBoardLocked(fac.editor.doc, fac.board, true, fac.editor.origin);
    expect(mayCreateNotes(fac.editor, fac.board)).toEqual({ allowed: true, into: 'board' });
    expect(fac.editor.access.get().readOnly).toBeNull();
  });

  it('refuses viewers and writes nothing into a document from a newer Pinnwand', () => {
    const viewer = setup('viewer');
    expect(mayCreateNotes(viewer.editor, viewer.board)).toEqual({
      allowed: false,
      denial: { reason: 'viewer' },
    });
    const { editor, board, mine } = setup('facilitator');
    editor.newerDocument.set('schema 99');
    expect(mayCreateNotes(editor, board)).toEqual({
      allowed: false,
      denial: { reason: 'newerDocument' },
    });
    expect(mayDeleteNotes(editor, [mine]).allowed).toEqual([]);
  });

  it('the canvas delete of a mixed selection deletes only one’s own and says why', () => {
    const { editor, board, mine, theirs } = setup('participant');
    editor.selection.set(new Set([mine, theirs]));
    editor.commands.run(editor, 'selection.delete');
    expect(editor.index.noteIds(board)).toEqual([theirs]);
    expect(editor.notices.current.get()?.message.key).toBe('denied.notOwnNote.delete');
  });

  it("judges the outline's notes once per state as the per-note questions do", () => {
    for (const role of ['participant', 'facilitator', 'viewer'] as const) {
      const { editor, board, mine, theirs } = setup(role);
      for (const locked of [false, true]) {
        setBoardLocked(editor.doc, board, locked, localOrigin(asParticipantId('p-fac')));
        const judge = noteRightsJudge(editor);
        for (const id of [mine, theirs]) {
          const note = editor.index.note(id)!;
          expect(judge(note), `${role} ${locked ? 'locked' : 'open'} ${id}`).toEqual({
            canEdit: mayEditNotes(editor, [id]).allowed.length > 0,
            canDelete: mayDeleteNotes(editor, [id]).allowed.length > 0,
          });
        }
      }
    }
  });
});
