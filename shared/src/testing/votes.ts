/**
 * Votes for tests that need some on the board (exports, observers, random
 * runs) but are not about voting rounds: `vote` opens a round on the note's
 * board when none is open there, with the workshop's current budget, and then
 * casts the vote through the one vote API (facilitation/votingRound.ts), in
 * one transaction.
 */
import type * as Y from 'yjs';
import {
  castVote,
  readRound,
  startVotingRound,
  type VoteResult,
} from '../facilitation/votingRound.ts';
import type { NoteId, ParticipantId } from '../model/ids.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { transact } from '../ops/transact.ts';
import { getNote } from '../read/lookups.ts';

export function vote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, () => {
    const boardId = getNote(doc, noteId)?.boardId;
    const round = readRound(doc);
    if (boardId && (!round.open || round.boardId !== boardId)) {
      const { votesPerPerson, maxVotesPerNote, anonymous } = round;
      startVotingRound(doc, { boardId, votesPerPerson, maxVotesPerNote, anonymous }, origin);
    }
    return castVote(doc, noteId, participant, origin);
  });
}
