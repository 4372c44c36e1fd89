// During a voting round on the shown board, a click or tap on a note gives it
// a dot. The board's own input still selects the note; a press that turns
// into a drag is not a vote.
import { type RefObject, useEffect } from 'react';
import { toWorld } from '../canvas/viewport.ts';
import { noteAt } from '../clusters/useClusterInput.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { giveDot } from './voteActions.ts';

const CLICK_SLOP = 5;

export function useVoteInput(f: Facilitation, canvas: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const host = canvas.current;
    if (!host) return;
    const board = () => host.querySelector<HTMLElement>('.board-canvas');
    const onBoard = (e: Event) => e.target instanceof Node && board()?.contains(e.target) === true;
    const editor = f.editor;
    let down: { x: number; y: number; id: number; time: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down =
        e.button === 0 && !e.shiftKey && onBoard(e)
          ? { x: e.clientX, y: e.clientY, id: e.pointerId, time: Date.now() }
          : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP) return;
      const { round } = facilitationState(editor);
      if (!round.open || round.boardId !== editor.boardId.get() || editor.role === 'viewer') return;
      const r = (board() ?? host).getBoundingClientRect();
      const world = toWorld(editor.viewport.get(), { x: e.clientX - r.left, y: e.clientY - r.top });
      const note = noteAt(editor, world);
      if (note) giveDot(editor, note);
    };
    // While voting, a quick second click is a second dot, not "edit this note".
    const onDoubleClick = (e: MouseEvent) => {
      if (!onBoard(e)) return;
      const { round } = facilitationState(editor);
      if (!round.open || round.boardId !== editor.boardId.get() || editor.role === 'viewer') return;
      const r = (board() ?? host).getBoundingClientRect();
      const world = toWorld(editor.viewport.get(), { x: e.clientX - r.left, y: e.clientY - r.top });
      if (noteAt(editor, world)) e.stopPropagation();
    };
    host.addEventListener('dblclick', onDoubleClick, true);
    host.addEventListener('pointerdown', onDown);
    host.addEventListener('pointerup', onUp);
    return () => {
      host.removeEventListener('dblclick', onDoubleClick, true);
      host.removeEventListener('pointerdown', onDown);
      host.removeEventListener('pointerup', onUp);
    };
  }, [f, canvas]);
}
