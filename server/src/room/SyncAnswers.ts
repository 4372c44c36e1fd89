/**
 * A room's answers to SyncStep1, framed and shared. Every fresh joiner sends
 * the same empty state vector, and a flood of SyncStep1 must cost no
 * encoding: an answer is computed at most once per document version and
 * state vector, and dropped when the document changes (`invalidate`).
 */
import { encodeSyncStep2, encodeUpdate } from '../socket/messageCodec.ts';
import { isEmptyStateVector, type LazyDocument } from './LazyDocument.ts';

/** SyncStep2 answers kept per room (by state vector) until the document changes. */
const SYNC_ANSWER_CACHE = 16;

export class SyncAnswers {
  /** Framed SyncStep2 answers of the current document version, by state vector (base64). */
  private readonly byStateVector = new Map<string, Uint8Array[]>();
  /** The framed answer to an empty state vector from the stored bytes, for `storedVersion`. */
  private stored: { version: number; frames: Uint8Array[] } | null = null;

  constructor(private readonly document: LazyDocument) {}

  /** The frames answering `stateVector`, from the document as applied so far. */
  answer(stateVector: Uint8Array): Uint8Array[] {
    const fromStored = isEmptyStateVector(stateVector) ? this.storedFrames() : null;
    if (fromStored) return fromStored;
    const key = Buffer.from(stateVector).toString('base64');
    let answer = this.byStateVector.get(key);
    if (!answer) {
      answer = [encodeSyncStep2(this.document.missingFor(stateVector))];
      if (this.byStateVector.size >= SYNC_ANSWER_CACHE) {
        this.byStateVector.delete(this.byStateVector.keys().next().value!);
      }
      this.byStateVector.set(key, answer);
    }
    return answer;
  }

  /** The document changed: answers encoded before describe an older version. */
  invalidate(): void {
    this.byStateVector.clear();
  }

  dispose(): void {
    this.byStateVector.clear();
    this.stored = null;
  }

  /**
   * A new device's answer from the stored bytes (LazyDocument): the updates
   * committed since the snapshot as one update, then SyncStep2 with the
   * snapshot as loaded. In that order, because a client counts itself synced
   * once its SyncStep2 is applied: the update waits in the client's document
   * as pending structs, and Yjs integrates it while applying the snapshot, so
   * the document is complete when the client says synced. Committed state
   * only; whatever is committed later reaches the joiner as a relayed update,
   * since it is in the room from its greeting on.
   */
  private storedFrames(): Uint8Array[] | null {
    const version = this.document.storedVersion;
    if (this.stored?.version === version) return this.stored.frames;
    const parts = this.document.storedParts();
    if (!parts) return null;
    const frames = [encodeSyncStep2(parts.snapshot)];
    if (parts.log) frames.unshift(encodeUpdate(parts.log));
    this.stored = { version, frames };
    return frames;
  }
}
