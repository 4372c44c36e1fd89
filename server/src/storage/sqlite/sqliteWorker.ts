/**
 * The storage worker thread: owns the better-sqlite3 connection and runs every
 * statement, commit and fsync, one request at a time in arrival order, so the
 * event loop of the main thread never waits for the disk. Opened from
 * `workerData` (SqliteStorage.ts); a database that cannot be opened fails
 * every request with the reason.
 */
import { workerData } from 'node:worker_threads';
import { serve } from '../threads/workerProtocol.ts';
import { SqliteDatabase, type SqliteDatabaseOptions } from './SqliteDatabase.ts';

let db: SqliteDatabase | null = null;
let openError: unknown = null;
/** Fault injection (SqliteStorage.exitWorkerAtNextAppend): die as a crashed thread would. */
let exitAtNextAppend = false;
try {
  db = new SqliteDatabase(workerData as SqliteDatabaseOptions);
} catch (err) {
  openError = err;
}

function open(): SqliteDatabase {
  if (!db) throw openError;
  return db;
}

serve({
  ping: () => {
    open();
    return true;
  },
  createWorkshop: (...a: Parameters<SqliteDatabase['createWorkshop']>) =>
    open().createWorkshop(...a),
  getWorkshop: (...a: Parameters<SqliteDatabase['getWorkshop']>) => open().getWorkshop(...a),
  countIdentity: (...a: Parameters<SqliteDatabase['countIdentity']>) => open().countIdentity(...a),
  load: (...a: Parameters<SqliteDatabase['load']>) => open().load(...a),
  append: (...a: Parameters<SqliteDatabase['append']>) => {
    // Ends this thread, not the process, before anything of the commit is written.
    if (exitAtNextAppend) process.exit(70);
    return open().append(...a);
  },
  exitAtNextAppend: () => {
    exitAtNextAppend = true;
  },
  replaceSnapshot: (...a: Parameters<SqliteDatabase['replaceSnapshot']>) =>
    open().replaceSnapshot(...a),
  deleteWorkshop: (...a: Parameters<SqliteDatabase['deleteWorkshop']>) =>
    open().deleteWorkshop(...a),
  workshopsIdleSince: (...a: Parameters<SqliteDatabase['workshopsIdleSince']>) =>
    open().workshopsIdleSince(...a),
  close: () => {
    db?.close();
    db = null;
    openError = new Error('the database is closed');
  },
});
