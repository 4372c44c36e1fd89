// Commands on notes: create, edit, delete, duplicate, colour, move, select.
// Each asks the gate (gate/noteGate.ts) before it writes and says why when it
// may not; new notes take their spot from the gate's placement.
import { NOTE_COLORS, type NoteColor } from '@pinnwand/shared/model/colors';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '@pinnwand/shared/model/layout';
import { resizeCluster } from '@pinnwand/shared/ops/clusterOps';
import {
  addNote,
  bringNotesToFront,
  deleteNotes,
  duplicateNotes,
  moveNote,
  recolorNotes,
  translateNotes,
} from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import { settleFrameMembers } from '../clusters/frameMembers.ts';
import { type Editor, EMPTY_SELECTION } from '../editor/Editor.ts';
import { markFresh } from '../editor/emptyNotes.ts';
import { dismissWriter, otherWriter, showWriter, type WritingPlace } from '../editor/writers.ts';
import {
  mayCreateNotes,
  mayDeleteNotes,
  mayEditNotes,
  mayMoveNotes,
  mayWrite,
  type Sorted,
  tellRefusal,
  writesHidden,
} from '../gate/noteGate.ts';
import {
  type FrameLanding,
  freeSpot,
  freeTopLeft,
  keepNotesInView,
  revealNote,
  spotsBeside,
  spotsInFrames,
  viewCentre,
} from '../gate/placement.ts';
import { composeHidden } from '../hidden/hiddenWriting.ts';
import { boardMessages, message } from '../i18n/messages.ts';
import type { AnyCommand, Command } from './types.ts';
import { undoHinted } from './undoHint.ts';

const hasSelection = (e: Editor) => e.selection.get().size > 0;
const selected = (e: Editor): NoteId[] => [...e.selection.get()];

/** The notes the gate lets through; tells the person about the first refusal. */
export function permitted(editor: Editor, sorted: Sorted): NoteId[] {
  if (sorted.denial) tellRefusal(editor, sorted.denial);
  return sorted.allowed;
}

/**
 * Creates a note (at `at`, a top-left in world coordinates, or near the
 * pointer / view centre) on a free spot inside the view, and edits it. Left
 * empty, it is removed again when the editor closes (emptyNotes.ts). The gate
 * has allowed it; run inside a command, so the creation is its own undo step.
 */
function createNoteAndEdit(
  editor: Editor,
  boardId: BoardId,
  at?: { x: number; y: number },
  text?: string,
): NoteId {
  const user = editor.user.get();
  // A point given (a double-click) may be inside a frame on purpose; the toolbar, N and
  // the phone's "+" never put a note into a cluster.
  const spot = at
    ? freeTopLeft(editor, boardId, at, true)
    : freeSpot(editor, boardId, editor.pointer.get() ?? viewCentre(editor));
  const id = addNote(
    editor.doc,
    { boardId, x: spot.x, y: spot.y, author: user.name, authorId: editor.userId, text },
    editor.origin,
  );
  markFresh(editor, id);
  // A full view sends the note just beyond it: show it.
  revealNote(editor, id);
  editor.selection.set(new Set([id]));
  editor.editing.set(id);
  return id;
}

/**
 * Where a new note goes (a top-left in world coordinates; none: near the
 * pointer or the view's centre) and the text it starts with (words kept
 * from typing that had no editor, strayTyping.ts).
 */
export type NewNote = { x: number; y: number; text?: string } | { text: string } | undefined;

const spotOf = (arg: NewNote) => (arg && 'x' in arg ? { x: arg.x, y: arg.y } : undefined);

export const addNoteCommand: Command<NewNote> = {
  id: 'note.add',
  label: 'cmd.addNote',
  icon: 'plus',
  shortcuts: [{ key: 'n' }],
  mutates: true,
  enabled: (e) => e.boardId.get() !== null,
  run: (e, arg) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    const verdict = mayCreateNotes(e, boardId);
    if (!verdict.allowed) {
      tellRefusal(e, verdict.denial);
      return false;
    }
    if (verdict.into === 'hidden') composeHidden(e, boardId, spotOf(arg), arg?.text);
    else createNoteAndEdit(e, boardId, spotOf(arg), arg?.text);
  },
};

/**
 * Asks the gate whether this person may write in `id` now; when someone else
 * writes there, shows who (with "Übernehmen"), otherwise says why not.
 */
export function askToWrite(editor: Editor, id: NoteId, from: WritingPlace): boolean {
  const verdict = mayWrite(editor, id);
  if (verdict.allowed) {
    if (editor.writing.prompt.get()?.id === id) dismissWriter(editor);
    // A public note while hidden writing runs: say so, it is not a hidden one.
    const board = editor.index.note(id)?.boardId;
    if (board && writesHidden(editor, board))
      editor.notices.say(message(boardMessages, 'note.hiddenPhaseEdit'));
    return true;
  }
  const writer = otherWriter(editor, id);
  if (verdict.denial.reason === 'beingWritten' && writer) showWriter(editor, id, writer, from);
  tellRefusal(editor, verdict.denial);
  return false;
}

