// The contexts, targets and pointer events the canvas state machine's tests
// send (canvas/states/*.test.ts): a note A selected or not, a note B the
// brush finds, a cluster C with its frame, and pointer events at a spot.
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import type { CanvasContext, CanvasEvent, Target } from '../canvas/states/types.ts';

export const A = 'a' as NoteId;
export const B = 'b' as NoteId;
export const C = 'c' as ClusterId;
export const FRAME = { x: 0, y: 0, width: 400, height: 300 };

export function ctx(selection: NoteId[] = [], extra: Partial<CanvasContext> = {}): CanvasContext {
  return {
    selection: new Set(selection),
    readOnly: false,
    editing: null,
    tool: 'select',
    canEditClusters: false,
    voting: false,
    writesHidden: false,
    landedSince: () => false,
    onOwnDots: () => false,
    notesInRect: () => [B],
    clusterRect: (id) => (id === C ? FRAME : undefined),
    toWorld: (screen) => screen,
    ...extra,
  };
}

export const at = (x: number, y: number) => ({ screen: { x, y }, world: { x, y } });
export function down(target: Target, x = 0, y = 0, more: Partial<CanvasEvent> = {}): CanvasEvent {
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
export const move = (x: number, y: number, pointerId = 1): CanvasEvent => ({
  type: 'pointerMove',
  pointerId,
  ...at(x, y),
});
export const up = (x: number, y: number, pointerId = 1): CanvasEvent => ({
  type: 'pointerUp',
  pointerId,
  ...at(x, y),
});
export const note = (id: NoteId): Target => ({ kind: 'note', id });

/** Someone who may edit clusters (the facilitator). */
export const facilitator = (selection: NoteId[] = [], extra: Partial<CanvasContext> = {}) =>
  ctx(selection, { canEditClusters: true, ...extra });
