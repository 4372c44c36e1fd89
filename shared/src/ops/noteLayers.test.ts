// The drawing order of a board's notes lives in the document: a note brought
// to the front (dropped onto another) lies on top on every device, and the
// preview a new device draws first has it on top as well.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { NoteId } from '../model/ids.ts';
import { readBoardPreview } from '../read/boardPreview.ts';
import { getNote, listNoteIds } from '../read/lookups.ts';
import { compareNotesByLayer } from '../read/workshopView.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { addNote, bringNotesToFront } from './noteOps.ts';

function board(count: number, doc?: Y.Doc) {
  const ws = testWorkshop('blank', doc);
  const ids = Array.from({ length: count }, (_, i) =>
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: 0,
        y: 0,
        text: `n${i}`,
        author: ALICE.name,
        authorId: ALICE.id,
        createdAt: 1000 + i,
      },
      ALICE.origin,
    ),
  );
  return { ...ws, ids };
}

/** The board's note ids in drawing order, the last on top. */
function drawingOrder(doc: Y.Doc, boardId: string): NoteId[] {
  return listNoteIds(doc, boardId as never)
    .map((id) => getNote(doc, id)!)
    .sort(compareNotesByLayer)
    .map((n) => n.id);
}

describe('the drawing order of notes', () => {
  it('is the creation order until a note is brought to the front, which then lies on top', () => {
    const { doc, board: b, ids } = board(4);
    expect(drawingOrder(doc, b)).toEqual(ids);
    expect(bringNotesToFront(doc, [ids[0]!], BOB.origin)).toBe(1);
    expect(drawingOrder(doc, b)).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    // The preview a new device draws first has the same order.
    expect(readBoardPreview(doc).notes.map((n) => n.id)).toEqual(drawingOrder(doc, b));
    // A note written afterwards lies on top of it, as a new note does.
    const later = addNote(
      doc,
      { boardId: b, x: 0, y: 0, author: 'A', authorId: ALICE.id, createdAt: 5000 },
      ALICE.origin,
    );
    expect(drawingOrder(doc, b).at(-1)).toBe(later);
  });

  it('keeps several notes in their order among themselves, and leaves a note on top alone', () => {
    const { doc, board: b, ids } = board(4);
    bringNotesToFront(doc, [ids[2]!, ids[0]!], ALICE.origin);
    expect(drawingOrder(doc, b)).toEqual([ids[1], ids[3], ids[0], ids[2]]);
    const before = Y.encodeStateVector(doc);
    expect(bringNotesToFront(doc, [ids[2]!], ALICE.origin)).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('two people bringing different notes forward at once: both end above the rest, the same on both devices', () => {
    const a = board(3);
    const bDoc = new Y.Doc();
    Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(a.doc));
    bringNotesToFront(a.doc, [a.ids[0]!], ALICE.origin);
    bringNotesToFront(bDoc, [a.ids[1]!], BOB.origin);
    Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(bDoc));
    const order = drawingOrder(a.doc, a.board);
    expect(drawingOrder(bDoc, a.board)).toEqual(order);
    expect(order[0]).toBe(a.ids[2]);
    expect(new Set(order.slice(1))).toEqual(new Set([a.ids[0], a.ids[1]]));
  });
});
