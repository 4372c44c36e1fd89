// Moving notes through the commands the canvas and the keyboard use: a note
// dropped onto another lies on top of it, on every device (the order is the
// document's); a note moved by the keyboard stays in sight, the view
// following it as little as needed.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shownView } from '../gate/placement.ts';
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

  it('Shift+arrow keeps the moved note inside the visible canvas, panning as little as needed', () => {
    const { ids, editor, board: b } = board([{ x: 500, y: 200 }]);
    const id = ids[0] as NoteId;
    editor.stageSize.set({ width: 800, height: 600 });
    editor.viewport.set({ x: 0, y: 0, scale: 1 });
    editor.selection.set(new Set([id]));
    const inside = () => {
      const area = shownView(editor, b)!;
      const note = editor.index.note(id)!;
      return (
        note.x >= area.x - 0.5 &&
        note.y >= area.y - 0.5 &&
        note.x + NOTE_WIDTH <= area.x + area.width + 0.5 &&
        note.y + NOTE_HEIGHT <= area.y + area.height + 0.5
      );
    };
    for (let i = 0; i < 15; i++) {
      editor.commands.run(editor, 'selection.nudgeRightFar');
      expect(inside(), `right ${i}`).toBe(true);
    }
    // As little as needed: the note touches the area's right edge, no more.
    const area = shownView(editor, b)!;
    expect(editor.index.note(id)!.x + NOTE_WIDTH).toBeCloseTo(area.x + area.width, 0);
    for (let i = 0; i < 20; i++) {
      editor.commands.run(editor, 'selection.nudgeDownFar');
      expect(inside(), `down ${i}`).toBe(true);
    }
    // Moving back inside the view pans nothing.
    const view = editor.viewport.get();
    editor.commands.run(editor, 'selection.nudgeLeft');
    expect(editor.viewport.get()).toBe(view);
  });
});
