// A note this person just created and left empty goes away when its editor
// closes — taken back as its creation's undo step when nothing came after it,
// so no empty note and no stray undo step remain. A note with text, one someone
// else is writing in, or one not created here in this session is never touched.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { deleteNotes } from '@pinnwand/shared/ops/noteOps';
import type { Editor } from './Editor.ts';

/** Call right after creating `id` (with the undo manager's capturing stopped before). */
export function markFresh(editor: Editor, id: NoteId): void {
  editor.freshNotes.set(id, editor.undo.undoStack.at(-1));
}

/** Removes `id` if it is a fresh note still empty; true when it did. */
export function discardIfEmpty(editor: Editor, id: NoteId): boolean {
  const map = editor.freshNotes;
  if (!map.has(id)) return false;
  const creation = map.get(id);
  map.delete(id);
  const note = editor.index.note(id);
  if (note?.text.trim() !== '') return false;
  if (editor.presence.noteDecor(id).editingBy) return false;
  const undo = editor.undo;
  if (creation !== undefined && undo.undoStack.at(-1) === creation) {
    const redoBefore = undo.redoStack.length;
    undo.undo();
    // The taken-back creation must not come back with redo.
    if (undo.redoStack.length > redoBefore) undo.redoStack.pop();
    if (!editor.index.note(id)) return true;
  }
  deleteNotes(editor.doc, [id], editor.origin);
  return true;
}
