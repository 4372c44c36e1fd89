// Where this person's undo steps begin and end — the one place that draws
// those boundaries. Every command is a step of its own, however quickly the
// next one follows (the registry runs each through `asOneStep`); typing into
// one note is a step per pause, separate from what came before
// (`typingStarts`, when the note being edited changes). Nothing else calls
// `stopCapturing`: a follow-up change made inside a command's transaction
// cleanup (cluster membership) lands in that command's step.
import type * as Y from 'yjs';

export function asOneStep<T>(undo: Y.UndoManager, fn: () => T): T {
  undo.stopCapturing();
  try {
    return fn();
  } finally {
    undo.stopCapturing();
  }
}

export function typingStarts(undo: Y.UndoManager): void {
  undo.stopCapturing();
}
