import type { Point } from '../viewport.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { distance, IDLE, stay } from './types.ts';

/** Two fingers: the distance between them zooms, their midpoint pans. */
export function pinching(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'pinching') return stay(state);
  if (event.type === 'cancel') return stay(IDLE);
  if (event.type === 'pointerUp' && (event.pointerId === state.a || event.pointerId === state.b)) {
    return stay(IDLE);
  }
  if (event.type !== 'pointerMove') return stay(state);
  if (event.pointerId !== state.a && event.pointerId !== state.b) return stay(state);
  const a0 = state.points[state.a];
  const b0 = state.points[state.b];
  if (!a0 || !b0) return stay(state);
  const points = { ...state.points, [event.pointerId]: event.screen };
  const a1 = points[state.a] as Point;
  const b1 = points[state.b] as Point;
  const before = mid(a0, b0);
  const after = mid(a1, b1);
  const d0 = distance(a0, b0);
  const d1 = distance(a1, b1);
  const factor = d0 > 0 && d1 > 0 ? d1 / d0 : 1;
  return stay({ ...state, points }, [
    { type: 'pan', dx: after.x - before.x, dy: after.y - before.y },
    { type: 'zoom', anchor: after, factor },
  ]);
}

function mid(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
