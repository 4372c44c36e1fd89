import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardId, NoteId } from '../model/ids.ts';
import { addNote, deleteNotes } from '../ops/noteOps.ts';
import { getNote, listClusters } from '../read/lookups.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { acceptClusterSuggestions } from './applySuggestions.ts';
import { readFacilitation, setHiddenWriting } from './facilitationSettings.ts';
import { mergeNotes } from './mergeNotes.ts';
import { draftBoardSummary } from './summaryDraft.ts';
import {
  castVote,
  endVotingRound,
  ranking,
  readRound,
  retractVote,
  startVotingRound,
  votesLeft,
} from './votingRound.ts';

function notesOn(doc: Y.Doc, board: BoardId, texts: string[]): NoteId[] {
  return texts.map((text, i) =>
    addNote(
      doc,
      { boardId: board, x: i * 200, y: 0, text, author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    ),
  );
}

describe('voting rounds', () => {
  it('counts the budget on the round’s board only, with the per-note limit', () => {
    const ws = testWorkshop();
    const [first, second] = ws.boardIds as [BoardId, BoardId];
    const [a, b] = notesOn(ws.doc, first, ['A', 'B']) as [NoteId, NoteId];
    const [c] = notesOn(ws.doc, second, ['C']) as [NoteId];
    startVotingRound(
      ws.doc,
      { boardId: first, votesPerPerson: 2, maxVotesPerNote: 1, anonymous: true },
      ALICE.origin,
    );
    expect(castVote(ws.doc, a, BOB.id, BOB.origin)).toMatchObject({ ok: true, remaining: 1 });
    expect(castVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'note-limit-reached',
    });
    expect(castVote(ws.doc, c, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'unknown-note' });
    expect(castVote(ws.doc, b, BOB.id, BOB.origin)).toMatchObject({ ok: true, remaining: 0 });
    expect(votesLeft(ws.doc, BOB.id)).toBe(0);
    expect(retractVote(ws.doc, b, BOB.id, BOB.origin)).toMatchObject({ ok: true, remaining: 1 });
    endVotingRound(ws.doc, ALICE.origin);
    expect(castVote(ws.doc, b, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'voting-closed' });
    // A new round on the other board has its own budget despite Bob's votes on the first.
    startVotingRound(
      ws.doc,
      { boardId: second, votesPerPerson: 1, maxVotesPerNote: 1, anonymous: false },
      ALICE.origin,
    );
    expect(readRound(ws.doc)).toMatchObject({
      open: true,
      boardId: second,
      anonymous: false,
      totalsHidden: false,
    });
    expect(castVote(ws.doc, c, BOB.id, BOB.origin)).toMatchObject({ ok: true, remaining: 0 });
    expect(ranking(ws.doc, first).map((r) => [r.note.text, r.total, r.rank])).toEqual([
      ['A', 1, 1],
    ]);
  });

  it('hides the totals while a round asked so runs, and shows them once it ends', () => {
    const ws = testWorkshop();
    startVotingRound(
      ws.doc,
      {
        boardId: ws.board,
        votesPerPerson: 3,
        maxVotesPerNote: 1,
        anonymous: true,
        hideTotals: true,
      },
      ALICE.origin,
    );
    expect(readRound(ws.doc).totalsHidden).toBe(true);
    endVotingRound(ws.doc, ALICE.origin);
    expect(readRound(ws.doc).totalsHidden).toBe(false);
  });

  it('takes votes back only in an open round, freeing the budget; a deleted note frees it too', () => {
    const ws = testWorkshop();
    const [a, b, c] = notesOn(ws.doc, ws.board, ['A', 'B', 'C']) as [NoteId, NoteId, NoteId];
    expect(castVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({ ok: false, reason: 'voting-closed' });
    startVotingRound(
      ws.doc,
      { boardId: ws.board, votesPerPerson: 3, maxVotesPerNote: 2, anonymous: true },
      ALICE.origin,
    );
    expect(castVote(ws.doc, 'gone' as NoteId, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'unknown-note',
    });
    expect(castVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({ ok: true, onNote: 1, remaining: 2 });
    expect(castVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({ ok: true, onNote: 2, remaining: 1 });
    // Alice's budget is her own.
    expect(castVote(ws.doc, a, ALICE.id, ALICE.origin)).toMatchObject({ ok: true, remaining: 2 });
    expect(retractVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({
      ok: true,
      onNote: 1,
      remaining: 2,
    });
    expect(retractVote(ws.doc, b, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'no-vote-to-remove',
    });
    castVote(ws.doc, b, BOB.id, BOB.origin);
    castVote(ws.doc, c, BOB.id, BOB.origin);
    expect(votesLeft(ws.doc, BOB.id)).toBe(0);
    deleteNotes(ws.doc, [c], ALICE.origin);
    expect(votesLeft(ws.doc, BOB.id)).toBe(1);
    endVotingRound(ws.doc, ALICE.origin);
    expect(retractVote(ws.doc, a, BOB.id, BOB.origin)).toEqual({
      ok: false,
      reason: 'voting-closed',
    });
    expect(getNote(ws.doc, a)?.votes).toEqual({
      total: 2,
      byParticipant: { [BOB.id]: 1, [ALICE.id]: 1 },
    });
  });

  it('can clear a board’s earlier votes when a round starts', () => {
    const ws = testWorkshop();
    const board = ws.board;
    const [a] = notesOn(ws.doc, board, ['A']) as [NoteId];
    startVotingRound(
      ws.doc,
      { boardId: board, votesPerPerson: 3, maxVotesPerNote: 3, anonymous: true },
      ALICE.origin,
    );
    castVote(ws.doc, a, BOB.id, BOB.origin);
    startVotingRound(
      ws.doc,
      { boardId: board, votesPerPerson: 3, maxVotesPerNote: 3, anonymous: true, resetVotes: true },
      ALICE.origin,
    );
    expect(getNote(ws.doc, a)?.votes.total).toBe(0);
  });
});

describe('facilitation helpers', () => {
  it('merges duplicates keeping texts, authors and votes, in one transaction', () => {
    const ws = testWorkshop();
    const board = ws.board;
    const [a] = notesOn(ws.doc, board, ['Mehr Austausch']) as [NoteId];
    const b = addNote(
      ws.doc,
      { boardId: board, x: 0, y: 0, text: 'mehr  austausch', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    const c = addNote(
      ws.doc,
      { boardId: board, x: 0, y: 0, text: 'Mehr Austausch!', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    startVotingRound(
      ws.doc,
      { boardId: board, votesPerPerson: 5, maxVotesPerNote: 3, anonymous: true },
      ALICE.origin,
    );
    castVote(ws.doc, a, BOB.id, BOB.origin);
    castVote(ws.doc, b, BOB.id, BOB.origin);
    castVote(ws.doc, c, ALICE.id, ALICE.origin);
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    expect(mergeNotes(ws.doc, [a, b, c], ALICE.origin, 'combine')).toBe(a);
    expect(transactions).toBe(1);
    const merged = getNote(ws.doc, a);
    // Combined on request: each differing text once.
    expect(merged?.text).toBe('Mehr Austausch\nMehr Austausch!');
    expect(merged?.author).toBe('Alice, Bob');
    expect(merged?.votes.byParticipant).toEqual({ [BOB.id]: 2, [ALICE.id]: 1 });
    expect(getNote(ws.doc, b)).toBeUndefined();
  });

  it("merges keeping one chosen text as it is, in that note's place", () => {
    const ws = testWorkshop();
    const board = ws.board;
    const [a, b] = notesOn(ws.doc, board, ['Mehr Austausch', 'Mehr Austausch mit Ländern']);
    startVotingRound(
      ws.doc,
      { boardId: board, votesPerPerson: 5, maxVotesPerNote: 3, anonymous: true },
      ALICE.origin,
    );
    castVote(ws.doc, a!, BOB.id, BOB.origin);
    expect(mergeNotes(ws.doc, [a!, b!], ALICE.origin, { keep: b! })).toBe(b);
    expect(getNote(ws.doc, a!)).toBeUndefined();
    expect(getNote(ws.doc, b!)?.text).toBe('Mehr Austausch mit Ländern');
    expect(getNote(ws.doc, b!)?.votes.total).toBe(1);
    // Without a choice the first note's text stays alone.
    const [c, d] = notesOn(ws.doc, board, ['FAQ pflegen', 'FAQ pflegen!']);
    mergeNotes(ws.doc, [c!, d!], ALICE.origin);
    expect(getNote(ws.doc, c!)?.text).toBe('FAQ pflegen');
  });

  it('accepts suggestions as one undoable transaction and drafts a summary from them', () => {
    const ws = testWorkshop();
    const board = ws.board;
    const ids = notesOn(ws.doc, board, ['Rollout planen', 'Roll-out begleiten', 'FAQ pflegen']);
    const undo = new Y.UndoManager(ws.doc.getMap('clusters'), {
      trackedOrigins: new Set([ALICE.origin]),
    });
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    acceptClusterSuggestions(
      ws.doc,
      board,
      [
        { title: 'Rollout', noteIds: ids.slice(0, 2) },
        { title: 'Doku', noteIds: ids.slice(2) },
      ],
      ALICE.origin,
    );
    expect(transactions).toBe(1);
    expect(listClusters(ws.doc, board).map((c) => c.title)).toEqual(['Rollout', 'Doku']);
    expect(ids.map((id) => getNote(ws.doc, id)?.clusterId !== null)).toEqual([true, true, true]);
    const draft = draftBoardSummary(ws.doc, board, {
      unclustered: 'Weiteres',
      untitled: 'Neuer Cluster',
      votes: (n) => `${n} Punkte`,
    });
    expect(draft).toContain('Rollout\n• Rollout planen\n• Roll-out begleiten');
    expect(draft).toContain('Doku\n• FAQ pflegen');
    expect(draft).not.toMatch(/^(#|- )/m);
    undo.undo();
    expect(listClusters(ws.doc, board)).toEqual([]);
  });

  it('reads and writes the hidden-writing phase', () => {
    const ws = testWorkshop();
    expect(readFacilitation(ws.doc).hiddenWriting).toBe(false);
    setHiddenWriting(ws.doc, true, ALICE.origin);
    expect(readFacilitation(ws.doc).hiddenWriting).toBe(true);
  });
});

describe('placing notes in a cluster', () => {
  it('puts a note on a free slot next to notes dropped by hand and grows the frame', async () => {
    const { placeNotesInCluster } = await import('./placeInCluster.ts');
    const { createCluster } = await import('../ops/clusterOps.ts');
    const { getCluster } = await import('../read/lookups.ts');
    const ws = testWorkshop();
    const [a, b, c] = notesOn(ws.doc, ws.board, ['A', 'B', 'C']) as [NoteId, NoteId, NoteId];
    const id = createCluster(ws.doc, { boardId: ws.board, title: 'X', x: 0, y: 0 }, ALICE.origin);
    placeNotesInCluster(ws.doc, id, [a], ALICE.origin);
    placeNotesInCluster(ws.doc, id, [b], ALICE.origin);
    placeNotesInCluster(ws.doc, id, [c], ALICE.origin);
    const spots = [a, b, c].map((n) => getNote(ws.doc, n)).map((n) => `${n?.x},${n?.y}`);
    expect(new Set(spots).size).toBe(3);
    expect([a, b, c].every((n) => getNote(ws.doc, n)?.clusterId === id)).toBe(true);
    expect(getCluster(ws.doc, id)?.height).toBeGreaterThan(200);
  });
});
