// Dots in the outline: while a round runs on a note's board, each note in the
// outline gets buttons to give and take back a dot — voting by keyboard and
// screen reader, with the same checks as a click on the canvas.
import type { Note } from '@pinnwand/shared/model/note';
import type { Editor } from '../editor/Editor.ts';
import { useFT } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { giveDot, takeBackDot } from './voteActions.ts';

export function OutlineVoteControls({ editor, note }: { editor: Editor; note: Note }) {
  const ft = useFT();
  const { round } = useFacilitationState(editor);
  if (!round.open || round.boardId !== note.boardId || editor.role === 'viewer') return null;
  const mine = note.votes.byParticipant[editor.userId] ?? 0;
  const short = note.text.slice(0, 40);
  return (
    <div className="outline-votes">
      <button
        type="button"
        className="icon-button"
        aria-label={`${ft('vote.remove')}: ${short}`}
        disabled={mine === 0}
        onClick={() => takeBackDot(editor, note.id)}
      >
        −
      </button>
      <span className="vote-mine">
        <span className="visually-hidden">{ft('vote.mine', { count: mine })}</span>
        <span aria-hidden="true">{mine}</span>
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={`${ft('vote.add')}: ${short}`}
        onClick={() => giveDot(editor, note.id)}
      >
        +
      </button>
    </div>
  );
}
