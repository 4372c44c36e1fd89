// Duplicating (Ctrl+D) and importing into a board take their spots from the
// gate's placement: on random boards, run through the real commands, nothing
// they add covers a note or a frame that was there, or another added note.
import type { ImportPlan } from '@pinnwand/shared/import/importPlan';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH, type Rect } from '@pinnwand/shared/model/layout';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '@pinnwand/shared/testing/propertySeeds';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCommands } from '../commands/defaultCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { importCommands } from '../import/importCommands.ts';
import { testEditor } from '../testing/testEditor.ts';

const BASELINE_SEED = 20261203;

const coord = fc.integer({ min: -1200, max: 1200 });
const randomBoard = fc.record({
  notes: fc.array(fc.record({ x: coord, y: coord }), { minLength: 1, maxLength: 30 }),
  frames: fc.array(
    fc.record({
      x: coord,
      y: coord,
      width: fc.integer({ min: 200, max: 700 }),
      height: fc.integer({ min: 150, max: 500 }),
    }),
    { maxLength: 4 },
  ),
  view: fc.record({ x: coord, y: coord, scale: fc.constantFrom(0.5, 1, 1.5) }),
});
type RandomBoard = typeof randomBoard extends fc.Arbitrary<infer T> ? T : never;

const noteBox = (n: { x: number; y: number }): Rect => ({
  x: n.x,
  y: n.y,
  width: NOTE_WIDTH,
  height: NOTE_HEIGHT,
});

function boardWith(b: RandomBoard): { editor: Editor; board: BoardId } {
  const ws = testWorkshop('blank');
  const board = ws.board;
  for (const f of b.frames)
    createCluster(ws.doc, { boardId: board, title: 'F', ...f }, ALICE.origin);
  for (const n of b.notes)
    addNote(
      ws.doc,
      { boardId: board, ...n, text: 'Idee', author: 'Me', authorId: ALICE.id },
      ALICE.origin,
    );
  const editor = testEditor(ws.doc, {
    role: 'facilitator',
    commands: [...defaultCommands, ...importCommands],
    identity: { id: ALICE.id },
    board,
  });
  editor.viewport.set(b.view);
  return { editor, board };
}

/** Everything on the board before: note boxes and frames. */
function existingOn(editor: Editor, board: BoardId): { ids: Set<NoteId>; boxes: Rect[] } {
  const notes = editor.index.notes(board);
  return {
    ids: new Set(notes.map((n) => n.id)),
    boxes: [...notes.map(noteBox), ...editor.index.clusters(board)],
  };
}

type PlannedBoard = ImportPlan['boards'][number];

/** Imports these notes and clusters into the shown board, as the import dialog does. */
function importInto(
  editor: Editor,
  board: BoardId,
  notes: PlannedBoard['notes'],
  clusters: PlannedBoard['clusters'],
): void {
  const plan: ImportPlan = {
    format: 'text',
    summary: '',
    boards: [{ title: '', question: '', summary: '', notes, clusters }],
  };
  editor.commands.run(editor, 'import.apply', { plan, target: { kind: 'board', boardId: board } });
}

function expectNoOverlaps(added: readonly Rect[], existing: readonly Rect[]): void {
  for (const [i, r] of added.entries()) {
    expect(existing.filter((e) => rectsOverlap(e, r))).toEqual([]);
    expect(added.slice(0, i).filter((e) => rectsOverlap(e, r))).toEqual([]);
  }
}

describe('placement of copies and imports', () => {
  it(
    'Ctrl+D puts every copy beside its original on free space',
    () => {
      assertProperty(
        'placement: duplicate',
        fc.property(randomBoard, fc.integer({ min: 1, max: 5 }), (b, count) => {
          const { editor, board } = boardWith(b);
          const was = existingOn(editor, board);
          const chosen = [...was.ids].slice(0, count);
          editor.selection.set(new Set(chosen));
          editor.commands.run(editor, 'selection.duplicate');
          const copies = editor.index.notes(board).filter((n) => !was.ids.has(n.id));
          expect(copies).toHaveLength(chosen.length);
          expectNoOverlaps(copies.map(noteBox), was.boxes);
        }),
        { numRuns: 60, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a copy of a lone note on an empty stretch sits right beside it', () => {
    const { editor, board } = boardWith({
      notes: [{ x: 0, y: 0 }],
      frames: [],
      view: { x: 100, y: 100, scale: 1 },
    });
    const [original] = editor.index.notes(board);
    editor.selection.set(new Set([original!.id]));
    editor.commands.run(editor, 'selection.duplicate');
    const copy = editor.index.notes(board).find((n) => n.id !== original!.id)!;
    expect(copy.y).toBe(original!.y);
    expect(copy.x).toBeGreaterThan(original!.x + NOTE_WIDTH);
    expect(copy.x).toBeLessThan(original!.x + 2 * NOTE_WIDTH);
  });

  it(
    'importing notes and clusters into the shown board puts them on free space',
    () => {
      const planned = fc.record({
        loose: fc.integer({ min: 0, max: 12 }),
        clusters: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
      });
      assertProperty(
        'placement: import into a board',
        fc.property(randomBoard, planned, (b, p) => {
          const { editor, board } = boardWith(b);
          const was = existingOn(editor, board);
          const wasFrames = new Set(editor.index.clusters(board).map((c) => c.id));
          const note = (i: number) => ({ text: `Import ${i}` });
          importInto(
            editor,
            board,
            Array.from({ length: p.loose }, (_, i) => note(i)),
            p.clusters.map((n, c) => ({
              title: `C${c}`,
              notes: Array.from({ length: n }, (_, i) => note(100 * c + i)),
            })),
          );
          const added = editor.index.notes(board).filter((n) => !was.ids.has(n.id));
          const frames = editor.index.clusters(board).filter((c) => !wasFrames.has(c.id));
          expect(added).toHaveLength(p.loose + p.clusters.reduce((a, n) => a + n, 0));
          for (const r of [...added.map(noteBox), ...frames])
            expect(was.boxes.filter((e) => rectsOverlap(e, r))).toEqual([]);
        }),
        { numRuns: 60, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('an import into the shown board lands in view, not below what is far away', () => {
    const { editor, board } = boardWith({
      notes: [{ x: 5000, y: 5000 }],
      frames: [],
      view: { x: 0, y: 0, scale: 1 },
    });
    importInto(editor, board, [{ text: 'a' }, { text: 'b' }, { text: 'c' }], []);
    const added = editor.index.notes(board).filter((n) => n.x < 5000);
    expect(added).toHaveLength(3);
    // The 800×600 canvas shows x 0…800, y 0…600.
    for (const n of added) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + NOTE_WIDTH).toBeLessThanOrEqual(800);
      expect(n.y + NOTE_HEIGHT).toBeLessThanOrEqual(600);
    }
  });
});
