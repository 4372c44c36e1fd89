import { describe, expect, it } from 'vitest';
import { addBoard, renameBoard } from '../ops/boardOps.ts';
import { addNote, getNoteText, moveNotes } from '../ops/noteOps.ts';
import { setPhase } from '../ops/workshopOps.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { vote } from '../testing/votes.ts';
import { observeWorkshop, type WorkshopChange } from './observe.ts';

describe('observeWorkshop', () => {
  it('reports the ids touched by each transaction, including deep edits', () => {
    const { doc, board } = testWorkshop();
    const a = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    const b = addNote(
      doc,
      { boardId: board, x: 0, y: 0, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
    const changes: WorkshopChange[] = [];
    const stop = observeWorkshop(doc, (change) => changes.push(change));

    moveNotes(
      doc,
      [
        { id: a, x: 1, y: 1 },
        { id: b, x: 2, y: 2 },
      ],
      ALICE.origin,
    );
    doc.transact(() => getNoteText(doc, a)?.insert(0, 'x'), ALICE.origin);
    vote(doc, b, BOB.id, BOB.origin);
    renameBoard(doc, board, 'R', ALICE.origin);
    setPhase(doc, 'vote', ALICE.origin);
    const added = addBoard(doc, { title: 'New' }, ALICE.origin);

    expect(changes).toHaveLength(6);
    expect([...changes[0]!.notes].sort()).toEqual([a, b].sort());
    expect([...changes[1]!.notes]).toEqual([a]);
    expect([...changes[2]!.notes]).toEqual([b]);
    expect([...changes[3]!.boards]).toEqual([board]);
    expect(changes[4]!.meta).toBe(true);
    expect([...changes[5]!.boards]).toEqual([added]);
    expect([...changes[5]!.summaries]).toEqual([added]);

    stop();
    renameBoard(doc, board, 'S', ALICE.origin);
    expect(changes).toHaveLength(6);
  });
});
