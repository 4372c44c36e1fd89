import { describe, expect, it } from 'vitest';
import { CLUSTER_HEADER, CLUSTER_PADDING, NOTE_WIDTH } from '../model/layout.ts';
import { getCluster, getNote, listClusters } from '../read/lookups.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { createUndoManager } from '../undo.ts';
import {
  assignNotesToCluster,
  createCluster,
  deleteCluster,
  moveCluster,
  renameCluster,
  reorderCluster,
  resizeCluster,
  tidyCluster,
  unassignNotes,
} from './clusterOps.ts';
import { addNote } from './noteOps.ts';

const me = ALICE.origin;

function setup(noteCount = 3) {
  const ws = testWorkshop();
  const notes = Array.from({ length: noteCount }, (_, i) =>
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: 1000 + i * 7,
        y: 1000 - i * 5,
        text: `n${i}`,
        author: 'A',
        authorId: ALICE.id,
      },
      me,
    ),
  );
  return { ...ws, notes };
}

describe('cluster operations', () => {
  it('creates a cluster after the existing ones, renames, resizes', () => {
    const { doc, board } = setup(0);
    const a = createCluster(doc, { boardId: board, title: 'A', x: 0, y: 0 }, me);
    const b = createCluster(
      doc,
      { boardId: board, title: 'B', x: 500, y: 0, width: 100, height: 80 },
      me,
    );
    expect(listClusters(doc, board).map((c) => c.id)).toEqual([a, b]);
    renameCluster(doc, a, 'Strukturen', me);
    resizeCluster(doc, b, { width: 321, height: 123 }, me);
    expect(getCluster(doc, a)?.title).toBe('Strukturen');
    expect(getCluster(doc, b)).toMatchObject({ width: 321, height: 123 });
  });

  it('creates a cluster around given notes, laid out in a grid', () => {
    const { doc, board, notes } = setup(4);
    const c = createCluster(
      doc,
      { boardId: board, title: 'C', x: 100, y: 100, noteIds: notes },
      me,
    );
    const placed = notes.map((id) => getNote(doc, id)!);
    expect(placed.every((n) => n.clusterId === c)).toBe(true);
    // 4 notes → 2 columns, in previous reading order (the last note was topmost).
    const xs = new Set(placed.map((n) => n.x));
    const ys = new Set(placed.map((n) => n.y));
    expect(xs.size).toBe(2);
    expect(ys.size).toBe(2);
    expect(getNote(doc, notes[3]!)).toMatchObject({
      x: 100 + CLUSTER_PADDING,
      y: 100 + CLUSTER_HEADER + CLUSTER_PADDING,
    });
    const frame = getCluster(doc, c)!;
    for (const n of placed) {
      expect(n.x + NOTE_WIDTH).toBeLessThanOrEqual(frame.x + frame.width);
    }
  });

  it('moving a cluster moves its notes along, but not other notes', () => {
    const { doc, board, notes } = setup(3);
    const c = createCluster(
      doc,
      { boardId: board, title: 'C', x: 0, y: 0, noteIds: [notes[0]!, notes[1]!] },
      me,
    );
    const before = notes.map((id) => getNote(doc, id)!);
    moveCluster(doc, c, { x: 50, y: -20 }, me);
    const after = notes.map((id) => getNote(doc, id)!);
    expect(after[0]).toMatchObject({ x: before[0]!.x + 50, y: before[0]!.y - 20 });
    expect(after[1]).toMatchObject({ x: before[1]!.x + 50, y: before[1]!.y - 20 });
    expect(after[2]).toMatchObject({ x: before[2]!.x, y: before[2]!.y });
    expect(getCluster(doc, c)).toMatchObject({ x: 50, y: -20 });
  });

  it('reorders clusters', () => {
    const { doc, board } = setup(0);
    const ids = ['A', 'B', 'C'].map((title, i) =>
      createCluster(doc, { boardId: board, title, x: i * 400, y: 0 }, me),
    );
    reorderCluster(doc, ids[2]!, 0, me);
    expect(listClusters(doc, board).map((c) => c.title)).toEqual(['C', 'A', 'B']);
  });

  it('deleting a cluster leaves its notes in place, unclustered', () => {
    const { doc, board, notes } = setup(2);
    const c = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0, noteIds: notes }, me);
    const positions = notes.map((id) => ({ x: getNote(doc, id)!.x, y: getNote(doc, id)!.y }));
    expect(deleteCluster(doc, c, me)).toBe(true);
    expect(getCluster(doc, c)).toBeUndefined();
    notes.forEach((id, i) => {
      expect(getNote(doc, id)).toMatchObject({ clusterId: null, ...positions[i] });
    });
    expect(readWorkshop(doc).boards[0]?.unclusteredNotes).toHaveLength(2);
  });

  it('assigns notes: places outside ones in free slots and grows the frame; keepPositions leaves them', () => {
    const { doc, board, boardIds, notes } = setup(3);
    const c = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0 }, me);
    const heightBefore = getCluster(doc, c)!.height;
    expect(assignNotesToCluster(doc, c, notes, me)).toBe(3);
    const frame = getCluster(doc, c)!;
    expect(frame.height).toBeGreaterThan(heightBefore);
    for (const id of notes) {
      const n = getNote(doc, id)!;
      expect(n.clusterId).toBe(c);
      expect(n.x).toBeGreaterThanOrEqual(frame.x);
      expect(n.y + 1).toBeLessThanOrEqual(frame.y + frame.height);
    }
    const other = addNote(
      doc,
      { boardId: boardIds[1]!, x: 5000, y: 5000, author: 'A', authorId: ALICE.id },
      me,
    );
    assignNotesToCluster(doc, c, [other], me, { keepPositions: true });
    expect(getNote(doc, other)).toMatchObject({ boardId: board, clusterId: c, x: 5000, y: 5000 });
    expect(assignNotesToCluster(doc, 'missing' as never, notes, me)).toBe(0);
  });

  it('unassigns notes without moving them', () => {
    const { doc, board, notes } = setup(2);
    createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0, noteIds: notes }, me);
    const x = getNote(doc, notes[0]!)!.x;
    expect(unassignNotes(doc, notes, me)).toBe(2);
    expect(unassignNotes(doc, notes, me)).toBe(0);
    expect(getNote(doc, notes[0]!)).toMatchObject({ clusterId: null, x });
  });

  it('tidies notes into a grid of the requested columns and fits the frame', () => {
    const { doc, board, notes } = setup(5);
    const c = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0 }, me);
    assignNotesToCluster(doc, c, notes, me, { keepPositions: true });
    tidyCluster(doc, c, me, { columns: 5 });
    const ys = new Set(notes.map((id) => getNote(doc, id)!.y));
    expect(ys.size).toBe(1);
    const frame = getCluster(doc, c)!;
    expect(frame.width).toBe(2 * CLUSTER_PADDING + 5 * NOTE_WIDTH + 4 * 12);
  });

  it('one undo of a cluster deletion brings back the frame and its members', () => {
    const { doc, board, notes } = setup(2);
    const undo = createUndoManager(doc, me);
    const c = createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0, noteIds: notes }, me);
    undo.stopCapturing();
    deleteCluster(doc, c, me);
    undo.undo();
    expect(
      readWorkshop(doc)
        .boards[0]?.clusters[0]?.notes.map((n) => n.id)
        .sort(),
    ).toEqual([...notes].sort());
  });
});
