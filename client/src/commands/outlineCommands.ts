// Commands the outline (and the context menu) use on single notes by id,
// independent of the canvas selection. Each asks the gate first.
import { placeNotesInCluster } from '@pinnwand/shared/facilitation/placeInCluster';
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { addNote, getNoteText, moveNotesToBoard, setNoteText } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { applyTextEdits, mergeText } from '../editor/mergeText.ts';
import { mayCreateNotes, mayMoveNotes, maySetText, tellRefusal } from '../gate/noteGate.ts';
import { freeSpot, revealNote, spotBelow, viewCentre } from '../gate/placement.ts';
import { addHidden } from '../hidden/hiddenWriting.ts';
import { askToWrite, deleteNotesAsked, permitted } from './noteCommands.ts';
import type { AnyCommand, Command } from './types.ts';

export type MoveTarget =
  | { kind: 'board'; boardId: BoardId }
  | { kind: 'cluster'; clusterId: ClusterId };

export const addNoteToBoardCommand: Command<{
  boardId: BoardId;
  text: string;
  clusterId?: ClusterId;
}> = {
  id: 'note.addTo',
  label: 'outline.addNote',
  mutates: true,
  boardInArg: true,
  run: (e, { boardId, text, clusterId }) => {
    const verdict = mayCreateNotes(e, boardId);
    if (!verdict.allowed) {
      tellRefusal(e, verdict.denial);
      return false;
    }
    // On the board shown on the canvas: a free spot in view; elsewhere below what is there.
    const at =
      !clusterId && e.boardId.get() === boardId
        ? freeSpot(e, boardId, viewCentre(e))
        : spotBelow(e, boardId);
    if (verdict.into === 'hidden') {
      addHidden(e, boardId, [text], [at]);
      return;
    }
    const user = e.user.get();
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

/** Opens the outline's form on a note: a claim like the canvas editor's (one writer per note). */
export const editInOutlineCommand: Command<NoteId> = {
  id: 'note.editInOutline',
  label: 'outline.edit',
  mutates: true,
  boardInArg: true,
  run: (e, id) => {
    if (!askToWrite(e, id, 'outline')) return false;
    e.editing.set(null);
    e.writing.outline.set(id);
  },
};

/**
 * Writes a note's text. With `base` (the text a form opened with) only the
 * change from `base` to `text` is written, merged into the note as it is now
 * (editor/mergeText.ts): what others wrote meanwhile stays.
 */
export const setNoteTextCommand: Command<{ id: NoteId; text: string; base?: string }> = {
  id: 'note.setText',
  label: 'outline.edit',
  mutates: true,
  boardInArg: true,
  run: (e, { id, text, base }) => {
    const ytext = getNoteText(e.doc, id);
    const merged = base !== undefined && ytext ? mergeText(base, text, ytext.toString()) : null;
    const verdict = maySetText(e, id, merged?.text ?? text);
    if (!verdict.allowed) {
      tellRefusal(e, verdict.denial);
      return false;
    }
    if (merged && ytext) transact(e.doc, e.origin, () => applyTextEdits(ytext, merged.edits));
    else setNoteText(e.doc, id, text, e.origin);
  },
};

export const deleteNoteCommand: Command<NoteId> = {
  id: 'note.delete',
  label: 'outline.delete',
  mutates: true,
  boardInArg: true,
  run: (e, id) => deleteNotesAsked(e, [id]),
};

/** To another board (below what is there), or into a cluster (on a free spot of its frame). */
export const moveNoteCommand: Command<{ id: NoteId; to: MoveTarget }> = {
  id: 'note.moveTo',
  label: 'outline.move',
  mutates: true,
  boardInArg: true,
  run: (e, { id, to }) => {
    if (to.kind === 'cluster') {
      const cluster = e.index
        .boards()
        .flatMap((b) => e.index.clusters(b.id))
        .find((c) => c.id === to.clusterId);
      if (!cluster) return;
      const ids = permitted(e, mayMoveNotes(e, [id], cluster.boardId));
      if (ids.length === 0) return false;
      placeNotesInCluster(e.doc, to.clusterId, ids, e.origin);
      return;
    }
    const ids = permitted(e, mayMoveNotes(e, [id], to.boardId));
    const note = e.index.note(id);
    if (ids.length === 0 || !note) return false;
    const positions =
      note.boardId !== to.boardId ? new Map([[id, spotBelow(e, to.boardId)]]) : undefined;
    moveNotesToBoard(e.doc, ids, to.boardId, e.origin, positions);
  },
};

export const outlineCommands: AnyCommand[] = [
  addNoteToBoardCommand,
  editInOutlineCommand,
  setNoteTextCommand,
  deleteNoteCommand,
  moveNoteCommand,
];
