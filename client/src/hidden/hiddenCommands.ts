// Changing one of this device's hidden notes by id (the outline's edit and
// delete): asked of the gate like any note change — the hidden store of a
// board the person may not write on now (locked) is not changed either.
import type { AnyCommand, Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import { mayCreateNotes, tellRefusal } from '../gate/noteGate.ts';
import { deleteHidden } from './hiddenWriting.ts';

/** The hidden note, when the gate lets this person write on its board; otherwise it says why. */
function writable(e: Editor, id: string): boolean {
  const note = e.hidden
    .get()
    ?.notes.all()
    .find((n) => n.id === id);
  if (!note) return false;
  const verdict = mayCreateNotes(e, note.boardId);
  if (!verdict.allowed) tellRefusal(e, verdict.denial);
  return verdict.allowed;
}

export const setHiddenTextCommand: Command<{ id: string; text: string }> = {
  id: 'hidden.setText',
  label: 'outline.edit',
  mutates: true,
  // Its board is the hidden note's: judged by that board's lock, in `run`.
  boardInArg: true,
  run: (e, { id, text }) => {
    if (!writable(e, id)) return false;
    e.hidden.get()?.notes.update(id, { text });
  },
};

export const deleteHiddenCommand: Command<string> = {
  id: 'hidden.delete',
  label: 'outline.delete',
  mutates: true,
  boardInArg: true,
  run: (e, id) => {
    if (!writable(e, id)) return false;
    deleteHidden(e, id);
  },
};

export const hiddenCommands: AnyCommand[] = [setHiddenTextCommand, deleteHiddenCommand];
