/**
 * The encoded board preview of each loaded room, kept until what it was read
 * from changes: every new device of a workshop asks for it while the room is
 * busy sending it the document, and reading 5,000 notes and encoding them as
 * JSON costs tens of milliseconds.
 *
 * A room whose document is built is read on the event loop (a few tens of
 * milliseconds), keyed by the document object (a reloaded room has a new one)
 * and dropped after any transaction that changed something — `afterTransaction`
 * rather than `update`: a listener on `update` makes Yjs encode every
 * transaction of the room. A room loaded but not built (the first visitor of
 * a cold room) is read from its stored bytes in a worker thread
 * (boardPreviewWorker.ts), keyed by the stored snapshot and log it was read
 * from: building the document on the event loop would hold up the very
 * requests and socket of the device that asked.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import type * as Y from 'yjs';
import type { StoredParts } from '../room/LazyDocument.ts';
import type { RoomState } from '../room/RoomManager.ts';
import { WorkerClient } from '../storage/threads/WorkerClient.ts';

const gzipAsync = promisify(gzip);

class Encoded {
  private gzipped: Promise<Buffer> | null = null;
  constructor(readonly json: Promise<Buffer>) {}

  /** Compressed in the thread pool when first asked for. */
  body(compressed: boolean): Promise<Buffer> {
    if (!compressed) return this.json;
    this.gzipped ??= this.json.then((json) => gzipAsync(json, { level: 6 }));
    return this.gzipped;
  }
}

export class BoardPreviewCache {
  private readonly fromDocs = new WeakMap<Y.Doc, Encoded>();
  private readonly watched = new WeakSet<Y.Doc>();
  /** By stored snapshot: the log it was read with, and the answer. */
  private readonly fromStored = new WeakMap<
    Uint8Array,
    { log: Uint8Array | null; encoded: Encoded }
  >();
  private readonly worker = new WorkerClient('boardPreviewWorker', null);

  /**
   * Starts the worker thread now: a cold room's first visitor asks for the
   * preview at once, and starting a thread that loads Yjs takes a few hundred
   * milliseconds on a busy machine.
   */
  start(): void {
    this.worker.start();
  }

  /** The preview of the room as JSON, gzipped when `compressed`. */
  get(state: RoomState, compressed: boolean): Promise<Buffer> {
    return (state.kind === 'doc' ? this.ofDoc(state.doc) : this.ofStored(state.parts)).body(
      compressed,
    );
  }

  close(): Promise<void> {
    return this.worker.close();
  }

  private ofDoc(doc: Y.Doc): Encoded {
    let entry = this.fromDocs.get(doc);
    if (!entry) {
      this.watch(doc);
      const json = Buffer.from(JSON.stringify(readBoardPreview(doc)), 'utf8');
      entry = new Encoded(Promise.resolve(json));
      this.fromDocs.set(doc, entry);
    }
    return entry;
  }

  private ofStored(parts: StoredParts): Encoded {
    const cached = this.fromStored.get(parts.snapshot);
    if (cached && cached.log === parts.log) return cached.encoded;
    // Copies (not transferred): the room keeps its stored bytes for joiners.
    const json = this.worker
      .call<Uint8Array>('preview', [parts.snapshot, parts.log])
      .then((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const encoded = new Encoded(json);
    this.fromStored.set(parts.snapshot, { log: parts.log, encoded });
    // A failed read is not kept: the next request tries again.
    json.catch(() => {
      if (this.fromStored.get(parts.snapshot)?.encoded === encoded)
        this.fromStored.delete(parts.snapshot);
    });
    return encoded;
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
