// @vitest-environment jsdom
// What a participant sees after "Alle hierher holen" and while following: the
// facilitator's view, whole, between what lies over their canvas — the
// banners, the toolbar as tall as it really is (two rows on a phone while
// notes are selected), and the notice "Die Moderation hat Sie hierher geholt."
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Insets, type Rect, visibleInside } from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';
import { testEditor } from '../testing/testEditor.ts';
import { currentViewRect, startFollow, type ViewRect } from './follow.ts';

const PHONE = { width: 390, height: 700 };

function participant(): { editor: Editor; facilitator: (state: Record<string, unknown>) => void } {
  const ws = testWorkshop('blank');
  const editor = testEditor(ws.doc, { board: ws.board });
  editor.stageSize.set(PHONE);
  onTestFinished(startFollow(editor));
  const aw = new Awareness(new Y.Doc());
  onTestFinished(() => aw.destroy());
  const facilitator = (state: Record<string, unknown>) => {
    aw.setLocalState({ role: 'facilitator', user: { name: 'Moderatorin' }, ...state });
    applyAwarenessUpdate(editor.awareness, encodeAwarenessUpdate(aw, [aw.clientID]), 'relay');
  };
  return { editor, facilitator };
}

/** A tall frame: fitted, it fills the free strip from top to bottom. */
const frameOn = (editor: Editor): ViewRect => ({
  boardId: editor.boardId.get() ?? '',
  x: 100,
  y: 100,
  width: 300,
  height: 800,
});

function seenWhole(editor: Editor, frame: Rect, covered: Insets): boolean {
  const seen = visibleInside(editor.viewport.get(), editor.stageSize.get(), covered);
  const slack = 0.01;
  return (
    frame.x >= seen.x - slack &&
    frame.y >= seen.y - slack &&
    frame.x + frame.width <= seen.x + seen.width + slack &&
    frame.y + frame.height <= seen.y + seen.height + slack
  );
}

const summon = (view: ViewRect, seq = 1) => ({ summon: { seq, at: Date.now(), view } });

describe('a summoned or followed view', () => {
  it('stays whole above the notice that says the facilitator brought one here', () => {
    const { editor, facilitator } = participant();
    const frame = frameOn(editor);
    facilitator(summon(frame));
    expect(editor.notices.current.get()?.message.key).toBe('follow.brought');
    // The notice is drawn just above the toolbar and reaches 110 px up.
    editor.canvas.noticeInset.set(110);
    expect(seenWhole(editor, frame, { top: 0, bottom: 110 })).toBe(true);
    // When the notice goes, the view stays where it is: no second jump.
    const fitted = editor.viewport.get();
    editor.canvas.noticeInset.set(0);
    expect(editor.viewport.get()).toEqual(fitted);
  });

  it('is fitted above a phone toolbar grown by the row of colours', () => {
    const { editor, facilitator } = participant();
    editor.canvas.bottomInset.set(104);
    const frame = frameOn(editor);
    facilitator(summon(frame));
    expect(seenWhole(editor, frame, { top: 0, bottom: 104 })).toBe(true);
  });

  it('while following, is fitted again when the toolbar grows', () => {
    const { editor, facilitator } = participant();
    editor.facilitation.following.set(true);
    const frame = frameOn(editor);
    facilitator({ viewRect: frame });
    expect(seenWhole(editor, frame, { top: 0, bottom: 64 })).toBe(true);
    editor.canvas.bottomInset.set(104);
    expect(seenWhole(editor, frame, { top: 0, bottom: 104 })).toBe(true);
  });

  it('the facilitator publishes only what lies clear of their own toolbar, as tall as it is', () => {
    const ws = testWorkshop('blank');
    const editor = testEditor(ws.doc, { board: ws.board, role: 'facilitator' });
    editor.stageSize.set(PHONE);
    editor.viewport.set({ x: 0, y: 0, scale: 1 });
    editor.canvas.bottomInset.set(104);
    expect(currentViewRect(editor)?.height).toBe(PHONE.height - 104);
  });
});
