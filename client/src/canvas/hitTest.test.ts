import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { describe, expect, test } from 'vitest';
import { GRIP, type HitScene, hitTest } from './hitTest.ts';

const frame: Cluster = {
  id: 'c' as ClusterId,
  boardId: 'b' as BoardId,
  title: 'Rahmen',
  x: 0,
  y: 0,
  width: 600,
  height: 400,
  order: 0,
};

function scene(extra: Partial<HitScene> = {}): HitScene {
  const notes = new Map<NoteId, { x: number; y: number }>([
    ['under' as NoteId, { x: 100, y: 100 }],
    ['over' as NoteId, { x: 120, y: 110 }],
  ]);
  return {
    noteIds: [...notes.keys()],
    note: (id) => notes.get(id),
    hiddenNotes: [],
    clusters: [frame],
    scale: 1,
    ...extra,
  };
}

describe('hitTest', () => {
  test('the note drawn last is the one on top', () => {
    expect(hitTest(scene(), { x: 130, y: 120 })).toEqual({ kind: 'note', id: 'over' });
    expect(hitTest(scene(), { x: 105, y: 105 })).toEqual({ kind: 'note', id: 'under' });
  });

  test('a note lying on a frame wins over the frame', () => {
    const onHeader = scene({ note: () => ({ x: 0, y: 0 }), noteIds: ['n' as NoteId] });
    expect(hitTest(onHeader, { x: 10, y: 10 })).toEqual({ kind: 'note', id: 'n' });
  });

  test('a frame answers with its grip, its heading or its body', () => {
    const s = scene({ noteIds: [] });
    expect(hitTest(s, { x: 599, y: 399 })).toEqual({ kind: 'clusterGrip', id: 'c' });
    expect(hitTest(s, { x: 300, y: CLUSTER_HEADER - 1 })).toEqual({
      kind: 'clusterHeader',
      id: 'c',
    });
    expect(hitTest(s, { x: 300, y: 200 })).toEqual({ kind: 'clusterBody', id: 'c' });
    expect(hitTest(s, { x: 700, y: 200 })).toEqual({ kind: 'canvas' });
  });

  test('the grip keeps its size on screen when zoomed out', () => {
    const s = scene({ noteIds: [], scale: 0.5 });
    // GRIP screen pixels are 2 × GRIP board units at half size.
    expect(hitTest(s, { x: 600 - GRIP * 1.5, y: 400 - GRIP * 1.5 }).kind).toBe('clusterGrip');
  });

  test("this device's hidden notes lie over everything", () => {
    const s = scene({ hiddenNotes: [{ id: 'h', x: 120, y: 110 }] });
    expect(hitTest(s, { x: 120 + NOTE_WIDTH / 2, y: 110 + NOTE_HEIGHT / 2 })).toEqual({
      kind: 'hiddenNote',
      id: 'h',
    });
  });
});
