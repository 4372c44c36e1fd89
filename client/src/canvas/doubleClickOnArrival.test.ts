// @vitest-environment jsdom
// A double-click on a note that is drawn under the pointer opens that note,
// however freshly it arrived (the board just loaded, someone just added it);
// only a note that slides under the pointer while the double-click is under
// way (aimed at empty board) is not opened — a new note is written there.
// Through the canvas's own listeners (usePointerInput.ts), as the browser
// sends them: press, release, press, release, dblclick.
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop, workshopWithAlicesNote } from '@pinnwand/shared/testing/testWorkshop';
import { act, createElement, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { testEditor } from '../testing/testEditor.ts';
import { usePointerInput } from './usePointerInput.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Surface({ editor }: { editor: Editor }) {
  const ref = useRef<HTMLDivElement>(null);
  usePointerInput(editor, ref);
  return createElement('div', { ref, 'data-surface': '' });
}

/** The canvas's listeners on a div at the page's top-left, the view at 100 %. */
function mount(editor: Editor): HTMLElement {
  editor.viewport.set({ x: 0, y: 0, scale: 1 });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(createElement(Surface, { editor })));
  onTestFinished(() => {
    act(() => root.unmount());
    host.remove();
  });
  return host.querySelector('[data-surface]') as HTMLElement;
}

function pointer(el: HTMLElement, type: string, x: number, y: number): void {
  const init = { clientX: x, clientY: y, button: 0, pointerId: 1, pointerType: 'mouse' };
  act(() => {
    el.dispatchEvent(new PointerEvent(type, { ...init, bubbles: true, cancelable: true }));
  });
}

/** A person's pace: each step a little after the one before (the clock of editor/landings.ts). */
function later(): void {
  vi.advanceTimersByTime(60);
}

function click(el: HTMLElement, x: number, y: number): void {
  later();
  pointer(el, 'pointerdown', x, y);
  pointer(el, 'pointerup', x, y);
}

/** Two presses and the double-click they make, as the browser reports them. */
function doubleClick(el: HTMLElement, x: number, y: number): void {
  click(el, x, y);
  click(el, x, y);
  dblclick(el, x, y);
}

function dblclick(el: HTMLElement, x: number, y: number): void {
  later();
  act(() => {
    el.dispatchEvent(
      new MouseEvent('dblclick', { clientX: x, clientY: y, bubbles: true, detail: 2 }),
    );
  });
}

/** What the server sends of `from` that `to` does not have yet (a remote change). */
function sync(from: Y.Doc, to: Y.Doc): void {
  later();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'server');
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a double-click on a freshly arrived note', () => {
  it('right after the board loaded, opens the note drawn under the pointer', () => {
    // Alice's note in the server's copy: its middle is (180, 160).
    const { ws, note } = workshopWithAlicesNote();
    const doc = new Y.Doc();
    const editor = testEditor(doc, { board: ws.board });
    const el = mount(editor);
    sync(ws.doc, doc);
    doubleClick(el, 180, 160);
    expect(editor.editing.get()).toBe(note);
    expect(doc.getMap('notes').size).toBe(1);
  });

  it('that another participant just added, opens it', () => {
    const { ws } = workshopWithAlicesNote();
    const doc = new Y.Doc();
    const editor = testEditor(doc, { board: ws.board });
    const el = mount(editor);
    sync(ws.doc, doc);
    const fresh = addNote(
      ws.doc,
      { boardId: ws.board, x: 500, y: 100, text: 'Neu', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    sync(ws.doc, doc);
    doubleClick(el, 580, 160);
    expect(editor.editing.get()).toBe(fresh);
    expect(doc.getMap('notes').size).toBe(2);
  });

  it('that slid under the pointer while the double-click was under way, writes a new note', () => {
    const ws = testWorkshop('blank');
    const doc = new Y.Doc();
    const editor = testEditor(doc, { board: ws.board });
    const el = mount(editor);
    sync(ws.doc, doc);
    // The person aims at empty board; between the two presses Alice's note lands there.
    click(el, 180, 160);
    const slid = addNote(
      ws.doc,
      { boardId: ws.board, x: 100, y: 100, text: 'Idee', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    sync(ws.doc, doc);
    click(el, 180, 160);
    dblclick(el, 180, 160);
    const editing = editor.editing.get();
    expect(editing).not.toBeNull();
    expect(editing).not.toBe(slid);
    expect(doc.getMap('notes').size).toBe(2);
  });
});
