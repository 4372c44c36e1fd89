import { votesLeft } from '@pinnwand/shared/facilitation/votingRound';
import { useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** "Noch 3 von 5 Punkten", always in view while a round runs. */
export function VotesLeft({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const { round } = useFacilitationState(editor);
  const left = useSyncExternalStore(
    (l) => editor.index.subscribeDoc(l),
    () => votesLeft(editor.doc, editor.userId),
  );
  return (
    <span className="votes-left" data-votes-left={left} aria-live="polite">
      {ft('vote.left', { count: left, total: round.votesPerPerson })}
    </span>
  );
}
