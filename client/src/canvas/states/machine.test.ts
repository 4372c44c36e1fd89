import type { NoteId } from '@pinnwand/shared/model/ids';
import { describe, expect, test } from 'vitest';
import { CanvasMachine } from './machine.ts';
import type { CanvasContext, CanvasEvent, Target } from './types.ts';

const A = 'a' as NoteId;
const B = 'b' as NoteId;

function ctx(selection: NoteId[] = [], extra: Partial<CanvasContext> = {}): CanvasContext {
  return {
    selection: new Set(selection),
    readOnly: false,
    editing: null,
    notesInRect: () => [B],
    ...extra,
  };
}

const at = (x: number, y: number) => ({ screen: { x, y }, world: { x, y } });
function down(target: Target, x = 0, y = 0, more: Partial<CanvasEvent> = {}): CanvasEvent {
  return {
    type: 'pointerDown',
    pointerId: 1,
    target,
    button: 0,
    shift: false,
    spaceHeld: false,
    pointerType: 'mouse',
    ...at(x, y),
    ...more,
  } as CanvasEvent;
}
const move = (x: number, y: number, pointerId = 1): CanvasEvent => ({
  type: 'pointerMove',
  pointerId,
  ...at(x, y),
});
const up = (x: number, y: number, pointerId = 1): CanvasEvent => ({
  type: 'pointerUp',
  pointerId,
  ...at(x, y),
});
const note = (id: NoteId): Target => ({ kind: 'note', id });

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
    expect(m.send(move(20, 10), ctx([A, B]))).toEqual([{ type: 'dragPreview', dx: 20, dy: 10 }]);
    expect(m.state.name).toBe('draggingNotes');
    expect(m.send(up(30, 10), ctx([A, B]))).toEqual([
      { type: 'dragCommit', ids: [A, B], dx: 30, dy: 10 },
    ]);
    expect(m.state.name).toBe('idle');
  });

  test('a viewer cannot drag', () => {
    const m = new CanvasMachine();
    m.send(down(note(A)), ctx([], { readOnly: true }));
    expect(m.send(move(50, 50), ctx([A], { readOnly: true }))).toEqual([]);
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

  test('a viewer double-click does nothing', () => {
    const m = new CanvasMachine();
    expect(
      m.send(
        { type: 'doubleClick', target: { kind: 'canvas' }, world: { x: 0, y: 0 } },
        ctx([], { readOnly: true }),
      ),
    ).toEqual([]);
  });
});
