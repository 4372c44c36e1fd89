/**
 * Changes the server makes itself (imports, migrations, housekeeping, issued
 * identities), as a room applies them into the batch of their tick
 * (Room.takeBatch): stored and relayed like any update, and their promise
 * settled once that batch is stored or failed.
 *
 * A write that only adds entries under fresh keys and reads nothing
 * (Room.applyServerWrite) is made without building a cold room's document: in
 * a document of its own, the `writer` (one client id for all such writes, so
 * each follows the previous), whose updates join the stored state
 * (LazyDocument) and are applied when the document is built. Such a write
 * knows from its own transaction which roots it changed: one under none the
 * board preview reads (a device's identity) keeps the preview stored with the
 * snapshot current (PendingUpdate.outsidePicture).
 */

import { BOARD_PREVIEW_ROOTS } from '@pinnwand/shared/read/boardPreview';
import * as Y from 'yjs';
import { type Batch, RoomCorrupted, type UpdateCollector } from './Batch.ts';
import type { LazyDocument } from './LazyDocument.ts';
import { pathOfType } from './touchedPaths.ts';

interface Settles {
  origin: unknown;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** A change made in the room's document when its tick is applied. */
export interface ServerChange extends Settles {
  kind: 'change';
  fn: (doc: Y.Doc) => void;
}

/** A write made in the writer, as its update. */
export interface Written {
  update: Uint8Array;
  /** Its transaction changed no root the board preview reads. */
  outsidePicture: boolean;
}

/** A write already made in the writer, waiting for its tick. */
export interface ServerWrite extends Settles, Written {
  kind: 'write';
}

export class ServerChanges {
  private writer: Y.Doc | null = null;

  constructor(
    private readonly document: LazyDocument,
    private readonly collector: UpdateCollector,
  ) {}

  /**
   * Makes `fn`'s change in the writer (`fn` sees only the writer's earlier
   * entries); returns its update, or null when it changed nothing.
   */
  write(fn: (doc: Y.Doc) => void, origin: unknown): Written | null {
    this.writer ??= new Y.Doc({ gc: true });
    const writer = this.writer;
    const updates: Uint8Array[] = [];
    const roots = new Set<string | undefined>();
    const collect = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      updates.push(update);
      // Judged from what the transaction changed, not from what `fn` is meant to
      // write: a write under `notes` through this path still stales the preview.
      for (const type of tr.changed.keys())
        roots.add(pathOfType(type as Y.AbstractType<unknown>)[0]);
    };
    writer.on('update', collect);
    try {
      writer.transact(() => fn(writer), origin);
    } finally {
      writer.off('update', collect);
    }
    if (updates.length === 0) return null;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const outsidePicture =
      roots.size > 0 &&
      [...roots].every((r) => r !== undefined && !BOARD_PREVIEW_ROOTS.includes(r));
    return { update, outsidePicture };
  }

  /** The document was built: the writer's updates are in it, later writes are made there. */
  documentBuilt(): void {
    this.destroy();
  }

  /** Throws RoomCorrupted when `fn` threw: the document may hold half of its change. */
  applyChange(change: ServerChange, batch: Batch): void {
    const doc = this.document.doc;
    try {
      this.collector.into(batch.updates, () => doc.transact(() => change.fn(doc), change.origin));
    } catch (err) {
      change.reject(err);
      throw new RoomCorrupted(`a server change failed: ${String(err)}`);
    }
    batch.after.push(change.resolve);
    batch.failed.push(change.reject);
  }

  applyWrite(write: ServerWrite, batch: Batch): void {
    if (this.document.isBuilt) {
      // Built since the write was made: it goes into the document like any update.
      const doc = this.document.doc;
      try {
        this.collector.into(batch.updates, () => Y.applyUpdate(doc, write.update, write.origin));
      } catch (err) {
        write.reject(err);
        throw new RoomCorrupted(`a server write failed: ${String(err)}`);
      }
    } else {
      this.document.wrote(write.update);
      batch.updates.push(
        write.outsidePicture
          ? { bytes: write.update, except: null, outsidePicture: true }
          : { bytes: write.update, except: null },
      );
    }
    batch.after.push(write.resolve);
    batch.failed.push(write.reject);
  }

  destroy(): void {
    this.writer?.destroy();
    this.writer = null;
  }
}
