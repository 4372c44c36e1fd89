/**
 * Storage in PostgreSQL (DATABASE_URL), shared by several Pinnwand processes.
 *
 * Same layout as SQLite — workshops, one snapshot per document with its board
 * preview, the update log after it — plus one lease row per room (roomLeases.ts): `load` claims the
 * room for this process, `append` and `compact` are fenced on the claimed epoch
 * in their own transaction, `unload` releases it. Each room numbers its updates
 * itself (`workshops.last_seq`), so a room's log has no gaps, and every row
 * records the epoch it was written under.
 *
 * Group commit as with SQLite: all updates of one Committer tick, of any
 * number of rooms, go into ONE transaction (appendUpdates.ts). A database that
 * goes away fails the queries, the rooms close with 4507, and the pool
 * reconnects when it is back (pgPool.ts).
 *
 * This class is the Storage contract and the wiring; each part is in a file
 * of its own: the pool and transactions (pgPool.ts), the workshop records
 * (workshopRecords.ts), reading the stored state (storedDocument.ts), the
 * fence of every write (RoomFence.ts), the group commit (appendUpdates.ts),
 * compaction (compaction.ts), and the leases (roomLeases.ts, LeaseKeeper.ts).
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  type AppendEntry,
  type Compaction,
  type IdentityCount,
  RoomHeldElsewhere,
  type RoomLoss,
  type Storage,
  type StoredDocument,
  type StoredPreview,
  type WorkshopRecord,
} from '../Storage.ts';
import { CompactionThread } from '../threads/CompactionThread.ts';
import { appendUpdates } from './appendUpdates.ts';
import { compactRoom } from './compaction.ts';
import { LeaseKeeper } from './LeaseKeeper.ts';
import { migrate } from './migrations.ts';
import { openPool, transaction } from './pgPool.ts';
import { RoomFence } from './RoomFence.ts';
import { claimRoom, expireDeadLease, type LeaseInfo, leaseOf } from './roomLeases.ts';
import { readDocument, readPreview } from './storedDocument.ts';
import {
  countIdentity,
  deleteWorkshopRow,
  insertWorkshop,
  readWorkshop,
  workshopsIdleSince,
} from './workshopRecords.ts';

export interface PostgresStorageOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Most connections this process opens (the pool is bounded). */
  poolSize?: number;
  /** How long a room's lease lasts without renewal; a killed owner's rooms are free after this. */
  leaseMs?: number;
  /** This process's identity in the lease rows; random by default. */
  nodeId?: string;
  /** Where other processes reach this one (INTERNAL_URL); may be set later with `advertise`. */
  ownerUrl?: string;
  /** Clock stamping each workshop's last update (retention); Date.now by default. */
  now?: () => number;
  logger?: Logger;
}

export const DEFAULT_LEASE_MS = 3000;

export class PostgresStorage implements Storage {
  readonly leases: LeaseKeeper;
  private readonly roomFence: RoomFence;
  private readonly now: () => number;
  private closed = false;
  /** Compactions merge off the event loop. */
  private readonly merger = new CompactionThread();

  private constructor(
    private readonly pool: pg.Pool,
    options: PostgresStorageOptions,
    private readonly logger: Logger | undefined,
  ) {
    this.now = options.now ?? Date.now;
    this.leases = new LeaseKeeper(
      pool,
      {
        nodeId: options.nodeId ?? randomBytes(9).toString('base64url'),
        ownerUrl: options.ownerUrl ?? '',
        leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      },
      (err) => this.logger?.warn({ err }, 'renewing room leases failed'),
    );
    this.roomFence = new RoomFence(this.leases, logger);
  }

  /** Connects, creates or migrates the schema, and starts renewing leases. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const pool = openPool({
      url: options.url,
      poolSize: options.poolSize,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      logger: options.logger,
    });
    const storage = new PostgresStorage(pool, options, options.logger);
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    storage.leases.start();
    return storage;
  }

  get nodeId(): string {
    return this.leases.holder.nodeId;
  }

  /** Sets the address other processes reach this one at (INTERNAL_URL), before any room is claimed. */
  advertise(ownerUrl: string): void {
    this.leases.holder.ownerUrl = ownerUrl;
  }

  /** Who serves a room now, on the database's clock; null when nobody ever did. */
  lease(workshopId: string): Promise<LeaseInfo | null> {
    return leaseOf(this.pool, workshopId);
  }

  /**
   * Ends the lease of a room's owner that was found dead: its INTERNAL_URL
   * refuses connections (the caller saw that) and its heartbeat is stale (the
   * database checks that). Resolves to whether the lease was ended.
   */
  expireDeadLease(workshopId: string, epoch: number): Promise<boolean> {
    return expireDeadLease(this.pool, workshopId, epoch);
  }

  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    return transaction(this.pool, (db) => insertWorkshop(db, record, initialState));
  }

  getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return readWorkshop(this.pool, id);
  }

  countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount> {
    return transaction(this.pool, (db) => countIdentity(db, workshopId, limit, known));
  }

  /** Claims the room for this process and reads it, in one transaction. */
  async load(workshopId: string): Promise<StoredDocument> {
    const started = performance.now();
    const { holder } = this.leases;
    if (!holder.ownerUrl) throw new Error('PostgresStorage: advertise() the INTERNAL_URL first');
    return transaction(this.pool, async (db) => {
      const claim = await claimRoom(db, workshopId, holder);
      if (claim.kind === 'held') throw new RoomHeldElsewhere(workshopId, claim.ownerUrl);
      const stored = await readDocument(db, workshopId);
      if (claim.kind === 'claimed') {
        // Recorded before COMMIT resolves: a lease is never held without the keeper renewing it.
        this.leases.claimed(workshopId, claim.epoch, started);
      }
      return stored;
    });
  }

  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    return transaction(this.pool, (db) => appendUpdates(db, this.roomFence, entries, this.now()));
  }

  /**
   * Merges what is stored without holding any lock, then writes the new
   * snapshot and its board preview fenced, unless the snapshot changed
   * meanwhile (compaction.ts).
   */
  compact(workshopId: string): Promise<Compaction | null> {
    return compactRoom(this.pool, this.roomFence, this.merger, workshopId);
  }

  loadPreview(workshopId: string): Promise<StoredPreview | null> {
    return readPreview(this.pool, workshopId);
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    // Waits for a write of the room's owner in flight (row lock); its later writes find no lease.
    const deleted = await deleteWorkshopRow(this.pool, id);
    this.leases.lost(new Map<string, RoomLoss>([[id, 'deleted']]));
    return deleted;
  }

  workshopsIdleSince(cutoff: number): Promise<string[]> {
    return workshopsIdleSince(this.pool, cutoff);
  }

  async unload(workshopId: string): Promise<void> {
    await this.leases.release(workshopId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.leases.releaseAll();
    await this.pool.end();
    await this.merger.close();
  }
}
