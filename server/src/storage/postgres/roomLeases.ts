/**
 * Room ownership in PostgreSQL: one lease row per room, with an epoch.
 *
 * - A process claims a room when it loads it: it takes the room's workshop row
 *   lock, then takes the lease if it is free, expired or its own, raising the
 *   epoch. A lease held under this process's own address belongs to an earlier
 *   run of it (two live processes cannot listen on one address: INTERNAL_URL
 *   must be unique), so a restarted process takes its rooms back at once. The lock makes the claim wait for a write of the previous owner that
 *   is still in flight, so the load that follows sees everything it stored.
 * - Every write (append, compaction) takes the same row locks, in a fixed
 *   order, and checks in its own transaction that the lease still carries the
 *   epoch this process claimed (`fence`). Once another process has claimed the
 *   room, the old owner's writes are refused, however long it was paused.
 * - The owner renews all its leases in one statement every third of the lease
 *   time (`LeaseKeeper`); a room whose lease it no longer finds is lost (taken
 *   over or deleted) and must be dropped.
 * - A dead owner's lease may be ended before it runs out (`expireDeadLease`),
 *   so that its rooms are taken over within about a second instead of the
 *   whole lease time: when its heartbeat is stale (no renewal for half the
 *   lease, while it renews every third) AND its INTERNAL_URL refuses
 *   connections (RoomRouter checks that; a paused or busy process still
 *   accepts them, a process shutting down still renews). Either sign alone may
 *   mislead; both together mean the process is gone. Ending a lease early never
 *   weakens fencing: a claim raises the epoch, and every write of the old
 *   owner checks it, however the lease ended.
 *
 * Lease times are the database's clock (`clock_timestamp()`), so the processes'
 * clocks need not agree.
 */
import type pg from 'pg';
import type { RoomLoss } from '../Storage.ts';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export type Claim =
  | { kind: 'claimed'; epoch: number }
  | { kind: 'absent' }
  | { kind: 'held'; ownerUrl: string };

export interface Holder {
  nodeId: string;
  ownerUrl: string;
  leaseMs: number;
}

/** Claims a room inside the caller's transaction (see the module comment). */
export async function claimRoom(db: Queryable, id: string, holder: Holder): Promise<Claim> {
  const locked = await db.query('SELECT 1 FROM workshops WHERE id = $1 FOR NO KEY UPDATE', [id]);
  if (locked.rowCount === 0) return { kind: 'absent' };
  const claimed = await db.query<{ epoch: string }>({
    name: 'pinnwand-claim',
    text: `INSERT INTO room_leases AS l (workshop_id, epoch, owner_id, owner_url, expires_at, renewed_at)
           VALUES ($1, 1, $2, $3, clock_timestamp() + $4 * interval '1 millisecond', clock_timestamp())
           ON CONFLICT (workshop_id) DO UPDATE
             SET epoch = l.epoch + 1, owner_id = EXCLUDED.owner_id,
                 owner_url = EXCLUDED.owner_url, expires_at = EXCLUDED.expires_at,
                 renewed_at = EXCLUDED.renewed_at
             WHERE l.expires_at <= clock_timestamp() OR l.owner_id = $2 OR l.owner_url = $3
           RETURNING epoch`,
    values: [id, holder.nodeId, holder.ownerUrl, holder.leaseMs],
  });
  if (claimed.rows[0]) return { kind: 'claimed', epoch: Number(claimed.rows[0].epoch) };
  const owner = await db.query<{ owner_url: string }>(
    'SELECT owner_url FROM room_leases WHERE workshop_id = $1',
    [id],
  );
  return { kind: 'held', ownerUrl: owner.rows[0]?.owner_url ?? '' };
}

/**
 * Locks the rooms' workshop rows (sorted: two transactions never wait on each
 * other in a cycle) and checks each lease against the epoch held; resolves to
 * the rooms that are no longer this process's. Inside the caller's transaction.
 */
export async function fence(
  db: Queryable,
  ids: readonly string[],
  epochs: ReadonlyMap<string, number>,
  nodeId: string,
): Promise<Map<string, RoomLoss>> {
  const sorted = [...ids].sort();
  const present = new Set(
    (
      await db.query<{ id: string }>({
        name: 'pinnwand-lock-rooms',
        text: 'SELECT id FROM workshops WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE',
        values: [sorted],
      })
    ).rows.map((r) => r.id),
  );
  const leases = new Map(
    (
      await db.query<{ workshop_id: string; epoch: string; owner_id: string }>({
        name: 'pinnwand-leases',
        text: 'SELECT workshop_id, epoch, owner_id FROM room_leases WHERE workshop_id = ANY($1)',
        values: [sorted],
      })
    ).rows.map((r) => [r.workshop_id, r] as const),
  );
  const lost = new Map<string, RoomLoss>();
  for (const id of sorted) {
    const lease = leases.get(id);
    if (!present.has(id)) lost.set(id, 'deleted');
    else if (!lease || lease.owner_id !== nodeId || Number(lease.epoch) !== epochs.get(id)) {
      lost.set(id, 'taken');
    }
  }
  return lost;
}

