/**
 * The storage worker thread: owns the better-sqlite3 connection and runs every
 * statement, commit and fsync, one request at a time in arrival order, so the
 * event loop of the main thread never waits for the disk. Opened from
 * `workerData` (SqliteStorage.ts); a database that cannot be opened fails
 * every request with the reason.
 *
 * Appends are pipelined (Storage.pipelinesAppends): the main thread hands
 * over each applied round at once, and the appends that arrived while a commit
 * ran are committed together, in ONE transaction, as soon as it returned —
 * without a round trip to the main thread in between. If that transaction
 * fails, all of them fail; so does every append the main thread sent before it
 * had the failure's answer (those may build on the updates not stored), see
 * `AppendCall`.
 */
import { workerData } from 'node:worker_threads';
import type { AppendEntry } from '../Storage.ts';
import { serve } from '../threads/workerProtocol.ts';
import { SqliteDatabase, type SqliteDatabaseOptions } from './SqliteDatabase.ts';

/**
 * One append as SqliteStorage sends it: its entries, the time, the number of
 * this append (counting from 1 per SqliteStorage), and the highest number of
 * an append whose answer the main thread had received when it sent this one.
 */
export type AppendCall = [entries: AppendEntry[], now: number, call: number, answeredUpTo: number];

let db: SqliteDatabase | null = null;
let openError: unknown = null;
/** Fault injection (SqliteStorage.exitWorkerAtNextAppend): die as a crashed thread would. */
let exitAtNextAppend = false;
/** The highest append number in the last transaction that failed, and its error. */
let failedUpTo = 0;
let failure: Error | null = null;
try {
  db = new SqliteDatabase(workerData as SqliteDatabaseOptions);
} catch (err) {
  openError = err;
}

function open(): SqliteDatabase {
  if (!db) throw openError;
  return db;
}

serve(
  {
    ping: () => {
      open();
      return true;
    },
    createWorkshop: (...a: Parameters<SqliteDatabase['createWorkshop']>) =>
      open().createWorkshop(...a),
    getWorkshop: (...a: Parameters<SqliteDatabase['getWorkshop']>) => open().getWorkshop(...a),
    countIdentity: (...a: Parameters<SqliteDatabase['countIdentity']>) =>
      open().countIdentity(...a),
    load: (...a: Parameters<SqliteDatabase['load']>) => open().load(...a),
    exitAtNextAppend: () => {
      exitAtNextAppend = true;
    },
    replaceSnapshot: (...a: Parameters<SqliteDatabase['replaceSnapshot']>) =>
      open().replaceSnapshot(...a),
    loadPreview: (...a: Parameters<SqliteDatabase['loadPreview']>) => open().loadPreview(...a),
    deleteWorkshop: (...a: Parameters<SqliteDatabase['deleteWorkshop']>) =>
      open().deleteWorkshop(...a),
    workshopsIdleSince: (...a: Parameters<SqliteDatabase['workshopsIdleSince']>) =>
      open().workshopsIdleSince(...a),
    close: () => {
      db?.close();
      db = null;
      openError = new Error('the database is closed');
    },
  },
  {
    append: (calls: AppendCall[]): unknown[] => {
      // Ends this thread, not the process, before anything of the commit is written.
      if (exitAtNextAppend) process.exit(70);
      const database = open();
      const results: unknown[] = calls.map(([, , , answeredUpTo]) =>
        // Sent before the main thread knew that an earlier commit failed: refused.
        failure && answeredUpTo < failedUpTo ? failure : null,
      );
      const live = calls.filter((_, i) => results[i] === null);
      if (live.length === 0) return results;
      try {
        const seqs = database.appendMany(
          live.map(([entries]) => entries),
          Math.max(...live.map(([, now]) => now)),
        );
        let k = 0;
        for (let i = 0; i < results.length; i++) if (results[i] === null) results[i] = seqs[k++];
      } catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
        failedUpTo = Math.max(...live.map(([, , call]) => call));
        for (let i = 0; i < results.length; i++) if (results[i] === null) results[i] = failure;
      }
      return results;
    },
  },
);
