// Where new notes go: at the pointer when it is over the board, otherwise in
// the middle of the view, stepped aside until they do not cover another note
// exactly (so pressing N twice gives two visible notes).
import type { BoardId } from '@pinnwand/shared/model/ids';
import { DUPLICATE_OFFSET, NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { type Point, toWorld } from '../canvas/viewport.ts';
import type { Editor } from './Editor.ts';

export function viewCentre(editor: Editor): Point {
  const size = editor.stageSize.get();
  return toWorld(editor.viewport.get(), { x: size.width / 2, y: size.height / 2 });
}

/** Top-left for a new note centred near `near`, avoiding exact overlaps. */
export function freeSpot(editor: Editor, boardId: BoardId, near: Point): Point {
  const taken = new Set(
    editor.index.notes(boardId).map((n) => `${Math.round(n.x)}:${Math.round(n.y)}`),
  );
  let x = Math.round(near.x - NOTE_WIDTH / 2);
  let y = Math.round(near.y - NOTE_HEIGHT / 2);
  for (let i = 0; i < 50 && taken.has(`${x}:${y}`); i++) {
    x += DUPLICATE_OFFSET;
    y += DUPLICATE_OFFSET;
  }
  return { x, y };
}

/** Top-left corners for `count` notes laid out in rows, starting near `near`. */
export function gridFrom(near: Point, count: number, columns = 4): Point[] {
  const gap = 16;
  const cols = Math.max(1, Math.min(columns, count));
  const left = near.x - (cols * (NOTE_WIDTH + gap)) / 2;
  return Array.from({ length: count }, (_, i) => ({
    x: Math.round(left + (i % cols) * (NOTE_WIDTH + gap)),
    y: Math.round(near.y - NOTE_HEIGHT / 2 + Math.floor(i / cols) * (NOTE_HEIGHT + gap)),
  }));
}
