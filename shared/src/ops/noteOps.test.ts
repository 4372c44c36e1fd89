import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { originOf } from '../model/origin.ts';
import { getNote, listNoteIds } from '../read/lookups.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { createCluster } from './clusterOps.ts';
import {
  addNote,
  deleteNotes,
  duplicateNotes,
  getNoteText,
  moveNote,
  moveNotes,
  moveNotesToBoard,
  recolorNotes,
  setNoteText,
  translateNotes,
} from './noteOps.ts';

const me = ALICE.origin;

function withNotes(count: number) {
  const ws = testWorkshop();
  const ids = Array.from({ length: count }, (_, i) =>
    addNote(
      ws.doc,
      { boardId: ws.board, x: i * 10, y: 0, text: `n${i}`, author: ALICE.name, authorId: ALICE.id },
      me,
    ),
  );
  return { ...ws, ids };
}

describe('note operations', () => {
  it('adds a note with defaults and a Y.Text for editors', () => {
    const { doc, board } = testWorkshop();
    const id = addNote(
      doc,
      { boardId: board, x: 5, y: 6, author: 'Alice', authorId: ALICE.id, createdAt: 9 },
      me,
    );
    expect(getNote(doc, id)).toEqual({
      id,
      boardId: board,
      clusterId: null,
      text: '',
      x: 5,
      y: 6,
      color: 'yellow',
      author: 'Alice',
      authorId: ALICE.id,
      createdAt: 9,
      votes: { total: 0, byParticipant: {} },
    });
    getNoteText(doc, id)?.insert(0, 'Hallo');
    expect(getNote(doc, id)?.text).toBe('Hallo');
    expect(listNoteIds(doc, board)).toEqual([id]);
  });

  it('refuses non-finite positions', () => {
    const { doc, board } = testWorkshop();
    expect(() =>
      addNote(doc, { boardId: board, x: Number.NaN, y: 0, author: 'A', authorId: ALICE.id }, me),
    ).toThrow(RangeError);
  });

  it('sets text by changing only the differing part', () => {
    const { doc, ids } = withNotes(1);
    const id = ids[0]!;
    setNoteText(doc, id, 'Finanzierung', me);
    const ytext = getNoteText(doc, id)!;
    const deltas: unknown[] = [];
    ytext.observe((event) => deltas.push(event.delta));
    setNoteText(doc, id, 'Finanzierung sichern', me);
    expect(deltas).toEqual([[{ retain: 12 }, { insert: ' sichern' }]]);
    expect(setNoteText(doc, 'gone' as never, 'x', me)).toBe(false);
  });

  it('moves one and many notes in one transaction', () => {
    const { doc, ids } = withNotes(30);
    let transactions = 0;
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      transactions++;
      expect(originOf(tr)).toBe(me);
    });
    expect(moveNote(doc, ids[0]!, { x: 100, y: 200 }, me)).toBe(true);
    expect(
      moveNotes(
        doc,
        ids.map((id, i) => ({ id, x: i, y: 1000 })),
        me,
      ),
    ).toBe(30);
    expect(translateNotes(doc, ids, { x: 10, y: -10 }, me)).toBe(30);
    expect(transactions).toBe(3);
    expect(getNote(doc, ids[5]!)).toMatchObject({ x: 15, y: 990 });
  });

  it('recolours, skipping missing ids', () => {
    const { doc, ids } = withNotes(3);
    expect(recolorNotes(doc, [...ids, 'missing' as never], 'pink', me)).toBe(3);
    expect(ids.map((id) => getNote(doc, id)?.color)).toEqual(['pink', 'pink', 'pink']);
  });

  it('duplicates notes next to the originals, authored by the duplicator, without votes', () => {
    const { doc, board, ids } = withNotes(2);
    const cluster = createCluster(
      doc,
      { boardId: board, title: 'C', x: 0, y: 0, noteIds: [ids[0]!] },
      me,
    );
    const copies = duplicateNotes(doc, ids, { author: BOB.name, authorId: BOB.id }, BOB.origin);
    expect(copies).toHaveLength(2);
    const original = getNote(doc, ids[0]!)!;
    const copy = getNote(doc, copies[0]!)!;
    expect(copy).toMatchObject({
      text: 'n0',
      clusterId: cluster,
      x: original.x + 24,
      y: original.y + 24,
      author: 'Bob',
      authorId: BOB.id,
    });
    expect(getNote(doc, copies[1]!)?.clusterId).toBeNull();
  });

  it('deletes notes in bulk and reports how many existed', () => {
    const { doc, board, ids } = withNotes(4);
    expect(deleteNotes(doc, [ids[0]!, ids[1]!, ids[1]!, 'x' as never], me)).toBe(2);
    expect(listNoteIds(doc, board).sort()).toEqual([ids[2], ids[3]].sort());
  });

  it('moves notes to another board, leaving their cluster', () => {
    const { doc, board, boardIds, ids } = withNotes(2);
    createCluster(doc, { boardId: board, title: 'C', x: 0, y: 0, noteIds: ids }, me);
    const target = boardIds[1]!;
    expect(moveNotesToBoard(doc, ids, target, me, new Map([[ids[0]!, { x: 1, y: 2 }]]))).toBe(2);
    expect(getNote(doc, ids[0]!)).toMatchObject({ boardId: target, clusterId: null, x: 1, y: 2 });
    expect(getNote(doc, ids[1]!)).toMatchObject({ boardId: target, clusterId: null });
  });
});
