// The facilitator whose reveal ended the hidden phase moves apart the notes
// that arrive from the devices afterwards, if one covers another person's;
// the facilitator who did not reveal, and participants, leave them.
import { setHiddenWriting } from '@pinnwand/shared/facilitation/facilitationSettings';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '@pinnwand/shared/model/layout';
import { IMPORT_ORIGIN, REMOTE_ORIGIN } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { getNote, listNoteIds } from '@pinnwand/shared/read/lookups';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { testEditor } from '../testing/testEditor.ts';
import { settleAfterReveal } from './revealSettling.ts';

/** A participant's device publishing one hidden note at `at`, delivered to `to`. */
function publishFrom(to: Y.Doc, boardId: BoardId, name: string, at: Point): void {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(to));
  const before = Y.encodeStateVector(device);
  const id = asParticipantId(`p-${name}`);
  addNote(device, { boardId, ...at, text: name, author: name, authorId: id }, IMPORT_ORIGIN);
  Y.applyUpdate(to, Y.encodeStateAsUpdate(device, before), REMOTE_ORIGIN);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function positions(editor: Editor, boardId: BoardId): Point[] {
  return listNoteIds(editor.doc, boardId).map((id) => {
    const n = getNote(editor.doc, id);
    return { x: n?.x ?? 0, y: n?.y ?? 0 };
  });
}

const overlap = ([a, b]: Point[]) =>
  !!a && !!b && Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;

/** Anna and Ben each hold a hidden note, as the facilitator's device has seen it. */
function holdersAnnaAndBen(editor: Editor): void {
  editor.facilitation.hiddenHolders.set(
    ['anna', 'ben'].map((name) => ({ key: `p-${name}`, name, count: 1, connected: true })),
  );
}

async function revealAndPublish(role: 'facilitator' | 'participant', revealHere: boolean) {
  const { doc, board } = testWorkshop('blank');
  setHiddenWriting(doc, true, ALICE.origin);
  const editor = testEditor(doc, { role, board });
  holdersAnnaAndBen(editor);
  const stop = settleAfterReveal(editor);
  if (revealHere) setHiddenWriting(doc, false, editor.origin);
  else {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    setHiddenWriting(other, false, ALICE.origin);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), REMOTE_ORIGIN);
  }
  publishFrom(doc, board, 'anna', { x: 200, y: 200 });
  publishFrom(doc, board, 'ben', { x: 220, y: 210 });
  await tick();
  stop();
  return positions(editor, board);
}

describe('settling the reveal', () => {
  it('the facilitator who revealed moves a note that covers another person’s', async () => {
    expect(overlap(await revealAndPublish('facilitator', true))).toBe(false);
  });

  it('another facilitator’s device, and a participant’s, move nothing', async () => {
    expect(overlap(await revealAndPublish('facilitator', false))).toBe(true);
    expect(overlap(await revealAndPublish('participant', false))).toBe(true);
  });

  it('leaves notes that were not held at the reveal where their author put them', async () => {
    const { doc, board } = testWorkshop('blank');
    setHiddenWriting(doc, true, ALICE.origin);
    const editor = testEditor(doc, { role: 'facilitator', board });
    holdersAnnaAndBen(editor);
    const stop = settleAfterReveal(editor);
    setHiddenWriting(doc, false, editor.origin);
    publishFrom(doc, board, 'anna', { x: 200, y: 200 });
    await tick();
    // Carla held nothing: she writes openly, on Anna's note. Anna's next note
    // (after her hidden ones were published) is open writing too.
    publishFrom(doc, board, 'carla', { x: 210, y: 205 });
    publishFrom(doc, board, 'anna', { x: 215, y: 200 });
    await tick();
    stop();
    expect(positions(editor, board)).toEqual([
      { x: 200, y: 200 },
      { x: 210, y: 205 },
      { x: 215, y: 200 },
    ]);
  });
});
