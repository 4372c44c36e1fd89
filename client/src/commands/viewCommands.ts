// Undo/redo and canvas navigation.

import { fittedView, openingView } from '../canvas/boardFit.ts';
import { shownRects } from '../canvas/boardPreviewContent.ts';
import { zoomAt } from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';
import type { AnyCommand, Command } from './types.ts';

export const undoCommand: Command = {
  id: 'history.undo',
  label: 'cmd.undo',
  icon: 'undo',
  shortcuts: [{ key: 'z', mod: true }],
  mutates: true,
  enabled: (e) => e.undo.canUndo(),
  run: (e) => {
    e.undo.undo();
  },
};

export const redoCommand: Command = {
  id: 'history.redo',
  label: 'cmd.redo',
  icon: 'redo',
  shortcuts: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true },
  ],
  mutates: true,
  enabled: (e) => e.undo.canRedo(),
  run: (e) => {
    e.undo.redo();
  },
};

function zoomBy(e: Editor, factor: number): void {
  const size = e.stageSize.get();
  e.viewport.set(zoomAt(e.viewport.get(), { x: size.width / 2, y: size.height / 2 }, factor));
}

export const zoomInCommand: Command = {
  id: 'view.zoomIn',
  label: 'cmd.zoomIn',
  icon: 'zoomIn',
  shortcuts: [{ key: '+' }, { key: '=', alternate: true }],
  mutates: false,
  run: (e) => zoomBy(e, 1.25),
};

export const zoomOutCommand: Command = {
  id: 'view.zoomOut',
  label: 'cmd.zoomOut',
  icon: 'zoomOut',
  shortcuts: [{ key: '-' }],
  mutates: false,
  run: (e) => zoomBy(e, 1 / 1.25),
};

/**
 * Fits the current board's notes and clusters into the view (boardFit.ts);
 * `opening`: as a board opens (readable rather than whole on a small screen).
 */
export function zoomToFit(e: Editor, options: { opening?: boolean } = {}): void {
  const boardId = e.boardId.get();
  if (!boardId) return;
  const rects = shownRects(e, boardId);
  const size = e.stageSize.get();
  const top = e.canvas.topInset.get();
  e.viewport.set(
    options.opening
      ? openingView(rects, size, top)
      : // Above the toolbar as tall as it is (two rows on a phone with the colours).
        fittedView(rects, size, top, undefined, e.canvas.bottomInset.get()),
  );
}

export const zoomToFitCommand: Command = {
  id: 'view.fit',
  label: 'cmd.zoomToFit',
  icon: 'fit',
  shortcuts: [
    { key: '1', shift: true },
    { key: '!', shift: true, alternate: true },
  ],
  mutates: false,
  run: (e) => zoomToFit(e),
};

export const zoomResetCommand: Command = {
  id: 'view.reset',
  label: 'cmd.zoomReset',
  icon: 'reset',
  shortcuts: [
    { key: '0', shift: true },
    { key: '=', shift: true, alternate: true },
  ],
  mutates: false,
  run: (e) => {
    const v = e.viewport.get();
    zoomBy(e, 1 / v.scale);
  },
};

export const helpCommand: Command = {
  id: 'help.shortcuts',
  label: 'cmd.help',
  icon: 'help',
  shortcuts: [{ key: '?' }],
  mutates: false,
  run: (e) => e.ui.update((ui) => ({ ...ui, helpOpen: !ui.helpOpen })),
};

export const viewCommands: AnyCommand[] = [
  undoCommand,
  redoCommand,
  zoomInCommand,
  zoomOutCommand,
  zoomToFitCommand,
  zoomResetCommand,
  helpCommand,
];
