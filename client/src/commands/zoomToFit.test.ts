// "Alles zeigen" and a board that opens fit its notes between the banners over
// the canvas's top (board/BoardBanners.tsx) and the toolbar at its bottom.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import { testEditor } from '../testing/testEditor.ts';
import { zoomToFit } from './viewCommands.ts';

function boardOfNotes(count: number) {
  const ws = testWorkshop('blank');
  for (let i = 0; i < count; i++)
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: (i % 4) * 200,
        y: Math.floor(i / 4) * 150,
        text: `n${i}`,
        author: 'Alice',
        authorId: ALICE.id,
      },
      ALICE.origin,
    );
  const editor = testEditor(ws.doc, { board: ws.board });
  const rows = Math.ceil(count / 4);
  return { editor, bottom: (rows - 1) * 150 + NOTE_HEIGHT, right: 3 * 200 + NOTE_WIDTH };
}

describe('fitting the board into view', () => {
  it('keeps the notes below the banners and above the toolbar', () => {
    const { editor, bottom } = boardOfNotes(12);
    editor.stageSize.set({ width: 1000, height: 600 });
    editor.canvas.topInset.set(90);
    zoomToFit(editor);
    const v = editor.viewport.get();
    expect(v.y).toBeGreaterThanOrEqual(90);
    expect(v.y + bottom * v.scale).toBeLessThanOrEqual(600 - 64);
  });

  it('keeps the notes above a phone toolbar grown by the row of colours', () => {
    // Tall: fitted by its height, so its bottom row lies just above the toolbar.
    const { editor, bottom } = boardOfNotes(40);
    editor.stageSize.set({ width: 390, height: 700 });
    editor.canvas.bottomInset.set(104);
    zoomToFit(editor);
    const v = editor.viewport.get();
    expect(v.y + bottom * v.scale).toBeLessThanOrEqual(700 - 104);
  });

  it('on a small screen, shows the top-left corner below the banners', () => {
    const { editor } = boardOfNotes(40);
    editor.stageSize.set({ width: 390, height: 600 });
    editor.canvas.topInset.set(70);
    zoomToFit(editor, { opening: true });
    const v = editor.viewport.get();
    expect(v.scale).toBe(0.5);
    expect(v.y).toBeGreaterThanOrEqual(70);
  });
});
