// Mounts the facilitation features on the workshop screen: starts their
// services (cluster membership, hidden writing, follow mode, board lock, the
// server clock), registers their commands, and renders the status bar above
// the board, the canvas overlay and the dialogs.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { openMenuCommand } from '../clusters/ContextMenu.tsx';
import { clusterCommands, placeOutlineMovesInClusters } from '../clusters/clusterCommands.ts';
import { DuplicatesDialog } from '../clusters/DuplicatesDialog.tsx';
import { watchMembership } from '../clusters/membership.ts';
import { SuggestionsDialog } from '../clusters/SuggestionsDialog.tsx';
import { selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { facilitatorStates, startFollow } from '../follow/follow.ts';
import { startHiddenHolders } from '../hidden/hiddenHolders.ts';
import { hiddenOf, startHiddenWriting } from '../hidden/hiddenWriting.ts';
import { useBoards } from '../model/useDoc.ts';
import type { Connection } from '../sync/connection.ts';
import { measureClockOffset } from '../timer/clock.ts';
import { TimerWithSound, useTimerView } from '../timer/Timer.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useStore } from '../ui/store.ts';
import { VotesLeft } from '../voting/VotesLeft.tsx';
import { currentBoardLocked, startBoardLock } from './boardLock.ts';
import { CanvasOverlay } from './CanvasOverlay.tsx';
import { createFacilitation, type Facilitation, facilitationOf, publish } from './facilitation.ts';
import { facilitationMessages } from './messages.ts';
import { startDeleteHints } from './noteRights.ts';
import { useFacilitationState } from './useFacilitationState.ts';
import './facilitation.css';
import { useT } from '../i18n/I18nProvider.tsx';

/** Starts the services; renders nothing. Mount once per open workshop. */
export function FacilitationServices({
  editor,
  connection,
}: {
  editor: Editor;
  connection: Connection;
}) {
  const [f] = useState(() => createFacilitation(editor, connection));
  useEffect(() => {
    const originals = [...clusterCommands, openMenuCommand].map((c) => editor.commands.get(c.id));
    editor.commands.registerAll([...clusterCommands, openMenuCommand]);
    publish(editor, { participantId: editor.userId });
    const stops = [
      placeOutlineMovesInClusters(editor),
      watchMembership(editor),
      startHiddenWriting(f),
      startHiddenHolders(f),
      startFollow(f),
      startBoardLock(editor),
      startDeleteHints(f),
    ];
    let cancelled = false;
    void measureClockOffset(editor.workshopId).then((offset) => {
      if (!cancelled && offset !== null) f.clockOffset.set(offset);
    });
    return () => {
      cancelled = true;
      for (const stop of stops) stop();
      for (const c of originals) if (c) editor.commands.register(c);
    };
  }, [editor, f]);
  return null;
}

/** The line above the canvas: timer, voting, hidden writing, lock, follow, messages. */
export function FacilitationBar({ editor }: { editor: Editor }) {
  const f = facilitationOf(editor);
  if (!f) return null;
  return <Bar f={f} />;
}

function Bar({ f }: { f: Facilitation }) {
  const ft = useT(facilitationMessages);
  const editor = f.editor;
  const { round, facilitation } = useFacilitationState(editor);
  // Cleared a minute after the end, so the bar does not keep an empty slot.
  const timerShown = useTimerView(f).kind !== 'none';
  const boardId = useStore(editor.boardId);
  const boards = useBoards(editor.index);
  const following = useStore(f.following);
  const toast = useStore(f.toast);
  const locked = boards.some((b) => b.id === boardId && b.locked);
  const roundBoard = boards.find((b) => b.id === round.boardId);
  const hidden = hiddenOf(editor);
  const myHidden = useSyncExternalStore(
    (l) => hidden?.notes.subscribe(l) ?? (() => undefined),
    () => hidden?.notes.all().length ?? 0,
  );
  const hasFacilitator = useSyncExternalStore(
    (l) => {
      f.awareness.on('change', l);
      return () => f.awareness.off('change', l);
    },
    () => facilitatorStates(f).length > 0,
  );
  const othersHidden = useSyncExternalStore(
    (l) => {
      f.awareness.on('change', l);
      return () => f.awareness.off('change', l);
    },
    () => othersHiddenCount(f),
  );
  const canVote = round.open && editor.role !== 'viewer';
  const items = [];
  if (timerShown) items.push(<TimerWithSound key="timer" f={f} />);
  if (canVote && roundBoard) {
    items.push(
      <div key="vote" className="fac-chip fac-vote">
        {round.boardId === boardId ? (
          <>
            <VotesLeft editor={editor} />
            <span className="fac-hint-text">{ft('vote.hint')}</span>
          </>
        ) : (
          <>
            <VotesLeft editor={editor} />
            <span>{ft('vote.otherBoard', { board: roundBoard.title })}</span>
            <button
              type="button"
              className="button small"
              onClick={() => selectBoard(editor, round.boardId as BoardId)}
            >
              {ft('vote.goThere')}
            </button>
          </>
        )}
      </div>,
    );
  }
  if (facilitation.hiddenWriting)
    items.push(
      <div key="hidden" className="fac-chip fac-hidden" role="status">
        <Icon name="eyeOff" size={16} className="fac-icon" />{' '}
        <span className="long">{ft('hidden.active')}</span>
        <span className="short">{ft('hidden.activeShort')}</span>
        {myHidden > 0 && <strong> {ft('hidden.mine', { count: myHidden })}</strong>}
        {othersHidden > 0 && (
          <span className="fac-hint-text"> {ft('hidden.others', { count: othersHidden })}</span>
        )}
      </div>,
    );
  else if (myHidden > 0)
    items.push(
      <div key="pending" className="fac-chip fac-hidden" role="status">
        {ft('hidden.pending', { count: myHidden })}
      </div>,
    );
  if (locked && currentBoardLocked(editor))
    items.push(
      <div key="lock" className="fac-chip fac-lock" role="status" data-locked="true">
        <Icon name="lock" size={16} className="fac-icon" />{' '}
        <span className="long">{ft('lock.locked')}</span>
        <span className="short">{ft('lock.short')}</span>
      </div>,
    );
  if (editor.role !== 'facilitator' && (hasFacilitator || following))
    items.push(
      <button
        key="follow"
        type="button"
        className={`button small fac-follow${following ? ' active' : ''}`}
        aria-pressed={following}
        data-follow-toggle
        onClick={() => f.following.set(!following)}
      >
        {following ? ft('follow.stop') : ft('follow.start')}
      </button>,
    );
  return (
    <>
      {items.length > 0 && (
        <section className="fac-bar" aria-label={ft('fac.bar.label')}>
          {items}
        </section>
      )}
      <div className="fac-toast-region" aria-live="polite">
        {toast && (
          <p key={toast.id} className="fac-toast">
            {ft(toast.key, toast.params)}
          </p>
        )}
      </div>
    </>
  );
}

/** The overlay over the board's canvas; render inside `.canvas-area`. */
export function FacilitationCanvas({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const f = facilitationOf(editor);
  if (!f) return null;
  return (
    <>
      <CanvasOverlay key={boardId} f={f} boardId={boardId} />
      <Dialogs f={f} boardId={boardId} />
    </>
  );
}

function Dialogs({ f, boardId }: { f: Facilitation; boardId: BoardId }) {
  const dialog = useStore(f.dialog);
  const close = () => f.dialog.set(null);
  if (dialog?.kind === 'suggest')
    return <SuggestionsDialog f={f} boardId={boardId} onClose={close} />;
  if (dialog?.kind === 'duplicates')
    return <DuplicatesDialog f={f} boardId={boardId} onClose={close} />;
  return null;
}

/** Hidden notes others hold, summed from their awareness counts. */
function othersHiddenCount(f: Facilitation): number {
  let sum = 0;
  for (const [clientId, raw] of f.awareness.getStates()) {
    if (clientId === f.awareness.clientID) continue;
    const count = (raw as { hiddenNotes?: unknown }).hiddenNotes;
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) sum += Math.floor(count);
  }
  return sum;
}
