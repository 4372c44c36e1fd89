import { useLayoutEffect, useRef, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { intersects, type Rect, visibleRect } from './viewport.ts';

/** Subscribes to viewport and stage size together. */
export function subscribeView(editor: Editor, listener: () => void): () => void {
  const a = editor.viewport.subscribe(listener);
  const b = editor.stageSize.subscribe(listener);
  return () => {
    a();
    b();
  };
}

const MARGIN = 200;

/**
 * How much of a note is drawn at a zoom (level of detail). `detail`: the whole
 * note (text at its size, author, shadow). Further out the text at its size
 * is too small to read, so a note shows its text in large type instead — the
 * first words, as a title — at two sizes, and nothing else but its votes.
 * Further still (a board too large for 10 %, fitted whole) even the largest
 * title would be a few pixels high: a note is its card, its colour only.
 */
export type NoteDetail = 'detail' | 'title' | 'far' | 'card';
/** The levels that draw text. */
export type TextDetail = Exclude<NoteDetail, 'card'>;

/** Zoom from which notes are drawn in full. */
export const DETAIL_SCALE = 0.5;
/** Zoom from which titles use the `title` size rather than the `far` one. */
export const TITLE_SCALE = 0.3;
/** Zoom below which notes are drawn as cards without text (a 40-unit title under 4 pixels). */
export const CARD_SCALE = 0.1;

export function detailAt(scale: number): NoteDetail {
  if (scale >= DETAIL_SCALE) return 'detail';
  if (scale >= TITLE_SCALE) return 'title';
  return scale >= CARD_SCALE ? 'far' : 'card';
}

function nearView(editor: Editor, rect: Rect): boolean {
  const view = visibleRect(editor.viewport.get(), editor.stageSize.get());
  return intersects(
    {
      x: view.x - MARGIN,
      y: view.y - MARGIN,
      width: view.width + 2 * MARGIN,
      height: view.height + 2 * MARGIN,
    },
    rect,
  );
}

/**
 * Whether `rect` (world) has been near the view since the component mounted:
 * false until it first comes within MARGIN of the view, then true for good
 * (and the component stops listening to the view).
 */
export function useOnceVisible(editor: Editor, rect: Rect | null): boolean {
  const [seen, setSeen] = useState(() => rect !== null && nearView(editor, rect));
  const latest = useRef(rect);
  latest.current = rect;
  const x = rect?.x;
  const y = rect?.y;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a move re-checks the place (x, y)
  useLayoutEffect(() => {
    if (seen) return;
    const check = () => {
      const r = latest.current;
      if (r && nearView(editor, r)) setSeen(true);
    };
    check();
    return subscribeView(editor, check);
  }, [editor, seen, x, y]);
  return seen;
}
