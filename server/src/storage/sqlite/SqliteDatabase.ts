/**
 * The SQLite database itself: one file (better-sqlite3) in DATA_DIR, used
 * synchronously. It lives in the storage worker thread (sqliteWorker.ts), never
 * on the event loop: better-sqlite3 blocks for every statement and, with
 * `synchronous = FULL`, for the fsync of every commit. SqliteStorage.ts is the
 * asynchronous face the rest of the server sees.
 *
 * WAL mode lets readers run beside the writer and makes each commit a single
 * append to the WAL. `synchronous` is FULL by default (see Config): the WAL is
 * fsynced at every commit, so a relayed edit survives even a power cut; the
 * room layer batches all updates of one event-loop tick into one `append`
 * (group commit), so the cost is one fsync per tick, not per keystroke.
 *
 * Checkpoints run in a thread of their own (checkpointWorker.ts), beside the
 * commits; this connection checkpoints only when the WAL has grown to
 * WAL_AUTOCHECKPOINT_PAGES, as a bound should that thread fall behind.
 *
 * Compaction is split in two short transactions (`load`, `replaceSnapshot`)
 * with the CPU-heavy merge between them done in another thread, so that
 * appends never wait behind a merge. `replaceSnapshot` stores the board
 * preview read from the merged document (storage/storedPreview.ts) beside
 * the snapshot, in its transaction.
 */

import type { Role } from '@pinnwand/shared/protocol/roles';
import Database from 'better-sqlite3';
import type {
  AppendEntry,
  Compaction,
  IdentityCount,
  StoredDocument,
  StoredPreview,
  WorkshopRecord,
} from '../Storage.ts';
import type { PreviewToStore } from '../storedPreview.ts';
import { createSchema } from './sqliteSchema.ts';

/**
 * Pages in the WAL after which a commit checkpoints inline (SQLite's default is
 * 1,000): 40 MB, far beyond what checkpointWorker.ts lets accumulate.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * How stale a workshop's `last_update_at` may get while updates are stored
 * (ms). Retention counts in days; stamping the workshop row at every commit
 * would write one more page into the WAL each time, a quarter of a small
 * commit's bytes.
 */
const TOUCH_EVERY_MS = 60_000;

export interface SqliteDatabaseOptions {
  /** Path of the database file. */
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Extra pragmas run after opening (tests use `max_page_count` to simulate a full disk). */
  pragmas?: readonly string[];
  /** Stamp of the migration that adds `last_update_at` (ms since epoch). */
  openedAt: number;
}

/** What a compaction merges: the stored state as read in one transaction. */
export interface StoredLog extends StoredDocument {
  /** Sequence number of the snapshot the log was read against (null: no snapshot row). */
  snapshotSeq: number | null;
}

interface WorkshopRow {
  id: string;
  title: string;
  created_at: number;
  facilitator_hash: Buffer;
  participant_hash: Buffer;
  viewer_hash: Buffer;
  sealed_invites: Buffer | null;
  last_update_at: number | null;
}

export class SqliteDatabase {
  private readonly db: Database.Database;
  private readonly stmts;
  /** Built once: one commit per tick should not build a transaction wrapper each time. */
  private readonly appendTransaction: (
    entries: readonly AppendEntry[],
    touch: ReadonlySet<string>,
    now: number,
  ) => number[];
  /** When this connection last stamped each workshop's `last_update_at` (TOUCH_EVERY_MS). */
  private readonly touchedAt = new Map<string, number>();

