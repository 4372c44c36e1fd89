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
import { gzip, gzipSync } from 'node:zlib';
import type { BoardPreview } from '@pinnwand/shared/protocol/http';
import { boardCards } from '@pinnwand/shared/read/boardCards';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import type * as Y from 'yjs';

const gzipAsync = promisify(gzip);

/** What a preview is sent as: whole, or as plain cards (@pinnwand/shared/read/boardCards). */
export type PreviewKind = 'preview' | 'cards';

class Encoded {
  private readonly json = new Map<PreviewKind, Buffer>();
  private readonly gzipped = new Map<PreviewKind, Promise<Buffer>>();
  constructor(private readonly preview: BoardPreview) {}

  /** Encoded when first asked for; the preview compressed in the thread pool, the cards at once. */
  body(kind: PreviewKind, compressed: boolean): Promise<Buffer> {
    let json = this.json.get(kind);
    if (!json) {
      const value = kind === 'cards' ? boardCards(this.preview) : this.preview;
      json = Buffer.from(JSON.stringify(value), 'utf8');
      this.json.set(kind, json);
    }
    if (!compressed) return Promise.resolve(json);
    let gzipped = this.gzipped.get(kind);
    if (!gzipped) {
      // The cards (tens of KB) are compressed at once: in the thread pool they
      // waited behind the page's static files on a new device's first visit
      // and came 0.1–1.2 s after the preview's megabyte.
      gzipped =
        kind === 'cards'
          ? Promise.resolve(gzipSync(json, { level: 6 }))
          : gzipAsync(json, { level: 6 });
      this.gzipped.set(kind, gzipped);
    }
    return gzipped;
  }
}

export class BoardPreviewCache {
  private readonly fromDocs = new WeakMap<Y.Doc, Encoded>();
  private readonly watched = new WeakSet<Y.Doc>();

  /** The preview of the room's document as JSON (`kind`), gzipped when `compressed`. */
  get(doc: Y.Doc, kind: PreviewKind, compressed: boolean): Promise<Buffer> {
    let entry = this.fromDocs.get(doc);
    if (!entry) {
      this.watch(doc);
      entry = new Encoded(readBoardPreview(doc));
      this.fromDocs.set(doc, entry);
    }
    return entry.body(kind, compressed);
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
