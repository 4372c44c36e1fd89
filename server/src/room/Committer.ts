/**
 * Group commit. Rooms with something in their inbox mark themselves dirty; once
 * per event-loop tick (setImmediate, i.e. after all socket reads of that tick)
 * the Committer applies every dirty room's inbox, stores all resulting updates
 * of all rooms in ONE storage transaction, and only after it committed lets the
 * rooms relay them. One fsync per tick instead of one per keystroke.
 *
 * Everything that must see the document in its committed state — commits,
 * compactions, unloads — runs here one after another, never interleaved.
 */
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { Storage } from '../storage/Storage.ts';
import { type Batch, type Room, RoomCorrupted } from './Room.ts';
import { closeCodeForFailedCommit } from './roomLoss.ts';

type Task = () => Promise<void>;

export class Committer {
  private readonly dirty = new Set<Room>();
  private readonly tasks: Task[] = [];
  private scheduled = false;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  markDirty(room: Room): void {
    this.dirty.add(room);
    this.schedule();
  }

  /** Runs `task` in the serial pipeline, after the pending commit. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push(() => task().then(resolve, reject));
      this.schedule();
    });
  }

  /** Resolves when nothing is pending or running. */
  idle(): Promise<void> {
    if (!this.running && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => void this.loop());
  }

  private async loop(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (this.dirty.size > 0 || this.tasks.length > 0) {
        if (this.dirty.size > 0) await this.commitDirty();
        const task = this.tasks.shift();
        if (task) await task().catch(() => {});
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async commitDirty(): Promise<void> {
    const rooms = [...this.dirty];
    this.dirty.clear();
    const work: { room: Room; batch: Batch }[] = [];
    for (const room of rooms) {
      try {
        work.push({ room, batch: room.takeBatch() });
      } catch (err) {
        // Yjs threw half-way through: the document may hold unstored changes.
        room.fail(err instanceof RoomCorrupted ? 'serviceRestart' : 'internalError', err);
      }
    }
    const entries = work.flatMap(({ room, batch }) =>
      batch.updates.map((u) => ({ workshopId: room.id, update: u.bytes })),
    );
    let seqs: number[] = [];
    if (entries.length > 0) {
      const started = performance.now();
      try {
        seqs = await this.storage.append(entries);
      } catch (err) {
        this.metrics.storageErrors.inc();
        this.logger.error({ err, updates: entries.length }, 'storing updates failed');
        for (const { room, batch } of work) {
          if (batch.updates.length > 0) {
            this.metrics.rejected.inc({ reason: 'storage-failed' }, batch.updates.length);
            room.fail(closeCodeForFailedCommit(err, room.id), err, batch);
          } else {
            room.commit(batch, []);
          }
        }
        return;
      }
      this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
      this.metrics.persistBatchUpdates.observe(entries.length);
    }
    let offset = 0;
    for (const { room, batch } of work) {
      const mine = seqs.slice(offset, offset + batch.updates.length);
      offset += batch.updates.length;
      if (room.state !== 'ready') continue;
      room.commit(batch, mine);
      if (room.needsCompaction) this.tasks.push(() => this.compact(room));
    }
  }

  /** Has storage merge a room's log into a new snapshot. */
  async compact(room: Room): Promise<void> {
    if ((room.state !== 'ready' && room.state !== 'unloading') || room.logCount === 0) return;
    try {
      const compaction = await this.storage.compact(room.id);
      if (compaction) {
        room.compacted(compaction);
        this.metrics.compactions.inc();
      }
    } catch (err) {
      this.metrics.storageErrors.inc();
      this.logger.warn({ err, room: room.id }, 'compaction failed; the update log stays');
    }
  }
}
