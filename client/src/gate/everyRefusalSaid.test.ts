// @vitest-environment jsdom
// Every refusal of the gate is said, whichever way the person asked: a key
// (Delete, Ctrl+D, Ctrl+Z, the arrows, G), a button or menu item (a command
// run by id), a double-click or a drag on the canvas. Said once per action: a
// held key repeating does not announce it again, a later press does.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import { ALICE, workshopWithAlicesNote } from '@pinnwand/shared/testing/testWorkshop';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { sendToCanvas } from '../canvas/canvasInput.ts';
import { clusterCommands } from '../clusters/clusterCommands.ts';
import { defaultCommands } from '../commands/defaultCommands.ts';
import { useKeyboardShortcuts } from '../commands/useKeyboardShortcuts.ts';
import type { Editor } from '../editor/Editor.ts';
import { facilitationCommands } from '../facilitation/facilitationCommands.ts';
import { testEditor as bareEditor, type TestEditorOptions } from '../testing/testEditor.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Keys({ editor }: { editor: Editor }) {
  useKeyboardShortcuts(editor);
  return null;
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

function press(key: string, options: KeyboardEventInit = {}): void {
  act(() => {
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options }),
    );
  });
}

/** An editor with the commands the board page registers that these tests reach. */
const testEditor = (doc: Y.Doc, options: TestEditorOptions) =>
  bareEditor(doc, {
    ...options,
    commands: [...defaultCommands, ...clusterCommands, ...facilitationCommands],
  });

const said = (editor: Editor) => editor.notices.current.get()?.message.key;

afterEach(() => {
  vi.useRealTimers();
});

describe('while the board is still loading', () => {
  function loading(role: 'facilitator' | 'participant') {
    const { ws } = workshopWithAlicesNote();
    const doc = new Y.Doc();
    const editor = testEditor(doc, { role, board: ws.board });
    editor.preview.set(readBoardPreview(ws.doc));
    listen(editor);
    return editor;
  }

  it('every shortcut that would change the board says so', () => {
    const editor = loading('facilitator');
    const keys: [string, KeyboardEventInit?][] = [
      ['Delete'],
      ['Backspace'],
      ['d', { ctrlKey: true }],
      ['z', { ctrlKey: true }],
      ['y', { ctrlKey: true }],
      ['ArrowLeft'],
      ['ArrowDown', { shiftKey: true }],
      ['Enter'],
      ['g'],
      ['n'],
    ];
    for (const [key, options] of keys) {
      editor.notices.dismiss();
      press(key, options);
      expect(said(editor), key).toBe('denied.loading');
    }
  });

  it('buttons and menu items of the facilitator say so', () => {
    const editor = loading('facilitator');
    for (const [id, arg] of [
      ['cluster.add', undefined],
      ['cluster.draw', undefined],
      ['hidden.set', true],
      ['timer.start', 300],
      ['board.move', { boardId: editor.boardId.get(), by: 1 }],
    ] as const) {
      editor.notices.dismiss();
      expect(editor.commands.run(editor, id, arg), id).toBe(false);
      expect(said(editor), id).toBe('denied.loading');
    }
    // The toolbar keeps undo pressable, so pressing it says why instead of nothing.
    const undo = editor.commands.get('history.undo');
    expect(undo && editor.commands.offered(editor, undo)).toBe(true);
  });

  it('looking around says nothing', () => {
    const editor = loading('participant');
    press('+');
    press('a', { ctrlKey: true });
    press('Escape');
    expect(editor.notices.current.get()).toBeNull();
  });
});

describe('on a locked board, as a viewer, in a role', () => {
  it('a participant is told the board is locked: keys, double-click, drag', () => {
    const { ws, note } = workshopWithAlicesNote();
    const editor = testEditor(ws.doc, { role: 'participant', board: ws.board });
    listen(editor);
    setBoardLocked(ws.doc, ws.board, true, ALICE.origin);
    editor.selection.set(new Set([note]));
    for (const [key, options] of [['Delete'], ['d', { ctrlKey: true }], ['ArrowRight']] as const) {
      editor.notices.dismiss();
      press(key, options);
      expect(said(editor), key).toBe('denied.boardLocked');
    }
    editor.notices.dismiss();
    sendToCanvas(editor, {
      type: 'doubleClick',
      target: { kind: 'note', id: note },
      world: { x: 150, y: 150 },
    });
    expect(said(editor)).toBe('denied.boardLocked');
    expect(editor.editing.get()).toBeNull();

    editor.notices.dismiss();
    const at = (x: number) => ({ pointerId: 1, screen: { x, y: 150 }, world: { x, y: 150 } });
    sendToCanvas(editor, {
      type: 'pointerDown',
      ...at(150),
      target: { kind: 'note', id: note },
      button: 0,
      shift: false,
      spaceHeld: false,
      pointerType: 'mouse',
    });
    sendToCanvas(editor, { type: 'pointerMove', ...at(200) });
    const first = editor.notices.current.get();
    expect(first?.message.key).toBe('denied.boardLocked');
    sendToCanvas(editor, { type: 'pointerMove', ...at(260) });
    sendToCanvas(editor, { type: 'pointerUp', ...at(260) });
    // One drag, one message; and the note did not move.
    expect(editor.notices.current.get()?.id).toBe(first?.id);
    expect(editor.index.note(note as NoteId)?.x).toBe(100);
  });

  it('a viewer is told they only look on', () => {
    const { ws } = workshopWithAlicesNote();
    const viewer = testEditor(ws.doc, { role: 'viewer', board: ws.board });
    listen(viewer);
    press('n');
    expect(said(viewer)).toBe('denied.viewer');
  });

  it('a participant is told that frames are the facilitator’s', () => {
    const { ws } = workshopWithAlicesNote();
    const participant = testEditor(ws.doc, { role: 'participant', board: ws.board });
    listen(participant);
    press('g');
    expect(said(participant)).toBe('denied.facilitatorOnly');
    participant.notices.dismiss();
    expect(participant.commands.run(participant, 'cluster.tidy')).toBe(false);
    expect(said(participant)).toBe('denied.facilitatorOnly');
  });
});

describe('one message per action', () => {
  it('a held key is announced once; a new press later is announced again', () => {
    vi.useFakeTimers();
    const { ws, note } = workshopWithAlicesNote();
    const editor = testEditor(ws.doc, { role: 'participant', board: ws.board });
    listen(editor);
    setBoardLocked(ws.doc, ws.board, true, ALICE.origin);
    editor.selection.set(new Set([note]));
    press('ArrowLeft');
    const first = editor.notices.current.get();
    expect(first?.message.key).toBe('denied.boardLocked');
    // The key's auto-repeat: a pause, then every ~33 ms, for two seconds.
    vi.advanceTimersByTime(500);
    for (let i = 0; i < 60; i++) {
      press('ArrowLeft', { repeat: true });
      vi.advanceTimersByTime(33);
    }
    // Still the first notice (the live region announces it once), still shown.
    expect(editor.notices.current.get()?.id).toBe(first?.id);
    // Let go, and press again a moment later: a new action, announced anew.
    vi.advanceTimersByTime(1500);
    press('ArrowLeft');
    const second = editor.notices.current.get();
    expect(second?.message.key).toBe('denied.boardLocked');
    expect(second?.id).not.toBe(first?.id);
  });
});
