/**
 * Per-person undo. The manager tracks only transactions whose origin is this
 * person's interned local origin (see model/origin.ts), across all root maps,
 * so undo takes back exactly what this person did — never a note someone else
 * wrote, even if it arrived in between — and typing bound to a note's Y.Text
 * is undone too as long as the editor binding uses the same origin.
 *
 * Yjs merges changes made within `captureTimeout` ms into one undo step
 * (typing a word is one step); call `stopCapturing()` after each discrete
 * command so that two quick commands stay two steps.
 *
 * Undo restores this person's earlier values even where another peer changed
 * the same field since (see `ignoreRemoteMapChanges` below).
 */
import * as Y from 'yjs';
import type { LocalOrigin } from './model/origin.ts';
import { rootMaps } from './model/schema.ts';

export interface UndoOptions {
  /** Milliseconds within which changes merge into one step; Yjs default 500. */
  captureTimeout?: number;
}

export function createUndoManager(
  doc: Y.Doc,
  origin: LocalOrigin,
  options: UndoOptions = {},
): Y.UndoManager {
  return new Y.UndoManager(rootMaps(doc), {
    trackedOrigins: new Set<unknown>([origin]),
    captureTimeout: options.captureTimeout ?? 500,
    // Without this, Yjs gives up restoring a key another peer wrote after
    // this person's change, and deletes both values: undoing a note's delete
    // while someone moved it to another board brought it back without a
    // board (gone from every view), and undoing a move raced by another move
    // left it without `x`. With it, undo puts back what this person had,
    // as tldraw's and Excalidraw's undo do, and never loses a field.
    ignoreRemoteMapChanges: true,
  });
}
