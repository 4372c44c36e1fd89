/**
 * Compaction in PostgreSQL (Storage.compact): what is stored is read in one
 * consistent snapshot of the database and merged in the compaction thread
 * (compactState.ts) without holding any lock; then, fenced (RoomFence), the
 * new snapshot replaces the old one unless that changed meanwhile, the log it
 * covers is dropped, and its board preview is stored tagged with the sequence
 * number it covers (or the old one dropped, when none could be read).
 */
import type pg from 'pg';
import type { Compaction } from '../Storage.ts';
import type { CompactionThread } from '../threads/CompactionThread.ts';
import { transaction } from './pgPool.ts';
import type { RoomFence } from './RoomFence.ts';
import { readDocument } from './storedDocument.ts';

export async function compactRoom(
  pool: pg.Pool,
  roomFence: RoomFence,
  merger: CompactionThread,
  workshopId: string,
): Promise<Compaction | null> {
  const stored = await transaction(pool, (db) => readDocument(db, workshopId, true));
  if (stored.updates.length === 0) return null;
  const { lastSeq, snapshotSeq } = stored;
  const { state, preview } = await merger.merge(stored);
  return transaction(pool, async (db) => {
    const epoch = (await roomFence.epochs(db, [workshopId])).get(workshopId)!;
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
        text: `INSERT INTO board_previews (workshop_id, seq, format, data, cards)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (workshop_id) DO UPDATE
                 SET seq = excluded.seq, format = excluded.format, data = excluded.data,
                     cards = excluded.cards`,
        values: [
          workshopId,
          lastSeq,
          preview.format,
          asBuffer(preview.gzipped),
          asBuffer(preview.cards),
        ],
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

/** A Buffer over the same memory (node-postgres sends Buffers as bytea). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
