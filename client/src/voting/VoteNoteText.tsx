// A note's text in the voting lists, with the cluster it lies in: two notes
// with the same text ("Mehr Pausen" in "Zeit" and in "Räume") are told apart
// by their place, and the ranking says which cluster got the votes.
import type { Note } from '@pinnwand/shared/model/note';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useClusters } from '../model/useDoc.ts';

export function VoteNoteText({ editor, note }: { editor: Editor; note: Note }) {
  const ft = useT(facilitationMessages);
  const clusters = useClusters(editor.index, note.boardId);
  // A note may name a deleted cluster: then it lies loose on the board.
  const cluster =
    note.clusterId === null ? undefined : clusters.find((c) => c.id === note.clusterId);
  return (
    <span className="vote-text">
      {note.text}
      {cluster && (
        <span className="vote-cluster muted small">
          {ft('vote.inCluster', { cluster: cluster.title.trim() || ft('cluster.newTitle') })}
        </span>
      )}
    </span>
  );
}
