// Native pointer, wheel and double-click events on the canvas element, turned
// into canvas events for the state machine. Pointer capture keeps a drag going
// when the pointer leaves the board.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type Konva from 'konva';
import { type RefObject, useEffect, useRef } from 'react';
import type { Editor } from '../editor/Editor.ts';
import type { Store } from '../ui/store.ts';
import { applyEffects } from './applyEffects.ts';
import { CanvasMachine } from './states/machine.ts';
import type { CanvasContext, CanvasEvent, Target } from './states/types.ts';
import { intersects, type Point, panBy, type Rect, toWorld, zoomAt } from './viewport.ts';

const DOUBLE_TAP_MS = 320;
/** How long after a handled touch double-tap a dblclick is taken as its echo. */
const TOUCH_ECHO_MS = 1000;

/** Whether a dblclick is the browser's echo of a touch double-tap already handled. */
export function isTouchEcho(event: object, touchDoubleTapAt: number, now: number): boolean {
  const e = event as {
    pointerType?: string;
    sourceCapabilities?: { firesTouchEvents?: boolean } | null;
  };
  if (e.pointerType === 'touch' || e.sourceCapabilities?.firesTouchEvents) return true;
  return now - touchDoubleTapAt < TOUCH_ECHO_MS;
}

export function usePointerInput(
  editor: Editor,
  element: RefObject<HTMLDivElement | null>,
  stage: RefObject<Konva.Stage | null>,
  brush: Store<Rect | null>,
  spaceHeld: { current: boolean },
): void {
  const machine = useRef(new CanvasMachine());

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const targetAt = (screen: Point): Target => {
      const shape = stage.current?.getIntersection(screen);
      const group = shape?.findAncestor('.note', true);
      const id = group?.id();
      return id ? { kind: 'note', id: id as NoteId } : { kind: 'canvas' };
    };
    const context = (): CanvasContext => ({
      selection: editor.selection.get(),
      readOnly: editor.readOnly,
      editing: editor.editing.get(),
      notesInRect: (rect) => {
        const boardId = editor.boardId.get();
        if (!boardId) return [];
        return editor.index
          .notes(boardId)
          .filter((n) =>
            intersects(rect, { x: n.x, y: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }),
          )
          .map((n) => n.id);
      },
    });
    const send = (event: CanvasEvent) =>
      applyEffects(editor, machine.current.send(event, context()), brush);
    let lastTap = { time: 0, x: 0, y: 0 };
    // A touch double-tap is handled on pointerdown; the browser then also fires
    // a compatibility dblclick, which must not create a second note.
    let touchDoubleTapAt = Number.NEGATIVE_INFINITY;

    const onPointerDown = (e: PointerEvent) => {
      const screen = local(e);
      const world = toWorld(editor.viewport.get(), screen);
      const target = targetAt(screen);
      if (e.pointerType === 'touch') {
        const now = performance.now();
        if (
          now - lastTap.time < DOUBLE_TAP_MS &&
          Math.hypot(screen.x - lastTap.x, screen.y - lastTap.y) < 24
        ) {
          lastTap = { time: 0, x: 0, y: 0 };
          touchDoubleTapAt = now;
          send({ type: 'doubleClick', target, world });
          return;
        }
        lastTap = { time: now, ...screen };
      }
      if (e.button === 1) e.preventDefault();
      el.focus({ preventScroll: true });
      try {
        el.setPointerCapture(e.pointerId);
      } catch {
        // synthetic events have no capturable pointer
      }
      send({
        type: 'pointerDown',
        pointerId: e.pointerId,
        screen,
        world,
        target,
        button: e.button,
        shift: e.shiftKey,
        spaceHeld: spaceHeld.current,
        pointerType: e.pointerType === 'touch' || e.pointerType === 'pen' ? e.pointerType : 'mouse',
      });
    };
    const onPointerMove = (e: PointerEvent) => {
      const screen = local(e);
      const world = toWorld(editor.viewport.get(), screen);
      const boardId = editor.boardId.get();
      if (e.pointerType !== 'touch') {
        editor.pointer.set(world);
        // Viewers' pointers are not shown to everyone.
        if (boardId && editor.role !== 'viewer')
          editor.presence.setThrottled({ cursor: { boardId, x: world.x, y: world.y } });
      }
      if (machine.current.state.name !== 'idle')
        send({ type: 'pointerMove', pointerId: e.pointerId, screen, world });
    };
    const onPointerUp = (e: PointerEvent) => {
      const screen = local(e);
      send({
        type: 'pointerUp',
        pointerId: e.pointerId,
        screen,
        world: toWorld(editor.viewport.get(), screen),
      });
    };
    const onPointerCancel = () => send({ type: 'cancel' });
    const onLeave = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      editor.pointer.set(null);
      editor.presence.setThrottled({ cursor: null });
    };
    const onDoubleClick = (e: MouseEvent) => {
      if (isTouchEcho(e, touchDoubleTapAt, performance.now())) return;
      const screen = local(e);
      send({
        type: 'doubleClick',
        target: targetAt(screen),
        world: toWorld(editor.viewport.get(), screen),
      });
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const view = editor.viewport.get();
      if (e.ctrlKey || e.metaKey) {
        const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025));
        editor.viewport.set(zoomAt(view, local(e), factor));
      } else {
        const unit = e.deltaMode === 1 ? 16 : 1;
        const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
        const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY;
        editor.viewport.set(panBy(view, -dx * unit, -dy * unit));
      }
    };
    const onContextMenu = (e: Event) => e.preventDefault();

    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerUp);
    el.addEventListener('pointercancel', onPointerCancel);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('dblclick', onDoubleClick);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('contextmenu', onContextMenu);
    return () => {
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('pointercancel', onPointerCancel);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('dblclick', onDoubleClick);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('contextmenu', onContextMenu);
    };
  }, [editor, element, stage, brush, spaceHeld]);
}
