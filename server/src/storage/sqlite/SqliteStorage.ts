/**
 * The embedded default storage: SQLite (SqliteDatabase.ts) run by a worker
 * thread that owns the connection (sqliteWorker.ts). Every method is one
 * request to that thread, answered in call order, so the event loop never
 * waits for a statement or an fsync, and a commit's promise resolves only once
 * the commit — with `synchronous = FULL`, its fsync — has returned.
 *
 * Compaction reads the log in the database thread, merges it (and reads its
 * board preview) in a second worker (CompactionThread.ts) and writes the
 * snapshot and preview back in the database thread: commits of other rooms go
 * on while a large board is merged.
 *
 * A third thread (checkpointWorker.ts) checkpoints the WAL beside the commits,
 * so that no commit — and no relay waiting for it — pays for a checkpoint.
 */
import type { SqliteSynchronous } from '../../config.ts';
import type {
  AppendEntry,
  Compaction,
  IdentityCount,
  Storage,
  StoredDocument,
  StoredPreview,
  WorkshopRecord,
} from '../Storage.ts';
import { CompactionThread } from '../threads/CompactionThread.ts';
import { WorkerClient } from '../threads/WorkerClient.ts';
import { transferList } from '../threads/workerProtocol.ts';
import type { SqliteDatabase, SqliteDatabaseOptions, StoredLog } from './SqliteDatabase.ts';
import type { AppendCall } from './sqliteWorker.ts';

export interface SqliteStorageOptions {
  /** Path of the database file. */
  file: string;
  synchronous?: SqliteSynchronous;
  /** Extra pragmas run after opening (tests use `max_page_count` to simulate a full disk). */
  pragmas?: readonly string[];
  /** Clock stamping each workshop's last update (retention); Date.now by default. */
  now?: () => number;
}

type Result<K extends keyof SqliteDatabase> = ReturnType<SqliteDatabase[K]>;

export class SqliteStorage implements Storage {
  private readonly db: WorkerClient;
  private readonly merger = new CompactionThread();
  private readonly checkpointer: WorkerClient;
  private readonly now: () => number;
  /** Appends are handed to the storage thread at once and may be merged there (sqliteWorker.ts). */
  readonly pipelinesAppends = true;
  /** Appends sent, and the highest number of one whose answer came back (AppendCall). */
  private appendsSent = 0;
  private answeredUpTo = 0;

  constructor(options: SqliteStorageOptions) {
    this.now = options.now ?? Date.now;
    const data: SqliteDatabaseOptions = {
      file: options.file,
      synchronous: options.synchronous ?? 'FULL',
      pragmas: options.pragmas ?? [],
      openedAt: this.now(),
    };
    this.db = new WorkerClient('sqliteWorker', data);
    this.db.start();
    this.checkpointer = new WorkerClient('checkpointWorker', { file: options.file });
    // Once the storage thread has created the file and put it in WAL mode.
    this.db.call('ping', []).then(
      () => this.checkpointer.start(),
      () => {},
    );
  }

  /** Opens the storage and waits until the database is open (a bad file fails here). */
  static async open(options: SqliteStorageOptions): Promise<SqliteStorage> {
    const storage = new SqliteStorage(options);
    try {
      await storage.db.call('ping', []);
    } catch (err) {
      await storage.close();
      throw err;
    }
    return storage;
  }

  private call<K extends keyof SqliteDatabase>(
    op: K,
    ...args: Parameters<SqliteDatabase[K]>
  ): Promise<Result<K>> {
    return this.db.call<Result<K>>(op, args);
  }

  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void> {
    return this.call('createWorkshop', record, initialState);
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const record = await this.call('getWorkshop', id);
    if (!record) return null;
    // Structured cloning turns Buffers into plain byte arrays; callers compare Buffers.
    const { facilitator, participant, viewer } = record.tokenHashes;
    return {
      ...record,
      tokenHashes: {
        facilitator: toBuffer(facilitator),
        participant: toBuffer(participant),
        viewer: toBuffer(viewer),
      },
      sealedInvites: record.sealedInvites ? toBuffer(record.sealedInvites) : null,
    };
  }

  countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount> {
    return this.call('countIdentity', workshopId, limit, known);
  }

  async load(workshopId: string): Promise<StoredDocument> {
    const { snapshotSeq: _, ...stored } = await this.call('load', workshopId);
    return stored;
  }

  append(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return Promise.resolve([]);
    const call = ++this.appendsSent;
    const args: AppendCall = [entries as AppendEntry[], this.now(), call, this.answeredUpTo];
    const answer = this.db.call<number[]>('append', args);
    // Registered first, so counted before the caller hears of it and sends the next append.
    const answered = () => {
      this.answeredUpTo = Math.max(this.answeredUpTo, call);
    };
    answer.then(answered, answered);
    return answer;
  }

  async compact(workshopId: string): Promise<Compaction | null> {
    const read: StoredLog = await this.call('load', workshopId);
    if (read.updates.length === 0) return null;
    const { snapshotSeq, lastSeq } = read;
    const { state, preview } = await this.merger.merge(read);
    const args: Parameters<SqliteDatabase['replaceSnapshot']> = [
      workshopId,
      snapshotSeq,
      lastSeq,
      state,
      preview,
    ];
    return this.db.call<Compaction | null>('replaceSnapshot', args, transferList(args));
  }

  async loadPreview(workshopId: string): Promise<StoredPreview | null> {
    const preview = await this.call('loadPreview', workshopId);
    // Structured cloning turns the Buffers into plain byte arrays; callers send Buffers.
    return (
      preview && {
        ...preview,
        gzipped: toBuffer(preview.gzipped),
        cards: preview.cards && toBuffer(preview.cards),
      }
    );
  }

  deleteWorkshop(id: string): Promise<boolean> {
    return this.call('deleteWorkshop', id);
  }

  workshopsIdleSince(cutoff: number): Promise<string[]> {
    return this.call('workshopsIdleSince', cutoff);
  }

  async unload(_workshopId: string): Promise<void> {}

  /**
   * Fault injection for tests: the database thread ends (exit code 70) when
   * the next append reaches it, before writing anything, as a thread that
   * crashed or ran out of memory would. The append in flight fails (its rooms
   * close with 4507) and the next request starts a fresh thread.
   */
  exitWorkerAtNextAppend(): Promise<void> {
    return this.db.call('exitAtNextAppend', []);
  }

  /** Lets the requests in flight finish, closes the database, ends the threads. */
  async close(): Promise<void> {
    // The checkpointer's connection first: closing the last one checkpoints the
    // WAL into the database file and removes it, leaving one file behind.
    await this.checkpointer.close('close');
    await Promise.all([this.db.close('close'), this.merger.close()]);
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
