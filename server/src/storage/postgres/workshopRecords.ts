/**
 * The `workshops` rows in PostgreSQL: the record a workshop is created with
 * (its token hashes and sealed invites), the count of identities it issued,
 * and the time of its last update (retention). Deleting the row deletes the
 * room's snapshot, preview, log and lease with it (ON DELETE CASCADE).
 */
import type { Role } from '@pinnwand/shared/protocol/roles';
import type pg from 'pg';
import type { IdentityCount, WorkshopRecord } from '../Storage.ts';
import type { Queryable } from './roomLeases.ts';

interface WorkshopRow {
  id: string;
  title: string;
  created_at: string;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  viewer_hash: Buffer;
  sealed_invites: Buffer | null;
}

/** The record and its first snapshot (sequence 0); inside the caller's transaction. */
export async function insertWorkshop(
  db: Queryable,
  record: WorkshopRecord,
  initialState: Uint8Array,
): Promise<void> {
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
  await db.query('INSERT INTO snapshots (workshop_id, seq, epoch, data) VALUES ($1, 0, 0, $2)', [
    record.id,
    Buffer.from(initialState),
  ]);
}

export async function readWorkshop(pool: pg.Pool, id: string): Promise<WorkshopRecord | null> {
  const { rows } = await pool.query<WorkshopRow>({
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

/** Storage.countIdentity; inside the caller's transaction (the row is locked until it ends). */
export async function countIdentity(
  db: Queryable,
  workshopId: string,
  limit: number | null,
  known: number | null,
): Promise<IdentityCount> {
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
}

/** Whether there was such a workshop. Waits for a write of the room's owner in flight (row lock). */
export async function deleteWorkshopRow(pool: pg.Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM workshops WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

export async function workshopsIdleSince(pool: pg.Pool, cutoff: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    'SELECT id FROM workshops WHERE last_update_at < $1 ORDER BY id',
    [cutoff],
  );
  return rows.map((r) => r.id);
}
