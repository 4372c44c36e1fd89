/**
 * Group commit, pipelined. Rooms with something in their inbox mark themselves
 * dirty; once per event-loop tick (setImmediate, i.e. after all socket reads of
 * that tick) the Committer applies every dirty room's inbox and queues what it
 * produced. All queued updates of all rooms go to storage in ONE `append`, and
 * only once that append resolved — the commit, with SQLite FULL its fsync,
 * returned — are they relayed. One fsync per round instead of one per
 * keystroke, and nobody ever receives an update that is not stored.
 *
 * Storage works off the event loop (a worker thread for SQLite, the network
 * for PostgreSQL), so the three stages overlap: while round N is being
 * committed, the ticks that follow are read and applied into round N+1; once
 * N is stored, N+1's commit starts first and N is relayed while it runs. At
 * most one `append` is in flight, so commits land in the order the updates
 * were applied, and rounds are relayed in that order. A storage that
 * `pipelinesAppends` (SQLite) is handed the next round while one is being
 * committed (PIPELINE_DEPTH) — it keeps their order and starts the next
 * commit as soon as one returned, with no round trip to this thread in
 * between — and rounds are still relayed strictly in order.
 *
 * Because applying runs ahead of storage, a room's document may hold updates
 * that are not stored yet. Nothing is read from it for a client after the fact:
 * answers to sync requests are encoded when their tick is applied and sent only
 * after that tick's round committed (Room.takeBatch). If a commit fails, its
 * rooms fail (close with 4507, reload from storage) and whatever they had
 * queued for the next round is dropped, never stored or relayed (a pipelining
 * storage fails the rounds already handed to it behind the failed one).
 *
 * Tasks (`run`: deleting a workshop, losing a room, starting an unload) are
 * barriers: each runs between two commits, with none in flight. Compactions
 * need none (Storage.compact works on what is stored) and run beside commits.
 */
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { Storage } from '../storage/Storage.ts';
import { type Batch, RoomCorrupted } from './Batch.ts';
import type { Room } from './Room.ts';
import { RoomFailed } from './RoomFailed.ts';
import { closeCodeForFailedCommit } from './roomLoss.ts';

type Task = () => Promise<void>;

/**
 * Rounds a pipelining storage holds at most: the one being committed and the
 * next, which its thread starts as soon as the first returned. Not more:
 * what arrives meanwhile keeps collecting into one round here, so that a slow
 * commit still yields one larger round — one stored row and ONE relayed frame
 * per room and recipient (Room.takeBatch) — instead of a frame per tick; the
 * fan-out, one send per recipient and frame, is what costs under load.
 */
const PIPELINE_DEPTH = 2;

interface Work {
  room: Room;
  batch: Batch;
}

export class Committer {
  private readonly dirty = new Set<Room>();
  /** Applied, waiting for the commit in flight: the next round. */
  private queued: Work[] = [];
  /** The rounds being committed, oldest first (more than one only with a pipelining storage). */
  private inFlight: Work[][] = [];
  /** Settles once the newest round handed to storage was relayed (or failed). */
  private relayed: Promise<void> = Promise.resolve();
  private taskRunning = false;
  private readonly tasks: Task[] = [];
  private readonly compacting = new Map<Room, Promise<void>>();
  private scheduled = false;
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

