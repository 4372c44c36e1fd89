/**
 * The CPU-heavy half of `Storage.compact` — merging a snapshot and its log
 * into a new snapshot and reading its board preview (compactState.ts) — in a
 * worker thread of its own, used by every backend: the event loop keeps
 * relaying, and for SQLite the database thread keeps committing, while a
 * large board is merged.
 */
import type { CompactedState } from '../compactState.ts';
import type { StoredDocument } from '../Storage.ts';
import { WorkerClient } from './WorkerClient.ts';
import { transferList } from './workerProtocol.ts';

export class CompactionThread {
  private readonly worker = new WorkerClient('compactionWorker', null);

  /** The merged state and its preview. Takes the stored bytes over: `stored` must not be used afterwards. */
  merge(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): Promise<CompactedState> {
    const args = [stored.snapshot, stored.updates];
    return this.worker.call<CompactedState>('merge', args, transferList(args));
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
