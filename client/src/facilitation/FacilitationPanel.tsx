// The facilitator's side panel: groups (add, draw, tidy, suggest, find
// duplicates, the list in outline order), the voting round, the timer, hidden
// writing, the shared view and the board lock. Each control runs a command.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { bringEveryone } from '../follow/follow.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useBoards, useClusters } from '../model/useDoc.ts';
import { SoundToggle, TimerControls } from '../timer/Timer.tsx';
import { isNarrowScreen } from '../ui/narrowScreen.ts';
import { revealBelowStickyTop } from '../ui/revealBelowStickyTop.ts';
import { useStore } from '../ui/store.ts';
import { ClearVotesDialog, votesOnBoard } from '../voting/ClearVotesDialog.tsx';
import { Ranking } from '../voting/VotingPanel.tsx';
import { facilitationMessages } from './messages.ts';
import { useFacilitationState } from './useFacilitationState.ts';

export function FacilitationPanel({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const boardId = useStore(editor.boardId);
  if (!boardId) return null;
  return (
    <section className="fac-panel" aria-labelledby="fac-h">
      <h2 id="fac-h" className="panel-title">
        {ft('fac.panel')}
      </h2>
      <ClustersSection editor={editor} boardId={boardId} />
      <VotingSection editor={editor} boardId={boardId} />
      <section className="fac-section" aria-labelledby="fac-timer-h">
        <h3 id="fac-timer-h">{ft('section.timer')}</h3>
        <TimerControls editor={editor} />
        <SoundToggle />
      </section>
      <HiddenSection editor={editor} />
      <section className="fac-section" aria-labelledby="fac-view-h">
        <h3 id="fac-view-h">{ft('section.follow')}</h3>
        <button
          type="button"
          className="button small"
          onClick={() => bringEveryone(editor)}
          data-action="bring-everyone"
        >
          {ft('follow.bring')}
        </button>
      </section>
      <LockSection editor={editor} boardId={boardId} />
    </section>
  );
}

function ClustersSection({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const ft = useT(facilitationMessages);
  const f = editor.facilitation;
  const clusters = useClusters(editor.index, boardId);
  const drawing = useStore(editor.canvas.tool) === 'cluster';
  return (
    <section className="fac-section" aria-labelledby="fac-cl-h">
      <h3 id="fac-cl-h">{ft('section.clusters')}</h3>
      <div className="fac-buttons">
        <button
          type="button"
          className="button small"
          onClick={() => {
            editor.commands.run(editor, 'cluster.add', { fromSelection: false });
            // On a phone the panel covers the board: it gives way to the new
            // frame's name field, which would otherwise open unseen beneath it.
            if (f.renaming.get() && isNarrowScreen())
              editor.ui.update((s) => ({ ...s, panel: null }));
          }}
          data-action="cluster-add"
        >
          {ft('cluster.add')}
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={drawing}
          onClick={() => {
            editor.commands.run(editor, 'cluster.draw');
            // On a phone the panel covers the board the frame is drawn on.
            if (editor.canvas.tool.get() === 'cluster' && isNarrowScreen())
              editor.ui.update((s) => ({ ...s, panel: null }));
          }}
          data-action="cluster-draw"
        >
          {ft('cluster.draw')}
        </button>
        <button
          type="button"
          className="button small"
          disabled={clusters.length === 0}
          onClick={() => editor.commands.run(editor, 'cluster.tidy')}
        >
          {ft('cluster.tidyAll')}
        </button>
        <button
          type="button"
          className="button small primary"
          onClick={() => f.dialog.set({ kind: 'suggest' })}
          data-action="suggest"
        >
          {ft('suggest.run')}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => f.dialog.set({ kind: 'duplicates' })}
          data-action="duplicates"
        >
          {ft('dup.run')}
        </button>
      </div>
      {clusters.length === 0 ? (
        <p className="muted small">{ft('cluster.none')}</p>
      ) : (
        <ol className="fac-clusters" aria-label={ft('cluster.list')}>
          {clusters.map((c, i) => (
            <li key={c.id} data-cluster-id={c.id}>
              <span className="fac-cluster-title">{c.title || ft('cluster.newTitle')}</span>
              <span className="fac-cluster-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${ft('cluster.rename')}: ${c.title}`}
                  title={ft('cluster.rename')}
                  onClick={() => f.renaming.set(c.id)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${ft('cluster.moveUp')}: ${c.title}`}
                  title={ft('cluster.moveUp')}
                  disabled={i === 0}
                  onClick={() =>
                    editor.commands.run(editor, 'cluster.reorder', { id: c.id, by: -1 })
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${ft('cluster.moveDown')}: ${c.title}`}
                  title={ft('cluster.moveDown')}
                  disabled={i === clusters.length - 1}
                  onClick={() =>
                    editor.commands.run(editor, 'cluster.reorder', { id: c.id, by: 1 })
                  }
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${ft('cluster.tidy')}: ${c.title}`}
                  title={ft('cluster.tidy')}
                  onClick={() => editor.commands.run(editor, 'cluster.tidy', c.id)}
                >
                  ▦
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${ft('cluster.bringHere')}: ${c.title}`}
                  title={ft('cluster.bringHere')}
                  onClick={() => bringEveryone(editor, c.id)}
                >
                  ◎
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={`${ft('cluster.delete')}: ${c.title}`}
                  title={ft('cluster.delete')}
                  onClick={() => editor.commands.run(editor, 'cluster.delete', c.id)}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function VotingSection({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const ft = useT(facilitationMessages);
  const { round } = useFacilitationState(editor);
  const [perPerson, setPerPerson] = useState(String(round.votesPerPerson));
  const [perNote, setPerNote] = useState(String(round.maxVotesPerNote));
  const [anonymous, setAnonymous] = useState(round.anonymous);
  const [hideTotals, setHideTotals] = useState(false);
  const [reset, setReset] = useState(false);
  // Votes the new round would clear, while the facilitator is asked.
  const [clearing, setClearing] = useState<number | null>(null);
  const id = useId();
  const boards = useBoards(editor.index);
  // The ranking moves up to where the running round's controls were, so the
  // panel's scroll would cut off its beginning: this facilitator, who ended
  // the round, is shown it (another facilitator's panel is left as it is).
  const ended = useRef(false);
  const rankingBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (round.open || !ended.current) return;
    ended.current = false;
    if (!rankingBox.current) return;
    revealBelowStickyTop(rankingBox.current);
    // The end button is gone: the keyboard's focus goes to the result, not to the page.
    rankingBox.current.querySelector<HTMLElement>('.ranking')?.focus({ preventScroll: true });
  }, [round.open]);
  const roundBoard = boards.find((b) => b.id === round.boardId);
  const start = (e: FormEvent) => {
    e.preventDefault();
    const votes = reset ? votesOnBoard(editor, boardId) : 0;
    if (votes > 0) setClearing(votes);
    else startRound();
  };
  const startRound = () => {
    setClearing(null);
    editor.commands.run(editor, 'voting.start', {
      boardId,
      votesPerPerson: Number.parseInt(perPerson, 10) || 5,
      maxVotesPerNote: Number.parseInt(perNote, 10) || 3,
      anonymous,
      hideTotals,
      resetVotes: reset,
    });
  };
  return (
    <section className="fac-section" aria-labelledby="fac-vote-h">
      <h3 id="fac-vote-h">{ft('section.voting')}</h3>
      {!round.open && round.boardId && (
        <div ref={rankingBox}>
          <Ranking editor={editor} boardId={round.boardId} anonymous={round.anonymous} />
        </div>
      )}
      {round.open && roundBoard ? (
        <>
          <p className="fac-status">{ft('vote.running', { board: roundBoard.title })}</p>
          <button
            type="button"
            className="button small primary"
            onClick={() => {
              ended.current = true;
              editor.commands.run(editor, 'voting.end');
            }}
            data-action="vote-end"
          >
            {ft('vote.end')}
          </button>
          {round.boardId && (
            <Ranking editor={editor} boardId={round.boardId} anonymous={round.anonymous} />
          )}
        </>
      ) : (
        <form onSubmit={start} className="fac-form">
          <div className="fac-row">
            <label htmlFor={`${id}-pp`}>{ft('vote.perPerson')}</label>
            <input
              id={`${id}-pp`}
              className="fac-number"
              type="number"
              min="1"
              max="99"
              value={perPerson}
              onChange={(e) => setPerPerson(e.target.value)}
            />
          </div>
          <div className="fac-row">
            <label htmlFor={`${id}-pn`}>{ft('vote.perNote')}</label>
            <input
              id={`${id}-pn`}
              className="fac-number"
              type="number"
              min="1"
              max="99"
              value={perNote}
              onChange={(e) => setPerNote(e.target.value)}
            />
          </div>
          <label className="fac-check">
            <input
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            {ft('vote.anonymous')}
          </label>
          <label className="fac-check">
            <input
              type="checkbox"
              checked={hideTotals}
              onChange={(e) => setHideTotals(e.target.checked)}
            />
            {ft('vote.hideTotals')}
          </label>
          <label className="fac-check">
            <input type="checkbox" checked={reset} onChange={(e) => setReset(e.target.checked)} />
            {ft('vote.reset')}
          </label>
          <button type="submit" className="button small primary" data-action="vote-start">
            {ft('vote.start')}
          </button>
        </form>
      )}
      {clearing !== null && (
        <ClearVotesDialog
          board={boards.find((b) => b.id === boardId)?.title ?? ''}
          votes={clearing}
          onCancel={() => setClearing(null)}
          onConfirm={startRound}
        />
      )}
    </section>
  );
}

function HiddenSection({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const { facilitation } = useFacilitationState(editor);
  // Counts per person (never text), kept for people who left during the phase.
  const list = useStore(editor.facilitation.hiddenHolders);
  const away = list.some((h) => !h.connected);
  return (
    <section className="fac-section" aria-labelledby="fac-hid-h">
      <h3 id="fac-hid-h">{ft('section.hidden')}</h3>
      {facilitation.hiddenWriting ? (
        <button
          type="button"
          className="button small primary"
          onClick={() => editor.commands.run(editor, 'hidden.set', false)}
          data-action="hidden-reveal"
        >
          {ft('hidden.reveal')}
        </button>
      ) : (
        <button
          type="button"
          className="button small"
          onClick={() => editor.commands.run(editor, 'hidden.set', true)}
          data-action="hidden-start"
        >
          {ft('hidden.start')}
        </button>
      )}
      {!facilitation.hiddenWriting && away && (
        <p className="fac-status" role="status" data-hidden-away>
          {ft('hidden.absentAtReveal')}
        </p>
      )}
      {list.length > 0 && (
        <ul
          className="fac-counts"
          aria-label={facilitation.hiddenWriting ? ft('hidden.counts') : ft('hidden.stillToCome')}
        >
          {list.map((h) => (
            <li key={h.key} data-connected={h.connected}>
              {ft('hidden.countOf', { name: h.name, count: h.count })}
              {!h.connected && <span className="muted"> ({ft('hidden.away')})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LockSection({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const ft = useT(facilitationMessages);
  const boards = useBoards(editor.index);
  const locked = boards.find((b) => b.id === boardId)?.locked ?? false;
  return (
    <section className="fac-section" aria-labelledby="fac-lock-h">
      <h3 id="fac-lock-h">{ft('section.lock')}</h3>
      <button
        type="button"
        className="button small"
        aria-pressed={locked}
        onClick={() => editor.commands.run(editor, 'board.lock', { boardId, locked: !locked })}
        data-action="lock"
      >
        {locked ? ft('lock.unlock') : ft('lock.lock')}
      </button>
    </section>
  );
}
