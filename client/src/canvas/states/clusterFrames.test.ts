// Cluster frames on the canvas: moved by the heading, resized by the grip, drawn with the frame tool.
import { describe, expect, test } from 'vitest';
import {
  A,
  at,
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
import type { CanvasContext, Target } from './types.ts';

const header: Target = { kind: 'clusterHeader', id: C };
const grip: Target = { kind: 'clusterGrip', id: C };

describe('cluster frames', () => {
  test('dragging a frame by its heading moves it on release', () => {
    const m = new CanvasMachine();
    expect(m.send(down(header, 10, 10), facilitator())).toEqual([{ type: 'ghost', rect: FRAME }]);
    expect(m.send(move(60, 30), facilitator())).toEqual([
      { type: 'ghost', rect: { ...FRAME, x: 50, y: 20 } },
    ]);
    expect(m.send(up(60, 30), facilitator())).toEqual([
      { type: 'ghost', rect: null },
      { type: 'moveCluster', id: C, x: 50, y: 20 },
    ]);
  });

  test('a click on the heading moves nothing; a double-click renames the frame', () => {
    const m = new CanvasMachine();
    m.send(down(header, 10, 10), facilitator());
    expect(m.send(up(11, 10), facilitator())).toEqual([{ type: 'ghost', rect: null }]);
    expect(
      m.send({ type: 'doubleClick', target: header, world: { x: 10, y: 10 } }, facilitator()),
    ).toEqual([{ type: 'renameCluster', id: C }]);
  });

  test('for a participant the heading is board: a drag draws a selection frame', () => {
    const m = new CanvasMachine();
    expect(m.send(down(header, 10, 10), ctx())).toEqual([]);
    expect(m.state.name).toBe('pointingCanvas');
  });

  test('the grip resizes, never below the smallest frame', () => {
    const m = new CanvasMachine();
    m.send(down(grip, 400, 300), facilitator());
    expect(m.state.name).toBe('resizingCluster');
    const effects = m.send(up(-500, -500), facilitator());
    expect(effects[1]).toMatchObject({ type: 'resizeCluster', id: C });
    const resized = effects[1] as { width: number; height: number };
    expect(resized.width).toBeGreaterThan(0);
    expect(resized.height).toBeGreaterThan(0);
  });

  test('the cluster tool draws one frame and returns to selecting', () => {
    const m = new CanvasMachine();
    const tool = facilitator([], { tool: 'cluster' });
    m.send(down(note(A), 0, 0), tool);
    expect(m.state.name).toBe('drawingCluster');
    expect(m.send(up(200, 100), tool)).toEqual([
      { type: 'ghost', rect: null },
      { type: 'tool', tool: 'select' },
      { type: 'createCluster', rect: { x: 0, y: 0, width: 200, height: 100 } },
    ]);
  });

  test('a slip with the cluster tool draws nothing; Esc leaves the tool', () => {
    const m = new CanvasMachine();
    const tool = facilitator([], { tool: 'cluster' });
    m.send(down({ kind: 'canvas' }, 0, 0), tool);
    expect(m.send(up(10, 10), tool)).not.toContainEqual(
      expect.objectContaining({ type: 'createCluster' }),
    );
    expect(m.send({ type: 'key', key: 'Escape' }, tool)).toEqual([
      { type: 'tool', tool: 'select' },
    ]);
  });

  test('the cursor shows what a press on a frame would do', () => {
    const m = new CanvasMachine();
    const hover = (target: Target, c: CanvasContext) =>
      m.send({ type: 'pointerMove', pointerId: 1, ...at(0, 0), target }, c);
    expect(hover(grip, facilitator())).toEqual([{ type: 'cursor', cursor: 'nwse-resize' }]);
    expect(hover(header, facilitator())).toEqual([{ type: 'cursor', cursor: 'move' }]);
    expect(hover(header, ctx())).toEqual([{ type: 'cursor', cursor: '' }]);
  });
});
