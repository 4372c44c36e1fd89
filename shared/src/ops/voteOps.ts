/**
 * Voting: each person has a budget (`votesPerPerson`) across the workshop and
 * may give at most `maxVotesPerNote` to one note. Both are checked against
 * this peer's current view of the document; two devices of the same person
 * voting offline can still overshoot, and readers count what is there rather
 * than silently dropping votes.
 */
import * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import type { NoteId, ParticipantId } from '../model/ids.ts';
import { noteVotesMap } from '../model/note.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { NOTE, notesMap } from '../model/schema.ts';
import { votesOf } from '../model/vote.ts';
import { getSettings } from '../read/lookups.ts';
import { transact } from './transact.ts';

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
      /** Votes this person has left to give. */
      remaining: number;
    }
  | { ok: false; reason: VoteRefusal };

/** Votes `participant` has given across all notes. */
export function votesUsed(doc: Y.Doc, participant: ParticipantId): number {
  const root = notesMap(doc);
  let used = 0;
  for (const id of root.keys()) {
    const map = entryMap(root, id);
    if (map) used += votesOf(noteVotesMap(map), participant);
  }
  return used;
}

export function votesRemaining(doc: Y.Doc, participant: ParticipantId): number {
  return Math.max(0, getSettings(doc).votesPerPerson - votesUsed(doc, participant));
}

/** Gives one vote to a note, within the budget and per-note limit. */
export function vote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const settings = getSettings(doc);
    if (!settings.votingOpen) return { ok: false, reason: 'voting-closed' };
    const note = entryMap(notesMap(doc), noteId);
    if (!note) return { ok: false, reason: 'unknown-note' };
    const used = votesUsed(doc, participant);
    if (used >= settings.votesPerPerson) return { ok: false, reason: 'budget-exhausted' };
    let votes = noteVotesMap(note);
    const current = votesOf(votes, participant);
    if (current >= settings.maxVotesPerNote) return { ok: false, reason: 'note-limit-reached' };
    if (!votes) {
      // Only a note written by a foreign client lacks the map; see entries.ts.
      votes = new Y.Map<unknown>();
      note.set(NOTE.votes, votes);
    }
    votes.set(participant, current + 1);
    return { ok: true, onNote: current + 1, remaining: settings.votesPerPerson - used - 1 };
  });
}

/** Takes back one of this person's votes on a note. */
export function unvote(
  doc: Y.Doc,
  noteId: NoteId,
  participant: ParticipantId,
  origin: TransactionOrigin,
): VoteResult {
  return transact(doc, origin, (): VoteResult => {
    const settings = getSettings(doc);
    if (!settings.votingOpen) return { ok: false, reason: 'voting-closed' };
    const note = entryMap(notesMap(doc), noteId);
    if (!note) return { ok: false, reason: 'unknown-note' };
    const votes = noteVotesMap(note);
    const current = votesOf(votes, participant);
    if (!votes || current === 0) return { ok: false, reason: 'no-vote-to-remove' };
    if (current === 1) votes.delete(participant);
    else votes.set(participant, current - 1);
    const used = votesUsed(doc, participant);
    return {
      ok: true,
      onNote: current - 1,
      remaining: Math.max(0, settings.votesPerPerson - used),
    };
  });
}

/** Removes all votes (a facilitator starting a new round). Returns how many notes had votes. */
export function clearVotes(doc: Y.Doc, origin: TransactionOrigin): number {
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    let count = 0;
    for (const id of root.keys()) {
      const map = entryMap(root, id);
      const votes = map && noteVotesMap(map);
      if (!votes || votes.size === 0) continue;
      for (const key of [...votes.keys()]) votes.delete(key);
      count++;
    }
    return count;
  });
}