  /** Runs `task` between two commits, with none in flight (a barrier). */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push(() => task().then(resolve, reject));
      this.schedule();
    });
  }

  /** Whether the room has updates applied or being committed (not yet relayed). */
  holds(room: Room): boolean {
    return (
      this.dirty.has(room) ||
      this.queued.some((w) => w.room === room) ||
      this.inFlight.some((round) => round.some((w) => w.room === room))
    );
  }

  /** Resolves when nothing is dirty, queued, being committed, compacted or run. */
  idle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private get isIdle(): boolean {
    return (
      !this.scheduled &&
      this.dirty.size === 0 &&
      this.queued.length === 0 &&
      this.inFlight.length === 0 &&
      !this.taskRunning &&
      this.tasks.length === 0 &&
      this.compacting.size === 0
    );
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Applies what arrived, then starts the next task or commit if the pipeline is free. */
  private pump(): void {
    this.apply();
    if (!this.taskRunning) {
      if (this.tasks.length > 0) {
        // A barrier: no new commit starts while it waits for those in flight.
        if (this.inFlight.length === 0) {
          const task = this.tasks.shift()!;
          this.taskRunning = true;
          void task()
            .catch(() => {})
            .finally(() => {
              this.taskRunning = false;
              this.pump();
            });
        }
      } else if (this.queued.length > 0 && this.mayCommit) {
        this.commit();
      }
    }
    this.notifyIdle();
  }

  /** Whether another round may be handed to storage now. */
  private get mayCommit(): boolean {
    const depth = this.storage.pipelinesAppends === true ? PIPELINE_DEPTH : 1;
    return this.inFlight.length < depth;
  }

  /** Applies every dirty room's inbox into the next round. */
  private apply(): void {
    if (this.dirty.size === 0) return;
    const rooms = [...this.dirty];
    this.dirty.clear();
    for (const room of rooms) {
      if (room.log.awaitsShrinking && this.compacting.has(room)) {
        // Its document is full and shrinks once this compaction is stored: wait for it.
        this.dirty.add(room);
        continue;
      }
      try {
        this.queued.push({ room, batch: room.takeBatch() });
      } catch (err) {
        // Yjs threw half-way through: the document may hold unstored changes.
        room.fail(err instanceof RoomCorrupted ? 'serviceRestart' : 'internalError', err);
      }
    }
  }

  private commit(): void {
    const round = this.queued;
    this.queued = [];
    const live: Work[] = [];
    for (const work of round) {
      if (work.room.state === 'ready') live.push(work);
      else {
        // Failed, deleted or lost since it was applied: nothing of it is stored or sent.
        const err =
          work.room.state === 'failed'
            ? new RoomFailed(work.room.id)
            : new Error(`room ${work.room.id} is no longer loaded`);
        for (const reject of work.batch.failed) reject(err);
      }
    }
    this.inFlight.push(live);
    const previous = this.relayed;
    this.relayed = this.store(live, previous).finally(() => {
      this.settle(live);
      this.pump();
    });
  }

  private settle(round: Work[]): void {
    const i = this.inFlight.indexOf(round);
    if (i !== -1) this.inFlight.splice(i, 1);
  }

  /**
   * Starts the commit of the round applied meanwhile right away (from a stored
   * round's continuation), unless a task waits: tasks run with nothing in
   * flight and after the stored round was relayed, so they go through `pump`
   * as before. Nothing is applied here: a room that failed while applying
   * would miss the relay and acknowledgements of the round just stored.
   */
  private commitNext(): void {
    if (this.taskRunning || this.tasks.length > 0) return;
    if (this.queued.length > 0 && this.mayCommit) this.commit();
  }

  /** Stores a round, then relays it once `previous` (the round before) was relayed. */
  private async store(round: Work[], previous: Promise<void>): Promise<void> {
    const entries = round.flatMap(({ room, batch }) =>
      batch.updates.map((u) => ({ workshopId: room.id, update: u.bytes })),
    );
    let seqs: number[] = [];
    if (entries.length > 0) {
      const started = performance.now();
      let failure: { err: unknown } | null = null;
      try {
        seqs = await this.storage.append(entries);
        this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
        this.metrics.persistBatchUpdates.observe(entries.length);
      } catch (err) {
        failure = { err };
      }
      // Rounds are relayed, failed and answered in the order they were applied.
      await previous;
      if (failure) {
        const { err } = failure;
        this.metrics.storageErrors.inc();
        this.logger.error({ err, updates: entries.length }, 'storing updates failed');
        for (const { room, batch } of round) {
          if (room.state !== 'ready') {
            // Failed by an earlier round (this one was handed to a pipelining storage behind it).
            for (const reject of batch.failed) reject(new RoomFailed(room.id, err));
          } else if (batch.updates.length > 0) {
            this.metrics.rejected.inc({ reason: 'storage-failed' }, batch.updates.length);
            room.fail(closeCodeForFailedCommit(err, room.id), err, batch);
          } else if (room.state === 'ready') {
            room.commit(batch, []);
          }
        }
        return;
      }
    } else {
      // Nothing to store (only answers to send): sent after the round before it.
      await previous;
    }
    // Stored: the next round's commit starts now (when it waited for this one),
    // before this one is relayed, so that the fan-out below (one send per
    // connection) overlaps its fsync instead of delaying it. Relays stay in
    // commit order: the next round's answer can only arrive after this
    // synchronous pass.
    this.settle(round);
    this.commitNext();
    let offset = 0;
    for (const { room, batch } of round) {
      const mine = seqs.slice(offset, offset + batch.updates.length);
      offset += batch.updates.length;
      if (room.state !== 'ready') continue;
      room.commit(batch, mine);
      if (room.log.needsCompaction) void this.compact(room);
    }
  }

  /**
   * Has storage merge a room's log into a new snapshot, beside the commits; one
   * compaction per room at a time (a second call waits for the running one).
   */
  compact(room: Room): Promise<void> {
    const running = this.compacting.get(room);
    if (running) return running;
    const done = this.runCompaction(room).then((ok) => {
      this.compacting.delete(room);
      // Commits went on meanwhile: their log may already call for the next one
      // (when none was stored, the next commit tries again: no loop here).
      if (ok && room.state === 'ready' && room.log.needsCompaction) void this.compact(room);
      // Rooms held back for this compaction (awaitsShrinking) are applied now.
      if (this.dirty.size > 0) this.schedule();
      this.notifyIdle();
    });
    this.compacting.set(room, done);
    return done;
  }

  /** Waits for a compaction of the room that is running, if any. */
  compacted(room: Room): Promise<void> {
    return this.compacting.get(room) ?? Promise.resolve();
  }

  /** Whether a new snapshot was stored. */
  private async runCompaction(room: Room): Promise<boolean> {
    if ((room.state !== 'ready' && room.state !== 'unloading') || room.log.logCount === 0)
      return false;
    try {
      const compaction = await this.storage.compact(room.id);
      if (compaction) {
        room.log.compacted(compaction);
        this.metrics.compactions.inc();
      }
      return compaction !== null;
    } catch (err) {
      this.metrics.storageErrors.inc();
      this.logger.warn({ err, room: room.id }, 'compaction failed; the update log stays');
      return false;
    }
  }

  private notifyIdle(): void {
    if (!this.isIdle || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
