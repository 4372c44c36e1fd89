// Moving notes through the commands the canvas and the keyboard use: a note
// dropped onto another lies on top of it, on every device (the order is the
// document's).
import type { NoteId } from '@pinnwand/shared/model/ids';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocIndex } from '../model/docIndex.ts';
import { testEditor } from '../testing/testEditor.ts';

function board(places: { x: number; y: number }[]) {
  const ws = testWorkshop('blank');
  const ids = places.map((p, i) =>
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        ...p,
        text: `n${i}`,
        author: 'Alice',
        authorId: ALICE.id,
        createdAt: 1000 + i,
      },
      ALICE.origin,
    ),
  );
  const editor = testEditor(ws.doc, { board: ws.board });
  return { ...ws, ids, editor };
}

describe('moving notes', () => {
  it('a note dropped onto a note drawn above it lies on top, on the other device too', () => {
    const {
      doc,
      board: b,
      ids,
      editor,
    } = board([
      { x: 0, y: 0 },
      { x: 600, y: 0 },
    ]);
    const [under, over] = ids as [NoteId, NoteId];
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherIndex = new DocIndex(other);
    expect(otherIndex.noteIds(b)).toEqual([under, over]);

    // Dragged (the canvas's drag commits through this command) onto the newer note.
    expect(editor.commands.run(editor, 'notes.translate', { ids: [under], dx: 560, dy: 40 })).toBe(
      true,
    );
    expect(editor.index.noteIds(b)).toEqual([over, under]);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(otherIndex.noteIds(b)).toEqual([over, under]);
    // One step: undo puts it back where it was, below again.
    editor.undo.undo();
    expect(editor.index.noteIds(b)).toEqual([under, over]);
    expect(editor.index.note(under)).toMatchObject({ x: 0, y: 0 });
    otherIndex.destroy();
  });

  it('a note moved onto free board, or already on top, is not brought forward', () => {
    const { doc, ids, editor } = board([
      { x: 0, y: 0 },
      { x: 600, y: 0 },
    ]);
    const [first, second] = ids as [NoteId, NoteId];
    editor.commands.run(editor, 'notes.translate', { ids: [first], dx: 0, dy: 400 });
    editor.commands.run(editor, 'notes.translate', { ids: [second], dx: -560, dy: 380 });
    expect(doc.getMap<Y.Map<unknown>>('notes').get(first)?.has('layer')).toBe(false);
    expect(doc.getMap<Y.Map<unknown>>('notes').get(second)?.has('layer')).toBe(false);
  });
});
