// The facilitator's controls as commands (voting round, hidden writing, board
// lock, timer), so the panel's buttons and any other entry point run the same
// thing through the registry: one undo step each, offered only to those the
// rules let change the workshop's settings or boards.

import { setHiddenWriting } from '@pinnwand/shared/facilitation/facilitationSettings';
import {
  endVotingRound,
  type RoundInput,
  startVotingRound,
} from '@pinnwand/shared/facilitation/votingRound';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { clearTimer, pauseTimer, resumeTimer, startTimer } from '@pinnwand/shared/ops/timerOps';
import type { AnyCommand, Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import { mayChangeStructure } from '../gate/noteGate.ts';
import { serverNow } from './facilitation.ts';

const mayChangeSettings = (e: Editor) => mayChangeStructure(e, 'settings');

export const startVotingCommand: Command<RoundInput> = {
  id: 'voting.start',
  label: 'cmd.startVoting',
  mutates: true,
  gate: mayChangeSettings,
  run: (e, round) => startVotingRound(e.doc, round, e.origin),
};

export const endVotingCommand: Command = {
  id: 'voting.end',
  label: 'cmd.endVoting',
  mutates: true,
  gate: mayChangeSettings,
  run: (e) => endVotingRound(e.doc, e.origin),
};

/** Starts the hidden phase (true) or reveals the notes (false). */
export const hiddenWritingCommand: Command<boolean> = {
  id: 'hidden.set',
  label: 'cmd.hiddenWriting',
  mutates: true,
  gate: mayChangeSettings,
  run: (e, hidden) => setHiddenWriting(e.doc, hidden, e.origin),
};

export const lockBoardCommand: Command<{ boardId: BoardId; locked: boolean }> = {
  id: 'board.lock',
  label: 'cmd.lockBoard',
  mutates: true,
  gate: (e) => mayChangeStructure(e, 'boards'),
  run: (e, { boardId, locked }) => {
    setBoardLocked(e.doc, boardId, locked, e.origin);
  },
};

/** The timer runs on the server's clock, so every screen agrees. */
export const startTimerCommand: Command<number> = {
  id: 'timer.start',
  label: 'cmd.timerStart',
  mutates: true,
  gate: mayChangeSettings,
  run: (e, ms) => startTimer(e.doc, ms, e.origin, serverNow(e)),
};

export const pauseTimerCommand: Command = {
  id: 'timer.pause',
  label: 'cmd.timerPause',
  mutates: true,
  gate: mayChangeSettings,
  run: (e) => pauseTimer(e.doc, e.origin, serverNow(e)),
};

export const resumeTimerCommand: Command = {
  id: 'timer.resume',
  label: 'cmd.timerResume',
  mutates: true,
  gate: mayChangeSettings,
  run: (e) => resumeTimer(e.doc, e.origin, serverNow(e)),
};

export const clearTimerCommand: Command = {
  id: 'timer.clear',
  label: 'cmd.timerClear',
  mutates: true,
  gate: mayChangeSettings,
  run: (e) => clearTimer(e.doc, e.origin),
};

export const facilitationCommands: AnyCommand[] = [
  startVotingCommand,
  endVotingCommand,
  hiddenWritingCommand,
  lockBoardCommand,
  startTimerCommand,
  pauseTimerCommand,
  resumeTimerCommand,
  clearTimerCommand,
];
