// Commands the outline (and later context menus) use on single notes by id,
// independent of the canvas selection.
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { assignNotesToCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote, deleteNotes, moveNotesToBoard, setNoteText } from '@pinnwand/shared/ops/noteOps';
import { boundsOf } from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';
import { freeSpot, revealNote, viewCentre } from '../editor/placement.ts';
import type { AnyCommand, Command } from './types.ts';

export type MoveTarget =
  | { kind: 'board'; boardId: BoardId }
  | { kind: 'cluster'; clusterId: ClusterId };

/** A free place on a board for a note added without a pointer: below what is there. */
export function spotBelow(editor: Editor, boardId: BoardId): { x: number; y: number } {
  const notes = editor.index.notes(boardId);
  const bounds = boundsOf(notes.map((n) => ({ x: n.x, y: n.y, width: 1, height: NOTE_HEIGHT })));
  if (!bounds) return { x: 0, y: 0 };
  const last = notes.reduce((a, b) => (b.y > a.y || (b.y === a.y && b.x > a.x) ? b : a));
  return { x: Math.round(last.x), y: Math.round(bounds.y + bounds.height + 16) };
}

export const addNoteToBoardCommand: Command<{
  boardId: BoardId;
  text: string;
  clusterId?: ClusterId;
}> = {
  id: 'note.addTo',
  label: 'outline.addNote',
  mutates: true,
  run: (e, { boardId, text, clusterId }) => {
    const user = e.user.get();
    // On the board shown on the canvas: a free spot in view; elsewhere below what is there.
    const at =
      !clusterId && e.boardId.get() === boardId
        ? freeSpot(e, boardId, viewCentre(e))
        : spotBelow(e, boardId);
    const id = addNote(
      e.doc,
      {
        boardId,
        text,
        x: at.x,
        y: at.y,
        author: user.name,
        authorId: e.userId,
        ...(clusterId ? { clusterId } : {}),
      },
      e.origin,
    );
    revealNote(e, id);
  },
};

export const setNoteTextCommand: Command<{ id: NoteId; text: string }> = {
  id: 'note.setText',
  label: 'outline.edit',
  mutates: true,
  run: (e, { id, text }) => {
    setNoteText(e.doc, id, text, e.origin);
  },
};

export const deleteNoteCommand: Command<NoteId> = {
  id: 'note.delete',
  label: 'outline.delete',
  mutates: true,
  run: (e, id) => {
    if (e.editing.get() === id) e.editing.set(null);
    deleteNotes(e.doc, [id], e.origin);
    const selection = new Set(e.selection.get());
    if (selection.delete(id)) e.selection.set(selection);
  },
};

export const moveNoteCommand: Command<{ id: NoteId; to: MoveTarget }> = {
  id: 'note.moveTo',
  label: 'outline.move',
  mutates: true,
  run: (e, { id, to }) => {
    if (to.kind === 'cluster') {
      assignNotesToCluster(e.doc, to.clusterId, [id], e.origin);
      return;
    }
    const note = e.index.note(id);
    const positions =
      note && note.boardId !== to.boardId ? new Map([[id, spotBelow(e, to.boardId)]]) : undefined;
    moveNotesToBoard(e.doc, [id], to.boardId, e.origin, positions);
  },
};

export const outlineCommands: AnyCommand[] = [
  addNoteToBoardCommand,
  setNoteTextCommand,
  deleteNoteCommand,
  moveNoteCommand,
];
