// What the outline offers for its notes: one judge from the gate
// (noteRightsJudge), made again only when a board changes (a lock) or the
// person's access does — not asked per note of the boards and the access.
import type { Note } from '@pinnwand/shared/model/note';
import { useMemo } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useBoards } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';
import { type NoteRights, noteRightsJudge } from './noteGate.ts';

export type NoteRightsJudge = (note: Note) => NoteRights;

export function useNoteRightsJudge(editor: Editor): NoteRightsJudge {
  const boards = useBoards(editor.index);
  const access = useStore(editor.access);
  // biome-ignore lint/correctness/useExhaustiveDependencies: boards and access are what the judge reads
  return useMemo(() => noteRightsJudge(editor), [editor, boards, access]);
}