  constructor(options: SqliteDatabaseOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    createSchema(this.db, options.openedAt);
    for (const pragma of options.pragmas ?? []) this.db.pragma(pragma);
    this.stmts = {
      insertWorkshop: this.db.prepare(
        `INSERT INTO workshops (id, title, created_at, facilitator_hash, participant_hash, viewer_hash,
           sealed_invites, last_update_at, identities_issued)
         VALUES (@id, @title, @created_at, @facilitator_hash, @participant_hash, @viewer_hash,
           @sealed_invites, @created_at, 0)`,
      ),
      getIdentitiesIssued: this.db.prepare('SELECT identities_issued FROM workshops WHERE id = ?'),
      setIdentitiesIssued: this.db.prepare(
        'UPDATE workshops SET identities_issued = ? WHERE id = ?',
      ),
      touchWorkshop: this.db.prepare('UPDATE workshops SET last_update_at = ? WHERE id = ?'),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE workshop_id = ?'),
      deleteSnapshot: this.db.prepare('DELETE FROM snapshots WHERE workshop_id = ?'),
      deleteWorkshop: this.db.prepare('DELETE FROM workshops WHERE id = ?'),
      deletePreview: this.db.prepare('DELETE FROM board_previews WHERE workshop_id = ?'),
      getPreview: this.db.prepare(
        `SELECT seq, format, data, cards,
                max(coalesce((SELECT max(seq) FROM updates u WHERE u.workshop_id = p.workshop_id), 0),
                    coalesce((SELECT seq FROM snapshots s WHERE s.workshop_id = p.workshop_id), 0))
                  AS stored_seq
         FROM board_previews p WHERE workshop_id = ?`,
      ),
      upsertPreview: this.db.prepare(
        `INSERT INTO board_previews (workshop_id, seq, format, data, cards) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id) DO UPDATE
           SET seq = excluded.seq, format = excluded.format, data = excluded.data,
               cards = excluded.cards`,
      ),
      idleSince: this.db.prepare(
        'SELECT id FROM workshops WHERE COALESCE(last_update_at, created_at) < ? ORDER BY id',
      ),
      getWorkshop: this.db.prepare('SELECT * FROM workshops WHERE id = ?'),
      getSnapshot: this.db.prepare('SELECT seq, data FROM snapshots WHERE workshop_id = ?'),
      getSnapshotSeq: this.db.prepare('SELECT seq FROM snapshots WHERE workshop_id = ?'),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO snapshots (workshop_id, seq, data) VALUES (?, ?, ?)
         ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
      ),
      updatesAfter: this.db.prepare(
        'SELECT seq, data FROM updates WHERE workshop_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare('INSERT INTO updates (workshop_id, data) VALUES (?, ?)'),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE workshop_id = ? AND seq <= ?'),
    };
    const { insertUpdate, touchWorkshop } = this.stmts;
    this.appendTransaction = this.db.transaction(
      (entries: readonly AppendEntry[], touch: ReadonlySet<string>, now: number): number[] => {
        const seqs: number[] = [];
        for (const entry of entries) {
          const { lastInsertRowid } = insertUpdate.run(entry.workshopId, asBuffer(entry.update));
          seqs.push(Number(lastInsertRowid));
        }
        for (const id of touch) touchWorkshop.run(now, id);
        return seqs;
      },
    );
  }

  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): void {
    this.db.transaction(() => {
      this.stmts.insertWorkshop.run({
        id: record.id,
        title: record.title,
        created_at: record.createdAt,
        facilitator_hash: record.tokenHashes.facilitator,
        participant_hash: record.tokenHashes.participant,
        viewer_hash: record.tokenHashes.viewer,
        sealed_invites: record.sealedInvites ?? null,
      });
      this.stmts.upsertSnapshot.run(record.id, 0, asBuffer(initialState));
    })();
  }

  getWorkshop(id: string): WorkshopRecord | null {
    const row = this.stmts.getWorkshop.get(id) as WorkshopRow | undefined;
    if (!row) return null;
    const tokenHashes: Record<Role, Buffer> = {
      facilitator: row.facilitator_hash,
      participant: row.participant_hash,
      viewer: row.viewer_hash,
    };
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      tokenHashes,
      sealedInvites: row.sealed_invites,
    };
  }

  countIdentity(workshopId: string, limit: number | null, known: number | null): IdentityCount {
    return this.db.transaction((): IdentityCount => {
      const row = this.stmts.getIdentitiesIssued.get(workshopId) as
        | { identities_issued: number | null }
        | undefined;
      const issued = row?.identities_issued ?? known;
      if (!row || issued === null) return 'unknown';
      if (limit !== null && issued >= limit) return 'full';
      this.stmts.setIdentitiesIssued.run(issued + 1, workshopId);
      return 'counted';
    })();
  }

  /** Snapshot plus the log after it, read in one transaction. */
  load(workshopId: string): StoredLog {
    return this.db.transaction((): StoredLog => {
      const snap = this.stmts.getSnapshot.get(workshopId) as
        | { seq: number; data: Buffer }
        | undefined;
      const after = snap?.seq ?? 0;
      const rows = this.stmts.updatesAfter.all(workshopId, after) as {
        seq: number;
        data: Buffer;
      }[];
      let logBytes = 0;
      for (const row of rows) logBytes += row.data.length;
      const last = rows[rows.length - 1];
      return {
        snapshot: snap ? snap.data : null,
        updates: rows.map((row) => row.data),
        lastSeq: last ? last.seq : after,
        snapshotBytes: snap?.data.length ?? 0,
        logBytes,
        snapshotSeq: snap ? snap.seq : null,
      };
    })();
  }

  /**
   * One transaction for all entries (group commit); stamps a workshop's last
   * update with `now` unless this connection did so less than TOUCH_EVERY_MS ago.
   */
  append(entries: readonly AppendEntry[], now: number): number[] {
    if (entries.length === 0) return [];
    const touch = new Set<string>();
    for (const { workshopId } of entries) {
      const last = this.touchedAt.get(workshopId);
      if (last === undefined || now - last >= TOUCH_EVERY_MS || now < last) touch.add(workshopId);
    }
    const seqs = this.appendTransaction(entries, touch, now);
    // Only once committed: a rolled-back stamp must be written again.
    for (const id of touch) this.touchedAt.set(id, now);
    return seqs;
  }

  /**
   * Several appends in ONE transaction (appends that waited behind a running
   * commit): all are stored or, when it throws, none. Their sequence numbers,
   * per append.
   */
  appendMany(appends: readonly (readonly AppendEntry[])[], now: number): number[][] {
    const seqs = this.append(appends.flat(), now);
    let offset = 0;
    return appends.map((entries) => {
      offset += entries.length;
      return seqs.slice(offset - entries.length, offset);
    });
  }

  /**
   * Second half of a compaction: stores `snapshot`, the merge of a `load` that
   * saw `snapshotSeq` and ended at `lastSeq`, with its board preview (none:
   * the previous one is removed, it shows an older state), and drops the log
   * entries it contains, unless the snapshot changed since that load
   * (deleted, or compacted by someone else): then null, and nothing changes.
   */
  replaceSnapshot(
    workshopId: string,
    snapshotSeq: number | null,
    lastSeq: number,
    snapshot: Uint8Array,
    preview: PreviewToStore | null,
  ): Compaction | null {
    return this.db.transaction((): Compaction | null => {
      const row = this.stmts.getSnapshotSeq.get(workshopId) as { seq: number } | undefined;
      if ((row?.seq ?? null) !== snapshotSeq) return null;
      this.stmts.upsertSnapshot.run(workshopId, lastSeq, asBuffer(snapshot));
      this.stmts.deleteUpTo.run(workshopId, lastSeq);
      if (preview) {
        this.stmts.upsertPreview.run(
          workshopId,
          lastSeq,
          preview.format,
          asBuffer(preview.gzipped),
          asBuffer(preview.cards),
        );
      } else this.stmts.deletePreview.run(workshopId);
      return { upToSeq: lastSeq, snapshotBytes: snapshot.length };
    })();
  }

  loadPreview(workshopId: string): StoredPreview | null {
    const row = this.stmts.getPreview.get(workshopId) as
      | { seq: number; format: string; data: Buffer; cards: Buffer | null; stored_seq: number }
      | undefined;
    if (!row) return null;
    const { seq, format, data, cards, stored_seq } = row;
    return { upToSeq: seq, format, gzipped: data, cards, storedSeq: stored_seq };
  }

  deleteWorkshop(id: string): boolean {
    this.touchedAt.delete(id);
    return this.db.transaction(() => {
      this.stmts.deleteUpdates.run(id);
      this.stmts.deleteSnapshot.run(id);
      this.stmts.deletePreview.run(id);
      return this.stmts.deleteWorkshop.run(id).changes > 0;
    })();
  }

  workshopsIdleSince(cutoff: number): string[] {
    return (this.stmts.idleSince.all(cutoff) as { id: string }[]).map((row) => row.id);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** A Buffer over the same memory (better-sqlite3 binds Buffers as blobs). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
