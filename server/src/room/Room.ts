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
 * A client's update is checked before it is applied (ClientUpdateApplier,
 * updateGuard.ts): one that refers to content the server lacks, nests too
 * deep, writes under a root its sender may not use or would make Yjs throw is
 * never applied; only its sender is closed (4400). If storage fails, or Yjs
 * throws half-way through applying anyway, the in-memory document may hold
 * changes that are not stored: the room fails, closes its connections (they
 * reconnect and resync) and is reloaded from storage.
 *
 * What goes out to the connections (flow control, SyncStep answers,
 * broadcasts) is RoomSender's; who is in the room (joins, leaves, revoked
 * identities) is RoomMembers'; presence and cursors are AwarenessRelay's; the
 * server's own changes are ServerChanges'; what storage holds of the room
 * (sequence numbers, sizes, when to compact) is StoredLog's.
 */

import type { OpenOptions } from '@pinnwand/shared/model/migrations';
import { type CloseCodeName, RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import {
  type AwarenessEntry,
  encodePermissionDenied,
  encodeUpdate,
} from '../socket/messageCodec.ts';
import type { StoredDocument } from '../storage/Storage.ts';
import { AwarenessClaims } from './AwarenessClaims.ts';
import { AwarenessRelay } from './AwarenessRelay.ts';
import { type Batch, mergeInGroups, UpdateCollector } from './Batch.ts';
import { ClientIdOwners } from './ClientIdOwners.ts';
import { ClientUpdateApplier, participantCap } from './ClientUpdateApplier.ts';
import type { Connection } from './Connection.ts';
import { DeferredBuild } from './DeferredBuild.ts';
import { JoinGreeting } from './JoinGreeting.ts';
import { LazyDocument } from './LazyDocument.ts';
import { migrateOnBuild } from './migrateOnBuild.ts';
import { PolicyReverter } from './PolicyReverter.ts';
import { type RoomAction, rejectWaiting } from './RoomAction.ts';
import { RoomFailed } from './RoomFailed.ts';
import { RoomMembers } from './RoomMembers.ts';
import { RoomSender } from './RoomSender.ts';
import { ServerChanges } from './ServerChanges.ts';
import { StoredLog } from './StoredLog.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import type { IncomingUpdate } from './updateGuard.ts';
import { updateWouldChange } from './updateInspect.ts';
import type { UpdatePolicy } from './updatePolicy.ts';

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

export class Room {
  private readonly document: LazyDocument;
  private reverterInstance: PolicyReverter | null = null;
  private readonly deferredBuild: DeferredBuild;
  readonly connections = new Set<Connection>();
  /** Joins and leaves, counts, revoked identities. */
  readonly members: RoomMembers;
  private readonly sender: RoomSender;
  private readonly awareness: AwarenessRelay;
  private readonly greeting: JoinGreeting;
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
  /**
   * What storage holds of this room (sequence numbers, sizes, due
   * compaction), read by the Committer and the RoomManager; only `commit`
   * and the Committer's `compacted` change it.
   */
  readonly log: StoredLog;

  private inbox: RoomAction[] = [];
  private readonly collector = new UpdateCollector();
  private readonly clientUpdates: ClientUpdateApplier;
  private readonly serverChanges: ServerChanges;
  private readonly syncAnswers: SyncAnswers;

  constructor(
    readonly id: string,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
  ) {
    this.document = new LazyDocument(stored, (doc) => this.onDocumentBuilt(doc));
    this.syncAnswers = new SyncAnswers(this.document);
    this.deferredBuild = new DeferredBuild(
      this.document,
      this.connections,
      () => this.state === 'ready',
    );
    this.log = new StoredLog(stored, {
      compactAfterUpdates: deps.compactAfterUpdates,
      compactAfterBytes: deps.compactAfterBytes,
      shrinkAbove: participantCap(deps.limits),
    });
    this.sender = new RoomSender(this.connections, this.syncAnswers, deps.limits, deps.metrics);
    const clientIds = new ClientIdOwners();
    this.clientUpdates = new ClientUpdateApplier(deps, {
      clientIds,
      id,
      document: this.document,
      reverter: () => this.reverter,
      storedBytes: () => this.log.bytes,
      sender: this.sender,
      collector: this.collector,
    });
    this.serverChanges = new ServerChanges(this.document, this.collector);
    this.greeting = new JoinGreeting(this.document, this.sender);
    this.awareness = new AwarenessRelay(
      deps.limits.awarenessMaxStateBytes,
      this.sender,
      deps.metrics,
      clientIds,
      new AwarenessClaims(() => (this.document.isBuilt ? this.document.doc : null)),
    );
    this.members = new RoomMembers(this.connections, {
      document: this.document,
      sender: this.sender,
      greeting: this.greeting,
      awareness: this.awareness,
      metrics: deps.metrics,
      onEmpty: () => deps.onEmpty(this),
    });
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
    this.serverChanges.documentBuilt();
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The document changed: answers encoded before describe an older version.
      this.syncAnswers.invalidate();
      this.collector.take(update, origin);
    });
    this.reverterInstance = new PolicyReverter(doc, this.id, this.deps.policy, this.deps.logger);
    this.members.closeRevoked();
    migrateOnBuild(
      doc,
      this.id,
      (fn, origin) => this.applyServerChange(fn, origin),
      this.deps.logger,
      this.deps.migrations,
    );
    this.greeting.documentBuilt(doc);
  }

  get hasPendingWork(): boolean {
    return this.inbox.length > 0;
  }

  // --- receiving (socket layer) ---------------------------------------------

  addConnection(conn: Connection): void {
    if (this.members.join(conn)) this.enqueue({ kind: 'greet', conn });
  }

  removeConnection(conn: Connection): void {
    this.members.leave(conn);
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
   * but without building a cold room's document for it (ServerChanges.write).
   * `fn` must not read: it sees only earlier such writes. Once the document is
   * built, the change is made there (applyServerChange).
   */
  applyServerWrite(fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    if (this.document.isBuilt) return this.applyServerChange(fn, origin);
    return new Promise<void>((resolve, reject) => {
      if (this.state !== 'ready') {
        reject(new Error('room is not loaded'));
        return;
      }
      const written = this.serverChanges.write(fn, origin);
      if (written) this.enqueue({ kind: 'write', ...written, origin, resolve, reject });
      else resolve();
    });
  }

  private enqueue(action: RoomAction): void {
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
    let deletes: boolean;
    try {
      deletes = this.applyActions(actions, batch);
    } catch (err) {
      // Yjs or a server change threw half-way (RoomCorrupted): the Committer fails the
      // room, and this batch is never committed; whoever waits on it must hear so.
      const failure = new RoomFailed(this.id, err);
      for (const reject of batch.failed) reject(failure);
      rejectWaiting(actions, failure);
      throw err;
    }
    batch.updates = mergeInGroups(batch.updates);
    batch.deletes = deletes;
    return batch;
  }

  /** Applies the actions into the batch; whether one of them deletes something. */
  private applyActions(actions: readonly RoomAction[], batch: Batch): boolean {
    let deletes = false;
    for (const action of actions) {
      switch (action.kind) {
        case 'update':
          if (this.clientUpdates.apply(action.conn, action.update, batch)) deletes = true;
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
          this.greeting.greet(conn, batch, () => this.awareness.sendAllTo(conn));
          break;
        }
        case 'change':
          this.serverChanges.applyChange(action, batch);
          break;
        case 'write':
          this.serverChanges.applyWrite(action, batch);
          break;
      }
    }
    return deletes;
  }

  /** The batch is stored under `seqs`: relay it and answer whoever waited. */
  commit(batch: Batch, seqs: readonly number[]): void {
    this.log.stored(
      seqs,
      batch.updates.map((u) => u.bytes.length),
      batch.deletes === true,
      batch.updates.map((u) => u.outsidePicture === true),
    );
    // Answers from the stored bytes of an unbuilt document lack what is stored now.
    if (!this.document.isBuilt && seqs.length > 0) this.syncAnswers.invalidate();
    for (let i = 0; i < seqs.length; i++) this.document.committed(batch.updates[i]!.bytes);
    for (const update of batch.updates)
      this.sender.broadcast(encodeUpdate(update.bytes), update.except);
    for (const fn of batch.after) fn();
    // Ahead of need only for someone in the room: a server write to a room nobody
    // has joined yet (a device's identity, asked for just before it connects)
    // would otherwise build it right when that device is being answered.
    if (this.connections.size > 0) this.deferredBuild.schedule();
  }

  /**
   * Storage failed or the document is inconsistent: close everyone, forget the
   * room. Every server change and write waiting for it, in `pending` or still
   * in the inbox, is rejected (RoomFailed), so the request behind it answers.
   */
  fail(code: CloseCodeName, err: unknown, pending?: Batch): void {
    if (this.state !== 'ready') return;
    this.state = 'failed';
    this.deps.logger.error({ err, room: this.id }, 'room failed; reloading it from storage');
    const failure = new RoomFailed(this.id, err);
    for (const reject of pending?.failed ?? []) reject(failure);
    rejectWaiting(this.inbox, failure);
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
    this.serverChanges.destroy();
    this.document.destroy();
    this.syncAnswers.dispose();
  }
}
