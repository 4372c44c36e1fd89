/**
 * What the server needs from a database, and nothing more. The room layer is
 * written against this interface; SQLite (SqliteStorage) is the embedded
 * default, PostgreSQL (postgres/PostgresStorage) the shared engine of several
 * processes; both pass the same contract suite (storageContract.ts).
 *
 * A document is stored as one snapshot (a Yjs update encoding the whole state
 * up to `snapshotSeq`) plus the log of updates committed after it. Sequence
 * numbers grow strictly per document; `compact` replaces the snapshot and the
 * log entries it covers in ONE transaction, so a crash leaves either the old
 * snapshot with its log or the new snapshot, never a gap.
 *
 * The event loop never waits for the disk: every method returns a promise and
 * a backend does its blocking I/O and its CPU-heavy Yjs work (compaction) off
 * the caller's thread (SqliteStorage: a worker thread owning the connection).
 * The room layer pipelines on top of that (room/Committer.ts): while one
 * `append` is in flight it applies the next tick's updates, and it calls
 * `append` again only after the previous one settled, so a backend sees at
 * most one `append` at a time and may rely on commit order = call order —
 * unless the backend says it `pipelinesAppends` (SQLite): then each round is
 * handed over as soon as it is applied, and the backend keeps the order.
 *
 * A shared backend serves each room to one process at a time: `load` claims the
 * room for this process (or rejects with RoomHeldElsewhere), `append` and
 * `compact` are fenced on that claim in their own transaction (they reject with
 * RoomsLost once another process took the room over or it was deleted), and
 * `unload` gives the room up. SQLite, private to one process, never rejects so.
 */
import type { Role } from '@pinnwand/shared/protocol/roles';

export interface WorkshopRecord {
  id: string;
  title: string;
  createdAt: number;
  /** SHA-256 of each capability token; tokens themselves are never stored. */
  tokenHashes: Readonly<Record<Role, Buffer>>;
  /**
   * The participant and viewer tokens, sealed with a key only the facilitator
   * token yields (workshops/inviteVault.ts); null for workshops created before
   * invites were stored.
   */
  sealedInvites?: Buffer | null;
}

export interface StoredDocument {
  /** The last compacted state, or null when the document has none. */
  snapshot: Uint8Array | null;
  /** Updates committed after the snapshot, in commit order. */
  updates: Uint8Array[];
  /** Sequence number of the last update contained (in the snapshot or the log); 0 when empty. */
  lastSeq: number;
  /** Size of the snapshot in bytes. */
  snapshotBytes: number;
  /** Size of the log in bytes. */
  logBytes: number;
}

/**
 * The board preview stored with the last snapshot (storedPreview.ts). It
 * shows the document as of `upToSeq`: current only while nothing was
 * committed after that.
 */
export interface StoredPreview {
  /** Sequence number of the last update the snapshot it was read from contains. */
  upToSeq: number;
  /** What the bytes hold (storedPreview.ts `previewFormat`); another format is not to be used. */
  format: string;
  /** The BoardPreview as JSON, gzipped. */
  gzipped: Uint8Array;
  /** Its BoardCards as JSON, gzipped; null in a preview stored before cards were (an older format). */
  cards: Uint8Array | null;
  /**
   * Sequence number of the workshop's last stored update when the preview was
   * read, in the same read: equal to `upToSeq` when nothing was stored after
   * the snapshot it shows, so it shows all that is stored.
   */
  storedSeq: number;
}

/** A stored preview found current, as served: the BoardPreview and its BoardCards, gzipped JSON. */
export interface StoredPicture {
  preview: Uint8Array;
  cards: Uint8Array;
}

/** What a compaction left in storage. */
export interface Compaction {
  /** Sequence number of the last update the new snapshot contains. */
  upToSeq: number;
  /** Size of the new snapshot in bytes. */
  snapshotBytes: number;
}

/**
 * `countIdentity`'s answer: one more identity counted; the limit was reached
 * (nothing counted); or no count is kept for this workshop yet (created before
 * counts were kept, or not found) and none was given.
 */
