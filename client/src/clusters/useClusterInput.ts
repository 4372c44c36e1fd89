// Pointer input for cluster frames on the canvas, ahead of the board's own
// input (a capture listener on the canvas element): dragging a frame's heading
// moves the frame with its notes, its corner grip resizes it, a double-click on
// the heading renames it, and in drawing mode a drag draws a new frame. A
// right-click (or the context-menu key) opens the menu for a note or a frame.
// Everything else is left to the board's state machine.
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_HEADER,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteCentreInside,
} from '@pinnwand/shared/model/layout';
import {
  assignNotesToCluster,
  createCluster,
  moveCluster,
  resizeCluster,
} from '@pinnwand/shared/ops/clusterOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { type RefObject, useEffect } from 'react';
import { type Point, rectFromPoints, toWorld } from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import { canEditClusters } from './clusterCommands.ts';

/** Size of the resize grip at a frame's bottom-right corner, in screen pixels. */
export const GRIP = 18;
const MIN_W = NOTE_WIDTH / 2;
const MIN_H = CLUSTER_HEADER + 40;

export function noteAt(editor: Editor, world: Point): NoteId | null {
  const boardId = editor.boardId.get();
  if (!boardId) return null;
  const ids = editor.index.noteIds(boardId);
  for (let i = ids.length - 1; i >= 0; i--) {
    const note = editor.index.note(ids[i] as NoteId);
    if (
      note &&
      world.x >= note.x &&
      world.x <= note.x + NOTE_WIDTH &&
      world.y >= note.y &&
      world.y <= note.y + NOTE_HEIGHT
    )
      return note.id;
  }
  return null;
}

type Hit = { kind: 'header' | 'grip' | 'body'; cluster: Cluster };

export function clusterHit(editor: Editor, world: Point): Hit | null {
  const boardId = editor.boardId.get();
  if (!boardId) return null;
  const scale = editor.viewport.get().scale;
  const clusters = editor.index.clusters(boardId);
  for (let i = clusters.length - 1; i >= 0; i--) {
    const c = clusters[i] as Cluster;
    const right = c.x + c.width;
    const bottom = c.y + c.height;
    const grip = GRIP / scale;
    if (
      world.x >= right - grip &&
      world.x <= right + 4 / scale &&
      world.y >= bottom - grip &&
      world.y <= bottom + 4 / scale
    )
      return { kind: 'grip', cluster: c };
    if (world.x < c.x || world.x > right || world.y < c.y || world.y > bottom) continue;
    return { kind: world.y <= c.y + CLUSTER_HEADER ? 'header' : 'body', cluster: c };
  }
  return null;
}

