// Voting without the canvas (keyboard, screen reader, phone): the round's
// notes as a list with buttons to give and take back dots, the dots left,
// and — once the facilitator has ended the round, or for the facilitator at
// any time — the ranking (with names unless the round is anonymous).
import { ranking } from '@pinnwand/shared/facilitation/votingRound';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useId } from 'react';
import { selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useBoards, useDocVersion } from '../model/useDoc.ts';
import { usePeople } from '../presence/PeoplePanel.tsx';
import { DotButtons } from './DotButtons.tsx';
import { VoteNoteText } from './VoteNoteText.tsx';
import { VotesLeft } from './VotesLeft.tsx';

export function VotingPanel({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const { round } = useFacilitationState(editor);
  const boards = useBoards(editor.index);
  useDocVersion(editor.index);
  const board = boards.find((b) => b.id === round.boardId);
  if (!round.boardId || !board) return <p className="muted">{ft('vote.noVotes')}</p>;
  const notes = editor.index.notes(round.boardId).filter((n) => n.text.trim() !== '');
  const canVote = round.open && editor.role !== 'viewer';
  return (
    <section className="fac-panel" aria-labelledby="voting-h">
      <h2 id="voting-h" className="panel-title">
        {round.open ? ft('vote.running', { board: board.title }) : ft('vote.closed')}
      </h2>
      {canVote && <VotesLeft editor={editor} />}
      {canVote && editor.boardId.get() !== round.boardId && (
        <button
          type="button"
          className="button small"
          onClick={() => selectBoard(editor, round.boardId as BoardId)}
        >
          {ft('vote.goThere')}
        </button>
      )}
      {canVote && (
        <ul className="vote-list">
          {notes.map((note) => {
            return (
              <li key={note.id} className="vote-item" data-note-id={note.id}>
                <VoteNoteText editor={editor} note={note} />
                <span className="vote-controls">
                  <DotButtons editor={editor} note={note} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {(!round.open || editor.role === 'facilitator') && (
        <Ranking editor={editor} boardId={round.boardId} anonymous={round.anonymous} />
      )}
    </section>
  );
}

export function Ranking({
  editor,
  boardId,
  anonymous,
}: {
  editor: Editor;
  boardId: BoardId;
  anonymous: boolean;
}) {
  const ft = useT(facilitationMessages);
  const headingId = useId();
  useDocVersion(editor.index);
  usePeople(editor);
  const boards = useBoards(editor.index);
  const names = participantNames(editor);
  const list = ranking(editor.doc, boardId);
  // Named by its board, so a ranking shown beside another board is not taken for that one's.
  const title = boards.find((b) => b.id === boardId)?.title;
  return (
    // Focusable (not a tab stop): it takes the focus from the button that ended the round.
    <section className="ranking" aria-labelledby={headingId} data-board-id={boardId} tabIndex={-1}>
      <h3 id={headingId}>
        {title === undefined ? ft('vote.ranking') : ft('vote.rankingOf', { board: title })}
      </h3>
      {list.length === 0 ? (
        <p className="muted small">{ft('vote.noVotes')}</p>
      ) : (
        <ol className="ranking-list">
          {list.map((r) => (
            <li key={r.note.id} data-rank={r.rank}>
              <span className="rank">{r.rank}.</span>
              <VoteNoteText editor={editor} note={r.note} />
              <strong className="rank-total">
                {r.total === 1 ? ft('vote.point1') : ft('vote.points', { count: r.total })}
              </strong>
              {!anonymous && (
                <span className="muted small rank-by">
                  {ft('vote.by', {
                    names: Object.entries(r.note.votes.byParticipant)
                      .map(([id, n]) => `${names.get(id) ?? '?'} (${n})`)
                      .join(', '),
                  })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Display names by participant id: note authors, then who is here (awareness). */
function participantNames(editor: Editor): Map<string, string> {
  const names = new Map<string, string>();
  for (const board of editor.index.boards())
    for (const note of editor.index.notes(board.id))
      if (note.author) names.set(note.authorId, note.author);
  for (const raw of editor.awareness.getStates().values()) {
    const state = raw as { participantId?: unknown; user?: { name?: unknown } };
    if (typeof state.participantId === 'string' && typeof state.user?.name === 'string')
      names.set(state.participantId, state.user.name.slice(0, 60));
  }
  names.set(editor.userId, editor.user.get().name);
  return names;
}
