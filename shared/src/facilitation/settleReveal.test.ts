import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { BoardId, NoteId } from '../model/ids.ts';
import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '../model/layout.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { notesMap } from '../model/schema.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { transact } from '../ops/transact.ts';
import { findFreeNotes } from '../placement/freeSpace.ts';
import { getNote, listClusters, listNoteIds } from '../read/lookups.ts';
import { divergence, PeerNetwork } from '../testing/peerNetwork.ts';
import { ALICE, person, type TestPerson, testWorkshop } from '../testing/testWorkshop.ts';
import { setHiddenWriting } from './facilitationSettings.ts';
import { settleRevealed } from './settleReveal.ts';

const ANNA = person('Anna');
const BEN = person('Ben');
const CORA = person('Cora');

/**
 * What a device does at the reveal (client/src/hidden/hiddenWriting.ts):
 * its hidden notes, each on a spot free among the notes and frames it can
 * see, into the shared document in one transaction.
 */
function publishHidden(doc: Y.Doc, boardId: BoardId, who: TestPerson, wanted: Point[]): void {
  const notes = listNoteIds(doc, boardId).map((id) => getNote(doc, id) as Point);
  const frames = listClusters(doc, boardId);
  const spots = findFreeNotes({ notes, frames }, wanted);
  transact(doc, IMPORT_ORIGIN, () => {
    for (const [i, spot] of spots.entries())
      addNote(
        doc,
        { boardId, ...spot, text: `${who.name} ${i + 1}`, author: who.name, authorId: who.id },
        IMPORT_ORIGIN,
      );
  });
}

interface Drawn extends Point {
  text: string;
  authorId: string;
  clusterId: string | null;
}

function drawn(doc: Y.Doc, boardId: BoardId): Drawn[] {
  return listNoteIds(doc, boardId)
    .map((id) => getNote(doc, id))
    .filter((n) => n !== undefined)
    .map((n) => ({
      text: n.text,
      x: n.x,
      y: n.y,
      authorId: n.authorId,
      clusterId: n.clusterId,
    }))
    .sort((a, b) => a.text.localeCompare(b.text));
}

const covers = (a: Point, b: Point) =>
  Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;

/** Pairs of notes by different people where one hides (part of) the other. */
function hidden(notes: readonly Drawn[]): string[] {
  const out: string[] = [];
  notes.forEach((a, i) => {
    for (const b of notes.slice(i + 1))
      if (a.authorId !== b.authorId && covers(a, b)) out.push(`${a.text} / ${b.text}`);
  });
  return out;
}

describe('the reveal of hidden writing', () => {
  it('notes several people wrote blind on the same spot cover nobody else’s after the reveal, on every device', () => {
    // Peer 0 is the facilitator who reveals, 1–3 write hidden.
    const net = new PeerNetwork(4);
    const fac = net.doc(0);
    const { board } = testWorkshop('blank', fac);
    // A cluster next to where everyone writes, and a note the facilitator wrote before.
    const a = addNote(
      fac,
      { boardId: board, x: 0, y: 0, text: 'Cluster a', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    const b = addNote(
      fac,
      { boardId: board, x: 0, y: 0, text: 'Cluster b', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    createCluster(
      fac,
      { boardId: board, title: 'Thema', x: 0, y: 0, noteIds: [a, b] },
      ALICE.origin,
    );
    addNote(
      fac,
      { boardId: board, x: 900, y: 0, text: 'Vorher', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    setHiddenWriting(fac, true, ALICE.origin);
    net.settle();
    const clusterBefore = JSON.stringify({
      frames: listClusters(fac, board),
      notes: drawn(fac, board).filter((n) => n.clusterId !== null || n.text === 'Vorher'),
    });

    // The facilitator's device moves apart what arrives after its reveal.
    const arrived: NoteId[] = [];
    notesMap(fac).observe((event) => {
      for (const [key, change] of event.changes.keys)
        if (change.action === 'add') arrived.push(key as NoteId);
    });
    setHiddenWriting(fac, false, ALICE.origin);
    net.deliverAll();

    // Every device publishes at once, blind to the others: all near (500, 300).
    publishHidden(net.doc(1), board, ANNA, [
      { x: 500, y: 300 },
      { x: 672, y: 300 },
    ]);
    publishHidden(net.doc(2), board, BEN, [
      { x: 520, y: 320 },
      { x: 520, y: 452 },
    ]);
    publishHidden(net.doc(3), board, CORA, [{ x: 560, y: 340 }]);
    const written = new Map(drawn(net.doc(1), board).map((n) => [n.text, n]));
    for (const [text, n] of [...drawn(net.doc(2), board), ...drawn(net.doc(3), board)].map(
      (n) => [n.text, n] as const,
    ))
      written.set(text, n);

    // The facilitator settles each batch as it arrives.
    while (net.deliverOne()) {
      if (arrived.length > 0) settleRevealed(fac, arrived.splice(0), IMPORT_ORIGIN);
    }
    net.settle();

    expect(divergence(net.docs)).toBeNull();
    for (const doc of net.docs) {
      const notes = drawn(doc, board);
      expect(notes).toHaveLength(3 + 5);
      expect(hidden(notes)).toEqual([]);
      // The cluster and the notes on the board before are untouched.
      expect(
        JSON.stringify({
          frames: listClusters(doc, board),
          notes: notes.filter((n) => n.clusterId !== null || n.text === 'Vorher'),
        }),
      ).toBe(clusterBefore);
    }
    const now = new Map(drawn(fac, board).map((n) => [n.text, n]));
    const at = (text: string) => now.get(text) as Drawn;
    const was = (text: string) => written.get(text) as Drawn;
    // Each person's own arrangement is kept: Anna's two side by side, Ben's one above the other.
    expect({ dx: at('Anna 2').x - at('Anna 1').x, dy: at('Anna 2').y - at('Anna 1').y }).toEqual({
      dx: was('Anna 2').x - was('Anna 1').x,
      dy: was('Anna 2').y - was('Anna 1').y,
    });
    expect({ dx: at('Ben 2').x - at('Ben 1').x, dy: at('Ben 2').y - at('Ben 1').y }).toEqual({
      dx: was('Ben 2').x - was('Ben 1').x,
      dy: was('Ben 2').y - was('Ben 1').y,
    });
    // …and stays near where it was written (within about two notes).
    for (const [text, n] of now)
      if (written.has(text))
        expect(Math.hypot(n.x - was(text).x, n.y - was(text).y), text).toBeLessThan(
          2.5 * NOTE_WIDTH,
        );
  });

  it('leaves notes alone that cover nobody else’s, and a person’s own stack', () => {
    const { doc, board } = testWorkshop('blank');
    const ids = [
      addNote(
        doc,
        { boardId: board, x: 0, y: 0, text: 'A1', author: 'Anna', authorId: ANNA.id },
        IMPORT_ORIGIN,
      ),
      addNote(
        doc,
        { boardId: board, x: 10, y: 10, text: 'A2', author: 'Anna', authorId: ANNA.id },
        IMPORT_ORIGIN,
      ),
      addNote(
        doc,
        { boardId: board, x: 600, y: 0, text: 'B1', author: 'Ben', authorId: BEN.id },
        IMPORT_ORIGIN,
      ),
    ];
    const before = drawn(doc, board);
    expect(settleRevealed(doc, ids, IMPORT_ORIGIN)).toBe(0);
    expect(drawn(doc, board)).toEqual(before);
  });
});
