// Dots in the outline: while a round runs on a note's board, each note in the
// outline gets buttons to give and take back a dot — voting by keyboard and
// screen reader, with the same checks as a click on the canvas.
import type { Note } from '@pinnwand/shared/model/note';
import type { Editor } from '../editor/Editor.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { DotButtons } from './DotButtons.tsx';

export function OutlineVoteControls({ editor, note }: { editor: Editor; note: Note }) {
  const { round } = useFacilitationState(editor);
  if (!round.open || round.boardId !== note.boardId || editor.role === 'viewer') return null;
  return (
    <div className="outline-votes">
      <DotButtons editor={editor} note={note} />
    </div>
  );
}
