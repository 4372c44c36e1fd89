/**
 * One workshop's live document and the connections editing it.
 *
 * Incoming document changes do not touch the document when they arrive: they
 * wait in the room's inbox until the end of the event-loop tick. Then, in one
 * synchronous pass, `takeBatch` applies them (policy checks, reverts) and
 * encodes the answers to sync requests; the Committer stores everything they
 * produced in ONE storage transaction, and only then `commit` relays it and
 * sends those answers. The document may run ahead of storage (the next tick is
 * applied while this one is committed), but nothing anyone receives — a relayed
 * update or a SyncStep2 — leaves before it is stored, so none of it can be
 * lost by a crash.
 *
 * A client's update is checked before it is applied (updateGuard.ts): one
 * that refers to content the server lacks, nests too deep, writes under a
 * root its sender may not use or would make Yjs throw is never applied; only
 * its sender is closed (4400). If storage fails, or Yjs throws half-way through
 * applying anyway, the in-memory document may hold changes that are not
 * stored: the room fails, closes its connections (they reconnect and resync)
 * and is reloaded from storage.
 *
 * What goes out to the connections (flow control, SyncStep answers,
 * broadcasts) is RoomSender's; presence and cursors are AwarenessRelay's.
 */

import { isRevoked } from '@pinnwand/shared/model/identity';
import { documentFormat, type OpenOptions, openDocument } from '@pinnwand/shared/model/migrations';
import { MIGRATION_ORIGIN } from '@pinnwand/shared/model/origin';
import { type CloseCodeName, RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import {
  type AwarenessEntry,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeUpdate,
} from '../socket/messageCodec.ts';
import type { Compaction, StoredDocument } from '../storage/Storage.ts';
import { AwarenessRelay } from './AwarenessRelay.ts';
import { type Connection, ConnectionOrigin } from './Connection.ts';
import { LazyDocument } from './LazyDocument.ts';
import { PolicyReverter } from './PolicyReverter.ts';
import { clearPending, hasPending } from './pendingStructs.ts';
import { RoomSender } from './RoomSender.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import { type GuardBounds, guardUpdate, type IncomingUpdate } from './updateGuard.ts';
import { updateWouldChange } from './updateInspect.ts';
import type { UpdatePolicy } from './updatePolicy.ts';

/**
 * How long an idle cold room waits, after its first answers from the stored
 * bytes went out, before it builds its document (Room.buildSoon).
 */
const BUILD_GRACE_MS = 500;

export interface RoomDeps {
  policy: UpdatePolicy;
  metrics: Metrics;
  logger: Logger;
  limits: Limits;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** The room has something for the next group commit. */
  onDirty(room: Room): void;
  /** The last connection left. */
  onEmpty(room: Room): void;
  /** The room failed and must be forgotten (it is reloaded from storage on next use). */
  onFailed(room: Room): void;
  /** Tests only: a migration list and current format version other than the released ones. */
  migrations?: OpenOptions;
}

type Action =
  | { kind: 'update'; conn: Connection; update: IncomingUpdate }
  | { kind: 'syncStep1'; conn: Connection; stateVector: Uint8Array }
  | { kind: 'greet'; conn: Connection }
  | {
      kind: 'change';
      fn: (doc: Y.Doc) => void;
      origin: unknown;
      resolve: () => void;
      reject: (err: unknown) => void;
    }
  | {
      kind: 'write';
      update: Uint8Array;
      origin: unknown;
      resolve: () => void;
      reject: (err: unknown) => void;
    };

export interface PendingUpdate {
  bytes: Uint8Array;
  /** Connection that already has it (its sender); null: send to everyone. */
  except: Connection | null;
}

export interface Batch {
  updates: PendingUpdate[];
  /** Run after the updates are committed (answers to sync requests, acknowledgements). */
  after: (() => void)[];
  /** Run instead of `after` when the commit failed. */
  failed: ((err: unknown) => void)[];
  /** Some update of the batch deletes something. */
  deletes?: boolean;
}

/** Updates merged into one stored row and relayed frame (see takeBatch). */
const MERGE_GROUP = 32;

export class RoomCorrupted extends Error {}

export class Room {
  private readonly document: LazyDocument;
  private reverterInstance: PolicyReverter | null = null;
  private buildScheduled = false;
  /** Joiners still to be sent our state vector, once the document is built. */
  private readonly awaitingStateVector = new Set<Connection>();
  readonly connections = new Set<Connection>();
  private readonly sender: RoomSender;
  private readonly awareness: AwarenessRelay;
  /** 'unloading': being compacted for unload; a join then waits and loads a fresh room. */
  state: 'ready' | 'unloading' | 'failed' | 'unloaded' = 'ready';
  /**
   * False once the server shuts down: what clients send from then on is not
   * applied (they still hold it and send it again after reconnecting), so the
   * pipeline runs dry while they keep writing.
   */
  private receiving = true;
  /** Routes (exports, imports) holding the room in memory. */
  pins = 0;
  lastSeq: number;
  snapshotBytes: number;
  logBytes = 0;
  logCount = 0;
  /**
   * What the stored log holds, by highest sequence number (the log loaded with
   * the room is one entry), so that a compaction, which covers whatever was
   * stored when it read the log, can be subtracted whenever it completes.
   */
  private readonly logEntries: { seq: number; count: number; bytes: number }[] = [];

  private inbox: Action[] = [];
  private collecting: PendingUpdate[] | null = null;
  /** Connections whose writes are refused from now on (closed for a refused update). */
  private readonly blocked = new WeakSet<Connection>();
  /** Something was deleted in the batch being applied (a full document may shrink). */
  private deletedInBatch = false;
  /**
   * Highest sequence number of a stored deletion no compaction has covered yet,
   * or null. By sequence number because compactions run beside commits: one that
   * read the log before the deletion was stored does not shrink the document.
   */
  private deletedAtSeq: number | null = null;
  private readonly syncAnswers: SyncAnswers;
  /** Where server writes are made while the document is not built (applyServerWrite). */
  private writer: Y.Doc | null = null;

  constructor(
    readonly id: string,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
  ) {
    this.document = new LazyDocument(stored, (doc) => this.onDocumentBuilt(doc));
    this.syncAnswers = new SyncAnswers(this.document);
    this.lastSeq = stored.lastSeq;
    this.snapshotBytes = stored.snapshotBytes;
    if (stored.updates.length > 0) {
      this.addLog(stored.lastSeq, stored.updates.length, stored.logBytes);
    }
    this.sender = new RoomSender(this.connections, this.syncAnswers, deps.limits, deps.metrics);
    this.awareness = new AwarenessRelay(
      deps.limits.awarenessMaxStateBytes,
      this.sender,
      deps.metrics,
    );
  }

  /** The live document (built from the stored state on first use: LazyDocument). */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  /** Whether the document is in memory already (reading `doc` would build it). */
  get isDocumentBuilt(): boolean {
    return this.document.isBuilt;
  }

  private get reverter(): PolicyReverter {
    void this.document.doc;
    return this.reverterInstance!;
  }

  private onDocumentBuilt(doc: Y.Doc): void {
    // Its writes are in the document now; later ones are made there.
    this.writer?.destroy();
    this.writer = null;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The document changed: answers encoded before describe an older version.
      this.syncAnswers.invalidate();
      if (!this.collecting) return;
      const except = origin instanceof ConnectionOrigin ? origin.connection : null;
      this.collecting.push({ bytes: update, except });
    });
    this.reverterInstance = new PolicyReverter(doc, this.id, this.deps.policy, this.deps.logger);
    this.closeRevoked();
    this.migrateIfDue(doc);
    // The document holds exactly the stored state here, so this vector is committed state.
    if (this.awaitingStateVector.size > 0) {
      const message = encodeSyncStep1(Y.encodeStateVector(doc));
      for (const conn of this.awaitingStateVector) this.sender.send(conn, message);
      this.awaitingStateVector.clear();
    }
  }

  /**
   * A document stored in an older format is migrated here, where it is first
   * built from storage — the only place that migrates (clients just check the
   * format). The steps run as one server change: stored, then relayed to
   * everyone like any other update.
   */
  private migrateIfDue(doc: Y.Doc): void {
    const format = documentFormat(doc, this.deps.migrations);
    if (format.kind !== 'older') return;
    this.applyServerChange((d) => {
      const result = openDocument(d, this.deps.migrations);
      if (result.readOnly)
        this.deps.logger.error({ room: this.id, reason: result.reason }, 'migration failed');
      else
        this.deps.logger.info(
          { room: this.id, from: format.stored, migrated: result.migrated },
          'document migrated',
        );
    }, MIGRATION_ORIGIN).catch((err: unknown) =>
      this.deps.logger.error({ err, room: this.id }, 'migration not stored'),
    );
  }

  /**
   * Builds the document once the joiners have had time to take in what they
   * were sent from the stored bytes. Building a large document blocks the
   * event loop for about a second and its garbage collection takes every core
   * of a small machine, so a joiner still reading its SyncStep2 (out of the
   * kernel's buffer on loopback, where `bufferedAmount` is already 0) would
   * wait for it. Anything that needs the document (an update, a route) builds
   * it at once anyway; this only builds an idle room ahead of need.
   */
  private buildSoon(): void {
    if (this.document.isBuilt || this.buildScheduled) return;
    this.buildScheduled = true;
    const dueAt = performance.now() + BUILD_GRACE_MS;
    const attempt = () => {
      if (this.state !== 'ready' || this.document.isBuilt) {
        this.buildScheduled = false;
        return;
      }
      const flushing = [...this.connections].some((c) => c.socket.bufferedAmount > 0);
      const wait = dueAt - performance.now();
      if (flushing || wait > 0) {
        setTimeout(attempt, Math.max(5, Math.min(wait, 50))).unref();
        return;
      }
      this.buildScheduled = false;
      void this.document.doc;
    };
    setImmediate(attempt);
  }

  /** Stored size: snapshot plus log. */
  get bytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  get needsCompaction(): boolean {
    return (
      this.logCount >= this.deps.compactAfterUpdates ||
      this.logBytes >= this.deps.compactAfterBytes ||
      // A full document shrinks only when compacted: do it once something was deleted.
      this.awaitsShrinking
    );
  }

  /**
   * Participants are at their share and something was deleted: the compaction
   * that shrinks the document is due, and the Committer applies nothing more
   * of this room until it ran (so nobody is refused for junk already deleted).
   */
  get awaitsShrinking(): boolean {
    return this.deletedAtSeq !== null && this.bytes > this.participantCap && this.logCount > 0;
  }

  /**
   * Participants' updates stop here, below `maxDocumentBytes`, so that
   * participants cannot use up the room facilitators need to act (half the
   * document at most is reserved).
   */
  private get participantCap(): number {
    const { maxDocumentBytes, facilitatorReserveBytes } = this.deps.limits;
    return maxDocumentBytes - Math.min(facilitatorReserveBytes, Math.floor(maxDocumentBytes / 2));
  }

  get hasPendingWork(): boolean {
    return this.inbox.length > 0;
  }

  // --- receiving (socket layer) ---------------------------------------------

  addConnection(conn: Connection): void {
    if (this.isRevokedIdentity(conn)) {
      this.deps.metrics.rejected.inc({ reason: RejectReason.identityRevoked });
      this.sender.close(conn, 'forbidden');
      return;
    }
    this.connections.add(conn);
    this.enqueue({ kind: 'greet', conn });
  }

  /**
   * Whether the connection's participant identity was revoked by the
   * facilitator. Judged once the document is in memory (joiners of a room just
   * loaded are checked when it is built: `closeRevoked`).
   */
  private isRevokedIdentity(conn: Connection): boolean {
    return (
      conn.participantId !== null &&
      this.document.isBuilt &&
      isRevoked(this.document.doc, conn.participantId)
    );
  }

  /** Closes (4403) every connection whose identity is revoked; returns how many. */
  closeRevoked(): number {
    let closed = 0;
    for (const conn of [...this.connections]) {
      if (!this.isRevokedIdentity(conn)) continue;
      this.deps.metrics.rejected.inc({ reason: RejectReason.identityRevoked });
      this.sender.close(conn, 'forbidden');
      this.removeConnection(conn);
      closed += 1;
    }
    return closed;
  }

  /** Open connections with this capability. */
  countRole(role: Connection['role']): number {
    let n = 0;
    for (const conn of this.connections) if (conn.role === role) n += 1;
    return n;
  }

  /** Open connections per participant id. */
  connectedParticipants(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const conn of this.connections) {
      if (conn.participantId !== null) {
        counts.set(conn.participantId, (counts.get(conn.participantId) ?? 0) + 1);
      }
    }
    return counts;
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.awaitingStateVector.delete(conn);
    this.awareness.removeConnection(conn);
    if (this.connections.size === 0) this.deps.onEmpty(this);
  }

  /** Shutdown: input from now on is dropped; what was received is still applied and committed. */
  stopReceiving(): void {
    this.receiving = false;
  }

  receiveUpdate(conn: Connection, update: IncomingUpdate): void {
    if (this.state !== 'ready' || !this.receiving) return;
    const verdict = this.deps.policy.admit?.({
      workshopId: this.id,
      role: conn.role,
      connectionId: conn.id,
      participantId: conn.participantId,
      doc: this.doc,
      update: update.bytes,
    });
    if (verdict && !verdict.allow) {
      // Never applied, stored or relayed. Tell the client only if it actually tried to change something.
      if (updateWouldChange(this.doc, update.decoded)) {
        this.deps.metrics.rejected.inc({ reason: RejectReason.viewerWrite });
        this.sender.send(conn, encodePermissionDenied(verdict.reason));
      }
      return;
    }
    this.enqueue({ kind: 'update', conn, update });
  }

  receiveSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    if (!this.receiving) return;
    this.enqueue({ kind: 'syncStep1', conn, stateVector });
  }

  receiveAwareness(conn: Connection, entries: readonly AwarenessEntry[]): void {
    if (this.state !== 'ready' || !this.receiving) return;
    this.awareness.receive(conn, entries);
  }

  receiveQueryAwareness(conn: Connection): void {
    this.awareness.sendAllTo(conn);
  }

  /**
   * Applies a change made by the server itself (imports, housekeeping) with the
   * given origin; resolves once it is stored and relayed to everyone. If `fn`
   * throws after changing the document, the room is reloaded from storage so
   * the half-done change is neither kept nor relayed: validate before mutating.
   */
  applyServerChange(fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.state !== 'ready') {
        reject(new Error('room is not loaded'));
        return;
      }
      this.enqueue({ kind: 'change', fn, origin, resolve, reject });
    });
  }

  /**
   * A server change that only adds entries under fresh keys and reads nothing
   * of the document (an issued identity): stored and relayed like any change,
   * but without building a cold room's document for it. Made in a document of
   * its own (the room's `writer`, one client id for all such writes, so each
   * follows the previous), whose updates join the stored state (LazyDocument)
   * and are applied when the document is built. `fn` must not read: it sees
   * only the writer's earlier entries. Once the document is built, the change
   * is made there (applyServerChange).
   */
  applyServerWrite(fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    if (this.document.isBuilt) return this.applyServerChange(fn, origin);
    return new Promise<void>((resolve, reject) => {
      if (this.state !== 'ready') {
        reject(new Error('room is not loaded'));
        return;
      }
      this.writer ??= new Y.Doc({ gc: true });
      const writer = this.writer;
      const updates: Uint8Array[] = [];
      const collect = (update: Uint8Array) => updates.push(update);
      writer.on('update', collect);
      try {
        writer.transact(() => fn(writer), origin);
      } finally {
        writer.off('update', collect);
      }
      if (updates.length === 0) {
        resolve();
        return;
      }
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      this.enqueue({ kind: 'write', update, origin, resolve, reject });
    });
  }

  private enqueue(action: Action): void {
    this.inbox.push(action);
    this.deps.onDirty(this);
  }

  // --- committing (Committer) ------------------------------------------------

  /** Applies everything in the inbox; the result must be committed, then passed to `commit`. */
  takeBatch(): Batch {
    const batch: Batch = { updates: [], after: [], failed: [] };
    const actions = this.inbox;
    this.inbox = [];
    if (this.state !== 'ready') return batch;
    for (const action of actions) {
      switch (action.kind) {
        case 'update':
          this.applyClientUpdate(action.conn, action.update, batch);
          break;
        case 'syncStep1': {
          // Encoded now, sent once this tick is stored: by then the document may already
          // hold later ticks' updates (the Committer applies ahead of storage).
          const { conn, stateVector } = action;
          const answer = this.sender.syncAnswer(conn, stateVector);
          if (answer) {
            batch.after.push(() => {
              for (const frame of answer) this.sender.send(conn, frame);
            });
          }
          break;
        }
        case 'greet': {
          const { conn } = action;
          // Our SyncStep1 (the state vector) can wait until the document is built:
          // the joiner is synced by our SyncStep2, and that must not wait for it.
          const stateVector = this.document.isBuilt
            ? encodeSyncStep1(Y.encodeStateVector(this.document.doc))
            : null;
          batch.after.push(() => {
            if (stateVector) this.sender.send(conn, stateVector);
            else if (this.document.isBuilt) {
              // Built meanwhile: the vector it sent to those waiting did not reach this one.
              this.sender.send(conn, encodeSyncStep1(Y.encodeStateVector(this.document.doc)));
            } else this.awaitingStateVector.add(conn);
            this.awareness.sendAllTo(conn);
          });
          break;
        }
        case 'change':
          this.applyChange(action, batch);
          break;
        case 'write':
          this.applyWrite(action, batch);
          break;
      }
    }
    if (batch.updates.length > 1) {
      // One stored row and one frame per recipient for a group of updates instead of
      // one per update: under load the fan-out, not Yjs, is what costs. Senders get
      // the merged update too; their own structs in it are no-ops to them. In groups:
      // Y.mergeUpdates sorts its inputs at every struct, so its cost grows with the
      // square of their number — a backlog of thousands in one tick took minutes,
      // and the next tick's backlog grew meanwhile.
      const groups: Batch['updates'] = [];
      for (let i = 0; i < batch.updates.length; i += MERGE_GROUP) {
        const group = batch.updates.slice(i, i + MERGE_GROUP);
        groups.push(
          group.length === 1
            ? group[0]!
            : { bytes: Y.mergeUpdates(group.map((u) => u.bytes)), except: null },
        );
      }
      batch.updates = groups;
    }
    batch.deletes = this.deletedInBatch;
    this.deletedInBatch = false;
    return batch;
  }

  private applyClientUpdate(conn: Connection, update: IncomingUpdate, batch: Batch): void {
    if (this.blocked.has(conn)) return;
    const { limits, metrics, logger } = this.deps;
    const checked = guardUpdate(this.doc, update.decoded, this.boundsFor(conn));
    if (!checked.ok) {
      if (checked.kind === 'pending' && !conn.synced && !update.step2) {
        // Sent before its SyncStep2 (edits right after a reconnect can build on
        // offline edits the server lacks): that SyncStep2 carries all of it.
        return;
      }
      logger.debug({ room: this.id, conn: conn.id, reason: checked.reason }, 'update refused');
      this.refuse(conn, RejectReason.malformed, 'malformed');
      return;
    }
    if (update.step2) conn.synced = true;
    // Deleting is always possible; new content stops at the role's share of the limit.
    const cap = conn.role === 'facilitator' ? limits.maxDocumentBytes : this.participantCap;
    if (!checked.deletesOnly && this.bytes + update.bytes.length > cap) {
      this.refuse(conn, RejectReason.documentTooLarge, 'documentTooLarge');
      return;
    }
    const start = batch.updates.length;
    this.collecting = batch.updates;
    this.reverter.begin();
    try {
      Y.applyUpdate(this.doc, update.bytes, conn.origin);
    } catch (err) {
      this.collecting = null;
      this.refuse(conn, RejectReason.malformed, 'malformed');
      throw new RoomCorrupted(`applying an update failed: ${String(err)}`);
    }
    this.collecting = null;
    if (hasPending(this.doc)) {
      // The guard let through something Yjs could not integrate: never keep it.
      clearPending(this.doc);
      logger.error({ room: this.id, conn: conn.id }, 'an update left content pending');
      this.refuse(conn, RejectReason.malformed, 'malformed');
    }
    const refusal = this.reverter.refusal();
    if (refusal) {
      // Store and relay only the net effect: the refused content never leaves the server.
      batch.updates.length = start;
      const before = Y.encodeStateVector(refusal.transaction.beforeState);
      this.reverter.revert(refusal);
      batch.updates.push({ bytes: Y.encodeStateAsUpdate(this.doc, before), except: null });
      metrics.rejected.inc({ reason: RejectReason.policy });
      batch.after.push(() => this.sender.send(conn, encodePermissionDenied(refusal.reason)));
      return;
    }
    if (update.decoded.ds.clients.size > 0) this.deletedInBatch = true;
  }

  private boundsFor(conn: Connection): GuardBounds {
    const { limits, policy } = this.deps;
    return {
      maxNestingDepth: limits.maxNestingDepth,
      // A facilitator's import inserts into two or three types per note; its
      // cost is bounded by its changes (each type inserted into is one of them).
      maxUpdateTypes:
        conn.role === 'facilitator' ? limits.maxFacilitatorUpdateStructs : limits.maxUpdateTypes,
      allowRoot: (name) => policy.writableRoot?.(conn.role, name) ?? true,
    };
  }

  /** Closes a connection for an update it sent; its later updates are ignored. */
  private refuse(conn: Connection, reason: string, code: CloseCodeName): void {
    this.blocked.add(conn);
    this.deps.metrics.rejected.inc({ reason });
    this.sender.close(conn, code);
  }

  private applyChange(action: Extract<Action, { kind: 'change' }>, batch: Batch): void {
    this.collecting = batch.updates;
    try {
      this.doc.transact(() => action.fn(this.doc), action.origin);
    } catch (err) {
      this.collecting = null;
      action.reject(err);
      throw new RoomCorrupted(`a server change failed: ${String(err)}`);
    }
    this.collecting = null;
    batch.after.push(action.resolve);
    batch.failed.push(action.reject);
  }

  private applyWrite(action: Extract<Action, { kind: 'write' }>, batch: Batch): void {
    if (this.document.isBuilt) {
      // Built since the write was made: it goes into the document like any update.
      this.collecting = batch.updates;
      try {
        Y.applyUpdate(this.doc, action.update, action.origin);
      } catch (err) {
        this.collecting = null;
        action.reject(err);
        throw new RoomCorrupted(`a server write failed: ${String(err)}`);
      }
      this.collecting = null;
    } else {
      this.document.wrote(action.update);
      batch.updates.push({ bytes: action.update, except: null });
    }
    batch.after.push(action.resolve);
    batch.failed.push(action.reject);
  }

  /** The batch is stored under `seqs`: relay it and answer whoever waited. */
  commit(batch: Batch, seqs: readonly number[]): void {
    if (batch.deletes && seqs.length > 0) this.deletedAtSeq = Math.max(...seqs);
    // Answers from the stored bytes of an unbuilt document lack what is stored now.
    if (!this.document.isBuilt && seqs.length > 0) this.syncAnswers.invalidate();
    for (let i = 0; i < seqs.length; i++) {
      this.lastSeq = Math.max(this.lastSeq, seqs[i]!);
      this.addLog(seqs[i]!, 1, batch.updates[i]!.bytes.length);
      this.document.committed(batch.updates[i]!.bytes);
    }
    for (const update of batch.updates)
      this.sender.broadcast(encodeUpdate(update.bytes), update.except);
    for (const fn of batch.after) fn();
    // Ahead of need only for someone in the room: a server write to a room nobody
    // has joined yet (a device's identity, asked for just before it connects)
    // would otherwise build it right when that device is being answered.
    if (this.connections.size > 0) this.buildSoon();
  }

  private addLog(seq: number, count: number, bytes: number): void {
    this.logEntries.push({ seq, count, bytes });
    this.logCount += count;
    this.logBytes += bytes;
  }

  /** Storage merged its log up to `upToSeq` into a new snapshot. */
  compacted(compaction: Compaction): void {
    let covered = 0;
    while (
      covered < this.logEntries.length &&
      this.logEntries[covered]!.seq <= compaction.upToSeq
    ) {
      const entry = this.logEntries[covered]!;
      this.logCount -= entry.count;
      this.logBytes -= entry.bytes;
      covered += 1;
    }
    this.logEntries.splice(0, covered);
    this.snapshotBytes = compaction.snapshotBytes;
    if (this.deletedAtSeq !== null && compaction.upToSeq >= this.deletedAtSeq) {
      this.deletedAtSeq = null;
    }
  }

  /** Storage failed or the document is inconsistent: close everyone, forget the room. */
  fail(code: CloseCodeName, err: unknown, pending?: Batch): void {
    if (this.state !== 'ready') return;
    this.state = 'failed';
    this.deps.logger.error({ err, room: this.id }, 'room failed; reloading it from storage');
    for (const reject of pending?.failed ?? []) reject(err);
    for (const action of this.inbox) if (action.kind === 'change') action.reject(err);
    this.inbox = [];
    for (const conn of [...this.connections]) this.sender.close(conn, code);
    this.dispose();
    this.deps.onFailed(this);
  }

  /** Closes every connection (shutdown); the room stays loaded until unloaded. */
  closeAll(code: CloseCodeName): void {
    for (const conn of [...this.connections]) this.sender.close(conn, code);
  }

  dispose(): void {
    if (this.state !== 'failed') this.state = 'unloaded';
    this.reverterInstance?.destroy();
    this.writer?.destroy();
    this.writer = null;
    this.document.destroy();
    this.syncAnswers.dispose();
  }
}
