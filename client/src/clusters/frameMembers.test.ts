// A frame resized or moved over notes takes them in, and a resize that leaves
// a member outside lets it go — in the same undo step as the frame change, so
// the outline and the exports list what the board shows.
import { workshopToMarkdown } from '@pinnwand/shared/export/markdown';
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { noteCentreInside } from '@pinnwand/shared/model/layout';
import { assignNotesToCluster, createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { getCluster, getNote } from '@pinnwand/shared/read/lookups';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { ALICE, BOB, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import { defaultCommands } from '../commands/defaultCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { testEditor } from '../testing/testEditor.ts';
import { clusterCommands } from './clusterCommands.ts';
import { watchMembership } from './membership.ts';

/**
 * Frame "Ideen" at (0,0) 400×300 holding `member` at (20,60); Bob's loose
 * note "Lose" at (500,100), right of the frame; the facilitator's editor.
 */
function setup(role: 'facilitator' | 'participant' = 'facilitator') {
  const ws = testWorkshop('blank');
  const frame = createCluster(
    ws.doc,
    { boardId: ws.board, title: 'Ideen', x: 0, y: 0, width: 400, height: 300 },
    ALICE.origin,
  );
  const member = addNote(
    ws.doc,
    { boardId: ws.board, x: 20, y: 60, text: 'Drin', author: 'Alice', authorId: ALICE.id },
    ALICE.origin,
  );
  assignNotesToCluster(ws.doc, frame, [member], ALICE.origin, { keepPositions: true });
  const loose = addNote(
    ws.doc,
    { boardId: ws.board, x: 500, y: 100, text: 'Lose', author: 'Bob', authorId: BOB.id },
    BOB.origin,
  );
  const editor = testEditor(ws.doc, {
    role,
    commands: [...defaultCommands, ...clusterCommands],
    identity: { id: ALICE.id, name: 'Alice' },
    board: ws.board,
  });
  // As on the board: the watcher that settles notes this person moves runs too.
  const stop = watchMembership(editor);
  editor.undo.clear();
  return { ws, editor, frame, member, loose, stop };
}

const clusterOf = (e: Editor, id: NoteId) => getNote(e.doc, id)?.clusterId ?? null;

function outline(e: Editor, frame: ClusterId) {
  const board = readWorkshop(e.doc).boards[0]!;
  return {
    inFrame: board.clusters.find((c) => c.id === frame)?.notes.map((n) => n.text) ?? [],
    unclustered: board.unclusteredNotes.map((n) => n.text),
  };
}

describe('frame changes settle membership', () => {
  it('a frame resized over a loose note takes it in; one undo takes back both', () => {
    const { editor, frame, loose, stop } = setup();
    editor.commands.run(editor, 'cluster.resize', { id: frame, width: 800, height: 300 });
    expect(clusterOf(editor, loose)).toBe(frame);
    expect(outline(editor, frame)).toEqual({ inFrame: ['Drin', 'Lose'], unclustered: [] });
    // The export lists it under the frame's heading, not under "Ohne Cluster".
    const md = workshopToMarkdown(readWorkshop(editor.doc), { lang: 'de' });
    expect(md).not.toContain('Ohne Cluster');
    expect(md.indexOf('Lose')).toBeGreaterThan(md.indexOf('Ideen'));

    editor.undo.undo();
    expect(getCluster(editor.doc, frame)?.width).toBe(400);
    expect(clusterOf(editor, loose)).toBeNull();
    expect(outline(editor, frame)).toEqual({ inFrame: ['Drin'], unclustered: ['Lose'] });
    editor.undo.redo();
    expect(clusterOf(editor, loose)).toBe(frame);
    stop();
  });

  it('a resize that leaves a member outside lets it go; undo brings it back', () => {
    const { editor, frame, member, stop } = setup();
    // The member's centre is at (100,120): a frame 90 wide no longer holds it.
    editor.commands.run(editor, 'cluster.resize', { id: frame, width: 90, height: 300 });
    expect(clusterOf(editor, member)).toBeNull();
    expect(outline(editor, frame).unclustered).toContain('Drin');
    editor.undo.undo();
    expect(getCluster(editor.doc, frame)?.width).toBe(400);
    expect(clusterOf(editor, member)).toBe(frame);
    stop();
  });

  it('a member shrunk out of its frame joins another frame it lies in', () => {
    const { ws, editor, frame, member, stop } = setup();
    const other = createCluster(
      ws.doc,
      { boardId: ws.board, title: 'Andere', x: 60, y: 40, width: 200, height: 200 },
      ALICE.origin,
    );
    editor.undo.clear();
    editor.commands.run(editor, 'cluster.resize', { id: frame, width: 90, height: 300 });
    expect(clusterOf(editor, member)).toBe(other);
    stop();
  });

  it('a frame moved over a loose note takes it in; its own notes move along and stay', () => {
    const { editor, frame, member, loose, stop } = setup();
    editor.commands.run(editor, 'cluster.move', { id: frame, x: 400, y: 0 });
    expect(getNote(editor.doc, member)).toMatchObject({ x: 420, y: 60, clusterId: frame });
    expect(clusterOf(editor, loose)).toBe(frame);
    editor.undo.undo();
    expect(getNote(editor.doc, member)).toMatchObject({ x: 20, y: 60, clusterId: frame });
    expect(clusterOf(editor, loose)).toBeNull();
    stop();
  });

  it("another cluster's notes a frame comes to cover stay in their cluster", () => {
    const { ws, editor, frame, loose, stop } = setup();
    const other = createCluster(
      ws.doc,
      { boardId: ws.board, title: 'Andere', x: 480, y: 40, width: 240, height: 240 },
      ALICE.origin,
    );
    assignNotesToCluster(ws.doc, other, [loose], ALICE.origin, { keepPositions: true });
    editor.undo.clear();
    editor.commands.run(editor, 'cluster.resize', { id: frame, width: 800, height: 300 });
    expect(clusterOf(editor, loose)).toBe(other);
    stop();
  });

  it("a frame drawn around notes takes in the loose ones, not another cluster's", () => {
    const { editor, frame, member, loose, stop } = setup();
    editor.commands.run(editor, 'cluster.create', { x: 0, y: 0, width: 900, height: 400 });
    const drawn = clusterOf(editor, loose);
    expect(drawn).not.toBeNull();
    expect(drawn).not.toBe(frame);
    expect(clusterOf(editor, member)).toBe(frame);
    editor.undo.undo();
    expect(clusterOf(editor, loose)).toBeNull();
    stop();
  });

  it('a participant may not resize a frame, so no note changes cluster', () => {
    const { editor, frame, loose, stop } = setup('participant');
    editor.commands.run(editor, 'cluster.resize', { id: frame, width: 800, height: 300 });
    expect(getCluster(editor.doc, frame)?.width).toBe(400);
    expect(clusterOf(editor, loose)).toBeNull();
    stop();
  });

  it('a frame that grows for a drop takes in the loose note it comes to cover; one undo takes back all', () => {
    const { ws, editor, frame, loose, stop } = setup();
    // The frame's row is full: a note dropped onto it goes below, and the frame grows to
    // hold it, down over "Darunter", which lies just below the frame's bottom edge.
    const second = addNote(
      ws.doc,
      { boardId: ws.board, x: 188, y: 60, text: 'Auch drin', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    assignNotesToCluster(ws.doc, frame, [second], ALICE.origin, { keepPositions: true });
    const below = addNote(
      ws.doc,
      { boardId: ws.board, x: 188, y: 250, text: 'Darunter', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    editor.undo.clear();
    editor.commands.run(editor, 'notes.translate', { ids: [loose], dx: -470, dy: -30 });
    const grown = getCluster(editor.doc, frame);
    expect(grown?.height).toBeGreaterThan(300);
    expect(grown && noteCentreInside(getNote(editor.doc, below)!, grown)).toBe(true);
    expect(clusterOf(editor, loose)).toBe(frame);
    expect(clusterOf(editor, below)).toBe(frame);
    expect(outline(editor, frame).unclustered).toEqual([]);

    editor.undo.undo();
    expect(getCluster(editor.doc, frame)?.height).toBe(300);
    expect(getNote(editor.doc, loose)).toMatchObject({ x: 500, y: 100, clusterId: null });
    expect(clusterOf(editor, below)).toBeNull();
    stop();
  });
});
