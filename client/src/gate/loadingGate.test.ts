// A new device shows the server's preview of the board until the document has
// arrived (sync/boardPreview.ts). Until then the board can be looked at but
// not changed: the gate says so for every kind of change, and the canvas and
// the commands, which ask it, write nothing into the still-empty document.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { addNote, translateNotes } from '@pinnwand/shared/ops/noteOps';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sendToCanvas } from '../canvas/canvasInput.ts';
import { mayOpenBoardDialog } from '../commands/boardCommands.ts';
import { endStrayTyping } from '../editor/strayTyping.ts';
import { testEditor } from '../testing/testEditor.ts';
import {
  mayChangeStructure,
  mayCreateNotes,
  mayDeleteNotes,
  mayEditNotes,
  mayWrite,
} from './noteGate.ts';

/** The server's workshop with one note, and a new device that has only its preview. */
function newDevice(role: 'facilitator' | 'participant') {
  const server = testWorkshop('blank');
  const note = addNote(
    server.doc,
    { boardId: server.board, x: 100, y: 100, text: 'Idee', author: 'Alice', authorId: ALICE.id },
    ALICE.origin,
  );
  const doc = new Y.Doc();
  const editor = testEditor(doc, { role, board: server.board });
  editor.preview.set(readBoardPreview(server.doc));
  return { server, doc, editor, note };
}

const notesIn = (doc: Y.Doc) => doc.getMap('notes').size;

describe('while the preview stands in for the document', () => {
  it('the gate refuses every change, for the facilitator as well', () => {
    const { editor, server, note } = newDevice('facilitator');
    const loading = { allowed: false, denial: { reason: 'loading' } };
    expect(mayCreateNotes(editor, server.board)).toEqual(loading);
    expect(mayWrite(editor, note)).toEqual(loading);
    expect(mayEditNotes(editor, [note]).denial).toEqual({ reason: 'loading' });
    expect(mayDeleteNotes(editor, [note]).denial).toEqual({ reason: 'loading' });
    expect(mayChangeStructure(editor, 'clusters')).toEqual(loading);
  });

  it('a double-click or N creates nothing yet and says the board is loading', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      const { editor, doc } = newDevice(role);
      // On the preview's note (100, 100 is its top-left), as a person would aim.
      const world = { x: 180, y: 160 };
      sendToCanvas(editor, { type: 'doubleClick', target: { kind: 'canvas' }, world });
      expect(notesIn(doc), role).toBe(0);
      expect(editor.editing.get()).toBeNull();
      // The note waits for the board (editor/strayTyping.test.ts); Esc lets it go.
      expect(editor.notices.current.get()?.message.key, role).toBe('stray.held');
      endStrayTyping(editor);
      editor.notices.dismiss();
      expect(editor.commands.run(editor, 'note.add')).toBe(false);
      expect(notesIn(doc)).toBe(0);
      expect(editor.notices.current.get()?.message.key).toBe('denied.loading');
    }
  });

  it("the facilitator's board dialogs do not open and say the board is loading", () => {
    const { editor } = newDevice('facilitator');
    // "+ Tafel hinzufügen" and "Tafel umbenennen" ask this before their dialog opens.
    expect(mayOpenBoardDialog(editor)).toBe(false);
    expect(editor.notices.current.get()?.message.key).toBe('denied.loading');
  });

  it('panning and zooming still work', () => {
    const { editor } = newDevice('participant');
    const before = editor.viewport.get();
    sendToCanvas(editor, { type: 'wheel', screen: { x: 10, y: 10 }, dx: 0, dy: 40, zoom: false });
    sendToCanvas(editor, { type: 'wheel', screen: { x: 10, y: 10 }, dx: 0, dy: -100, zoom: true });
    expect(editor.viewport.get()).not.toEqual(before);
    expect(editor.notices.current.get()).toBeNull();
  });

  it('once the document is here, the same double-click writes a note where it was aimed', () => {
    const { editor, doc, server } = newDevice('participant');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    editor.preview.set(null);
    // Nudged aside first, so the double-click lands on free board.
    translateNotes(
      doc,
      [...editor.index.noteIds(server.board)] as NoteId[],
      { x: 0, y: 600 },
      ALICE.origin,
    );
    sendToCanvas(editor, {
      type: 'doubleClick',
      target: { kind: 'canvas' },
      world: { x: 180, y: 160 },
    });
    expect(notesIn(doc)).toBe(2);
    expect(editor.editing.get()).not.toBeNull();
  });

  it('once the document is here, the board dialogs open and what they save is written', () => {
    const { editor, doc, server } = newDevice('facilitator');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    editor.preview.set(null);
    expect(mayOpenBoardDialog(editor)).toBe(true);
    expect(editor.notices.current.get()).toBeNull();
    expect(editor.commands.run(editor, 'board.add', { title: 'Zweite' })).toBe(true);
    expect(doc.getMap('boards').size).toBe(2);
  });
});
