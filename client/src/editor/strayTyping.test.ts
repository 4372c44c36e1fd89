// @vitest-environment jsdom
// A person types; their editor closes under them (taken over, the board
// locked) or is not open yet (a double-click while the board loads). What they
// go on typing must stay their words: no letter becomes a board shortcut (N a
// new note, Backspace a deletion), and every letter is offered or written.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { deleteNotes, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import { ALICE, workshopWithAlicesNote } from '@pinnwand/shared/testing/testWorkshop';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { sendToCanvas } from '../canvas/canvasInput.ts';
import { NoteEditor } from '../canvas/NoteEditor.tsx';
import { useKeyboardShortcuts } from '../commands/useKeyboardShortcuts.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { testEditor } from '../testing/testEditor.ts';
import { twoPeople } from '../testing/twoPeople.ts';
import type { Editor } from './Editor.ts';
import { PAUSE_MS } from './strayTyping.ts';
import { askToTakeOver, QUIET_MS } from './writers.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Keys({ editor }: { editor: Editor }) {
  useKeyboardShortcuts(editor);
  return null;
}

/** The board page's key handler and note editor. */
function Board({ editor }: { editor: Editor }) {
  return createElement(
    I18nProvider,
    null,
    createElement(Keys, { editor }),
    createElement(NoteEditor, { editor }),
  );
}

/** The board's key handler, listening on the window as on the board page. */
function listen(editor: Editor): void {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(createElement(Keys, { editor })));
  onTestFinished(() => {
    act(() => root.unmount());
    host.remove();
  });
}

/** Keys typed with the focus on the page (the editor's textarea just went away). */
function type(keys: readonly string[]): void {
  for (const key of keys)
    act(() => {
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      );
    });
}

const notesOf = (editor: Editor) => editor.doc.getMap('notes').size;
const notice = (editor: Editor) => editor.notices.current.get();

afterEach(() => {
  vi.useRealTimers();
});

