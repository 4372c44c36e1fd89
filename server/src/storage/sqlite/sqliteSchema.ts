/**
 * The layout of the SQLite database (SqliteDatabase.ts) and how an existing
 * file from an earlier release is brought to it in place: tables added later
 * are created if missing, columns added later are added as nullable columns.
 */
import type Database from 'better-sqlite3';

/**
 * The board preview of each snapshot (Storage.loadPreview), added after the
 * first release: `CREATE TABLE IF NOT EXISTS` migrates an existing database
 * in place, as `ADD COLUMN` does for the workshops table (migrate). A table of
 * its own, not columns of `snapshots`: columns added there come after the
 * snapshot blob, and reading them would walk its overflow pages (megabytes)
 * for the few kilobytes of the preview. `seq`: the snapshot's sequence number
 * when it was stored; `format`: storedPreview.ts `previewFormat`; `cards`:
 * the preview's cards, added later still (migrate; null in rows of an older
 * format).
 */
const BOARD_PREVIEWS = `
CREATE TABLE IF NOT EXISTS board_previews (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
  seq INTEGER NOT NULL,
  format TEXT NOT NULL,
  data BLOB NOT NULL,
  cards BLOB
);`;

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
${BOARD_PREVIEWS}
`;

/**
 * Columns added after the first release, as nullable columns so that
 * `ALTER TABLE … ADD COLUMN` migrates an existing database in place:
 * - `sealed_invites`: participant + viewer token sealed under the facilitator
 *   token (null for older workshops: their links cannot be recovered);
 * - `last_update_at`: when the last update was stored (retention). Rows that
 *   exist when the column is added get the migration time, so an upgrade never
 *   makes an old workshop look abandoned at once;
 * - `identities_issued`: participant identities issued (Storage.countIdentity);
 *   null for workshops from before, whose count their document still knows;
 * - `board_previews.cards`: the stored preview's cards (BOARD_PREVIEWS).
 */
function migrate(db: Database.Database, now: number): void {
  const columnsOf = (table: string) =>
    new Set(
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
  const columns = columnsOf('workshops');
  const previewColumns = columnsOf('board_previews');
  db.transaction(() => {
    if (!previewColumns.has('cards')) {
      db.exec('ALTER TABLE board_previews ADD COLUMN cards BLOB');
    }
    if (!columns.has('sealed_invites')) {
      db.exec('ALTER TABLE workshops ADD COLUMN sealed_invites BLOB');
    }
    if (!columns.has('last_update_at')) {
      db.exec('ALTER TABLE workshops ADD COLUMN last_update_at INTEGER');
      db.prepare('UPDATE workshops SET last_update_at = ?').run(now);
    }
    if (!columns.has('identities_issued')) {
      db.exec('ALTER TABLE workshops ADD COLUMN identities_issued INTEGER');
    }
  })();
}

/** Creates what is missing of the layout in `db` and migrates what is older; `now` stamps the migration. */
export function createSchema(db: Database.Database, now: number): void {
  db.exec(SCHEMA);
  migrate(db, now);
}
