/**
 * The embedded default storage: one SQLite file (better-sqlite3) in DATA_DIR.
 *
 * WAL mode lets readers run beside the writer and makes each commit a single
 * append to the WAL. `synchronous` is FULL by default (see Config): the WAL is
 * fsynced at every commit, so a relayed edit survives even a power cut; the
 * room layer batches all updates of one event-loop tick into one `append`
 * (group commit), so the cost is one fsync per tick, not per keystroke.
 *
 * better-sqlite3 is synchronous; the methods still return promises so that
 * asynchronous backends (PostgreSQL) fit the same interface.
 */

import type { Role } from '@pinnwand/shared/protocol/roles';
import Database from 'better-sqlite3';
import { compactState } from './compactState.ts';
import type {
  AppendEntry,
  Compaction,
  Storage,
  StoredDocument,
  WorkshopRecord,
} from './Storage.ts';

export interface SqliteStorageOptions {
  /** Path of the database file; ':memory:' for tests. */
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Extra pragmas run after opening (tests use `max_page_count` to simulate a full disk). */
  pragmas?: readonly string[];
  /** Clock stamping each workshop's last update (retention); Date.now by default. */
  now?: () => number;
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_hash BLOB NOT NULL,
  participant_hash BLOB NOT NULL,
  viewer_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_workshop ON updates (workshop_id, seq);
`;

/**
 * Columns added after the first release, as nullable columns so that
 * `ALTER TABLE … ADD COLUMN` migrates an existing database in place:
 * - `sealed_invites`: participant + viewer token sealed under the facilitator
 *   token (null for older workshops: their links cannot be recovered);
 * - `last_update_at`: when the last update was stored (retention). Rows that
 *   exist when the column is added get the migration time, so an upgrade never
 *   makes an old workshop look abandoned at once.
 */
function migrate(db: Database.Database, now: number): void {
  const columns = new Set(
    (db.prepare('PRAGMA table_info(workshops)').all() as { name: string }[]).map((c) => c.name),
  );
  db.transaction(() => {
    if (!columns.has('sealed_invites')) {
      db.exec('ALTER TABLE workshops ADD COLUMN sealed_invites BLOB');
    }
    if (!columns.has('last_update_at')) {
      db.exec('ALTER TABLE workshops ADD COLUMN last_update_at INTEGER');
      db.prepare('UPDATE workshops SET last_update_at = ?').run(now);
    }
  })();
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly now: () => number;

  constructor(options: SqliteStorageOptions) {
    this.now = options.now ?? Date.now;
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    migrate(this.db, this.now());
    for (const pragma of options.pragmas ?? []) this.db.pragma(pragma);
    this.stmts = {
      insertWorkshop: this.db.prepare(
        `INSERT INTO workshops (id, title, created_at, facilitator_hash, participant_hash, viewer_hash,
           sealed_invites, last_update_at)
         VALUES (@id, @title, @created_at, @facilitator_hash, @participant_hash, @viewer_hash,
           @sealed_invites, @created_at)`,
      ),
      touchWorkshop: this.db.prepare('UPDATE workshops SET last_update_at = ? WHERE id = ?'),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE workshop_id = ?'),
      deleteSnapshot: this.db.prepare('DELETE FROM snapshots WHERE workshop_id = ?'),
      deleteWorkshop: this.db.prepare('DELETE FROM workshops WHERE id = ?'),
      idleSince: this.db.prepare(
        'SELECT id FROM workshops WHERE COALESCE(last_update_at, created_at) < ? ORDER BY id',
      ),
      getWorkshop: this.db.prepare('SELECT * FROM workshops WHERE id = ?'),
      getSnapshot: this.db.prepare('SELECT seq, data FROM snapshots WHERE workshop_id = ?'),
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
  }

  private readonly createTx = (record: WorkshopRecord, initialState: Uint8Array): void => {
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
      this.stmts.upsertSnapshot.run(record.id, 0, Buffer.from(initialState));
    })();
  };

  async createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    this.createTx(record, initialState);
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
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

  async load(workshopId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
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
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: last ? last.seq : after,
        snapshotBytes: snap?.data.length ?? 0,
        logBytes,
      };
    })();
  }

  private readonly appendTx = (entries: readonly AppendEntry[]): number[] =>
    this.db.transaction(() => {
      const seqs = entries.map((entry) =>
        Number(
          this.stmts.insertUpdate.run(entry.workshopId, Buffer.from(entry.update)).lastInsertRowid,
        ),
      );
      const now = this.now();
      for (const id of new Set(entries.map((e) => e.workshopId))) {
        this.stmts.touchWorkshop.run(now, id);
      }
      return seqs;
    })();

  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    return this.appendTx(entries);
  }

  async compact(workshopId: string): Promise<Compaction | null> {
    const stored = await this.load(workshopId);
    if (stored.updates.length === 0) return null;
    const base = this.snapshotSeq(workshopId);
    const snapshot = compactState(stored.snapshot, stored.updates);
    return this.db.transaction(() => {
      // Deleted, or compacted by someone else since the log was read: leave it.
      if (this.snapshotSeq(workshopId) !== base) return null;
      this.stmts.upsertSnapshot.run(workshopId, stored.lastSeq, Buffer.from(snapshot));
      this.stmts.deleteUpTo.run(workshopId, stored.lastSeq);
      return { upToSeq: stored.lastSeq, snapshotBytes: snapshot.length };
    })();
  }

  private snapshotSeq(workshopId: string): number | null {
    const row = this.stmts.getSnapshot.get(workshopId) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmts.deleteUpdates.run(id);
      this.stmts.deleteSnapshot.run(id);
      return this.stmts.deleteWorkshop.run(id).changes > 0;
    })();
  }

  async workshopsIdleSince(cutoff: number): Promise<string[]> {
    return (this.stmts.idleSince.all(cutoff) as { id: string }[]).map((row) => row.id);
  }

  async unload(_workshopId: string): Promise<void> {}

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
