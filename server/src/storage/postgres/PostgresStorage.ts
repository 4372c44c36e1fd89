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
 * number of rooms, go into ONE transaction of five statements. PostgreSQL's
 * default `synchronous_commit = on` flushes the WAL before COMMIT returns, so
 * an update is durable before anyone sees it relayed.
 *
 * node-postgres (`pg`, pure JavaScript) with a bounded pool; its `error`
 * events are logged, never thrown: a database that goes away fails the
 * queries, the rooms close with 4507, and the pool reconnects when it is back.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@pinnwand/shared/protocol/roles';
import pg from 'pg';
import type { Logger } from 'pino';
import {
  type AppendEntry,
  type Compaction,
  type IdentityCount,
  RoomHeldElsewhere,
  type RoomLoss,
  RoomsLost,
  type Storage,
  type StoredDocument,
  type StoredPreview,
  type WorkshopRecord,
} from '../Storage.ts';
import { CompactionThread } from '../threads/CompactionThread.ts';
import { LeaseKeeper } from './LeaseKeeper.ts';
import { migrate } from './migrations.ts';
import {
  claimRoom,
  expireDeadLease,
  fence,
  type LeaseInfo,
  leaseOf,
  type Queryable,
} from './roomLeases.ts';

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

interface WorkshopRow {
  id: string;
  title: string;
  created_at: string;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  viewer_hash: Buffer;
  sealed_invites: Buffer | null;
}

export const DEFAULT_LEASE_MS = 3000;

