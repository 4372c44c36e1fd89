// The − / count / + controls for one note's dots, shared by the outline and
// the voting panel so both offer the same labels and the same checks.
import type { Note } from '@pinnwand/shared/model/note';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { noteLabel } from '../outline/labels.ts';

export function DotButtons({ editor, note }: { editor: Editor; note: Note }) {
  const ft = useT(facilitationMessages);
  const mine = note.votes.byParticipant[editor.userId] ?? 0;
  // Long enough that similar notes can be told apart by ear.
  const short = noteLabel(note.text, '…');
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`${ft('vote.remove')}: ${short}`}
        disabled={mine === 0}
        onClick={() => editor.commands.run(editor, 'vote.takeBack', note.id)}
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
        onClick={() => editor.commands.run(editor, 'vote.give', note.id)}
      >
        +
      </button>
    </>
  );
}