export interface LeaseInfo {
  ownerId: string;
  ownerUrl: string;
  epoch: number;
  /** Unexpired on the database's clock. */
  live: boolean;
  /** Until it expires, on the database's clock (0 when expired). */
  remainingMs: number;
  /** Until its heartbeat counts as stale (0 when it does): see `expireDeadLease`. */
  staleInMs: number;
}

/**
 * A heartbeat is stale when the owner has not renewed for half its lease (it
 * renews every third): one renewal missed, with slack for a busy owner.
 * `expires_at - renewed_at` is the owner's own lease time, so processes with
 * different ROOM_LEASE_MS judge each other right.
 */
const STALE_IN_MS = `EXTRACT(EPOCH FROM (expires_at - renewed_at) / 2 - (clock_timestamp() - renewed_at)) * 1000`;

export async function leaseOf(db: Queryable, id: string): Promise<LeaseInfo | null> {
  const { rows } = await db.query<{
    owner_id: string;
    owner_url: string;
    epoch: string;
    remaining_ms: number;
    stale_in_ms: number;
  }>({
    name: 'pinnwand-lease-of',
    text: `SELECT owner_id, owner_url, epoch,
                  GREATEST(0, EXTRACT(EPOCH FROM expires_at - clock_timestamp()) * 1000)::float8 AS remaining_ms,
                  GREATEST(0, ${STALE_IN_MS})::float8 AS stale_in_ms
           FROM room_leases WHERE workshop_id = $1`,
    values: [id],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    ownerId: row.owner_id,
    ownerUrl: row.owner_url,
    epoch: Number(row.epoch),
    live: row.remaining_ms > 0,
    remainingMs: row.remaining_ms,
    staleInMs: row.stale_in_ms,
  };
}

/**
 * Ends the lease of an owner found dead (see the module comment) at once, if
 * it is still at `epoch` and its heartbeat is stale on the database's clock;
 * resolves to whether it did. The room is then claimed by the next load.
 */
export async function expireDeadLease(db: Queryable, id: string, epoch: number): Promise<boolean> {
  const { rowCount } = await db.query({
    name: 'pinnwand-expire-dead',
    text: `UPDATE room_leases SET expires_at = clock_timestamp()
           WHERE workshop_id = $1 AND epoch = $2 AND expires_at > clock_timestamp()
             AND ${STALE_IN_MS} <= 0`,
    values: [id, epoch],
  });
  return (rowCount ?? 0) > 0;
}

/** Extends the leases still held at these epochs; resolves to the ids renewed. */
export async function renewLeases(
  db: Queryable,
  held: ReadonlyMap<string, number>,
  holder: Holder,
): Promise<Set<string>> {
  if (held.size === 0) return new Set();
  const { rows } = await db.query<{ workshop_id: string }>({
    name: 'pinnwand-renew',
    text: `UPDATE room_leases AS l SET expires_at = clock_timestamp() + $4 * interval '1 millisecond',
             renewed_at = clock_timestamp()
           FROM unnest($1::text[], $2::int8[]) AS h (id, epoch)
           WHERE l.workshop_id = h.id AND l.epoch = h.epoch AND l.owner_id = $3
           RETURNING l.workshop_id`,
    values: [[...held.keys()], [...held.values()], holder.nodeId, holder.leaseMs],
  });
  return new Set(rows.map((r) => r.workshop_id));
}

/** Of these rooms, the ones whose workshop no longer exists. */
export async function deletedOf(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM workshops WHERE id = ANY($1)', [
    ids,
  ]);
  const existing = new Set(rows.map((r) => r.id));
  return new Set(ids.filter((id) => !existing.has(id)));
}

/** Ends a lease at once, so that another process may claim the room without waiting. */
export async function releaseLease(
  db: Queryable,
  id: string,
  epoch: number,
  nodeId: string,
): Promise<void> {
  await db.query(
    `UPDATE room_leases SET expires_at = clock_timestamp()
     WHERE workshop_id = $1 AND epoch = $2 AND owner_id = $3`,
    [id, epoch, nodeId],
  );
}
