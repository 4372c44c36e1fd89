// Two people drop a note onto the same free spot of a cluster frame at the
// same moment: each device found it free, so once the documents merge one
// note covers the other. The device whose note yields (the larger id, the
// same answer everywhere) moves it to the nearest free spot in the frame;
// nothing else moves, and a note put on another on purpose stays.
import { asParticipantId, type NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  GRID_GAP,
  NOTE_WIDTH,
  type Point,
} from '@pinnwand/shared/model/layout';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { noteRect, rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import { getNote } from '@pinnwand/shared/read/lookups';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEditor } from '../testing/testEditor.ts';
import { settleConcurrentDrops } from './dropSettling.ts';

const slot = { x: CLUSTER_PADDING, y: CLUSTER_HEADER + CLUSTER_PADDING };
const beside = { x: slot.x + NOTE_WIDTH + GRID_GAP, y: slot.y };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Anna's and Ben's devices, each with its own copy; the network is `deliver()`. */
function twoDevices() {
  const ws = testWorkshop('blank');
  createCluster(
    ws.doc,
    { boardId: ws.board, title: 'F', x: 0, y: 0 },
    localOrigin(asParticipantId('f')),
  );
  const write = (name: string, at: Point) =>
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        ...at,
        text: name,
        author: name,
        authorId: asParticipantId(`p-${name}`),
      },
      localOrigin(asParticipantId(`p-${name}`)),
    );
  const notes = { anna: write('anna', { x: 0, y: 400 }), ben: write('ben', { x: 400, y: 400 }) };
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(ws.doc));
  const anna = testEditor(ws.doc, { identity: { id: 'p-anna', name: 'anna' }, board: ws.board });
  const ben = testEditor(docB, { identity: { id: 'p-ben', name: 'ben' }, board: ws.board });
  const stops = [settleConcurrentDrops(anna), settleConcurrentDrops(ben)];
  /** Everything each device has that the other lacks. */
  const deliver = () => {
    const a = Y.encodeStateAsUpdate(ws.doc, Y.encodeStateVector(docB));
    const b = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(ws.doc));
    Y.applyUpdate(docB, a, 'network');
    Y.applyUpdate(ws.doc, b, 'network');
  };
  const at = (doc: Y.Doc, id: NoteId) => {
    const n = getNote(doc, id);
    return { x: n?.x ?? Number.NaN, y: n?.y ?? Number.NaN };
  };
  return {
    ws,
    docB,
    anna,
    ben,
    notes,
    deliver,
    at,
    stop: () => {
      for (const s of stops) s();
    },
  };
}

describe('notes dropped onto the same spot of a frame at the same moment', () => {
  it('end side by side on both devices, the yielding note moved by its own device', async () => {
    const { ws, docB, anna, ben, notes, deliver, at, stop } = twoDevices();
    // Both drop onto the frame's first slot before either has seen the other.
    anna.commands.run(anna, 'notes.translate', { ids: [notes.anna], dx: slot.x, dy: slot.y - 400 });
    ben.commands.run(ben, 'notes.translate', {
      ids: [notes.ben],
      dx: slot.x - 400,
      dy: slot.y - 400,
    });
    expect(at(ws.doc, notes.anna)).toEqual(slot);
    expect(at(docB, notes.ben)).toEqual(slot);
    deliver();
    await tick();
    deliver();
    for (const doc of [ws.doc, docB]) {
      expect(rectsOverlap(noteRect(at(doc, notes.anna)), noteRect(at(doc, notes.ben)))).toBe(false);
    }
    expect(at(ws.doc, notes.anna)).toEqual(at(docB, notes.anna));
    expect(at(ws.doc, notes.ben)).toEqual(at(docB, notes.ben));
    // One stays on the slot, the other went beside it.
    const [stays, yields] =
      notes.anna < notes.ben ? [notes.anna, notes.ben] : [notes.ben, notes.anna];
    expect(at(ws.doc, stays)).toEqual(slot);
    expect(at(ws.doc, yields)).toEqual(beside);
    stop();
  });

  it('a note nudged onto a freshly dropped one stays where it was nudged', async () => {
    const { ws, docB, anna, ben, notes, deliver, at, stop } = twoDevices();
    anna.commands.run(anna, 'notes.translate', { ids: [notes.anna], dx: slot.x, dy: slot.y - 400 });
    deliver();
    await tick();
    // Ben has seen Anna's note and moves his onto it by arrow-key steps (exact moves).
    ben.commands.run(ben, 'notes.translate', {
      ids: [notes.ben],
      dx: slot.x - 400 + 24,
      dy: slot.y - 400,
      exact: true,
    });
    deliver();
    await tick();
    deliver();
    expect(at(ws.doc, notes.ben)).toEqual({ x: slot.x + 24, y: slot.y });
    expect(at(docB, notes.ben)).toEqual({ x: slot.x + 24, y: slot.y });
    expect(at(ws.doc, notes.anna)).toEqual(at(docB, notes.anna));
    stop();
  });
});
