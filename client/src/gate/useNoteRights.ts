// What the outline offers for one note, asked of the gate and asked again when
// a board is (un)locked, the person's access changes or the note itself does.
import type { Note } from '@pinnwand/shared/model/note';
import type { Editor } from '../editor/Editor.ts';
import { useBoards } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';
import { mayDeleteNotes, mayEditNotes } from './noteGate.ts';

export interface NoteRights {
  canEdit: boolean;
  canDelete: boolean;
}

/** `note` is passed so a change to it (votes, author) re-renders the caller and re-asks. */
export function useNoteRights(editor: Editor, note: Note): NoteRights {
  useBoards(editor.index);
  useStore(editor.access);
  return {
    canEdit: mayEditNotes(editor, [note.id]).allowed.length > 0,
    canDelete: mayDeleteNotes(editor, [note.id]).allowed.length > 0,
  };
}
