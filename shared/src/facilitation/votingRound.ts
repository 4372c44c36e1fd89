/**
 * A dot-voting round on one board. The facilitator opens it with a budget
 * (votes per person), a per-note maximum and anonymous or named results; the
 * round's budget counts only the votes on that board, so an earlier round on
 * another board does not use it up. Votes stay in the notes' `votes` maps
 * (design.md), so counts go into exports unchanged.
 */
import * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import type { BoardId, NoteId, ParticipantId } from '../model/ids.ts';
import type { Note } from '../model/note.ts';
import { noteVotesMap } from '../model/note.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { NOTE, notesMap } from '../model/schema.ts';
import { votesOf } from '../model/vote.ts';
import { transact } from '../ops/transact.ts';
import { unvote, type VoteResult } from '../ops/voteOps.ts';
import { updateSettings } from '../ops/workshopOps.ts';
import { getNote, getSettings, listNoteIds } from '../read/lookups.ts';
import { readFacilitation, writeFacilitation } from './facilitationSettings.ts';

export interface RoundInput {
  boardId: BoardId;
  votesPerPerson: number;
  maxVotesPerNote: number;
  anonymous: boolean;
  /** Remove the votes already on this board's notes first. */
  resetVotes?: boolean;
}

export interface RoundState {
  open: boolean;
  boardId: BoardId | null;
  votesPerPerson: number;
  maxVotesPerNote: number;
  anonymous: boolean;
}

export function readRound(doc: Y.Doc): RoundState {
  const settings = getSettings(doc);
  const facilitation = readFacilitation(doc);
  return {
    open: settings.votingOpen && facilitation.votingBoardId !== null,
    boardId: facilitation.votingBoardId,
    votesPerPerson: settings.votesPerPerson,
    maxVotesPerNote: settings.maxVotesPerNote,
    anonymous: facilitation.votesAnonymous,
  };
}

export function startVotingRound(doc: Y.Doc, input: RoundInput, origin: TransactionOrigin): void {
  transact(doc, origin, () => {
    if (input.resetVotes) clearBoardVotes(doc, input.boardId, origin);
    updateSettings(
      doc,
      {
        votesPerPerson: Math.max(1, Math.floor(input.votesPerPerson)),
        maxVotesPerNote: Math.max(1, Math.floor(input.maxVotesPerNote)),
        votingOpen: true,
      },
      origin,
    );
    writeFacilitation(
      doc,
      { votingBoardId: input.boardId, votesAnonymous: input.anonymous },
      origin,
    );
  });
}

/** Closes the round; the board stays named so the ranking can be shown. */
export function endVotingRound(doc: Y.Doc, origin: TransactionOrigin): void {
  updateSettings(doc, { votingOpen: false }, origin);
}

export function clearBoardVotes(doc: Y.Doc, boardId: BoardId, origin: TransactionOrigin): number {
  return transact(doc, origin, () => {
    let count = 0;
    for (const id of listNoteIds(doc, boardId)) {
      const map = entryMap(notesMap(doc), id);
      const votes = map && noteVotesMap(map);
      if (!votes || votes.size === 0) continue;
      for (const key of [...votes.keys()]) votes.delete(key);
      count++;
    }
    return count;
  });
}

/** Votes `participant` has given on the notes of `boardId`. */
export function votesUsedOnBoard(doc: Y.Doc, boardId: BoardId, participant: ParticipantId): number {
  const root = notesMap(doc);
  let used = 0;
  for (const id of listNoteIds(doc, boardId)) {
    const map = entryMap(root, id);
    if (map) used += votesOf(noteVotesMap(map), participant);
  }
  return used;
}

export function votesLeft(doc: Y.Doc, participant: ParticipantId): number {
  const round = readRound(doc);
  if (!round.boardId) return 0;
  return Math.max(0, round.votesPerPerson - votesUsedOnBoard(doc, round.boardId, participant));
}

/** One vote on a note of the round's board, within the round's budget. */
export function castVote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const round = readRound(doc);
    if (!round.open || !round.boardId) return { ok: false, reason: 'voting-closed' };
    const note = entryMap(notesMap(doc), noteId);
    if (!note || note.get(NOTE.boardId) !== round.boardId)
      return { ok: false, reason: 'unknown-note' };
    if (votesUsedOnBoard(doc, round.boardId, participant) >= round.votesPerPerson)
      return { ok: false, reason: 'budget-exhausted' };
    // Not voteOps.vote(): its budget counts the whole workshop, a round counts its board.
    let votes = noteVotesMap(note);
    const current = votesOf(votes, participant);
    if (current >= round.maxVotesPerNote) return { ok: false, reason: 'note-limit-reached' };
    if (!votes) {
      votes = new Y.Map<unknown>();
      note.set(NOTE.votes, votes);
    }
    votes.set(participant, current + 1);
    return { ok: true, onNote: current + 1, remaining: votesLeft(doc, participant) };
  });
}

export function retractVote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const result = unvote(doc, noteId, participant, origin);
    if (!result.ok) return result;
    return { ...result, remaining: votesLeft(doc, participant) };
  });
}

export interface RankedNote {
  note: Note;
  total: number;
  rank: number;
}

/** The board's notes with votes, most votes first; equal totals share a rank. */
export function ranking(doc: Y.Doc, boardId: BoardId): RankedNote[] {
  const notes = listNoteIds(doc, boardId)
    .map((id) => getNote(doc, id))
    .filter((n): n is Note => n !== undefined && n.votes.total > 0)
    .sort((a, b) => b.votes.total - a.votes.total || a.text.localeCompare(b.text));
  let rank = 0;
  let last = -1;
  return notes.map((note, index) => {
    if (note.votes.total !== last) rank = index + 1;
    last = note.votes.total;
    return { note, total: note.votes.total, rank };
  });
}
