// Wraps a Storage to count calls, delay loads and appends, hold or fail appends on demand.
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
  /** Called once, right after the next identity count is answered and before its caller goes on. */
  afterNextCount: (() => void) | null = null;
  /** While held, appends wait here before going on (or failing): a commit in flight the test ends. */
  private appendGate: Promise<void> | null = null;
  private openAppendGate: (() => void) | null = null;

  constructor(private readonly inner: Storage) {}

  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    return this.inner.createWorkshop(record, initialState);
  }
  getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return this.inner.getWorkshop(id);
  }
  async countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount> {
    const count = await this.inner.countIdentity(workshopId, limit, known);
    const after = this.afterNextCount;
    this.afterNextCount = null;
    after?.();
    return count;
  }
  /** Appends from now on wait until `releaseAppends`. */
  holdAppends(): void {
    this.appendGate = new Promise((resolve) => {
      this.openAppendGate = resolve;
    });
  }
  releaseAppends(): void {
    this.openAppendGate?.();
    this.appendGate = null;
    this.openAppendGate = null;
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
    if (this.appendGate) await this.appendGate;
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
