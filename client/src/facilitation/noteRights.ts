// What a person may do with one note from the outline: nothing on a locked
// board (participants), and — for participants — delete only their own notes
// (authorId is the participant id derived from this device's key,
// participantKey.ts). Every delete says how to take it back.
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import type { AnyCommand } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import { useBoards } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';
import type { Facilitation } from './facilitation.ts';

export interface NoteRights {
  canEdit: boolean;
  canDelete: boolean;
}

export function noteRights(
  editor: Pick<Editor, 'readOnly' | 'role' | 'userId'>,
  note: Pick<Note, 'authorId'>,
  boardLocked: boolean,
): NoteRights {
  const canEdit = !editor.readOnly && !(editor.role !== 'facilitator' && boardLocked);
  const canDelete = canEdit && (editor.role === 'facilitator' || note.authorId === editor.userId);
  return { canEdit, canDelete };
}

/** The rights for a note, re-read when a board is (un)locked or the editor's read-only flag changes. */
export function useNoteRights(
  editor: Editor,
  note: Pick<Note, 'authorId' | 'boardId'>,
): NoteRights {
  const boards = useBoards(editor.index);
  useStore(editor.ui);
  const locked = boards.some((b) => b.id === note.boardId && b.locked);
  return noteRights(editor, note, locked);
}

/**
 * Wraps the delete commands: a participant's outline delete of someone
 * else's note is refused, and each delete shows "Notiz gelöscht – Rückgängig
 * (Strg+Z)". Returns the teardown.
 */
export function startDeleteHints(f: Facilitation): () => void {
  const editor = f.editor;
  const originals: AnyCommand[] = [];
  const single = editor.commands.get('note.delete');
  if (single) {
    originals.push(single);
    editor.commands.register({
      ...single,
      run: (e: Editor, id: unknown) => {
        const note = e.index.note(id as NoteId);
        if (note && e.role !== 'facilitator' && note.authorId !== e.userId) return;
        single.run(e, id);
        f.say('note.deleted', { count: 1 });
      },
    } as AnyCommand);
  }
  const selection = editor.commands.get('selection.delete');
  if (selection) {
    originals.push(selection);
    editor.commands.register({
      ...selection,
      run: (e: Editor, arg: unknown) => {
        const count = e.selection.get().size;
        selection.run(e, arg);
        if (count > 0) f.say('note.deleted', { count });
      },
    } as AnyCommand);
  }
  return () => {
    for (const c of originals) editor.commands.register(c);
  };
}