export class PostgresStorage implements Storage {
  readonly leases: LeaseKeeper;
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
  }

  /** Connects, creates or migrates the schema, and starts renewing leases. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: 'pinnwand',
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      // A query that hangs (network gone) must not stall the commit pipeline for ever.
      query_timeout: 15_000,
      statement_timeout: 15_000,
      lock_timeout: 10_000,
      // A paused or cut-off owner must not keep its row locks past its lease.
      idle_in_transaction_session_timeout: Math.max(1000, leaseMs),
    });
    // Errors of idle connections (the server went away) arrive here; without a
    // listener they would crash the process. The next query reconnects.
    pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection failed'));
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

  private async transaction<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out connection that breaks between two queries emits `error`; the query fails anyway.
    const ignore = () => {};
    client.on('error', ignore);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw err;
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  async createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    await this.transaction(async (db) => {
      await db.query(
        `INSERT INTO workshops (id, title, created_at, facilitator_hash, participant_hash,
           viewer_hash, sealed_invites, last_update_at, identities_issued)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $3, 0)`,
        [
          record.id,
          record.title,
          record.createdAt,
          record.tokenHashes.facilitator,
          record.tokenHashes.participant,
          record.tokenHashes.viewer,
          record.sealedInvites ?? null,
        ],
      );
      await db.query(
        'INSERT INTO snapshots (workshop_id, seq, epoch, data) VALUES ($1, 0, 0, $2)',
        [record.id, Buffer.from(initialState)],
      );
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const { rows } = await this.pool.query<WorkshopRow>({
      name: 'pinnwand-get-workshop',
      text: `SELECT id, title, created_at, facilitator_hash, participant_hash, viewer_hash, sealed_invites
             FROM workshops WHERE id = $1`,
      values: [id],
    });
    const row = rows[0];
    if (!row) return null;
    const tokenHashes: Record<Role, Buffer> = {
      facilitator: row.facilitator_hash,
      participant: row.participant_hash,
      viewer: row.viewer_hash,
    };
    return {
      id: row.id,
      title: row.title,
      createdAt: Number(row.created_at),
      tokenHashes,
      sealedInvites: row.sealed_invites,
    };
  }

  countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount> {
    return this.transaction(async (db): Promise<IdentityCount> => {
      const { rows } = await db.query<{ identities_issued: number | null }>(
        'SELECT identities_issued FROM workshops WHERE id = $1 FOR UPDATE',
        [workshopId],
      );
      const row = rows[0];
      const issued = row?.identities_issued ?? known;
      if (!row || issued === null) return 'unknown';
      if (limit !== null && issued >= limit) return 'full';
      await db.query('UPDATE workshops SET identities_issued = $2 WHERE id = $1', [
        workshopId,
        issued + 1,
      ]);
      return 'counted';
    });
  }

  /** Claims the room for this process and reads it, in one transaction. */
  async load(workshopId: string): Promise<StoredDocument> {
    const started = performance.now();
    const { holder } = this.leases;
    if (!holder.ownerUrl) throw new Error('PostgresStorage: advertise() the INTERNAL_URL first');
    return this.transaction(async (db) => {
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
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.workshopId, (counts.get(e.workshopId) ?? 0) + 1);
    return this.transaction(async (db) => {
      const epochs = await this.fenced(db, [...counts.keys()]);
      const ids = [...counts.keys()];
      const { rows } = await db.query<{ id: string; last_seq: string }>({
        name: 'pinnwand-bump-seq',
        text: `UPDATE workshops AS w SET last_seq = w.last_seq + c.n, last_update_at = $3
               FROM unnest($1::text[], $2::int4[]) AS c (id, n)
               WHERE w.id = c.id
               RETURNING w.id, w.last_seq`,
        values: [ids, ids.map((id) => counts.get(id)!), this.now()],
      });
      // Each room's new entries take the numbers right after its previous last one.
      const next = new Map(
        rows.map((r) => [r.id, Number(r.last_seq) - counts.get(r.id)! + 1] as const),
      );
      const seqs = entries.map((e) => {
        const seq = next.get(e.workshopId)!;
        next.set(e.workshopId, seq + 1);
        return seq;
      });
      await db.query({
        name: 'pinnwand-insert-updates',
        text: `INSERT INTO updates (workshop_id, seq, epoch, data)
               SELECT * FROM unnest($1::text[], $2::int8[], $3::int8[], $4::bytea[])`,
        values: [
          entries.map((e) => e.workshopId),
          seqs,
          entries.map((e) => epochs.get(e.workshopId)!),
          entries.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.length)),
        ],
      });
      return seqs;
    });
  }

  /**
   * Merges what is stored (compactState.ts, in the compaction thread) without
   * holding any lock, then writes the new snapshot and its board preview
   * fenced, unless the snapshot changed meanwhile.
   */
  async compact(workshopId: string): Promise<Compaction | null> {
    const stored = await this.transaction((db) => readDocument(db, workshopId, true));
    if (stored.updates.length === 0) return null;
    const { lastSeq, snapshotSeq } = stored;
    const { state, preview } = await this.merger.merge(stored);
    return this.transaction(async (db) => {
      const epoch = (await this.fenced(db, [workshopId])).get(workshopId)!;
      const replaced = await db.query({
        name: 'pinnwand-replace-snapshot',
        text: `UPDATE snapshots SET seq = $2, epoch = $3, data = $4
               WHERE workshop_id = $1 AND seq = $5`,
        values: [workshopId, lastSeq, epoch, asBuffer(state), snapshotSeq],
      });
      // Compacted by someone else since the log was read: leave it.
      if (replaced.rowCount === 0) return null;
      await db.query({
        name: 'pinnwand-drop-compacted',
        text: 'DELETE FROM updates WHERE workshop_id = $1 AND seq <= $2',
        values: [workshopId, lastSeq],
      });
      if (preview) {
        await db.query({
          name: 'pinnwand-store-preview',
          text: `INSERT INTO board_previews (workshop_id, seq, format, data) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (workshop_id) DO UPDATE
                   SET seq = excluded.seq, format = excluded.format, data = excluded.data`,
          values: [workshopId, lastSeq, preview.format, asBuffer(preview.gzipped)],
        });
      } else {
        // The previous one shows an older state.
        await db.query({
          name: 'pinnwand-drop-preview',
          text: 'DELETE FROM board_previews WHERE workshop_id = $1',
          values: [workshopId],
        });
      }
      return { upToSeq: lastSeq, snapshotBytes: state.length };
    });
  }

  async loadPreview(workshopId: string): Promise<StoredPreview | null> {
    const { rows } = await this.pool.query<{ seq: string; format: string; data: Buffer }>({
      name: 'pinnwand-read-preview',
      text: 'SELECT seq, format, data FROM board_previews WHERE workshop_id = $1',
      values: [workshopId],
    });
    const row = rows[0];
    return row ? { upToSeq: Number(row.seq), format: row.format, gzipped: row.data } : null;
  }

  /**
   * The fence of a write: locks the rooms and checks their leases; resolves to
   * the epoch of each room, or rejects with RoomsLost. A room this process
   * never loaded is claimed here if nobody else holds it (a write, like a
   * load, makes a process the room's owner); one taken from it is not.
   */
  private async fenced(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
    const started = performance.now();
    const { holder } = this.leases;
    for (const id of ids) {
      if (this.leases.epochOf(id) !== undefined || this.leases.wasTaken(id)) continue;
      if (!holder.ownerUrl) throw new Error('PostgresStorage: advertise() the INTERNAL_URL first');
      const claim = await claimRoom(db, id, holder);
      if (claim.kind === 'claimed') this.leases.claimed(id, claim.epoch, started);
    }
    const epochs = this.leases.epochs(ids);
    const lost = await fence(db, ids, epochs, holder.nodeId);
    if (lost.size > 0) {
      this.leases.lost(lost);
      // Told here as well as at a renewal (ClusterNode): whichever finds out first, the
      // write fails and the room closes through the commit pipeline.
      for (const [id, loss] of lost) {
        this.logger?.warn({ room: id, loss }, 'this process no longer holds the room');
      }
      throw new RoomsLost(lost);
    }
    return epochs;
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    // Waits for a write of the room's owner in flight (row lock); its later writes find no lease.
    const { rowCount } = await this.pool.query('DELETE FROM workshops WHERE id = $1', [id]);
    this.leases.lost(new Map<string, RoomLoss>([[id, 'deleted']]));
    return (rowCount ?? 0) > 0;
  }

  async workshopsIdleSince(cutoff: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM workshops WHERE last_update_at < $1 ORDER BY id',
      [cutoff],
    );
    return rows.map((r) => r.id);
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

