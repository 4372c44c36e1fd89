/**
 * Voting, in one place: a dot-voting round on one board, and giving and
 * taking back votes in it. The facilitator opens a round with a budget (votes
 * per person), a per-note maximum and anonymous or named results; the round's
 * budget counts only the votes on that board, so an earlier round on another
 * board does not use it up. These are the rules the server's role policy
 * enforces (docs/protocol.md, "Votes"); the app, the tests and the policy use
 * this module and no other vote API. Votes stay in the notes' `votes` maps
 * (design.md), so counts go into exports unchanged.
 *
 * Checks run against this peer's current view of the document; two devices
 * of the same person voting offline can still overshoot, and readers count
 * what is there rather than silently dropping votes.
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
import { updateSettings } from '../ops/workshopOps.ts';
import { getNote, getSettings, listNoteIds } from '../read/lookups.ts';
import { readFacilitation, writeFacilitation } from './facilitationSettings.ts';

export type VoteRefusal =
  | 'unknown-note'
  | 'voting-closed'
  | 'budget-exhausted'
  | 'note-limit-reached'
  | 'no-vote-to-remove';

export type VoteResult =
  | {
      ok: true;
      /** This person's votes on the note after the change. */
      onNote: number;
      /** Votes this person has left to give in the round. */
      remaining: number;
    }
  | { ok: false; reason: VoteRefusal };

export interface RoundInput {
  boardId: BoardId;
  votesPerPerson: number;
  maxVotesPerNote: number;
  anonymous: boolean;
  /** Remove the votes already on this board's notes first. */
  resetVotes?: boolean;
  /** Vote totals stay hidden on the notes until the round ends. */
  hideTotals?: boolean;
}

export interface RoundState {
  open: boolean;
  boardId: BoardId | null;
  votesPerPerson: number;
  maxVotesPerNote: number;
  anonymous: boolean;
  /** The round is open and its totals are not shown on the notes yet. */
  totalsHidden: boolean;
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
    totalsHidden:
      settings.votingOpen &&
      facilitation.votingBoardId !== null &&
      facilitation.votesHiddenUntilEnd,
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
      {
        votingBoardId: input.boardId,
        votesAnonymous: input.anonymous,
        votesHiddenUntilEnd: input.hideTotals ?? false,
      },
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

/** The entry of a note on the open round's board, or why there is none to vote on. */
function roundNote(
  doc: Y.Doc,
  noteId: NoteId,
): { note: Y.Map<unknown>; round: RoundState & { boardId: BoardId } } | { refusal: VoteRefusal } {
  const round = readRound(doc);
  if (!round.open || !round.boardId) return { refusal: 'voting-closed' };
  const note = entryMap(notesMap(doc), noteId);
  // Only notes on the round's board take votes, or give them back.
  if (!note || note.get(NOTE.boardId) !== round.boardId) return { refusal: 'unknown-note' };
  return { note, round: { ...round, boardId: round.boardId } };
}

/** One vote on a note of the round's board, within the round's budget and per-note limit. */
export function castVote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const found = roundNote(doc, noteId);
    if ('refusal' in found) return { ok: false, reason: found.refusal };
    const { note, round } = found;
    if (votesUsedOnBoard(doc, round.boardId, participant) >= round.votesPerPerson)
      return { ok: false, reason: 'budget-exhausted' };
    let votes = noteVotesMap(note);
    const current = votesOf(votes, participant);
    if (current >= round.maxVotesPerNote) return { ok: false, reason: 'note-limit-reached' };
    if (!votes) {
      // Only a note written by a foreign client lacks the map; see ops/entries.ts.
      votes = new Y.Map<unknown>();
      note.set(NOTE.votes, votes);
    }
    votes.set(participant, current + 1);
    return { ok: true, onNote: current + 1, remaining: votesLeft(doc, participant) };
  });
}

/** Takes back one of this person's votes on a note of the round's board. */
export function retractVote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const found = roundNote(doc, noteId);
    if ('refusal' in found) return { ok: false, reason: found.refusal };
    const votes = noteVotesMap(found.note);
    const current = votesOf(votes, participant);
    if (!votes || current === 0) return { ok: false, reason: 'no-vote-to-remove' };
    if (current === 1) votes.delete(participant);
    else votes.set(participant, current - 1);
    return { ok: true, onNote: current - 1, remaining: votesLeft(doc, participant) };
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
