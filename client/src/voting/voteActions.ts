// Giving and taking back dots, with the refusal told to the person (a toast)
// rather than silently ignored.
import { castVote, retractVote } from '@pinnwand/shared/facilitation/votingRound';
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Editor } from '../editor/Editor.ts';
import { facilitationOf } from '../facilitation/facilitation.ts';
import type { FKey } from '../facilitation/messages.ts';

export function giveDot(editor: Editor, noteId: NoteId): boolean {
  if (editor.role === 'viewer') return false;
  editor.undo.stopCapturing();
  const result = castVote(editor.doc, noteId, editor.userId, editor.origin);
  editor.undo.stopCapturing();
  const f = facilitationOf(editor);
  if (!result.ok) f?.say(`vote.refused.${result.reason}` as FKey);
  else f?.say('vote.leftShort', { count: result.remaining });
  return result.ok;
}

export function takeBackDot(editor: Editor, noteId: NoteId): boolean {
  if (editor.role === 'viewer') return false;
  editor.undo.stopCapturing();
  const result = retractVote(editor.doc, noteId, editor.userId, editor.origin);
  editor.undo.stopCapturing();
  const f = facilitationOf(editor);
  if (!result.ok) f?.say(`vote.refused.${result.reason}` as FKey);
  else f?.say('vote.leftShort', { count: result.remaining });
  return result.ok;
}
