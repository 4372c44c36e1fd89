import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote, translateNotes } from '@pinnwand/shared/ops/noteOps';
import { getNote } from '@pinnwand/shared/read/lookups';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, test } from 'vitest';
import { testEditor } from '../testing/testEditor.ts';
import { watchMembership } from './membership.ts';

function setup() {
  const ws = testWorkshop();
  const editor = testEditor(ws.doc, {
    role: 'facilitator',
    identity: { id: 'mod-id-0000000000000000', name: 'Mod' },
    board: ws.board,
  });
  const cluster = createCluster(
    ws.doc,
    { boardId: ws.board, title: 'X', x: 0, y: 0 },
    editor.origin,
  );
  const note = addNote(
    ws.doc,
    { boardId: ws.board, x: 600, y: 0, author: 'Mod', authorId: editor.userId },
    editor.origin,
  );
  editor.undo.clear();
  const stop = watchMembership(editor);
  return { ws, editor, cluster, note, stop };
}

describe('cluster membership follows position', () => {
  test('a note moved into a frame joins it, in the same undo step as the move', () => {
    const { ws, editor, cluster, note, stop } = setup();
    editor.undo.stopCapturing();
    translateNotes(ws.doc, [note], { x: -560, y: 60 }, editor.origin);
    editor.undo.stopCapturing();
    expect(getNote(ws.doc, note)?.clusterId).toBe(cluster);
    editor.undo.undo();
    expect(getNote(ws.doc, note)).toMatchObject({ x: 600, y: 0, clusterId: null });
    editor.undo.redo();
    expect(getNote(ws.doc, note)?.clusterId).toBe(cluster);
    stop();
  });

  test('a note moved out of its frame leaves it; moves by others are not touched', () => {
    const { ws, editor, cluster, note, stop } = setup();
    translateNotes(ws.doc, [note], { x: -560, y: 60 }, editor.origin);
    expect(getNote(ws.doc, note)?.clusterId).toBe(cluster);
    translateNotes(ws.doc, [note], { x: 800, y: 0 }, editor.origin);
    expect(getNote(ws.doc, note)?.clusterId).toBeNull();
    // Someone else's move (another origin) is theirs to settle.
    translateNotes(ws.doc, [note], { x: -800, y: 0 }, { kind: 'remote' });
    expect(getNote(ws.doc, note)?.clusterId).toBeNull();
    stop();
  });
});
