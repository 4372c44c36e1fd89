/**
 * The encoded board preview of each loaded room, kept until what it was read
 * from changes: every new device of a workshop asks for it while the room is
 * busy sending it the document, and reading 5,000 notes and encoding them as
 * JSON costs tens of milliseconds.
 *
 * Read on the event loop from the room's built document, keyed by the
 * document object (a reloaded room has a new one) and dropped after any
 * transaction that changed something — `afterTransaction` rather than
 * `update`: a listener on `update` makes Yjs encode every transaction of the
 * room.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import type * as Y from 'yjs';

const gzipAsync = promisify(gzip);

class Encoded {
  private gzipped: Promise<Buffer> | null = null;
  constructor(readonly json: Buffer) {}

  /** Compressed in the thread pool when first asked for. */
  body(compressed: boolean): Promise<Buffer> {
    if (!compressed) return Promise.resolve(this.json);
    this.gzipped ??= gzipAsync(this.json, { level: 6 });
    return this.gzipped;
  }
}

export class BoardPreviewCache {
  private readonly fromDocs = new WeakMap<Y.Doc, Encoded>();
  private readonly watched = new WeakSet<Y.Doc>();

  /** The preview of the room's document as JSON, gzipped when `compressed`. */
  get(doc: Y.Doc, compressed: boolean): Promise<Buffer> {
    let entry = this.fromDocs.get(doc);
    if (!entry) {
      this.watch(doc);
      entry = new Encoded(Buffer.from(JSON.stringify(readBoardPreview(doc)), 'utf8'));
      this.fromDocs.set(doc, entry);
    }
    return entry.body(compressed);
  }

  private watch(doc: Y.Doc): void {
    if (this.watched.has(doc)) return;
    this.watched.add(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0)
        this.fromDocs.delete(doc);
    });
  }
}
