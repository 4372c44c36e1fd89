import { describe, expect, it } from 'vitest';
import { getNote } from '../read/lookups.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { addNote, deleteNotes } from './noteOps.ts';
import { clearVotes, unvote, vote, votesRemaining, votesUsed } from './voteOps.ts';
import { updateSettings } from './workshopOps.ts';

function setup() {
  const ws = testWorkshop();
  updateSettings(ws.doc, { votesPerPerson: 3, maxVotesPerNote: 2 }, ALICE.origin);
  const notes = [0, 1, 2].map((i) =>
    addNote(
      ws.doc,
      { boardId: ws.board, x: i, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    ),
  );
  return { ...ws, notes };
}

describe('voting', () => {
  it('gives votes within the per-note limit and the budget, and refuses beyond', () => {
    const { doc, notes } = setup();
    const [a, b, c] = notes as [never, never, never];
    expect(vote(doc, a, BOB.id, BOB.origin)).toEqual({ ok: true, onNote: 1, remaining: 2 });
    expect(vote(doc, a, BOB.id, BOB.origin)).toEqual({ ok: true, onNote: 2, remaining: 1 });
    expect(vote(doc, a, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'note-limit-reached' });
    expect(vote(doc, b, BOB.id, BOB.origin)).toMatchObject({ ok: true, remaining: 0 });
    expect(vote(doc, c, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'budget-exhausted' });
    expect(votesUsed(doc, BOB.id)).toBe(3);
    expect(votesRemaining(doc, BOB.id)).toBe(0);
    // Alice's budget is her own.
    expect(vote(doc, c, ALICE.id, ALICE.origin)).toMatchObject({ ok: true });
    expect(getNote(doc, a)?.votes).toEqual({ total: 2, byParticipant: { [BOB.id]: 2 } });
  });

  it('takes votes back, freeing the budget', () => {
    const { doc, notes } = setup();
    const a = notes[0]!;
    vote(doc, a, BOB.id, BOB.origin);
    expect(unvote(doc, a, BOB.id, BOB.origin)).toEqual({ ok: true, onNote: 0, remaining: 3 });
    expect(unvote(doc, a, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'no-vote-to-remove' });
    expect(getNote(doc, a)?.votes.total).toBe(0);
  });

  it('refuses while voting is closed and for unknown notes', () => {
    const { doc, notes } = setup();
    expect(vote(doc, 'gone' as never, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'unknown-note',
    });
    updateSettings(doc, { votingOpen: false }, ALICE.origin);
    expect(vote(doc, notes[0]!, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'voting-closed',
    });
    expect(unvote(doc, notes[0]!, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'voting-closed',
    });
  });

  it('returns the budget when a voted note is deleted, and clears all votes for a new round', () => {
    const { doc, notes } = setup();
    vote(doc, notes[0]!, BOB.id, BOB.origin);
    vote(doc, notes[1]!, BOB.id, BOB.origin);
    deleteNotes(doc, [notes[0]!], ALICE.origin);
    expect(votesUsed(doc, BOB.id)).toBe(1);
    expect(clearVotes(doc, ALICE.origin)).toBe(1);
    expect(votesUsed(doc, BOB.id)).toBe(0);
  });
});
