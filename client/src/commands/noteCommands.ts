// Commands on notes: create, edit, delete, duplicate, colour, nudge, select.
import { NOTE_COLORS, type NoteColor } from '@pinnwand/shared/model/colors';
import type { NoteId } from '@pinnwand/shared/model/ids';
import {
  addNote,
  deleteNotes,
  duplicateNotes,
  recolorNotes,
  translateNotes,
} from '@pinnwand/shared/ops/noteOps';
import { type Editor, EMPTY_SELECTION } from '../editor/Editor.ts';
import { markFresh } from '../editor/emptyNotes.ts';
import { freeSpot, freeTopLeft, viewCentre } from '../editor/placement.ts';
import type { AnyCommand, Command } from './types.ts';

const hasSelection = (e: Editor) => e.selection.get().size > 0;
const selected = (e: Editor): NoteId[] => [...e.selection.get()];

/**
 * Creates a note (near `at`, a top-left in world coordinates, or near the
 * pointer / view centre) on a free spot inside the view, and edits it. Left
 * empty, it is removed again when the editor closes (emptyNotes.ts).
 */
export function createNoteAndEdit(editor: Editor, at?: { x: number; y: number }): NoteId | null {
  const boardId = editor.boardId.get();
  if (!boardId || editor.readOnly) return null;
  const user = editor.user.get();
  const spot = at
    ? freeTopLeft(editor, boardId, at)
    : freeSpot(editor, boardId, editor.pointer.get() ?? viewCentre(editor));
  // The creation is its own undo step, so an empty note can be taken back whole.
  editor.undo.stopCapturing();
  const id = addNote(
    editor.doc,
    { boardId, x: spot.x, y: spot.y, author: user.name, authorId: editor.userId },
    editor.origin,
  );
  markFresh(editor, id);
  editor.selection.set(new Set([id]));
  editor.editing.set(id);
  return id;
}

export const addNoteCommand: Command<{ x: number; y: number } | undefined> = {
  id: 'note.add',
  label: 'cmd.addNote',
  icon: 'plus',
  shortcuts: [{ key: 'n' }],
  mutates: true,
  enabled: (e) => e.boardId.get() !== null,
  run: (e, at) => {
    createNoteAndEdit(e, at);
  },
};

export const editNoteCommand: Command = {
  id: 'note.edit',
  label: 'cmd.edit',
  shortcuts: [{ key: 'Enter' }, { key: 'F2' }],
  mutates: true,
  enabled: (e) => e.selection.get().size === 1,
  run: (e) => {
    const [id] = e.selection.get();
    if (id) e.editing.set(id);
  },
};

export const deleteSelectionCommand: Command = {
  id: 'selection.delete',
  label: 'cmd.deleteSelection',
  icon: 'trash',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  mutates: true,
  enabled: hasSelection,
  run: (e) => {
    const ids = selected(e);
    if (ids.includes(e.editing.get() as NoteId)) e.editing.set(null);
    deleteNotes(e.doc, ids, e.origin);
    e.selection.set(EMPTY_SELECTION);
  },
};

export const duplicateCommand: Command = {
  id: 'selection.duplicate',
  label: 'cmd.duplicate',
  icon: 'duplicate',
  shortcuts: [{ key: 'd', mod: true }],
  mutates: true,
  enabled: hasSelection,
  run: (e) => {
    const user = e.user.get();
    const copies = duplicateNotes(
      e.doc,
      selected(e),
      { author: user.name, authorId: e.userId },
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
    recolorNotes(e.doc, selected(e), color, e.origin);
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
      translateNotes(e.doc, selected(e), { x: dx, y: dy }, e.origin);
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
  ...nudgeCommands,
];
