import type { NoteId } from '@pinnwand/shared/model/ids';
import { describe, expect, test } from 'vitest';
import {
  A,
  B,
  C,
  ctx,
  down,
  FRAME,
  facilitator,
  move,
  note,
  up,
} from '../../testing/canvasMachineEvents.ts';
import { CanvasMachine } from './machine.ts';
import type { Target } from './types.ts';

describe('canvas states', () => {
  test('a click on a note selects it and returns to idle', () => {
    const m = new CanvasMachine();
    expect(m.send(down(note(A)), ctx())).toEqual([{ type: 'select', ids: [A] }]);
    expect(m.state.name).toBe('pointingNote');
    expect(m.send(up(0, 0), ctx([A]))).toEqual([]);
    expect(m.state.name).toBe('idle');
  });

  test('shift-click toggles a selected note off on release', () => {
    const m = new CanvasMachine();
    expect(m.send(down(note(A), 0, 0, { shift: true }), ctx([A, B]))).toEqual([]);
    expect(m.send(up(0, 0), ctx([A, B]))).toEqual([{ type: 'select', ids: [B] }]);
  });

  test('shift-click adds an unselected note', () => {
    const m = new CanvasMachine();
    expect(m.send(down(note(A), 0, 0, { shift: true }), ctx([B]))).toEqual([
      { type: 'select', ids: [B, A] },
    ]);
  });

  test('dragging a selected note moves the whole selection, committed on release', () => {
    const m = new CanvasMachine();
    m.send(down(note(A)), ctx([A, B]));
    expect(m.send(move(2, 0), ctx([A, B]))).toEqual([]);
    expect(m.send(move(20, 10), ctx([A, B]))).toEqual([
      { type: 'dragPreview', ids: [A, B], dx: 20, dy: 10 },
    ]);
    expect(m.state.name).toBe('draggingNotes');
    expect(m.send(up(30, 10), ctx([A, B]))).toEqual([
      { type: 'dragCommit', ids: [A, B], dx: 30, dy: 10 },
    ]);
    expect(m.state.name).toBe('idle');
  });

  test('a viewer cannot drag; the gate is asked once per press, so it says why once', () => {
    const m = new CanvasMachine();
    m.send(down(note(A)), ctx([], { readOnly: true }));
    expect(m.send(move(50, 50), ctx([A], { readOnly: true }))).toEqual([
      { type: 'ask', command: 'notes.translate' },
    ]);
    expect(m.send(move(80, 60), ctx([A], { readOnly: true }))).toEqual([]);
    expect(m.state.name).toBe('pointingNote');
  });

  test('dragging on empty board with a mouse draws a selection frame', () => {
    const m = new CanvasMachine();
    m.send(down({ kind: 'canvas' }, 0, 0), ctx());
    const effects = m.send(move(100, 50), ctx());
    expect(effects[0]).toEqual({ type: 'brush', rect: { x: 0, y: 0, width: 100, height: 50 } });
    expect(effects[1]).toEqual({ type: 'select', ids: [B] });
    expect(m.send(up(100, 50), ctx([B]))).toContainEqual({ type: 'brush', rect: null });
  });

  test('a click on empty board clears the selection', () => {
    const m = new CanvasMachine();
    m.send(down({ kind: 'canvas' }), ctx([A]));
    expect(m.send(up(0, 0), ctx([A]))).toEqual([{ type: 'select', ids: [] }]);
  });

  test('pressing while editing ends the editing', () => {
    const m = new CanvasMachine();
    expect(m.send(down({ kind: 'canvas' }), ctx([], { editing: A }))).toEqual([
      { type: 'endEditing' },
    ]);
  });

  test('space + drag pans', () => {
    const m = new CanvasMachine();
    m.send(down(note(A), 0, 0, { spaceHeld: true }), ctx());
    expect(m.state.name).toBe('panning');
    expect(m.send(move(5, 7), ctx())).toEqual([{ type: 'pan', dx: 5, dy: 7 }]);
  });

  test('middle mouse pans', () => {
    const m = new CanvasMachine();
    m.send(down({ kind: 'canvas' }, 0, 0, { button: 1 }), ctx());
    expect(m.state.name).toBe('panning');
  });

  test('one finger on empty board pans', () => {
    const m = new CanvasMachine();
    m.send(down({ kind: 'canvas' }, 0, 0, { pointerType: 'touch' }), ctx());
    expect(m.send(move(20, 0), ctx())).toEqual([{ type: 'pan', dx: 20, dy: 0 }]);
    expect(m.state.name).toBe('panning');
  });

  test('a second finger cancels a drag and pinches', () => {
    const m = new CanvasMachine();
    m.send(down(note(A), 0, 0, { pointerType: 'touch' }), ctx());
    m.send(move(20, 0), ctx([A]));
    expect(m.state.name).toBe('draggingNotes');
    const effects = m.send(
      down({ kind: 'canvas' }, 100, 0, { pointerType: 'touch', pointerId: 2 }),
      ctx([A]),
    );
    expect(effects).toEqual([{ type: 'dragCancel' }]);
    expect(m.state.name).toBe('pinching');
    const zoom = m.send(move(200, 0, 2), ctx([A]));
    expect(zoom).toContainEqual({ type: 'zoom', anchor: { x: 110, y: 0 }, factor: 2.25 });
    m.send(up(200, 0, 2), ctx([A]));
    expect(m.state.name).toBe('idle');
  });

  test('double-click creates a note on empty board and edits a note', () => {
    const m = new CanvasMachine();
    expect(
      m.send({ type: 'doubleClick', target: { kind: 'canvas' }, world: { x: 5, y: 6 } }, ctx()),
    ).toEqual([{ type: 'createNote', at: { x: 5, y: 6 } }]);
    expect(m.send({ type: 'doubleClick', target: note(A), world: { x: 5, y: 6 } }, ctx())).toEqual([
      { type: 'edit', id: A },
    ]);
  });

  test('a double-click on a note that slid under the pointer during it writes a new note instead', () => {
    const m = new CanvasMachine();
    // A arrived at 1000; B at 400, before the double-click began at 500.
    const arrived: Record<string, number> = { [A]: 1000, [B]: 400 };
    const landed = ctx([], {
      landedSince: (id, since) => (arrived[id] ?? 0) >= (since ?? 0),
    });
    const dbl = (target: Target) =>
      m.send({ type: 'doubleClick', target, world: { x: 5, y: 6 }, firstPressAt: 500 }, landed);
    expect(dbl(note(A))).toEqual([{ type: 'createNote', at: { x: 5, y: 6 } }]);
    // B was drawn when the double-click began, however freshly: it opens.
    expect(dbl(note(B))).toEqual([{ type: 'edit', id: B }]);
  });

  test('while hidden writing runs, a double-click on a public note writes a hidden one', () => {
    const m = new CanvasMachine();
    const hidden = ctx([], { writesHidden: true });
    expect(m.send({ type: 'doubleClick', target: note(A), world: { x: 5, y: 6 } }, hidden)).toEqual(
      [{ type: 'createNote', at: { x: 5, y: 6 } }],
    );
    // A double-tap too.
    expect(m.send(down(note(A), 5, 6, { doubleTap: true, pointerType: 'touch' }), hidden)).toEqual([
      { type: 'createNote', at: { x: 5, y: 6 } },
    ]);
  });

  test("a viewer's double-click asks for what it would do, so the gate's refusal is said", () => {
    const m = new CanvasMachine();
    const viewer = ctx([], { readOnly: true });
    expect(
      m.send({ type: 'doubleClick', target: { kind: 'canvas' }, world: { x: 0, y: 0 } }, viewer),
    ).toEqual([{ type: 'createNote', at: { x: 0, y: 0 } }]);
    expect(m.send({ type: 'doubleClick', target: note(A), world: { x: 0, y: 0 } }, viewer)).toEqual(
      [{ type: 'edit', id: A }],
    );
  });
});

