import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { noteRect, rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import type { HiddenNote, HiddenNotes } from '../hidden/HiddenNotes.ts';
import { testEditor } from '../testing/testEditor.ts';
import { createStore } from '../ui/store.ts';
import { revealRect, spotsInFrames } from './placement.ts';

// Where new notes go is the shared rule (shared/src/placement/freeSpace.test.ts).
const inside = (
  p: { x: number; y: number },
  r: { x: number; y: number; width: number; height: number },
) =>
  p.x >= r.x &&
  p.y >= r.y &&
  p.x + NOTE_WIDTH <= r.x + r.width &&
  p.y + NOTE_HEIGHT <= r.y + r.height;

describe('revealRect', () => {
  const size = { width: 800, height: 600 };
  const note = (x: number, y: number) => ({ x, y, width: NOTE_WIDTH, height: NOTE_HEIGHT });

  it('leaves the view alone when the note is already visible', () => {
    const view = { x: 0, y: 0, scale: 1 };
    expect(revealRect(view, size, note(100, 100))).toBe(view);
  });

  it('scrolls an off-screen note into the middle of the canvas', () => {
    const view = { x: 0, y: 0, scale: 0.5 };
    const next = revealRect(view, size, note(3000, 2000));
    expect(next.scale).toBe(0.5);
    const shown = {
      x: -next.x / next.scale,
      y: -next.y / next.scale,
      width: size.width / next.scale,
      height: size.height / next.scale,
    };
    expect(inside({ x: 3000, y: 2000 }, shown)).toBe(true);
  });
});

describe('spotsInFrames', () => {
  it("moves a note dropped into a frame off this device's hidden note lying there", () => {
    const ws = testWorkshop('blank');
    createCluster(
      ws.doc,
      { boardId: ws.board, title: 'F', x: 0, y: 0, width: 600, height: 400 },
      ALICE.origin,
    );
    const dropped = addNote(
      ws.doc,
      { boardId: ws.board, x: 1000, y: 100, text: 'a', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    const editor = testEditor(ws.doc, { role: 'facilitator', board: ws.board });
    // Hidden notes live in a local doc on the device (HiddenNotes); the placement reads only the list.
    const hidden = [
      { id: 'h1', boardId: ws.board, text: 'geheim', x: 40, y: 100, createdAt: 1 },
    ] satisfies HiddenNote[];
    editor.hidden.set({
      notes: { all: () => hidden } as unknown as HiddenNotes,
      composer: createStore(null),
    });
    const landing = spotsInFrames(editor, [dropped], { x: -960, y: 0 });
    const spot = landing.moves.get(dropped);
    expect(spot).toBeDefined();
    expect(rectsOverlap(noteRect(spot!), noteRect(hidden[0]!))).toBe(false);
  });
});
