import type { Target } from '../hitTest.ts';
import type { Point } from '../viewport.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Effect, Step } from './types.ts';
import { stay } from './types.ts';

/**
 * Nothing pressed. A press decides what comes next: pan, draw a frame (the
 * cluster tool), move or resize a frame by its heading or grip, point at a
 * note, or at the canvas. Double-clicks, the context menu and the cursor over
 * frames are decided here too.
 */
export function idle(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  switch (event.type) {
    case 'doubleClick':
      return stay(state, doubleClick(event.target, event.world, ctx, event.firstPressAt));
    case 'contextMenu':
      return stay(state, contextMenu(event.target, event.screen, ctx));
    case 'pointerMove':
      return event.target
        ? stay(state, [{ type: 'cursor', cursor: cursorOver(event.target, ctx) }])
        : stay(state);
    case 'pointerDown':
      return pointerDown(state, event, ctx);
    default:
      return stay(state);
  }
}

function pointerDown(
  state: CanvasState,
  event: Extract<CanvasEvent, { type: 'pointerDown' }>,
  ctx: CanvasContext,
): Step {
  const effects: Effect[] = ctx.editing ? [{ type: 'endEditing' }] : [];
  const { target } = event;
  // While voting, a quick second tap on a note is a second dot, not "edit this note".
  if (event.doubleTap && !(ctx.voting && target.kind === 'note'))
    return stay(state, [...effects, ...doubleClick(target, event.world, ctx, event.firstTapAt)]);
  if (event.button === 1 || (event.button === 0 && event.spaceHeld)) {
    return { state: { name: 'panning', pointerId: event.pointerId, last: event.screen }, effects };
  }
  if (event.button !== 0) return stay(state, effects);
  if (ctx.tool === 'cluster' && ctx.canEditClusters) {
    effects.push({ type: 'ghost', rect: { ...event.world, width: 0, height: 0 } });
    return {
      state: { name: 'drawingCluster', pointerId: event.pointerId, downWorld: event.world },
      effects,
    };
  }
  if (ctx.canEditClusters && (target.kind === 'clusterHeader' || target.kind === 'clusterGrip')) {
    const from = ctx.clusterRect(target.id);
    if (from) {
      effects.push({ type: 'ghost', rect: from });
      const gesture = {
        pointerId: event.pointerId,
        id: target.id,
        from,
        downWorld: event.world,
      };
      return {
        state:
          target.kind === 'clusterGrip'
            ? { name: 'resizingCluster', ...gesture }
            : { name: 'movingCluster', ...gesture },
        effects,
      };
    }
  }
  if (target.kind === 'note') {
    const { id } = target;
    const wasSelected = ctx.selection.has(id);
    // Select on press so a drag moves what was just pressed; a shift-press toggles on release.
    if (!wasSelected && !event.shift) effects.push({ type: 'select', ids: [id] });
    if (!wasSelected && event.shift) effects.push({ type: 'select', ids: [...ctx.selection, id] });
    return {
      state: {
        name: 'pointingNote',
        pointerId: event.pointerId,
        id,
        downScreen: event.screen,
        downWorld: event.world,
        shift: event.shift,
        wasSelected,
      },
      effects,
    };
  }
  return {
    state: {
      name: 'pointingCanvas',
      pointerId: event.pointerId,
      downScreen: event.screen,
      downWorld: event.world,
      shift: event.shift,
      touch: event.pointerType === 'touch',
    },
    effects,
  };
}

/** A double-click (or double-tap): edit what is there, or write a new note. */
function doubleClick(
  target: Target,
  world: Point,
  ctx: CanvasContext,
  since: number | undefined,
): Effect[] {
  // Read-only, it still asks for what it would do: the command's refusal says why.
  switch (target.kind) {
    case 'note':
      // While voting the two clicks have given two dots; nothing opens.
      if (ctx.voting) return [];
      // Hidden writing: a double-click writes a hidden note, never a public edit; a
      // note that slid under the pointer during the double-click was not what was
      // aimed at. One drawn there before it began was, however new: it opens.
      if (ctx.writesHidden || ctx.landedSince(target.id, since))
        return [{ type: 'createNote', at: world }];
      return [{ type: 'edit', id: target.id }];
    case 'hiddenNote':
      return [{ type: 'editHidden', id: target.id }];
    case 'clusterHeader':
      if (ctx.canEditClusters) return [{ type: 'renameCluster', id: target.id }];
      return [{ type: 'createNote', at: world }];
    default:
      return [{ type: 'createNote', at: world }];
  }
}

/** Right-click or a long press: the menu of a note (and the selection it is part of) or a frame. */
function contextMenu(target: Target, at: Point, ctx: CanvasContext): Effect[] {
  if (target.kind === 'note') {
    if (ctx.readOnly) return [];
    const selected = ctx.selection.has(target.id);
    const ids = selected ? [...ctx.selection] : [target.id];
    return [
      ...(selected ? [] : [{ type: 'select' as const, ids: [target.id] }]),
      { type: 'openMenu', menu: { kind: 'note', ids }, at },
    ];
  }
  if (
    ctx.canEditClusters &&
    (target.kind === 'clusterGrip' ||
      target.kind === 'clusterHeader' ||
      target.kind === 'clusterBody')
  )
    return [{ type: 'openMenu', menu: { kind: 'cluster', id: target.id }, at }];
  return [];
}

function cursorOver(target: Target, ctx: CanvasContext): string {
  if (!ctx.canEditClusters) return '';
  if (ctx.tool === 'cluster') return 'crosshair';
  if (target.kind === 'clusterGrip') return 'nwse-resize';
  if (target.kind === 'clusterHeader') return 'move';
  return '';
}