export type IdentityCount = 'counted' | 'full' | 'unknown';

export interface AppendEntry {
  workshopId: string;
  update: Uint8Array;
}

export interface Storage {
  /**
   * True when `append` may be called again before the previous call settled.
   * Such a backend commits in call order (it may merge appends that wait behind
   * a running commit into one transaction), settles them in call order, and
   * once an append failed, fails every append that was called before that
   * failure was reported too, storing nothing of them: they may build on
   * updates that were not stored. Absent or false: the caller waits for each
   * append to settle before it calls the next.
   */
  readonly pipelinesAppends?: boolean;
  /** Registers a workshop with its initial document state, atomically. Rejects a duplicate id. */
  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void>;
  /** The workshop's record, or null when no such workshop was created. */
  getWorkshop(id: string): Promise<WorkshopRecord | null>;
  /**
   * Counts one more participant identity issued for the workshop, atomically,
   * unless `limit` (null: none) is reached. A workshop created before counts
   * were kept has none: with `known` (the identities its document holds) the
   * count starts there, without it the answer is 'unknown' and nothing changes.
   * Kept beside the document so that issuing an identity need not build a
   * large document to count its `identities` map (http/identityRoutes.ts).
   */
  countIdentity(
    workshopId: string,
    limit: number | null,
    known: number | null,
  ): Promise<IdentityCount>;
  /** Snapshot plus the updates after it. */
  load(workshopId: string): Promise<StoredDocument>;
  /**
   * Commits all entries (possibly of several documents) in ONE transaction —
   * group commit — and resolves to their sequence numbers, in order. When it
   * rejects, none of the entries is stored.
   */
  append(entries: readonly AppendEntry[]): Promise<number[]>;
  /**
   * Merges the stored snapshot and the logged updates into a new snapshot
   * (compactState.ts), drops the log entries it contains and replaces the
   * stored board preview with the new snapshot's (or removes it, when the
   * merge yields none); the write is ONE transaction. It works on what is
   * stored, not on a caller's copy of the document, so it needs no
   * coordination with appends: updates committed after the log was read stay
   * in the log. Resolves to null, changing nothing, when there was no log to
   * merge, or when another compaction replaced the snapshot meanwhile.
   */
  compact(workshopId: string): Promise<Compaction | null>;
  /**
   * The board preview stored by the last compaction, or null when there is
   * none (never compacted since previews were stored, or the workshop is gone).
   * A read only: it claims no room.
   */
  loadPreview(workshopId: string): Promise<StoredPreview | null>;
  /**
   * Deletes the workshop's record, snapshot, update log and stored preview in ONE transaction;
   * resolves to false when there was no such workshop.
   */
  deleteWorkshop(id: string): Promise<boolean>;
  /**
   * Ids of workshops whose last stored update (their creation, when none was
   * stored since) is older than `cutoff` (ms since epoch). For retention,
   * counted in days: a backend may record the time of a workshop's last
   * update up to a minute late (SQLite does, to keep its commits small).
   */
  workshopsIdleSince(cutoff: number): Promise<string[]>;
  /** The room is no longer held in memory by this process (a hook for shared backends). */
  unload(workshopId: string): Promise<void>;
  /** Releases the database; no call may follow. */
  close(): Promise<void>;
}

/** The room is served by another live process; connect through that one (shared backends). */
export class RoomHeldElsewhere extends Error {
  constructor(
    readonly workshopId: string,
    /** Where its owner is reached (INTERNAL_URL of that process). */
    readonly ownerUrl: string,
  ) {
    super(`room ${workshopId} is held by ${ownerUrl}`);
  }
}

/** Why this process no longer holds a room. */
export type RoomLoss = 'taken' | 'deleted' | 'unreachable';

/**
 * A write was refused, and nothing of it stored, because this process no
 * longer holds some of its rooms (fencing, shared backends): another process
 * took them over, or the workshop was deleted.
 */
export class RoomsLost extends Error {
  constructor(readonly rooms: ReadonlyMap<string, RoomLoss>) {
    super(`no longer held here: ${[...rooms.keys()].join(', ')}`);
  }
}
