// The only listeners on the canvas element: native pointer, wheel,
// double-click and context-menu events, turned into canvas events for the
// input pipeline (canvasInput.ts). Pointer capture keeps a drag going when the
// pointer leaves the board. Features do not listen here: they are states and
// effects of the pipeline.
import { type RefObject, useEffect } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { sendToCanvas, targetAt, wantsHover } from './canvasInput.ts';
import { type Point, toWorld } from './viewport.ts';

const DOUBLE_TAP_MS = 320;
/** A finger held this long on the board is a long press (what phones take for one). */
const LONG_PRESS_MS = 500;
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

/**
 * Whether an event comes from a text field laid over the canvas (the note
 * editor): a press, double-click or long press there places the caret,
 * selects a word or opens the browser's text menu (paste), and is no press
 * on the board — it neither ends the editing nor opens the note's menu.
 */
export function fromTextField(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest('textarea, input') !== null;
}

export function usePointerInput(editor: Editor, element: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const worldOf = (screen: Point) => toWorld(editor.viewport.get(), screen);
    let lastTap = { time: 0, at: 0, x: 0, y: 0 };
    // The last two presses (Date.now(), the clock of editor/landings.ts): a
    // dblclick began with the one before the last. A note that arrived after
    // it was not aimed at; one drawn before it was.
    let presses = [0, 0];
    // A touch double-tap is taken on pointerdown; the browser then also fires
    // a compatibility dblclick, which must not count a second time.
    let touchDoubleTapAt = Number.NEGATIVE_INFINITY;
    // The long press of the finger or pen held down (the machine takes it only
    // while that press is still on a note and has not moved).
    let longPress: ReturnType<typeof setTimeout> | null = null;
    const endLongPress = () => {
      if (longPress !== null) clearTimeout(longPress);
      longPress = null;
    };

    const onPointerDown = (e: PointerEvent) => {
      if (fromTextField(e.target)) return;
      const screen = local(e);
      const world = worldOf(screen);
      let doubleTap = false;
      let firstTapAt = 0;
      presses = [presses[1] ?? 0, Date.now()];
      if (e.pointerType === 'touch') {
        const now = performance.now();
        doubleTap =
          now - lastTap.time < DOUBLE_TAP_MS &&
          Math.hypot(screen.x - lastTap.x, screen.y - lastTap.y) < 24;
        firstTapAt = lastTap.at;
        lastTap = doubleTap
          ? { time: 0, at: 0, x: 0, y: 0 }
          : { time: now, at: Date.now(), ...screen };
        if (doubleTap) touchDoubleTapAt = now;
      }
      if (e.button === 1) e.preventDefault();
      // The second tap of a double-tap opens a note editor: it keeps the focus.
      // Not even the browser's own focus for the tap goes to the canvas (its
      // compatibility mousedown would, when the finger is beside the editor,
      // on the note's author line): that closed the editor as it opened.
      if (doubleTap) e.preventDefault();
      else {
        el.focus({ preventScroll: true });
        try {
          el.setPointerCapture(e.pointerId);
        } catch {
          // synthetic events have no capturable pointer
        }
      }
      endLongPress();
      if (e.pointerType === 'touch' || e.pointerType === 'pen') {
        const pointerId = e.pointerId;
        longPress = setTimeout(() => {
          longPress = null;
          sendToCanvas(editor, { type: 'longPress', pointerId });
        }, LONG_PRESS_MS);
      }
      sendToCanvas(editor, {
        type: 'pointerDown',
        pointerId: e.pointerId,
        screen,
        world,
        target: targetAt(editor, world),
        button: e.button,
        shift: e.shiftKey,
        spaceHeld: editor.canvas.spaceHeld.current,
        pointerType: e.pointerType === 'touch' || e.pointerType === 'pen' ? e.pointerType : 'mouse',
        ...(doubleTap ? { doubleTap, firstTapAt } : {}),
      });
    };
    const onPointerMove = (e: PointerEvent) => {
      const screen = local(e);
      const world = worldOf(screen);
      const boardId = editor.boardId.get();
      if (e.pointerType !== 'touch') {
        editor.pointer.set(world);
        // Viewers' pointers are not shown to everyone.
        if (boardId && editor.role !== 'viewer')
          editor.presence.setThrottled({ cursor: { boardId, x: world.x, y: world.y } });
      }
      if (editor.canvas.machine.state.name !== 'idle') {
        sendToCanvas(editor, { type: 'pointerMove', pointerId: e.pointerId, screen, world });
      } else if (e.buttons === 0 && wantsHover(editor)) {
        const target = targetAt(editor, world);
        sendToCanvas(editor, {
          type: 'pointerMove',
          pointerId: e.pointerId,
          screen,
          world,
          target,
        });
      }
    };
    const onPointerUp = (e: PointerEvent) => {
      endLongPress();
      const screen = local(e);
      sendToCanvas(editor, {
        type: 'pointerUp',
        pointerId: e.pointerId,
        screen,
        world: worldOf(screen),
      });
    };
    const onPointerCancel = () => {
      endLongPress();
      sendToCanvas(editor, { type: 'cancel' });
    };
    const onLeave = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      editor.pointer.set(null);
      editor.presence.setThrottled({ cursor: null });
    };
    const onDoubleClick = (e: MouseEvent) => {
      if (fromTextField(e.target) || isTouchEcho(e, touchDoubleTapAt, performance.now())) return;
      const world = worldOf(local(e));
      sendToCanvas(editor, {
        type: 'doubleClick',
        target: targetAt(editor, world),
        world,
        firstPressAt: presses[0] ?? 0,
      });
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const zoom = e.ctrlKey || e.metaKey;
      // Lines (some mice) as pixels; Shift turns a vertical wheel sideways.
      const unit = e.deltaMode === 1 ? (zoom ? 20 : 16) : 1;
      const sideways = !zoom && e.shiftKey && e.deltaX === 0;
      sendToCanvas(editor, {
        type: 'wheel',
        screen: local(e),
        dx: (sideways ? e.deltaY : e.deltaX) * unit,
        dy: (sideways ? 0 : e.deltaY) * unit,
        zoom,
      });
    };
    // Nothing on the board is dragged the browser's way. Text selected across
    // the page includes the canvas, and a press and move on it would start a
    // native drag of that selection, which cancels the pointer's gesture: the
    // note a person drags stays where it was.
    const onDragStart = (e: DragEvent) => {
      if (!fromTextField(e.target)) e.preventDefault();
    };
    // The browser's own menu never shows over the board; ours may. The note
    // editor keeps the browser's text menu.
    const onContextMenu = (e: MouseEvent) => {
      if (fromTextField(e.target)) return;
      e.preventDefault();
      const screen = local(e);
      sendToCanvas(editor, {
        type: 'contextMenu',
        target: targetAt(editor, worldOf(screen)),
        screen,
      });
    };
    const showCursor = () => {
      el.style.cursor = editor.canvas.cursor.get();
    };
    const offCursor = editor.canvas.cursor.subscribe(showCursor);
    // Leaving a tool or a gesture: the cursor it set goes too.
    const offTool = editor.canvas.tool.subscribe(() =>
      editor.canvas.cursor.set(editor.canvas.tool.get() === 'cluster' ? 'crosshair' : ''),
    );
    showCursor();
    // The wheel, a summons or the keyboard moved the view under a pointer held
    // still: a drag follows the board point now under it at once.
    const offView = editor.viewport.subscribe(() => {
      if (editor.canvas.machine.followsView()) sendToCanvas(editor, { type: 'viewChanged' });
    });

    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerUp);
    el.addEventListener('pointercancel', onPointerCancel);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('dblclick', onDoubleClick);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('contextmenu', onContextMenu);
    el.addEventListener('dragstart', onDragStart);
    return () => {
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('pointercancel', onPointerCancel);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('dblclick', onDoubleClick);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('contextmenu', onContextMenu);
      el.removeEventListener('dragstart', onDragStart);
      endLongPress();
      offCursor();
      offTool();
      offView();
      // A gesture cut off by leaving the board does not linger.
      sendToCanvas(editor, { type: 'cancel' });
      el.style.cursor = '';
    };
  }, [editor, element]);
}
