/**
 * The leases this process holds, kept alive. Every third of the lease time one
 * statement renews all of them; a room whose lease is not renewed any more was
 * taken over or deleted, and is reported lost. When the database cannot be
 * reached, a room is reported lost once its lease may have run out (counted
 * from the start of its last successful renewal, on this process's clock, so
 * never later than the database sees it expire).
 */
import type pg from 'pg';
import type { RoomLoss } from '../Storage.ts';
import { deletedOf, type Holder, releaseLease, renewLeases } from './roomLeases.ts';

interface Held {
  epoch: number;
  /** performance.now() until which the lease is surely still ours. */
  validUntil: number;
}

export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  /** Rooms taken from this process: a write never claims them implicitly again, only a load. */
  private readonly takenFromUs = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> = Promise.resolve();
  /** Called with the rooms this process lost since the last call. */
  onLost: (rooms: ReadonlyMap<string, RoomLoss>) => void = () => {};

  constructor(
    private readonly pool: pg.Pool,
    readonly holder: Holder,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    let inFlight = false;
    this.timer = setInterval(
      () => {
        // A renewal waiting for an unreachable database must not pile up more behind it.
        if (inFlight) return;
        inFlight = true;
        this.renewing = this.renewing
          .then(() => this.renew())
          .finally(() => {
            inFlight = false;
          });
      },
      Math.max(50, Math.floor(this.holder.leaseMs / 3)),
    );
    this.timer.unref();
  }

  /** Stops renewing; resolves once a renewal in flight is done (its lease then runs from it). */
  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.renewing;
  }

  get size(): number {
    return this.held.size;
  }

  epochOf(id: string): number | undefined {
    return this.held.get(id)?.epoch;
  }

  /** Epochs of the given rooms that are held (rooms not held are absent). */
  epochs(ids: Iterable<string>): Map<string, number> {
    const out = new Map<string, number>();
    for (const id of ids) {
      const held = this.held.get(id);
      if (held) out.set(id, held.epoch);
    }
    return out;
  }

  wasTaken(id: string): boolean {
    return this.takenFromUs.has(id);
  }

  /** Records a claim that committed; `startedAt` is performance.now() before it was sent. */
  claimed(id: string, epoch: number, startedAt: number): void {
    this.takenFromUs.delete(id);
    this.held.set(id, { epoch, validUntil: startedAt + this.holder.leaseMs });
  }

  /** A write found these rooms lost: stop holding them. */
  lost(rooms: ReadonlyMap<string, RoomLoss>): void {
    for (const [id, why] of rooms) {
      this.held.delete(id);
      if (why === 'taken') this.takenFromUs.add(id);
    }
  }

  /** Gives a room up (unload): its lease ends now, so another process may claim it at once. */
  async release(id: string): Promise<void> {
    await this.renewing;
    const held = this.held.get(id);
    if (!held) return;
    this.held.delete(id);
    await releaseLease(this.pool, id, held.epoch, this.holder.nodeId).catch(this.onError);
  }

  async releaseAll(): Promise<void> {
    await this.stop();
    await Promise.all([...this.held.keys()].map((id) => this.release(id)));
  }

  /** One renewal round (also called by tests to not wait for the timer). */
  async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const started = performance.now();
    const asked = new Map([...this.held].map(([id, h]) => [id, h.epoch] as const));
    let renewed: Set<string>;
    try {
      renewed = await renewLeases(this.pool, asked, this.holder);
    } catch (err) {
      this.onError(err);
      const now = performance.now();
      const expired = new Map<string, RoomLoss>();
      for (const [id, held] of this.held)
        if (held.validUntil <= now) expired.set(id, 'unreachable');
      this.report(expired);
      return;
    }
    const stillAsked = (id: string) => this.held.get(id)?.epoch === asked.get(id);
    const missing: string[] = [];
    for (const id of asked.keys()) {
      if (!stillAsked(id)) continue;
      if (renewed.has(id)) this.held.get(id)!.validUntil = started + this.holder.leaseMs;
      else missing.push(id);
    }
    if (missing.length === 0) return;
    const deleted = await deletedOf(this.pool, missing).catch(() => new Set<string>());
    const lost = new Map<string, RoomLoss>();
    for (const id of missing) {
      if (stillAsked(id)) lost.set(id, deleted.has(id) ? 'deleted' : 'taken');
    }
    this.report(lost);
  }

  private report(lost: Map<string, RoomLoss>): void {
    if (lost.size === 0) return;
    this.lost(lost);
    this.onLost(lost);
  }
}
