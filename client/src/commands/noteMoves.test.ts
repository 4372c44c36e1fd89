// Moving notes through the commands the canvas and the keyboard use: a note
// dropped onto another lies on top of it, on every device (the order is the
// document's); a note moved by the keyboard stays in sight, the view
// following it as little as needed.
import type { NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  GRID_GAP,
  NOTE_HEIGHT,
  NOTE_WIDTH,
} from '@pinnwand/shared/model/layout';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import { getCluster } from '@pinnwand/shared/read/lookups';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shownView } from '../gate/placement.ts';
import { DocIndex } from '../model/docIndex.ts';
import { type TestEditorOptions, testEditor } from '../testing/testEditor.ts';

function board(places: { x: number; y: number }[], options: TestEditorOptions = {}) {
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
  const editor = testEditor(ws.doc, { ...options, board: ws.board });
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

describe('moving notes into a cluster frame', () => {
  // A frame with room for two notes side by side, the first of them lying there.
  const slot = { x: CLUSTER_PADDING, y: CLUSTER_HEADER + CLUSTER_PADDING };
  const rect = (p: { x: number; y: number }) => ({ ...p, width: NOTE_WIDTH, height: NOTE_HEIGHT });
  function framed(places: { x: number; y: number }[], role: 'participant' | 'facilitator') {
    const ws = board(places, { role });
    const frame = createCluster(
      ws.doc,
      { boardId: ws.board, title: 'F', x: 0, y: 0 },
      ALICE.origin,
    );
    ws.editor.undo.clear();
    return { ...ws, frame };
  }

  it('a note dropped onto one lying in the frame goes beside it, in the same undo step', () => {
    const { ids, editor } = framed([slot, { x: 600, y: 0 }], 'participant');
    const [lying, dropped] = ids as [NoteId, NoteId];
    editor.commands.run(editor, 'notes.translate', { ids: [dropped], dx: -570, dy: 70 });
    const note = editor.index.note(dropped)!;
    expect(rectsOverlap(rect(note), rect(editor.index.note(lying)!))).toBe(false);
    expect(note).toMatchObject({ x: slot.x + NOTE_WIDTH + GRID_GAP, y: slot.y });
    editor.undo.undo();
    expect(editor.index.note(dropped)).toMatchObject({ x: 600, y: 0 });
  });

  it('into a full frame: the facilitator’s frame grows to hold it; a participant’s note lies where dropped', () => {
    const full = [slot, { x: slot.x + NOTE_WIDTH + GRID_GAP, y: slot.y }, { x: 600, y: 0 }];
    const fac = framed(full, 'facilitator');
    fac.editor.commands.run(fac.editor, 'notes.translate', {
      ids: [fac.ids[2]!],
      dx: -580,
      dy: 60,
    });
    expect(fac.editor.index.note(fac.ids[2]!)).toMatchObject({
      x: slot.x,
      y: slot.y + NOTE_HEIGHT + GRID_GAP,
    });
    expect(getCluster(fac.doc, fac.frame)?.height).toBeGreaterThan(DEFAULT_CLUSTER_HEIGHT);

    const part = framed(full, 'participant');
    part.editor.commands.run(part.editor, 'notes.translate', {
      ids: [part.ids[2]!],
      dx: -580,
      dy: 60,
    });
    expect(part.editor.index.note(part.ids[2]!)).toMatchObject({ x: 20, y: 60 });
    expect(getCluster(part.doc, part.frame)?.height).toBe(DEFAULT_CLUSTER_HEIGHT);
  });

  it('an arrow key moves a note in the frame by exactly its step, even onto a note lying there', () => {
    const beside = { x: slot.x + NOTE_WIDTH + GRID_GAP, y: slot.y };
    const { ids, editor, doc, frame } = framed([slot, beside], 'facilitator');
    const [left, right] = ids as [NoteId, NoteId];
    editor.selection.set(new Set([left]));
    editor.commands.run(editor, 'selection.nudgeRight');
    expect(editor.index.note(left)).toMatchObject({ x: slot.x + 8, y: slot.y });
    // Now touching the other note: the next steps go on by the step, no jump past it.
    editor.commands.run(editor, 'selection.nudgeRightFar');
    expect(editor.index.note(left)).toMatchObject({ x: slot.x + 48, y: slot.y });
    expect(editor.index.note(right)).toMatchObject(beside);
    expect(getCluster(doc, frame)?.height).toBe(DEFAULT_CLUSTER_HEIGHT);
  });
});
