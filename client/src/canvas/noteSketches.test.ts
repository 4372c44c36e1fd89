import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { REMOTE_ORIGIN } from '@pinnwand/shared/model/origin';
import { addNote, deleteNotes, moveNote, setNoteText } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import type Konva from 'konva';
import { describe, expect, it } from 'vitest';
import { testEditor } from '../testing/testEditor.ts';
import type { NoteLook } from './notePainter.ts';
import { type Drawable, NoteSketches } from './noteSketches.ts';
import type { Place } from './snapshotGeometry.ts';

/** A board of three notes, their sketches (none mounted), and what the snapshot was told. */
function setup() {
  const { doc, board } = testWorkshop();
  const editor = testEditor(doc);
  const ids = ['Eins', 'Zwei', 'Drei'].map((text, i) =>
    addNote(
      doc,
      {
        boardId: board,
        x: 100 * i,
        y: 50,
        text,
        author: 'Ann',
        authorId: asParticipantId('ann'),
        createdAt: 1000 + i,
      },
      REMOTE_ORIGIN,
    ),
  );
  const told: [Place | null, Place | null][] = [];
  const nodes: Drawable[] = [];
  const source = { getChildren: () => nodes } as unknown as Konva.Group;
  const sketches = new NoteSketches(editor, source, {
    noteChanged: (before, after) => told.push([before, after]),
  });
  sketches.setPending(board as BoardId, editor.index.noteIds(board), 0);
  return { doc, board, editor, ids, sketches, told, nodes };
}

const drawn = (sketches: NoteSketches) =>
  sketches.items().map((d) => ({
    x: d.x(),
    y: d.y(),
    text: (d.getAttr('look') as NoteLook).layouts.text,
  }));

describe('note sketches (the board drawn before its note components mount)', () => {
  it('draw the real notes at their places, in board order', () => {
    const { sketches } = setup();
    expect(drawn(sketches)).toEqual([
      { x: 0, y: 50, text: 'Eins' },
      { x: 100, y: 50, text: 'Zwei' },
      { x: 200, y: 50, text: 'Drei' },
    ]);
  });

  it('follow a note moved or rewritten by someone else, and drop a deleted one', () => {
    const { doc, ids, sketches, told } = setup();
    told.length = 0;
    moveNote(doc, ids[1]!, { x: 400, y: 300 }, REMOTE_ORIGIN);
    expect(told).toEqual([
      [
        { x: 100, y: 50 },
        { x: 400, y: 300 },
      ],
    ]);
    setNoteText(doc, ids[0]!, 'Eins und mehr', REMOTE_ORIGIN);
    deleteNotes(doc, [ids[2]!], REMOTE_ORIGIN);
    expect(drawn(sketches)).toEqual([
      { x: 0, y: 50, text: 'Eins und mehr' },
      { x: 400, y: 300, text: 'Zwei' },
    ]);
    expect(told.at(-1)).toEqual([{ x: 200, y: 50 }, null]);
  });

  it('hand a note over to its mounted component: drawn once, from the node, in the same order', () => {
    const { board, editor, ids, sketches, nodes } = setup();
    const adopted = sketches.adopt(ids[0]!);
    expect(adopted?.place).toEqual({ x: 0, y: 50 });
    expect(sketches.adopt(ids[0]!)).toBeUndefined();
    nodes.push({ x: () => 0, y: () => 50, getAttr: () => adopted!.look });
    sketches.setPending(board as BoardId, editor.index.noteIds(board), 1);
    expect(drawn(sketches).map((d) => d.text)).toEqual(['Eins', 'Zwei', 'Drei']);
    // All mounted: only the nodes are drawn.
    sketches.adopt(ids[1]!);
    sketches.adopt(ids[2]!);
    sketches.setPending(board as BoardId, editor.index.noteIds(board), Number.POSITIVE_INFINITY);
    expect(sketches.items()).toBe(nodes);
  });

  it('no longer follow notes once destroyed', () => {
    const { doc, ids, sketches, told } = setup();
    sketches.destroy();
    told.length = 0;
    moveNote(doc, ids[0]!, { x: 9, y: 9 }, REMOTE_ORIGIN);
    expect(told).toEqual([]);
  });
});
