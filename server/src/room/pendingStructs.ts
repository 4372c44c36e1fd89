/**
 * Content Yjs keeps pending: structs and deletions whose dependencies the
 * document lacks. The update guard (updateGuard.ts) applies only updates that
 * integrate completely, so nothing should ever be pending in a room's
 * document; these are for the check after applying that makes sure of it.
 */
import type * as Y from 'yjs';

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

export function clearPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
