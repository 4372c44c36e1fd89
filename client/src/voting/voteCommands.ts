// Giving and taking back dots — from the canvas, the outline, the voting panel
// and the context menu alike — with the refusal told to the person rather than
// silently ignored: the gate's (viewer, locked board) or the round's (closed,
// budget used, enough on this note).
import { castVote, retractVote, type VoteResult } from '@pinnwand/shared/facilitation/votingRound';
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { AnyCommand, Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import { say } from '../facilitation/facilitation.ts';
import type { FKey } from '../facilitation/messages.ts';
import { mayVote, tellRefusal } from '../gate/noteGate.ts';

function vote(editor: Editor, id: NoteId, step: typeof castVote): void {
  const verdict = mayVote(editor, id);
  if (!verdict.allowed) {
    tellRefusal(editor, verdict.denial);
    return;
  }
  const result: VoteResult = step(editor.doc, id, editor.userId, editor.origin);
  if (!result.ok) say(editor, `vote.refused.${result.reason}` as FKey);
  else say(editor, 'vote.leftShort', { count: result.remaining });
}

const canVote = (e: Editor) => e.role !== 'viewer';

// Not marked `mutates`: on a locked board the commands still run, so the gate
// can say why the dot was not given instead of nothing happening.

export const giveDotCommand: Command<NoteId> = {
  id: 'vote.give',
  label: 'cmd.giveDot',
  mutates: false,
  enabled: canVote,
  run: (e, id) => vote(e, id, castVote),
};

export const takeBackDotCommand: Command<NoteId> = {
  id: 'vote.takeBack',
  label: 'cmd.takeBackDot',
  mutates: false,
  enabled: canVote,
  run: (e, id) => vote(e, id, retractVote),
};

export const voteCommands: AnyCommand[] = [giveDotCommand, takeBackDotCommand];
