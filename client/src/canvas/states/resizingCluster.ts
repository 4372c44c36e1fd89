import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, MIN_FRAME, stay } from './types.ts';

/** Dragging a frame's corner grip; never smaller than MIN_FRAME. */
export function resizingCluster(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'resizingCluster') return stay(state);
  if (event.type === 'cancel') return stay(IDLE, [{ type: 'ghost', rect: null }]);
  if (event.type !== 'pointerMove' && event.type !== 'pointerUp') return stay(state);
  if (event.pointerId !== state.pointerId) return stay(state);
  const rect = {
    ...state.from,
    width: Math.max(MIN_FRAME.width, state.from.width + event.world.x - state.downWorld.x),
    height: Math.max(MIN_FRAME.height, state.from.height + event.world.y - state.downWorld.y),
  };
  if (event.type === 'pointerMove') return stay(state, [{ type: 'ghost', rect }]);
  const changed = rect.width !== state.from.width || rect.height !== state.from.height;
  return stay(IDLE, [
    { type: 'ghost', rect: null },
    ...(changed
      ? [{ type: 'resizeCluster' as const, id: state.id, width: rect.width, height: rect.height }]
      : []),
  ]);
}
