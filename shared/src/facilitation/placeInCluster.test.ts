// Notes put into a cluster through the note menu or the outline (no point to
// drop them at) take the frame's free grid slots in reading order, and never
// cover a note lying in the frame — a member or not (a frame enlarged over
// notes beside it holds them before they are sorted into it).
import { describe, expect, it } from 'vitest';
import type { BoardId, NoteId } from '../model/ids.ts';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  DEFAULT_CLUSTER_WIDTH,
  GRID_GAP,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Point,
} from '../model/layout.ts';
import { createCluster, resizeCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { noteRect, rectsOverlap } from '../placement/freeSpace.ts';
import { getCluster, getNote } from '../read/lookups.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { placeNotesInCluster } from './placeInCluster.ts';

const slot = (i: number): Point => ({
  x: CLUSTER_PADDING + (i % 2) * (NOTE_WIDTH + GRID_GAP),
  y: CLUSTER_HEADER + CLUSTER_PADDING + Math.floor(i / 2) * (NOTE_HEIGHT + GRID_GAP),
});

function board(places: Point[]) {
  const ws = testWorkshop('blank');
  const board = ws.board as BoardId;
  const ids = places.map((p, i) =>
    addNote(
      ws.doc,
      { boardId: board, ...p, text: `n${i}`, author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    ),
  );
  const frame = createCluster(ws.doc, { boardId: board, title: 'F', x: 0, y: 0 }, ALICE.origin);
  const at = (id: NoteId) => {
    const n = getNote(ws.doc, id);
    return { x: n?.x, y: n?.y };
  };
  return { ...ws, ids, frame, at };
}

describe('notes put into a cluster without a point', () => {
  it('take the free grid slots in reading order', () => {
    const { doc, ids, frame, at } = board([
      { x: 0, y: 600 },
      { x: 200, y: 600 },
      { x: 400, y: 600 },
    ]);
    resizeCluster(doc, frame, { width: DEFAULT_CLUSTER_WIDTH, height: 400 }, ALICE.origin);
    placeNotesInCluster(doc, frame, ids, ALICE.origin);
    expect(ids.map(at)).toEqual([slot(0), slot(1), slot(2)]);
    expect(ids.every((id) => getNote(doc, id)?.clusterId === frame)).toBe(true);
  });

  it('never cover a note lying in the frame that is not (yet) one of its members', () => {
    // The note lies where the frame's first slot is; the frame was drawn over it.
    const { doc, ids, frame, at } = board([slot(0), { x: 0, y: 600 }]);
    const [lying, moved] = ids as [NoteId, NoteId];
    expect(getNote(doc, lying)?.clusterId).toBeFalsy();
    placeNotesInCluster(doc, frame, [moved], ALICE.origin);
    expect(rectsOverlap(noteRect(at(moved) as Point), noteRect(slot(0)))).toBe(false);
    expect(at(moved)).toEqual(slot(1));
    expect(at(lying)).toEqual(slot(0));
  });

  it('into a full frame: below what is there, the frame grown to hold it', () => {
    const { doc, ids, frame, at } = board([slot(0), slot(1), { x: 0, y: 600 }]);
    placeNotesInCluster(doc, frame, [ids[2] as NoteId], ALICE.origin);
    expect(at(ids[2] as NoteId)).toEqual(slot(2));
    expect(getCluster(doc, frame)?.height).toBeGreaterThan(DEFAULT_CLUSTER_HEIGHT);
  });

  it('a frame drawn smaller than a note grows to hold it', () => {
    const { doc, ids, frame, at } = board([{ x: 0, y: 600 }]);
    resizeCluster(doc, frame, { width: 80, height: 80 }, ALICE.origin);
    placeNotesInCluster(doc, frame, ids, ALICE.origin);
    expect(at(ids[0] as NoteId)).toEqual(slot(0));
    expect(getCluster(doc, frame)).toMatchObject({
      width: slot(0).x + NOTE_WIDTH + CLUSTER_PADDING,
      height: slot(0).y + NOTE_HEIGHT + CLUSTER_PADDING,
    });
  });

  it('a note already inside on a free spot stays where it is', () => {
    const free = { x: slot(1).x - 5, y: slot(1).y + 3 };
    const { doc, ids, frame, at } = board([slot(0), free]);
    placeNotesInCluster(doc, frame, [ids[1] as NoteId], ALICE.origin);
    expect(at(ids[1] as NoteId)).toEqual(free);
    expect(getNote(doc, ids[1] as NoteId)?.clusterId).toBe(frame);
  });
});
