/**
 * Markdown, CSV and JSON exports over HTTP, written in a thread of their own
 * (exportWorker.ts), one at a time: any link, a viewer's too, may ask for
 * them as often and in as many variants (`lang`, `license`) as it likes, and
 * a large workshop's Markdown takes seconds to write. On the event loop a
 * handful of such requests froze every workshop on the server. At most
 * `maxWaiting` more wait (beyond: QueueFull, answered 503), and a waiting
 * request holds no copy of the document: its state is encoded when its turn
 * comes, once per version of the document (encoding a large one takes tens of
 * milliseconds on the event loop), and copied to the thread.
 */
import type { ExportOptions } from '@pinnwand/shared/export/exportOptions';
import * as Y from 'yjs';
import { WorkerClient } from '../storage/threads/WorkerClient.ts';
import type { TextExport, TextExportFormat } from './textExport.ts';
import { WorkQueue } from './WorkQueue.ts';

export class ExportThread {
  private readonly worker = new WorkerClient('exportWorker', null);
  private readonly queue: WorkQueue;
  /** Each loaded document's encoded state, until it changes (see BoardPreviewCache). */
  private readonly states = new WeakMap<Y.Doc, Uint8Array>();
  private readonly watched = new WeakSet<Y.Doc>();

  constructor(maxWaiting: number) {
    this.queue = new WorkQueue(1, maxWaiting);
  }

  /** Rejects with QueueFull when too many exports wait already. */
  render(
    state: (thread: ExportThread) => Promise<Uint8Array>,
    format: TextExportFormat,
    options: ExportOptions,
    fallbackTitle: string,
  ): Promise<TextExport> {
    return this.queue.run(async () => {
      const args = [await state(this), format, options, fallbackTitle];
      return this.worker.call<TextExport>('render', args);
    });
  }

  /** The document's state as one update, encoded once per version. */
  stateOf(doc: Y.Doc): Uint8Array {
    let state = this.states.get(doc);
    if (!state) {
      this.watch(doc);
      state = Y.encodeStateAsUpdate(doc);
      this.states.set(doc, state);
    }
    return state;
  }

  private watch(doc: Y.Doc): void {
    if (this.watched.has(doc)) return;
    this.watched.add(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) {
        this.states.delete(doc);
      }
    });
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
