/**
 * Reading a room's stored state from PostgreSQL: the snapshot and the log
 * after it (for a load and for a compaction), and the board preview stored
 * beside the snapshot.
 */
import type pg from 'pg';
import type { StoredDocument, StoredPreview } from '../Storage.ts';
import type { Queryable } from './roomLeases.ts';

/**
 * Snapshot plus the log after it, as StoredDocument (with the snapshot's own
 * sequence number); inside the caller's transaction. `consistent`: read both in
 * one snapshot of the database (REPEATABLE READ), for a caller that holds no lock.
 */
export async function readDocument(
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

export async function readPreview(
  pool: pg.Pool,
  workshopId: string,
): Promise<StoredPreview | null> {
  // One statement: the preview and the last stored sequence number from one snapshot of the database.
  const { rows } = await pool.query<{
    seq: string;
    format: string;
    data: Buffer;
    cards: Buffer | null;
    stored_seq: string;
  }>({
    name: 'pinnwand-read-preview',
    text: `SELECT seq, format, data, cards,
                  greatest(
                    coalesce((SELECT max(seq) FROM updates u WHERE u.workshop_id = p.workshop_id), 0),
                    coalesce((SELECT seq FROM snapshots s WHERE s.workshop_id = p.workshop_id), 0))
                    AS stored_seq
           FROM board_previews p WHERE workshop_id = $1`,
    values: [workshopId],
  });
  const row = rows[0];
  if (!row) return null;
  const { seq, format, data, cards, stored_seq } = row;
  return { upToSeq: Number(seq), format, gzipped: data, cards, storedSeq: Number(stored_seq) };
}