export const editNoteCommand: Command<NoteId | undefined> = {
  id: 'note.edit',
  label: 'cmd.edit',
  shortcuts: [{ key: 'Enter' }, { key: 'F2' }],
  mutates: true,
  enabled: (e) => e.selection.get().size === 1,
  run: (e, which) => {
    const id = which ?? [...e.selection.get()][0];
    if (!id || !askToWrite(e, id, 'canvas')) return false;
    e.writing.outline.set(null);
    e.selection.set(new Set([id]));
    e.editing.set(id);
  },
};

const DELETED = {
  keys: 'note.deleted',
  mac: 'note.deletedMac',
  toolbar: 'note.deletedTouch',
} as const;

/** Deletes what the gate allows, and says so ("Notiz gelöscht – Rückgängig (Strg+Z)"). */
export function deleteNotesAsked(editor: Editor, ids: readonly NoteId[]): void {
  const sorted = mayDeleteNotes(editor, ids);
  const allowed = sorted.allowed;
  if (allowed.length > 0) {
    if (allowed.includes(editor.editing.get() as NoteId)) editor.editing.set(null);
    deleteNotes(editor.doc, allowed, editor.origin);
    const gone = new Set(allowed);
    const selection = [...editor.selection.get()].filter((id) => !gone.has(id));
    if (selection.length !== editor.selection.get().size)
      editor.selection.set(selection.length > 0 ? new Set(selection) : EMPTY_SELECTION);
  }
  // A refusal is what the person needs to hear, even when some notes went.
  if (sorted.denial) tellRefusal(editor, sorted.denial);
  else if (allowed.length > 0)
    editor.notices.say(
      message(boardMessages, undoHinted(editor, DELETED), { count: allowed.length }),
    );
}

export const deleteSelectionCommand: Command = {
  id: 'selection.delete',
  label: 'cmd.deleteSelection',
  icon: 'trash',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  mutates: true,
  enabled: hasSelection,
  run: (e) => deleteNotesAsked(e, selected(e)),
};

export const duplicateCommand: Command = {
  id: 'selection.duplicate',
  label: 'cmd.duplicate',
  icon: 'duplicate',
  shortcuts: [{ key: 'd', mod: true }],
  mutates: true,
  enabled: hasSelection,
  run: (e) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    // Copies of notes everyone sees are not secret: they go onto the board.
    const verdict = mayCreateNotes(e, boardId);
    if (!verdict.allowed) {
      tellRefusal(e, verdict.denial);
      return;
    }
    const user = e.user.get();
    // Each copy goes beside its original on free space, never on top of a note or frame.
    const originals = selected(e)
      .map((id) => e.index.note(id))
      .filter((n): n is NonNullable<typeof n> => n !== undefined && n.boardId === boardId);
    const copies = duplicateNotes(
      e.doc,
      selected(e),
      { author: user.name, authorId: e.userId, positions: spotsBeside(e, boardId, originals) },
      e.origin,
    );
    e.selection.set(new Set(copies));
  },
};

export const selectAllCommand: Command = {
  id: 'selection.all',
  label: 'cmd.selectAll',
  shortcuts: [{ key: 'a', mod: true }],
  mutates: false,
  enabled: (e) => e.boardId.get() !== null,
  run: (e) => {
    const boardId = e.boardId.get();
    if (boardId) e.selection.set(new Set(e.index.noteIds(boardId)));
  },
};

export const clearSelectionCommand: Command = {
  id: 'selection.clear',
  label: 'cmd.escape',
  shortcuts: [{ key: 'Escape' }],
  mutates: false,
  run: (e) => {
    e.editing.set(null);
    e.selection.set(EMPTY_SELECTION);
  },
};

export const recolorCommand: Command<NoteColor> = {
  id: 'selection.color',
  label: 'color.label',
  mutates: true,
  enabled: hasSelection,
  run: (e, color) => {
    const ids = permitted(e, mayEditNotes(e, selected(e)));
    if (ids.length > 0) recolorNotes(e.doc, ids, color, e.origin);
  },
};

/**
 * Whether one of `ids`, moved by `delta`, would overlap a note of its board
 * that is drawn above it (and not moved with it).
 */
