// Reads rooms back from PostgreSQL on a connection of its own (not through any
// Pinnwand process) and checks what several processes left there: each room's
// log numbered without gaps, epochs that only grow along the log (a fenced
// owner's late write would show up as a lower epoch after a higher one), and
// the document itself, to compare with what clients received.
import pg from 'pg';
import * as Y from 'yjs';

export interface StoredRoom {
  id: string;
  doc: Y.Doc;
  /** Sequence numbers missing between the snapshot and the last update. */
  gaps: number[];
  /** Places in the log where an epoch is lower than the one before it. */
  epochDrops: number;
  snapshotSeq: number;
  lastSeq: number;
  leaseEpoch: number | null;
}

export async function readStoredRooms(
  databaseUrl: string,
  ids: readonly string[],
): Promise<StoredRoom[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rooms: StoredRoom[] = [];
    for (const id of ids) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await client.query<{ seq: string; epoch: string; data: Buffer }>(
        'SELECT seq, epoch, data FROM snapshots WHERE workshop_id = $1',
        [id],
      );
      const log = await client.query<{ seq: string; epoch: string; data: Buffer }>(
        'SELECT seq, epoch, data FROM updates WHERE workshop_id = $1 ORDER BY seq',
        [id],
      );
      const meta = await client.query<{ last_seq: string; epoch: string | null }>(
        `SELECT w.last_seq, l.epoch FROM workshops w
         LEFT JOIN room_leases l ON l.workshop_id = w.id WHERE w.id = $1`,
        [id],
      );
      await client.query('COMMIT');
      const doc = new Y.Doc();
      const snapshotSeq = Number(snap.rows[0]?.seq ?? 0);
      if (snap.rows[0]) Y.applyUpdate(doc, new Uint8Array(snap.rows[0].data));
      const gaps: number[] = [];
      let expected = snapshotSeq + 1;
      let epoch = Number(snap.rows[0]?.epoch ?? 0);
      let epochDrops = 0;
      for (const row of log.rows) {
        const seq = Number(row.seq);
        while (expected < seq) gaps.push(expected++);
        expected = seq + 1;
        if (Number(row.epoch) < epoch) epochDrops += 1;
        epoch = Math.max(epoch, Number(row.epoch));
        Y.applyUpdate(doc, new Uint8Array(row.data));
      }
      const lastSeq = Number(meta.rows[0]?.last_seq ?? 0);
      while (expected <= lastSeq) gaps.push(expected++);
      const leaseEpoch = meta.rows[0]?.epoch == null ? null : Number(meta.rows[0].epoch);
      if (leaseEpoch !== null && epoch > leaseEpoch) epochDrops += 1;
      rooms.push({ id, doc, gaps, epochDrops, snapshotSeq, lastSeq, leaseEpoch });
    }
    return rooms;
  } finally {
    await client.end();
  }
}

/** Each room's lease epoch and owner address right now. */
export async function readLeases(
  databaseUrl: string,
): Promise<Map<string, { epoch: number; ownerUrl: string; live: boolean }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      workshop_id: string;
      epoch: string;
      owner_url: string;
      live: boolean;
    }>(
      'SELECT workshop_id, epoch, owner_url, expires_at > clock_timestamp() AS live FROM room_leases',
    );
    return new Map(
      rows.map((r) => [
        r.workshop_id,
        { epoch: Number(r.epoch), ownerUrl: r.owner_url, live: r.live },
      ]),
    );
  } finally {
    await client.end();
  }
}
