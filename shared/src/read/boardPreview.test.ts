import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { castVote, startVotingRound } from '../facilitation/votingRound.ts';
import { notesMap } from '../model/schema.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { readBoardPreview } from './boardPreview.ts';
import { listBoards } from './lookups.ts';

describe('readBoardPreview', () => {
  it("holds the tabs and the first board's frames and notes in drawing order, nothing of other boards", () => {
    const ws = testWorkshop('retro');
    const [first, second] = ws.boardIds as [typeof ws.board, typeof ws.board];
    expect(listBoards(ws.doc)[0]?.id).toBe(first);
    const note = (boardId: typeof first, text: string, createdAt: number) =>
      addNote(
        ws.doc,
        { boardId, x: createdAt, y: 5, text, author: 'Alice', authorId: ALICE.id, createdAt },
        ALICE.origin,
      );
    const later = note(first, 'später', 3000);
    const earlier = note(first, 'früher', 2000);
    note(second, 'anderswo', 1000);
    createCluster(ws.doc, { boardId: first, title: 'Thema', x: 0, y: 300 }, ALICE.origin);
    const preview = readBoardPreview(ws.doc);
    expect(preview.title).toBe('Test');
    expect(preview.boards.map((b) => b.id)).toEqual(ws.boardIds);
    expect(preview.boardId).toBe(first);
    expect(preview.notes.map((n) => n.id)).toEqual([earlier, later]);
    expect(preview.notes[0]).toEqual({
      id: earlier,
      x: 2000,
      y: 5,
      color: expect.any(String),
      author: 'Alice',
      text: 'früher',
      votes: 0,
    });
    expect(preview.clusters.map((c) => c.title)).toEqual(['Thema']);
  });

  it('shows vote totals as the notes do: hidden while a round hides them', () => {
    const ws = testWorkshop('blank');
    const id = addNote(
      ws.doc,
      { boardId: ws.board, x: 0, y: 0, text: 'Idee', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    startVotingRound(
      ws.doc,
      { boardId: ws.board, votesPerPerson: 3, maxVotesPerNote: 3, anonymous: false },
      ALICE.origin,
    );
    castVote(ws.doc, id, ALICE.id, ALICE.origin);
    castVote(ws.doc, id, BOB.id, BOB.origin);
    expect(readBoardPreview(ws.doc).notes[0]?.votes).toBe(2);
    startVotingRound(
      ws.doc,
      {
        boardId: ws.board,
        votesPerPerson: 3,
        maxVotesPerNote: 3,
        anonymous: false,
        hideTotals: true,
      },
      ALICE.origin,
    );
    expect(readBoardPreview(ws.doc).notes[0]?.votes).toBe(0);
  });

  it('leaves out a malformed note, as the board does, and has no board for an empty document', () => {
    const ws = testWorkshop('blank');
    const broken = new Y.Map<unknown>();
    ws.doc.transact(() => {
      notesMap(ws.doc).set('broken', broken);
      broken.set('boardId', ws.board);
      broken.set('x', 'not a number');
    });
    expect(readBoardPreview(ws.doc).notes).toEqual([]);
    expect(readBoardPreview(new Y.Doc())).toEqual({
      title: '',
      boards: [],
      boardId: null,
      clusters: [],
      notes: [],
    });
  });
});