describe('voting on the canvas', () => {
  test('a click on a note gives it a dot and selects it', () => {
    const m = new CanvasMachine();
    const voting = ctx([], { voting: true });
    expect(m.send(down(note(A)), voting)).toEqual([{ type: 'select', ids: [A] }]);
    expect(m.send(up(1, 1), ctx([A], { voting: true }))).toEqual([{ type: 'vote', id: A }]);
  });

  test('a drag is not a vote', () => {
    const m = new CanvasMachine();
    m.send(down(note(A)), ctx([], { voting: true }));
    m.send(move(30, 0), ctx([A], { voting: true }));
    expect(m.send(up(30, 0), ctx([A], { voting: true }))).toEqual([
      { type: 'dragCommit', ids: [A], dx: 30, dy: 0 },
    ]);
  });

  test('a double-click gives two dots and opens no editor', () => {
    const m = new CanvasMachine();
    const voting = ctx([A], { voting: true });
    const dots = [
      ...m.send(down(note(A)), voting),
      ...m.send(up(0, 0), voting),
      ...m.send(down(note(A)), voting),
      ...m.send(up(0, 0), voting),
      ...m.send({ type: 'doubleClick', target: note(A), world: { x: 0, y: 0 } }, voting),
    ];
    expect(dots).toEqual([
      { type: 'vote', id: A },
      { type: 'vote', id: A },
    ]);
  });

  test('a touch double-tap on a note gives two dots too', () => {
    const m = new CanvasMachine();
    const voting = ctx([A], { voting: true });
    const tap = { pointerType: 'touch' as const };
    m.send(down(note(A), 0, 0, tap), voting);
    expect(m.send(up(0, 0), voting)).toEqual([{ type: 'vote', id: A }]);
    m.send(down(note(A), 0, 0, { ...tap, doubleTap: true }), voting);
    expect(m.send(up(0, 0), voting)).toEqual([{ type: 'vote', id: A }]);
  });
});

