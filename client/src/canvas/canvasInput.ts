// The canvas's input pipeline: every pointer, touch and key event meant for the
// canvas arrives here as a canvas event (from usePointerInput.ts, the only
// listeners on the canvas element, and from the keyboard handler for Esc), is
// looked up in the one hit test, judged by the state machine (states/) with
// what it needs to know about this person and board, and comes out as effects
// that run commands or change the view (applyEffects.ts).
import type { BoardId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Editor } from '../editor/Editor.ts';
import { endStrayTyping } from '../editor/strayTyping.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { mayChangeStructure, writesHidden } from '../gate/noteGate.ts';
import { onOwnDots } from '../voting/ownDots.ts';
import { applyEffects } from './applyEffects.ts';
import { hitTest, sceneOf, type Target } from './hitTest.ts';
import type { CanvasContext, CanvasEvent } from './states/types.ts';
import { intersects, type Point, toWorld } from './viewport.ts';

/** About the longest a double-click takes, first press to last release (browsers allow ~500 ms). */
const DOUBLE_CLICK_MS = 500;

export function canvasContext(editor: Editor, boardId: BoardId): CanvasContext {
  const { round } = facilitationState(editor);
  return {
    selection: editor.selection.get(),
    readOnly: editor.readOnly,
    editing: editor.editing.get(),
    tool: editor.canvas.tool.get(),
    canEditClusters: mayChangeStructure(editor, 'clusters').allowed,
    voting: round.open && round.boardId === boardId && editor.role !== 'viewer',
    writesHidden: writesHidden(editor, boardId),
    // Without the time of the first press (a synthetic event) a double-click's usual span.
    landedSince: (id, since) =>
      editor.landings.landedSince(id, since ?? Date.now() - DOUBLE_CLICK_MS),
    onOwnDots: (id, world) => {
      const note = editor.index.note(id);
      const mine = note?.votes.byParticipant[editor.userId] ?? 0;
      return note !== undefined && onOwnDots(note, mine, editor.viewport.get().scale, world);
    },
    notesInRect: (rect) =>
      editor.index
        .notes(boardId)
        .filter((n) => intersects(rect, { x: n.x, y: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }))
        .map((n) => n.id),
    clusterRect: (id) => {
      const c = editor.index.clusters(boardId).find((x) => x.id === id);
      return c ? { x: c.x, y: c.y, width: c.width, height: c.height } : undefined;
    },
    toWorld: (screen) => toWorld(editor.viewport.get(), screen),
  };
}

export function targetAt(editor: Editor, world: Point): Target {
  const boardId = editor.boardId.get();
  return boardId ? hitTest(sceneOf(editor, boardId), world) : { kind: 'canvas' };
}

/** Feeds one event through the machine; true when it did something with it. */
export function sendToCanvas(editor: Editor, event: CanvasEvent): boolean {
  const boardId = editor.boardId.get();
  if (!boardId) return false;
  // A press on the board is deliberate: keys are shortcuts again (strayTyping.ts).
  if (event.type === 'pointerDown') endStrayTyping(editor);
  const machine = editor.canvas.machine;
  const before = machine.state;
  const effects = machine.send(event, canvasContext(editor, boardId));
  applyEffects(editor, effects);
  return effects.length > 0 || machine.state !== before;
}

/** Whether the canvas wants to know what is under a moving pointer (the cursor over frames). */
export function wantsHover(editor: Editor): boolean {
  return (
    editor.canvas.machine.state.name === 'idle' && mayChangeStructure(editor, 'clusters').allowed
  );
}
