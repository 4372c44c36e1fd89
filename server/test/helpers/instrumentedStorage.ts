// Wraps a Storage to count calls, delay loads and appends or fail appends on demand.
import type {
  AppendEntry,
  Compaction,
  IdentityCount,
  Storage,
  StoredDocument,
  StoredPreview,
  WorkshopRecord,
} from '../../src/storage/Storage.ts';

export class InstrumentedStorage implements Storage {
  loads = 0;
  appends = 0;
  compactions = 0;
  loadDelayMs = 0;
  compactDelayMs = 0;
  /** Holds every append this long before it goes to storage (a commit in flight). */
  appendDelayMs = 0;
  compacting = false;
  failAppends = false;

  constructor(private readonly inner: Storage) {}

  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    return this.inner.createWorkshop(record, initialState);
  }
  getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return this.inner.getWorkshop(id);
  }
  countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount> {
    return this.inner.countIdentity(workshopId, limit, known);
  }
  async load(workshopId: string): Promise<StoredDocument> {
    this.loads += 1;
    if (this.loadDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs));
    return this.inner.load(workshopId);
  }
  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    this.appends += 1;
    // Decided when the append starts, as a real failure of this transaction would be.
    const fail = this.failAppends;
    if (this.appendDelayMs > 0) await new Promise((r) => setTimeout(r, this.appendDelayMs));
    if (fail) throw new Error('SQLITE_FULL: database or disk is full (simulated)');
    return this.inner.append(entries);
  }
  async compact(workshopId: string): Promise<Compaction | null> {
    this.compactions += 1;
    this.compacting = true;
    try {
      if (this.compactDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.compactDelayMs));
      }
      return await this.inner.compact(workshopId);
    } finally {
      this.compacting = false;
    }
  }
  loadPreview(workshopId: string): Promise<StoredPreview | null> {
    return this.inner.loadPreview(workshopId);
  }
  deleteWorkshop(id: string): Promise<boolean> {
    return this.inner.deleteWorkshop(id);
  }
  workshopsIdleSince(cutoff: number): Promise<string[]> {
    return this.inner.workshopsIdleSince(cutoff);
  }
  unload(workshopId: string): Promise<void> {
    return this.inner.unload(workshopId);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
