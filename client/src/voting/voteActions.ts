// Giving and taking back dots, with the refusal told to the person (a toast)
// rather than silently ignored.
import { castVote, retractVote } from '@pinnwand/shared/facilitation/votingRound';
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Editor } from '../editor/Editor.ts';
import { facilitationOf } from '../facilitation/facilitation.ts';
import type { FKey } from '../facilitation/messages.ts';

/** Participants cannot change a locked board, votes included (the server refuses them too). */
function lockedFor(editor: Editor, noteId: NoteId): boolean {
  if (editor.role === 'facilitator') return false;
  const boardId = editor.index.note(noteId)?.boardId;
  return editor.index.boards().some((b) => b.id === boardId && b.locked);
}

export function giveDot(editor: Editor, noteId: NoteId): boolean {
  if (editor.role === 'viewer') return false;
  if (lockedFor(editor, noteId)) {
    facilitationOf(editor)?.say('lock.locked');
    return false;
  }
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
  if (lockedFor(editor, noteId)) {
    facilitationOf(editor)?.say('lock.locked');
    return false;
  }
  editor.undo.stopCapturing();
  const result = retractVote(editor.doc, noteId, editor.userId, editor.origin);
  editor.undo.stopCapturing();
  const f = facilitationOf(editor);
  if (!result.ok) f?.say(`vote.refused.${result.reason}` as FKey);
  else f?.say('vote.leftShort', { count: result.remaining });
  return result.ok;
}