/** A Buffer over the same memory (node-postgres sends Buffers as bytea). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * Snapshot plus the log after it, as StoredDocument (with the snapshot's own
 * sequence number); inside the caller's transaction. `consistent`: read both in
 * one snapshot of the database (REPEATABLE READ), for a caller that holds no lock.
 */
async function readDocument(
  db: Queryable,
  workshopId: string,
  consistent = false,
): Promise<StoredDocument & { snapshotSeq: number }> {
  if (consistent) await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const snap = await db.query<{ seq: string; data: Buffer }>({
    name: 'pinnwand-read-snapshot',
    text: 'SELECT seq, data FROM snapshots WHERE workshop_id = $1',
    values: [workshopId],
  });
  const after = Number(snap.rows[0]?.seq ?? 0);
  const log = await db.query<{ seq: string; data: Buffer }>({
    name: 'pinnwand-read-log',
    text: 'SELECT seq, data FROM updates WHERE workshop_id = $1 AND seq > $2 ORDER BY seq',
    values: [workshopId, after],
  });
  let logBytes = 0;
  for (const row of log.rows) logBytes += row.data.length;
  const last = log.rows[log.rows.length - 1];
  const snapshot = snap.rows[0]?.data;
  return {
    snapshot: snapshot ? new Uint8Array(snapshot) : null,
    updates: log.rows.map((r) => new Uint8Array(r.data)),
    lastSeq: last ? Number(last.seq) : after,
    snapshotBytes: snapshot?.length ?? 0,
    logBytes,
    snapshotSeq: after,
  };
}