describe('touch and the keyboard', () => {
  test('a double-tap on empty board writes a note there', () => {
    const m = new CanvasMachine();
    const effects = m.send(
      down({ kind: 'canvas' }, 5, 6, { pointerType: 'touch', doubleTap: true }),
      ctx(),
    );
    expect(effects).toEqual([{ type: 'createNote', at: { x: 5, y: 6 } }]);
    expect(m.state.name).toBe('idle');
  });

  test('Esc cancels a drag and is not used in idle with the select tool', () => {
    const m = new CanvasMachine();
    m.send(down(note(A)), ctx([A]));
    m.send(move(20, 0), ctx([A]));
    expect(m.send({ type: 'key', key: 'Escape' }, ctx([A]))).toEqual([{ type: 'dragCancel' }]);
    expect(m.state.name).toBe('idle');
    expect(m.send({ type: 'key', key: 'Escape' }, ctx([A]))).toEqual([]);
  });
});

describe('the wheel', () => {
  test('pans, and zooms with Ctrl, at the pointer, in any state', () => {
    const m = new CanvasMachine();
    const turn = { type: 'wheel' as const, screen: { x: 10, y: 20 } };
    expect(m.send({ ...turn, dx: 5, dy: 30, zoom: false }, ctx())).toEqual([
      { type: 'pan', dx: -5, dy: -30 },
    ]);
    m.send(down(note(A)), ctx());
    m.send(move(20, 0), ctx([A]));
    const zoom = m.send({ ...turn, dx: 0, dy: -100, zoom: true }, ctx([A]));
    expect(zoom).toEqual([{ type: 'zoom', anchor: { x: 10, y: 20 }, factor: Math.exp(0.25) }]);
    expect(m.state.name).toBe('draggingNotes');
  });

  test('a zoom or pan under a drag held still takes the drag to the board point now under the pointer', () => {
    const m = new CanvasMachine();
    m.send(down(note(A), 10, 10), ctx([A]));
    m.send(move(40, 30), ctx([A]));
    // Zoomed in twice around the stage's corner: the pointer at (40,30) is over (20,15).
    const zoomed = ctx([A], { toWorld: (p) => ({ x: p.x / 2, y: p.y / 2 }) });
    expect(m.send({ type: 'viewChanged' }, zoomed)).toEqual([
      { type: 'dragPreview', ids: [A], dx: 10, dy: 5 },
    ]);
    expect(m.state.name).toBe('draggingNotes');
  });

  test('a view change moves a frame being moved and a selection frame, and is nothing to a press or a pan', () => {
    const m = new CanvasMachine();
    const panned = (selection: NoteId[] = []) =>
      facilitator(selection, { toWorld: (p) => ({ x: p.x + 100, y: p.y }) });
    expect(m.send({ type: 'viewChanged' }, panned())).toEqual([]);
    m.send(down(note(A), 10, 10), ctx([A]));
    expect(m.send({ type: 'viewChanged' }, panned([A]))).toEqual([]);
    m.send(up(10, 10), ctx([A]));
    m.send(down({ kind: 'canvas' }, 0, 0), ctx());
    m.send(move(50, 50), ctx());
    expect(m.send({ type: 'viewChanged' }, panned())[0]).toEqual({
      type: 'brush',
      rect: { x: 0, y: 0, width: 150, height: 50 },
    });
    m.send(up(50, 50), ctx());
    m.send(down({ kind: 'clusterHeader', id: C }, 10, 10), facilitator());
    m.send(move(30, 10), facilitator());
    expect(m.send({ type: 'viewChanged' }, panned())).toEqual([
      { type: 'ghost', rect: { ...FRAME, x: 120 } },
    ]);
  });
});
