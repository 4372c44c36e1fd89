// Asked before a new voting round clears the votes already on its board
// ("Bisherige Stimmen dieser Tafel löschen"): the facilitator sees how many
// dots that takes from everyone, and nothing is cleared unless they confirm.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ConfirmActions } from '../ui/ConfirmActions.tsx';
import { Dialog } from '../ui/Dialog.tsx';

/** All dots on the notes of `boardId`, everyone's. */
export function votesOnBoard(editor: Editor, boardId: BoardId): number {
  return editor.index.notes(boardId).reduce((sum, note) => sum + note.votes.total, 0);
}

export function ClearVotesDialog({
  board,
  votes,
  onCancel,
  onConfirm,
}: {
  board: string;
  votes: number;
  onCancel(): void;
  onConfirm(): void;
}) {
  const ft = useT(facilitationMessages);
  return (
    <Dialog title={ft('vote.resetTitle', { board })} alert onClose={onCancel} onSubmit={onConfirm}>
      <p>{ft('vote.resetText', { count: votes })}</p>
      <ConfirmActions
        error={null}
        busy={false}
        cancelLabel={ft('vote.resetCancel')}
        confirmLabel={ft('vote.resetConfirm')}
        busyLabel={ft('vote.resetConfirm')}
        onCancel={onCancel}
      />
    </Dialog>
  );
}
