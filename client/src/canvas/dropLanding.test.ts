// While notes are dragged into a cluster frame, the canvas shows where they
// will land: the spot previewed during the drag is the spot the release
// writes, by the same rule, and a pointer move that changes nothing there
// leaves the preview as it is.
import type { NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  GRID_GAP,
  NOTE_HEIGHT,
  NOTE_WIDTH,
} from '@pinnwand/shared/model/layout';
import { assignNotesToCluster, createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import type { TestEditorOptions } from '../testing/testEditor.ts';
import { testEditor } from '../testing/testEditor.ts';
import { applyEffects } from './applyEffects.ts';

const slot = { x: CLUSTER_PADDING, y: CLUSTER_HEADER + CLUSTER_PADDING };
const beside = { x: slot.x + NOTE_WIDTH + GRID_GAP, y: slot.y };

function framed(places: { x: number; y: number }[], options: TestEditorOptions = {}) {
  const ws = testWorkshop('blank');
  const ids = places.map((p, i) =>
    addNote(
      ws.doc,
      { boardId: ws.board, ...p, text: `n${i}`, author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    ),
  );
  const frame = createCluster(ws.doc, { boardId: ws.board, title: 'F', x: 0, y: 0 }, ALICE.origin);
  const editor = testEditor(ws.doc, { ...options, board: ws.board });
  return { ids, editor, frame, doc: ws.doc };
}

describe('where dragged notes will land', () => {
  it('a note dragged onto one lying in a frame shows the free spot beside it, where the release puts it', () => {
    const { ids, editor } = framed([slot, { x: 600, y: 0 }]);
    const dropped = ids[1] as NoteId;
    // Over the lying note: the spot beside it is shown.
    applyEffects(editor, [{ type: 'dragPreview', ids: [dropped], dx: -575.4, dy: 70.2 }]);
    const shown = editor.canvas.landing.get();
    expect(shown).toEqual({ notes: [beside], frames: [], joins: [] });
    // A move that lands on the same spot keeps the preview (nothing redrawn).
    applyEffects(editor, [{ type: 'dragPreview', ids: [dropped], dx: -574, dy: 71 }]);
    expect(editor.canvas.landing.get()).toBe(shown);
    applyEffects(editor, [{ type: 'dragCommit', ids: [dropped], dx: -574, dy: 71 }]);
    expect(editor.index.note(dropped)).toMatchObject(beside);
    expect(editor.canvas.landing.get()).toBeNull();
  });

  it('nothing is shown where the note lies as drawn: on free space in the frame or outside it', () => {
    const { ids, editor } = framed([slot, { x: 600, y: 0 }]);
    const dropped = ids[1] as NoteId;
    applyEffects(editor, [
      { type: 'dragPreview', ids: [dropped], dx: -600 + beside.x, dy: beside.y },
    ]);
    expect(editor.canvas.landing.get()).toBeNull();
    applyEffects(editor, [{ type: 'dragPreview', ids: [dropped], dx: 0, dy: 300 }]);
    expect(editor.canvas.landing.get()).toBeNull();
  });

  it('into a full frame: the facilitator sees the slot below and the frame grown; a drag given up shows nothing', () => {
    const { ids, editor } = framed([slot, beside, { x: 600, y: 0 }], { role: 'facilitator' });
    const dropped = ids[2] as NoteId;
    applyEffects(editor, [{ type: 'dragPreview', ids: [dropped], dx: -580, dy: 60 }]);
    const below = { x: slot.x, y: slot.y + NOTE_HEIGHT + GRID_GAP };
    expect(editor.canvas.landing.get()?.notes).toEqual([below]);
    const frame = editor.canvas.landing.get()?.frames[0];
    expect(frame?.height).toBeGreaterThan(DEFAULT_CLUSTER_HEIGHT);
    applyEffects(editor, [{ type: 'dragCancel' }]);
    expect(editor.canvas.landing.get()).toBeNull();
  });

  it('a frame that grows over a loose note marks it as taken in, and the release takes it in', () => {
    // "Darunter" lies just below the full frame, where the frame grows to hold the dropped note.
    const under = { x: 188, y: 200 };
    const { ids, editor, frame, doc } = framed([slot, beside, { x: 600, y: 0 }, under], {
      role: 'facilitator',
    });
    const [a, b, dropped, below] = ids as [NoteId, NoteId, NoteId, NoteId];
    assignNotesToCluster(doc, frame, [a, b], ALICE.origin, { keepPositions: true });
    applyEffects(editor, [{ type: 'dragPreview', ids: [dropped], dx: -580, dy: 60 }]);
    const shown = editor.canvas.landing.get();
    expect(shown?.frames[0]?.height).toBeGreaterThan(under.y + NOTE_HEIGHT / 2);
    expect(shown?.joins).toEqual([under]);
    applyEffects(editor, [{ type: 'dragCommit', ids: [dropped], dx: -580, dy: 60 }]);
    expect(editor.index.note(below)?.clusterId).toBe(frame);
  });
});