function coveredAfterMove(editor: Editor, ids: readonly NoteId[], delta: Point): boolean {
  const moving = new Set(ids);
  const ranks = new Map<BoardId, Map<NoteId, number>>();
  for (const id of ids) {
    const note = editor.index.note(id);
    if (!note) continue;
    const order = editor.index.noteIds(note.boardId);
    let rank = ranks.get(note.boardId);
    if (!rank) {
      rank = new Map(order.map((n, i) => [n, i]));
      ranks.set(note.boardId, rank);
    }
    const moved = {
      x: note.x + delta.x,
      y: note.y + delta.y,
      width: NOTE_WIDTH,
      height: NOTE_HEIGHT,
    };
    for (let i = (rank.get(id) ?? order.length) + 1; i < order.length; i++) {
      const above = order[i] as NoteId;
      if (moving.has(above)) continue;
      const other = editor.index.note(above);
      if (
        other &&
        rectsOverlap(moved, { x: other.x, y: other.y, width: NOTE_WIDTH, height: NOTE_HEIGHT })
      )
        return true;
    }
  }
  return false;
}

const NO_LANDING: FrameLanding = { moves: new Map(), grows: new Map() };

/**
 * Moves notes on their board by an offset: a drag on the canvas, the arrow
 * keys. Notes moved onto a note drawn above them are brought to the front in
 * the same step, so what was dropped lies on top, on every screen (the order
 * is the document's: shared/model/note.ts `layer`). Inside a cluster frame a
 * dropped note is not left covering another: it goes to the nearest free spot
 * there (gate/placement.ts `spotsInFrames`), and a full frame the facilitator
 * drops into grows, taking in the loose notes it comes to cover (as a resize
 * does, clusters/frameMembers.ts), all in the same undo step. An
 * `exact` move (the arrow keys) goes by exactly its offset: a nudge is a
 * precise step, and a note nudged past its neighbour must not jump elsewhere.
 */
export const translateCommand: Command<{
  ids?: NoteId[];
  dx: number;
  dy: number;
  exact?: boolean;
}> = {
  id: 'notes.translate',
  label: 'cmd.nudge',
  mutates: true,
  run: (e, { ids, dx, dy, exact = false }) => {
    if (dx === 0 && dy === 0) return;
    const allowed = permitted(e, mayMoveNotes(e, ids ?? selected(e)));
    if (allowed.length === 0) return false;
    const delta = { x: Math.round(dx), y: Math.round(dy) };
    // Judged on the positions before the move: the index reads the document after each transaction.
    const toFront = coveredAfterMove(e, allowed, delta);
    const inFrames = exact ? NO_LANDING : spotsInFrames(e, allowed, delta);
    transact(e.doc, e.origin, () => {
      translateNotes(e.doc, allowed, delta, e.origin);
      for (const [id, size] of inFrames.grows) resizeCluster(e.doc, id, size, e.origin);
      for (const [id, spot] of inFrames.moves) moveNote(e.doc, id, spot, e.origin);
      // A grown frame takes in the notes it comes to cover, as a resized one does.
      if (inFrames.grows.size > 0) settleFrameMembers(e, [...inFrames.grows.keys()]);
      if (toFront) bringNotesToFront(e.doc, allowed, e.origin);
    });
  },
};

function nudge(id: string, key: string, dx: number, dy: number, shift: boolean): AnyCommand {
  return {
    id,
    label: 'cmd.nudge',
    shortcuts: [{ key, shift }],
    mutates: true,
    enabled: hasSelection,
    run: (e: Editor) => {
      if (translateCommand.run(e, { dx, dy, exact: true }) === false) return false;
      // The moved notes stay in sight: the view follows them past its edge.
      keepNotesInView(e, selected(e), { x: dx, y: dy });
    },
  };
}

const STEP = 8;
const BIG = 40;
export const nudgeCommands: AnyCommand[] = [
  nudge('selection.nudgeLeft', 'ArrowLeft', -STEP, 0, false),
  nudge('selection.nudgeRight', 'ArrowRight', STEP, 0, false),
  nudge('selection.nudgeUp', 'ArrowUp', 0, -STEP, false),
  nudge('selection.nudgeDown', 'ArrowDown', 0, STEP, false),
  nudge('selection.nudgeLeftFar', 'ArrowLeft', -BIG, 0, true),
  nudge('selection.nudgeRightFar', 'ArrowRight', BIG, 0, true),
  nudge('selection.nudgeUpFar', 'ArrowUp', 0, -BIG, true),
  nudge('selection.nudgeDownFar', 'ArrowDown', 0, BIG, true),
];

export const noteColors: readonly NoteColor[] = NOTE_COLORS;

export const noteCommands: AnyCommand[] = [
  addNoteCommand,
  editNoteCommand,
  deleteSelectionCommand,
  duplicateCommand,
  selectAllCommand,
  clearSelectionCommand,
  recolorCommand,
  translateCommand,
  ...nudgeCommands,
];
