/**
 * A participant's vote changes within one transaction, collected while the
 * role policy walks what changed and judged together at the end: the budget
 * counts every note of the round's board, so one vote at a time cannot be
 * judged alone (giving one vote and taking back another is fine at the limit).
 */
import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { asBoardId, asParticipantId } from '@pinnwand/shared/model/ids';
import { noteVotesMap } from '@pinnwand/shared/model/note';
import { metaMap, notesMap } from '@pinnwand/shared/model/schema';
import { voteCountSchema, votesOf } from '@pinnwand/shared/model/vote';
import { getSettings, listNoteIds } from '@pinnwand/shared/read/lookups';
import * as Y from 'yjs';
import { Refusal, RoleReason } from './roleReasons.ts';

interface VoteChange {
  /** The note's board before and after the transaction (absent ones left out). */
  boards: unknown[];
  before: number;
  after: number;
  /** The note was deleted: frees votes, allowed when voting is closed. */
  deleted: boolean;
}

/** A stored vote count, 0 for anything that is not one. */
export function countOf(value: unknown): number {
  const parsed = voteCountSchema.safeParse(value);
  return parsed.success ? parsed.data : 0;
}

export class VoteLedger {
  private readonly votes = new Map<string, VoteChange>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly participantId: string | null,
  ) {}

  record(noteId: string, boards: unknown[], before: number, after: number, deleted: boolean): void {
    const seen = this.votes.get(noteId);
    this.votes.set(noteId, {
      boards: [...new Set([...(seen?.boards ?? []), ...boards])],
      before: seen ? seen.before : before,
      after,
      deleted: deleted || (seen?.deleted ?? false),
    });
  }

  /**
   * Open round, its board, per-note maximum and budget, over all of this
   * transaction's vote changes. A round is open while `votingOpen` is true and
   * `meta.votingBoardId` names its board (shared/src/facilitation/votingRound);
   * the budget counts the votes a person gave on that board's notes.
   * Throws a Refusal.
   */
  check(): void {
    if (this.votes.size === 0 || this.participantId === null) return;
    const settings = getSettings(this.doc);
    const roundBoard = metaMap(this.doc).get(FACILITATION_META.votingBoardId);
    const open = settings.votingOpen && typeof roundBoard === 'string' && roundBoard !== '';
    // Growth of this person's votes on the round's board (votes freed elsewhere do not count).
    let delta = 0;
    for (const change of this.votes.values()) {
      if (change.boards.includes(roundBoard)) delta += change.after - change.before;
      if (change.after === change.before || change.deleted) continue;
      if (!open) throw new Refusal(RoleReason.votingClosed);
      // On the round's board before and after (a note without a board takes no votes).
      if (change.boards.length === 0 || change.boards.some((board) => board !== roundBoard)) {
        throw new Refusal(RoleReason.notRoundBoard);
      }
      if (change.after > change.before && change.after > settings.maxVotesPerNote) {
        throw new Refusal(RoleReason.noteLimit(settings.maxVotesPerNote));
      }
    }
    if (!open || delta <= 0) return;
    // Only growth is refused: after a facilitator lowers the budget, taking votes back still works.
    const participant = asParticipantId(this.participantId);
    const notes = notesMap(this.doc);
    let used = 0;
    for (const id of listNoteIds(this.doc, asBoardId(roundBoard))) {
      const note = notes.get(id);
      if (note instanceof Y.Map) used += votesOf(noteVotesMap(note as Y.Map<unknown>), participant);
    }
    if (used > settings.votesPerPerson) {
      throw new Refusal(RoleReason.budget(settings.votesPerPerson));
    }
  }
}
