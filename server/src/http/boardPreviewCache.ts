/**
 * The encoded board preview of each loaded room's document, kept until the
 * document changes: every new device of a workshop asks for it while the
 * room is busy sending it the document, and reading 5,000 notes and encoding
 * them as JSON costs tens of milliseconds on the event loop every room shares.
 *
 * Keyed by the document object (a reloaded room has a new one, so nothing
 * stale survives a reload) and dropped after any transaction that changed
 * something. `afterTransaction` rather than `update`: a listener on `update`
 * makes Yjs encode every transaction of the room.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import type * as Y from 'yjs';

const gzipAsync = promisify(gzip);

interface Encoded {
  json: Buffer;
  /** Compressed in the thread pool when first asked for. */
  gzipped: Promise<Buffer> | null;
}

export class BoardPreviewCache {
  private readonly encoded = new WeakMap<Y.Doc, Encoded>();
  private readonly watched = new WeakSet<Y.Doc>();

  /** The preview of `doc` as JSON, gzipped when `compressed`. */
  async get(doc: Y.Doc, compressed: boolean): Promise<Buffer> {
    let entry = this.encoded.get(doc);
    if (!entry) {
      this.watch(doc);
      entry = { json: Buffer.from(JSON.stringify(readBoardPreview(doc)), 'utf8'), gzipped: null };
      this.encoded.set(doc, entry);
    }
    if (!compressed) return entry.json;
    entry.gzipped ??= gzipAsync(entry.json, { level: 6 });
    return entry.gzipped;
  }

  private watch(doc: Y.Doc): void {
    if (this.watched.has(doc)) return;
    this.watched.add(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0)
        this.encoded.delete(doc);
    });
  }
}
