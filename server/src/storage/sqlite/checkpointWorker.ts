/**
 * The WAL checkpointer: a second connection to the database, in a thread of
 * its own, that copies committed pages from the WAL into the database file
 * (`wal_checkpoint(PASSIVE)`) every CHECKPOINT_INTERVAL_MS.
 *
 * Left to itself, SQLite checkpoints inside the commit that pushes the WAL
 * past `wal_autocheckpoint` pages: that commit then also writes the pages into
 * the database file and fsyncs it, and every update waiting for it (to be
 * relayed, persist-before-relay) waits that much longer. A PASSIVE checkpoint
 * from another connection runs beside the writer's commits and never blocks
 * them; once it has copied the whole WAL, the writer's next commit starts the
 * WAL over from its beginning, so it stays small. The writer keeps a far
 * higher `wal_autocheckpoint` (SqliteDatabase.ts) only as a bound for when
 * this thread falls behind.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { serve } from '../threads/workerProtocol.ts';

/** Often enough to keep the WAL to a few megabytes at the highest commit rates measured. */
const CHECKPOINT_INTERVAL_MS = 500;

const { file } = workerData as { file: string };
let db: Database.Database | null = null;

function checkpoint(): void {
  try {
    // Opened here, not before: the storage thread creates the file and sets WAL mode.
    db ??= new Database(file, { fileMustExist: true });
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or failing checkpoint is retried next time; commits do not depend on it,
    // and the writer's own autocheckpoint bounds the WAL if this thread cannot help.
  }
}

const timer = setInterval(checkpoint, CHECKPOINT_INTERVAL_MS);

serve({
  close: () => {
    clearInterval(timer);
    db?.close();
    db = null;
  },
});
