/**
 * One group commit into PostgreSQL (Storage.append): the updates of one
 * Committer tick, of any number of rooms, in ONE transaction of five
 * statements — fenced (RoomFence), each room's sequence numbers bumped in
 * `workshops.last_seq` (so a room's log has no gaps) with its last update
 * time, and the rows inserted with their epoch. PostgreSQL's default
 * `synchronous_commit = on` flushes the WAL before COMMIT returns, so an
 * update is durable before anyone sees it relayed.
 */
import type { AppendEntry } from '../Storage.ts';
import type { RoomFence } from './RoomFence.ts';
import type { Queryable } from './roomLeases.ts';

/** Inside the caller's transaction; resolves to the sequence number of each entry, in order. */
export async function appendUpdates(
  db: Queryable,
  roomFence: RoomFence,
  entries: readonly AppendEntry[],
  now: number,
): Promise<number[]> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.workshopId, (counts.get(e.workshopId) ?? 0) + 1);
  const epochs = await roomFence.epochs(db, [...counts.keys()]);
  const ids = [...counts.keys()];
  const { rows } = await db.query<{ id: string; last_seq: string }>({
    name: 'pinnwand-bump-seq',
    text: `UPDATE workshops AS w SET last_seq = w.last_seq + c.n, last_update_at = $3
           FROM unnest($1::text[], $2::int4[]) AS c (id, n)
           WHERE w.id = c.id
           RETURNING w.id, w.last_seq`,
    values: [ids, ids.map((id) => counts.get(id)!), now],
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
}
