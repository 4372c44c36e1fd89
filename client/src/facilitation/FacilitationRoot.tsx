// Mounts the facilitation features on the workshop screen: starts their
// services (cluster membership, drops into a frame that crossed someone
// else's, hidden writing, hidden-note holders, follow mode, the server clock) and renders the status bar over the board's top, the
// editor's notices, the canvas overlay and the dialogs. Their commands and
// panels are part of the workshop's lists (board/features.tsx).
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { DuplicatesDialog } from '../clusters/DuplicatesDialog.tsx';
import { settleConcurrentDrops } from '../clusters/dropSettling.ts';
import { watchMembership } from '../clusters/membership.ts';
import { SuggestionsDialog } from '../clusters/SuggestionsDialog.tsx';
import { selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { facilitatorStates, startFollow } from '../follow/follow.ts';
import { startHiddenHolders } from '../hidden/hiddenHolders.ts';
import { startHiddenWriting } from '../hidden/hiddenWriting.ts';
import { useMessageText, useT } from '../i18n/I18nProvider.tsx';
import { useBoards } from '../model/useDoc.ts';
import { measureClockOffset } from '../timer/clock.ts';
import { TimerWithSound, useTimerView } from '../timer/Timer.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useStore } from '../ui/store.ts';
import { useCentredOnCanvas } from '../ui/useCentredOnCanvas.ts';
import { useRoomAtBottom } from '../ui/useRoomAtBottom.ts';
import { VotesLeft } from '../voting/VotesLeft.tsx';
import { CanvasOverlay } from './CanvasOverlay.tsx';
import { publish } from './facilitation.ts';
import { facilitationMessages } from './messages.ts';
import { useFacilitationState } from './useFacilitationState.ts';
import './facilitation.css';

/** Starts the services; renders nothing. Mount once per open workshop. */
export function FacilitationServices({ editor }: { editor: Editor }) {
  useEffect(() => {
    publish(editor, { participantId: editor.userId });
    const stops = [
      watchMembership(editor),
      settleConcurrentDrops(editor),
      startHiddenWriting(editor),
      startHiddenHolders(editor),
      startFollow(editor),
    ];
    let cancelled = false;
    void measureClockOffset(editor.workshopId).then((offset) => {
      if (!cancelled && offset !== null) editor.facilitation.clockOffset.set(offset);
    });
    return () => {
      cancelled = true;
      for (const stop of stops) stop();
    };
  }, [editor]);
  return null;
}

/** The line over the canvas's top: timer, voting, hidden writing, lock, follow. */
export function FacilitationBar({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const f = editor.facilitation;
  const { round, facilitation } = useFacilitationState(editor);
  // Cleared a minute after the end, so the bar does not keep an empty slot.
  const timerShown = useTimerView(editor).kind !== 'none';
  const boardId = useStore(editor.boardId);
  const boards = useBoards(editor.index);
  const following = useStore(f.following);
  const hidden = useStore(editor.hidden);
  const { readOnly } = useStore(editor.access);
  const roundBoard = boards.find((b) => b.id === round.boardId);
  const myHidden = useSyncExternalStore(
    (l) => hidden?.notes.subscribe(l) ?? (() => undefined),
    () => hidden?.notes.all().length ?? 0,
  );
  const onAwareness = useCallback(
    (l: () => void) => {
      editor.awareness.on('change', l);
      return () => editor.awareness.off('change', l);
    },
    [editor],
  );
  const hasFacilitator = useSyncExternalStore(
    onAwareness,
    () => facilitatorStates(editor).length > 0,
  );
  const othersHidden = useSyncExternalStore(onAwareness, () => othersHiddenCount(editor));
  const canVote = round.open && editor.role !== 'viewer';
  const items = [];
  if (timerShown) items.push(<TimerWithSound key="timer" editor={editor} />);
  if (canVote && roundBoard) {
    items.push(
      <div key="vote" className="fac-chip fac-vote">
        {round.boardId === boardId ? (
          <>
            <VotesLeft editor={editor} />
            {/* On a phone the short one: the chip lies over the board's top. */}
            <span className="fac-hint-text long">{ft('vote.hint')}</span>
            <span className="fac-hint-text short" data-vote-hint>
              {ft('vote.hintShort')}
            </span>
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
  if (readOnly?.kind === 'locked')
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
  if (items.length === 0) return null;
  return (
    <section className="fac-bar" aria-label={ft('fac.bar.label')}>
      {items}
    </section>
  );
}

/**
 * The editor's notices, as toasts just above the toolbar (outside the banners'
 * layer), centred on the board's canvas like the toolbar; how far up a notice reaches is kept, so a view the facilitator
 * summons is fitted clear of the notice that says so (follow/follow.ts).
 */
export function FacilitationToasts({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const noticeText = useMessageText();
  const notice = useStore(editor.notices.current);
  const toolbarRoom = useStore(editor.canvas.bottomInset);
  const region = useRef<HTMLDivElement>(null);
  useRoomAtBottom(region, editor.canvas.noticeInset, 0);
  const boardId = useStore(editor.boardId);
  useCentredOnCanvas(region, boardId);
  return (
    <div
      ref={region}
      className="fac-toast-region"
      aria-live="polite"
      style={{ bottom: `calc(${toolbarRoom}px + 0.5rem)` }}
    >
      {notice && (
        <div key={notice.id} className="fac-toast">
          <p>{noticeText(notice.message)}</p>
          {notice.keptLabel && <p className="fac-toast-label">{noticeText(notice.keptLabel)}</p>}
          {notice.kept !== undefined && (
            <textarea
              className="fac-toast-kept"
              readOnly
              aria-label={notice.keptLabel ? noticeText(notice.keptLabel) : ft('notice.kept')}
              value={notice.kept}
              rows={Math.min(notice.persist ? 8 : 4, notice.kept.split('\n').length + 1)}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
          {notice.action && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                editor.notices.dismiss();
                notice.action?.run();
              }}
            >
              {noticeText(notice.action.label)}
            </button>
          )}
          {notice.persist && (
            <button type="button" className="button small" onClick={() => editor.notices.dismiss()}>
              {ft('notice.close')}
            </button>
          )}
          {notice.undo && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                notice.undo?.();
                editor.notices.dismiss();
              }}
            >
              {ft('notice.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The overlay over the board's canvas; render inside `.canvas-area`. */
export function FacilitationCanvas({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  return (
    <>
      <CanvasOverlay key={boardId} editor={editor} boardId={boardId} />
      <Dialogs editor={editor} boardId={boardId} />
    </>
  );
}

function Dialogs({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const dialog = useStore(editor.facilitation.dialog);
  const close = () => editor.facilitation.dialog.set(null);
  if (dialog?.kind === 'suggest')
    return <SuggestionsDialog editor={editor} boardId={boardId} onClose={close} />;
  if (dialog?.kind === 'duplicates')
    return <DuplicatesDialog editor={editor} boardId={boardId} onClose={close} />;
  return null;
}

/** Hidden notes others hold, summed from their awareness counts. */
function othersHiddenCount(editor: Editor): number {
  let sum = 0;
  for (const [clientId, raw] of editor.awareness.getStates()) {
    if (clientId === editor.awareness.clientID) continue;
    const count = (raw as { hiddenNotes?: unknown }).hiddenNotes;
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) sum += Math.floor(count);
  }
  return sum;
}