describe('an editor closed under the writer', () => {
  it('taken over: the letters typed after are kept, not shortcuts, and become a note of theirs on request', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { a, b, note } = twoPeople();
    listen(a);
    a.selection.set(new Set([note]));
    a.commands.run(a, 'note.edit', note);
    b.selection.set(new Set([note]));
    b.commands.run(b, 'note.edit', note);
    askToTakeOver(b);
    // Anna pauses to think; Bernd gets the note; Anna's editor closes under her.
    vi.advanceTimersByTime(QUIET_MS + 1100);
    expect(a.editing.get()).toBeNull();
    expect(b.editing.get()).toBe(note);
    const before = notesOf(a);
    let created = 0;
    a.doc.getMap('notes').observe((e) => {
      for (const change of e.changes.keys.values()) if (change.action === 'add') created++;
    });
    // She goes on typing: "neue Idee", a typo fixed with Backspace, arrows to move the caret.
    type(['n', 'e', 'u', 'x', 'Backspace', 'e', ' ', 'I', 'd', 'e', 'e', 'ArrowLeft', 'Delete']);
    // No stray note (N), her note not deleted (Backspace, Delete) nor moved (arrows).
    expect(created).toBe(0);
    expect(notesOf(a)).toBe(before);
    expect(a.index.note(note)).toMatchObject({ x: 0, y: 0, text: 'Idee' });
    expect(a.editing.get()).toBeNull();
    // The notice says who took over and holds every word she typed after.
    const shown = notice(a);
    expect(shown?.message).toMatchObject({ key: 'writer.handedOver', params: { name: 'Bernd' } });
    expect(shown?.kept).toBe('neue Idee');
    expect(shown?.keptLabel?.key).toBe('stray.typedAfter');
    // Kept as a new note of hers, on confirmation.
    act(() => shown?.action?.run());
    const mine = [...a.index.notes(a.boardId.get() ?? ('' as never))].find(
      (n) => n.text === 'neue Idee',
    );
    expect(mine?.authorId).toBe(a.userId);
    expect(a.editing.get()).toBe(mine?.id);
  });

  it('after a pause, letters are shortcuts again', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { a, b, note } = twoPeople();
    listen(a);
    a.selection.set(new Set([note]));
    a.commands.run(a, 'note.edit', note);
    b.commands.run(b, 'note.edit', note);
    askToTakeOver(b);
    vi.advanceTimersByTime(QUIET_MS + 1100);
    type(['x']);
    vi.advanceTimersByTime(PAUSE_MS + 100);
    const before = notesOf(a);
    type(['n']);
    expect(notesOf(a)).toBe(before + 1);
    expect(a.editing.get()).not.toBeNull();
  });

  it('deleted by someone else while writing: the last words and what followed are offered', () => {
    const { a, b, note } = twoPeople();
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(createElement(Board, { editor: a })));
    onTestFinished(() => {
      act(() => root.unmount());
      host.remove();
    });
    a.selection.set(new Set([note]));
    act(() => {
      a.commands.run(a, 'note.edit', note);
    });
    const textarea = host.querySelector('textarea');
    if (!textarea) throw new Error('no editor');
    act(() => {
      textarea.value = 'Idee und mehr';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The facilitator (on Bernd's device here) deletes the note.
    act(() => {
      deleteNotes(b.doc, [note], b.origin);
    });
    expect(host.querySelector('textarea')).toBeNull();
    expect(a.editing.get()).toBeNull();
    type([' ', 'n', 'o', 'c', 'h']);
    expect(notesOf(a)).toBe(0);
    expect(notice(a)?.message.key).toBe('writer.deleted');
    expect(notice(a)?.kept).toBe('Idee und mehr noch');
    expect(notice(a)?.action).toBeDefined();
  });

  it('locked while writing: the text and what followed are offered, nothing is changed', () => {
    const { ws, note } = workshopWithAlicesNote();
    const editor = testEditor(ws.doc, { role: 'participant', board: ws.board });
    listen(editor);
    editor.commands.run(editor, 'note.add');
    const mine = editor.editing.get() as NoteId;
    // What the textarea's binding does as she types.
    getNoteText(ws.doc, mine)?.insert(0, 'Mein Text');
    setBoardLocked(ws.doc, ws.board, true, ALICE.origin);
    expect(editor.editing.get()).toBeNull();
    const before = notesOf(editor);
    type([' ', 'n', 'o', 'c', 'h']);
    expect(notesOf(editor)).toBe(before);
    expect(editor.index.note(note)?.text).toBe('Idee');
    expect(notice(editor)?.message.key).toBe('denied.lockedWhileWriting');
    expect(notice(editor)?.kept).toBe('Mein Text noch');
    // No note can be added on the locked board: the words are offered to copy only.
    expect(notice(editor)?.action).toBeUndefined();
  });
});

describe('a double-click to write while the board is loading', () => {
  function loading() {
    const { ws, note } = workshopWithAlicesNote();
    const doc = new Y.Doc();
    const editor = testEditor(doc, { role: 'participant', board: ws.board });
    editor.preview.set(readBoardPreview(ws.doc));
    listen(editor);
    return { ws, doc, editor, note };
  }
  const doubleClick = (editor: Editor) =>
    sendToCanvas(editor, {
      type: 'doubleClick',
      target: { kind: 'canvas' },
      world: { x: 600, y: 400 },
    });

  it('holds the note: every letter typed meanwhile is in it once the board is ready', () => {
    const { ws, doc, editor } = loading();
    doubleClick(editor);
    expect(notice(editor)?.message.key).toBe('stray.held');
    type(['n', 'e', 'u', 'e', 's']);
    // Nothing happens to the still-empty document meanwhile; the words are shown.
    expect(notesOf(editor)).toBe(0);
    expect(notice(editor)?.kept).toBe('neues');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ws.doc));
    editor.preview.set(null);
    const id = editor.editing.get();
    expect(id).not.toBeNull();
    expect(editor.index.note(id as NoteId)).toMatchObject({
      text: 'neues',
      authorId: editor.userId,
    });
    expect(notesOf(editor)).toBe(2);
  });

  it('Esc drops the held note; the words stay to copy and nothing is created later', () => {
    const { ws, doc, editor } = loading();
    doubleClick(editor);
    type(['h', 'i', 'Escape']);
    expect(notice(editor)?.message.key).toBe('stray.heldDropped');
    expect(notice(editor)?.kept).toBe('hi');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ws.doc));
    editor.preview.set(null);
    expect(notesOf(editor)).toBe(1);
    expect(editor.editing.get()).toBeNull();
  });
});
