/**
 * Who may claim a note in awareness (`editing`, `takeover`: one writer per
 * note, @pinnwand/shared/protocol/writingClaims). Clients refuse an editor on
 * a note someone else claims, so a claim is a lock on others: it is only
 * relayed from someone who may write that note.
 *
 * - Viewers may write nothing: their claims are dropped.
 * - Participants: the note rules of @pinnwand/shared/policy/permissions
 *   (`mayEditNote`: not on a locked board), judged with the document as the
 *   server has it now.
 * - A note the server does not know (yet) is not judged: an honest client
 *   claims a note it has just created before the room has applied the update
 *   that creates it (updates wait for the end of the tick, awareness does
 *   not), and a claim on a note that does not exist locks nobody out.
 * - Before the room's document is built nothing is judged but the role.
 */
import { BOARD, boardsMap, NOTE, notesMap } from '@pinnwand/shared/model/schema';
import { mayEditNote } from '@pinnwand/shared/policy/permissions';
import type { Role } from '@pinnwand/shared/protocol/roles';
import * as Y from 'yjs';

export interface Claimant {
  role: Role;
  participantId: string | null;
}

/** Whether `who` may claim `noteId`, with `doc` the room's document (null: not built yet). */
export function mayClaimNote(who: Claimant, noteId: string, doc: Y.Doc | null): boolean {
  if (who.role === 'viewer') return false;
  if (doc === null) return true;
  const note = notesMap(doc).get(noteId);
  if (!(note instanceof Y.Map)) return true;
  const boardId = note.get(NOTE.boardId);
  const board = typeof boardId === 'string' ? boardsMap(doc).get(boardId) : undefined;
  const facts = board instanceof Y.Map ? { locked: board.get(BOARD.locked) === true } : undefined;
  return mayEditNote(who, { board: facts }).allowed;
}