export function useClusterInput(f: Facilitation, canvas: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    // Listeners sit on the canvas area (stable while the board's own element may
    // be re-created); only events on the board itself are looked at.
    const host = canvas.current;
    if (!host) return;
    const board = () => host.querySelector<HTMLElement>('.board-canvas');
    const onBoard = (e: Event) => e.target instanceof Node && board()?.contains(e.target) === true;
    const editor = f.editor;
    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = (board() ?? host).getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const world = (e: { clientX: number; clientY: number }) =>
      toWorld(editor.viewport.get(), local(e));

    let gesture:
      | { kind: 'move' | 'resize'; cluster: Cluster; down: Point; pointerId: number }
      | { kind: 'draw'; down: Point; pointerId: number }
      | null = null;

    const stopHere = (e: Event) => {
      e.stopPropagation();
      e.preventDefault();
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || !onBoard(e)) return;
      const at = world(e);
      if (f.drawingCluster.get() && canEditClusters(editor)) {
        gesture = { kind: 'draw', down: at, pointerId: e.pointerId };
        f.ghost.set({ ...at, width: 0, height: 0 });
        board()?.setPointerCapture?.(e.pointerId);
        stopHere(e);
        return;
      }
      if (!canEditClusters(editor) || noteAt(editor, at)) return;
      const hit = clusterHit(editor, at);
      if (!hit || hit.kind === 'body') return;
      gesture = {
        kind: hit.kind === 'grip' ? 'resize' : 'move',
        cluster: hit.cluster,
        down: at,
        pointerId: e.pointerId,
      };
      f.ghost.set({
        x: hit.cluster.x,
        y: hit.cluster.y,
        width: hit.cluster.width,
        height: hit.cluster.height,
      });
      try {
        board()?.setPointerCapture(e.pointerId);
      } catch {
        // synthetic events have no capturable pointer
      }
      board()?.focus({ preventScroll: true });
      stopHere(e);
    };

    const ghostFor = (at: Point, g = gesture) => {
      if (!g) return null;
      const dx = at.x - g.down.x;
      const dy = at.y - g.down.y;
      if (g.kind === 'draw') return rectFromPoints(g.down, at);
      const c = g.cluster;
      if (g.kind === 'move') return { x: c.x + dx, y: c.y + dy, width: c.width, height: c.height };
      return {
        x: c.x,
        y: c.y,
        width: Math.max(MIN_W, c.width + dx),
        height: Math.max(MIN_H, c.height + dy),
      };
    };

    const onMove = (e: PointerEvent) => {
      if (!gesture) {
        const el = board();
        if (el && e.buttons === 0 && onBoard(e) && canEditClusters(editor)) {
          const at = world(e);
          const hit = f.drawingCluster.get()
            ? null
            : noteAt(editor, at)
              ? null
              : clusterHit(editor, at);
          el.style.cursor = f.drawingCluster.get()
            ? 'crosshair'
            : hit?.kind === 'grip'
              ? 'nwse-resize'
              : hit?.kind === 'header'
                ? 'move'
                : '';
        }
        return;
      }
      if (e.pointerId !== gesture.pointerId) return;
      f.ghost.set(ghostFor(world(e)));
      stopHere(e);
    };

    const onUp = (e: PointerEvent) => {
      if (!gesture || e.pointerId !== gesture.pointerId) return;
      const g = gesture;
      gesture = null;
      const rect = ghostFor(world(e), g);
      f.ghost.set(null);
      stopHere(e);
      if (!rect) return;
      editor.undo.stopCapturing();
      if (g.kind === 'move') {
        const moved = Math.abs(rect.x - g.cluster.x) + Math.abs(rect.y - g.cluster.y) > 2;
        if (moved)
          moveCluster(
            editor.doc,
            g.cluster.id,
            { x: Math.round(rect.x), y: Math.round(rect.y) },
            editor.origin,
          );
      } else if (g.kind === 'resize') {
        resizeCluster(
          editor.doc,
          g.cluster.id,
          { width: Math.round(rect.width), height: Math.round(rect.height) },
          editor.origin,
        );
      } else {
        f.drawingCluster.set(false);
        const board = editor.boardId.get();
        if (!board || rect.width < 40 || rect.height < 40) return;
        const frame = {
          x: Math.round(rect.x),
          y: Math.round(rect.y),
          width: Math.round(Math.max(MIN_W, rect.width)),
          height: Math.round(Math.max(MIN_H, rect.height)),
        };
        const inside = editor.index
          .notes(board)
          .filter((n) => !n.clusterId && noteCentreInside(n, frame))
          .map((n) => n.id);
        // The notes stay where they are: the person drew the frame around them.
        const id = transact(editor.doc, editor.origin, () => {
          const created = createCluster(
            editor.doc,
            { boardId: board, title: '', ...frame },
            editor.origin,
          );
          assignNotesToCluster(editor.doc, created, inside, editor.origin, { keepPositions: true });
          return created;
        });
        f.renaming.set(id);
      }
      editor.undo.stopCapturing();
    };

    const onCancel = () => {
      gesture = null;
      f.ghost.set(null);
    };

    const onDoubleClick = (e: MouseEvent) => {
      if (!canEditClusters(editor) || !onBoard(e)) return;
      const at = world(e);
      if (noteAt(editor, at)) return;
      const hit = clusterHit(editor, at);
      if (hit?.kind !== 'header') return;
      f.renaming.set(hit.cluster.id);
      stopHere(e);
    };

    const onContextMenu = (e: MouseEvent) => {
      if (!onBoard(e)) return;
      const at = world(e);
      const p = local(e);
      const note = noteAt(editor, at);
      if (note) {
        if (editor.readOnly) return;
        const selection = editor.selection.get();
        const ids = selection.has(note) ? [...selection] : [note];
        if (!selection.has(note)) editor.selection.set(new Set([note]));
        f.menu.set({ kind: 'note', ids, x: p.x, y: p.y });
        stopHere(e);
        return;
      }
      const hit = clusterHit(editor, at);
      if (hit && canEditClusters(editor)) {
        f.menu.set({ kind: 'cluster', id: hit.cluster.id as ClusterId, x: p.x, y: p.y });
        stopHere(e);
      }
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (f.drawingCluster.get() || gesture)) {
        f.drawingCluster.set(false);
        onCancel();
      }
    };

    host.addEventListener('pointerdown', onDown, true);
    host.addEventListener('pointermove', onMove, true);
    host.addEventListener('pointerup', onUp, true);
    host.addEventListener('pointercancel', onCancel, true);
    host.addEventListener('dblclick', onDoubleClick, true);
    host.addEventListener('contextmenu', onContextMenu, true);
    window.addEventListener('keydown', onKey);
    return () => {
      host.removeEventListener('pointerdown', onDown, true);
      host.removeEventListener('pointermove', onMove, true);
      host.removeEventListener('pointerup', onUp, true);
      host.removeEventListener('pointercancel', onCancel, true);
      host.removeEventListener('dblclick', onDoubleClick, true);
      host.removeEventListener('contextmenu', onContextMenu, true);
      window.removeEventListener('keydown', onKey);
      const el = board();
      if (el) el.style.cursor = '';
    };
  }, [f, canvas]);
}
