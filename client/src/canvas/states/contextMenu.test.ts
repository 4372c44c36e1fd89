// The context menu (right click, long press) and hidden notes on the canvas.
import { describe, expect, test } from 'vitest';
import { A, B, C, ctx, down, facilitator, note, up } from '../../testing/canvasMachineEvents.ts';
import { CanvasMachine } from './machine.ts';
import type { Target } from './types.ts';

describe('context menu and hidden notes', () => {
  test('a double tap on a note opens its editor and nothing else; a long press opens the menu', () => {
    const m = new CanvasMachine();
    const touch = { pointerType: 'touch' as const };
    const at = { x: 3, y: 4 };
    m.send(down(note(A), 3, 4, touch), ctx());
    m.send(up(3, 4), ctx([A]));
    expect(m.send(down(note(A), 3, 4, { ...touch, doubleTap: true }), ctx([A]))).toEqual([
      { type: 'edit', id: A },
    ]);
    // The browser's contextmenu that follows the second tap (while the finger is down or after).
    expect(
      m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([A], { editing: A })),
    ).toEqual([]);
    m.send(up(3, 4), ctx([A], { editing: A }));
    expect(
      m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([A], { editing: A })),
    ).toEqual([]);
    // A long press is a press of its own: its menu opens.
    m.send(down(note(A), 3, 4, touch), ctx([A]));
    expect(m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([A]))).toEqual([
      { type: 'openMenu', menu: { kind: 'note', ids: [A] }, at },
    ]);
  });

  test('the menu of an unselected note selects it; of a selected one, takes the selection', () => {
    const m = new CanvasMachine();
    const at = { x: 3, y: 4 };
    expect(m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([B]))).toEqual([
      { type: 'select', ids: [A] },
      { type: 'openMenu', menu: { kind: 'note', ids: [A] }, at },
    ]);
    expect(m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([A, B]))).toEqual([
      { type: 'openMenu', menu: { kind: 'note', ids: [A, B] }, at },
    ]);
  });

  test('viewers get no note menu, and only the facilitator a frame menu', () => {
    const m = new CanvasMachine();
    const at = { x: 0, y: 0 };
    const body: Target = { kind: 'clusterBody', id: C };
    expect(
      m.send({ type: 'contextMenu', target: note(A), screen: at }, ctx([], { readOnly: true })),
    ).toEqual([]);
    expect(m.send({ type: 'contextMenu', target: body, screen: at }, ctx())).toEqual([]);
    expect(m.send({ type: 'contextMenu', target: body, screen: at }, facilitator())).toEqual([
      { type: 'openMenu', menu: { kind: 'cluster', id: C }, at },
    ]);
  });

  test('a double-click on one of one’s hidden notes opens it again', () => {
    const m = new CanvasMachine();
    expect(
      m.send(
        { type: 'doubleClick', target: { kind: 'hiddenNote', id: 'h1' }, world: { x: 0, y: 0 } },
        ctx(),
      ),
    ).toEqual([{ type: 'editHidden', id: 'h1' }]);
  });
});
