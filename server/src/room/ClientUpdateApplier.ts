/**
 * How one client's update gets into a room's document (Room.takeBatch): checked
 * before it is applied (updateGuard.ts), held to the sender's share of the
 * document size limit, applied, and reverted when the update policy refuses it
 * (PolicyReverter), so that only its net effect is stored and relayed. A
 * connection that sent an update the server cannot accept is closed and its
 * later updates are ignored.
 */

import { type CloseCodeName, RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { encodePermissionDenied } from '../socket/messageCodec.ts';
import { type Batch, RoomCorrupted, type UpdateCollector } from './Batch.ts';
import type { ClientIdOwners } from './ClientIdOwners.ts';
import type { Connection } from './Connection.ts';
import type { LazyDocument } from './LazyDocument.ts';
import type { PolicyReverter } from './PolicyReverter.ts';
import { clearPending, hasPending } from './pendingStructs.ts';
import type { RoomSender } from './RoomSender.ts';
import { type GuardBounds, guardUpdate, type IncomingUpdate } from './updateGuard.ts';
import type { UpdatePolicy } from './updatePolicy.ts';

/**
 * Participants' updates stop here, below `maxDocumentBytes`, so that
 * participants cannot use up the room facilitators need to act (half the
 * document at most is reserved).
 */
export function participantCap(limits: Limits): number {
  const { maxDocumentBytes, facilitatorReserveBytes } = limits;
  return maxDocumentBytes - Math.min(facilitatorReserveBytes, Math.floor(maxDocumentBytes / 2));
}

export interface ClientUpdateDeps {
  policy: UpdatePolicy;
  limits: Limits;
  metrics: Metrics;
  logger: Logger;
}

/** The parts of its room it works with. */
export interface ClientUpdateRoom {
  id: string;
  document: LazyDocument;
  /** The document's reverter (reading it builds the document). */
  reverter: () => PolicyReverter;
  /** What storage holds of the room now, in bytes. */
  storedBytes: () => number;
  sender: RoomSender;
  collector: UpdateCollector;
  /** Whose client ids are whose: nobody writes under another's. */
  clientIds: ClientIdOwners;
}

export class ClientUpdateApplier {
  /** Connections whose writes are refused from now on (closed for a refused update). */
  private readonly blocked = new WeakSet<Connection>();

  constructor(
    private readonly deps: ClientUpdateDeps,
    private readonly room: ClientUpdateRoom,
  ) {}

  /**
   * Applies `update` into `batch` (its updates, and the sender's refusal after
   * the commit); returns whether it deleted something. Throws RoomCorrupted
   * when Yjs threw half-way through.
   */
  apply(conn: Connection, update: IncomingUpdate, batch: Batch): boolean {
    if (this.blocked.has(conn)) return false;
    const { limits, metrics, logger } = this.deps;
    const { id: roomId, sender } = this.room;
    const doc = this.room.document.doc;
    const checked = guardUpdate(doc, update.decoded, this.boundsFor(conn));
    if (!checked.ok) {
      if (checked.kind === 'pending' && !conn.synced && !update.step2) {
        // Sent before its SyncStep2 (edits right after a reconnect can build on
        // offline edits the server lacks): that SyncStep2 carries all of it.
        return false;
      }
      logger.debug({ room: roomId, conn: conn.id, reason: checked.reason }, 'update refused');
      this.refuse(conn, RejectReason.malformed, 'malformed');
      return false;
    }
    if (update.step2) conn.synced = true;
    // Deleting is always possible; new content stops at the role's share of the limit.
    const cap = conn.role === 'facilitator' ? limits.maxDocumentBytes : participantCap(limits);
    if (!checked.deletesOnly && this.room.storedBytes() + update.bytes.length > cap) {
      this.refuse(conn, RejectReason.documentTooLarge, 'documentTooLarge');
      return false;
    }
    if (!checked.deletesOnly && !this.room.clientIds.mayWrite(conn, doc, update.decoded)) {
      logger.debug({ room: roomId, conn: conn.id }, 'update under another writer’s client id');
      this.refuse(conn, RejectReason.foreignClientId, 'foreignClientId');
      return false;
    }
    const start = batch.updates.length;
    const reverter = this.room.reverter();
    reverter.begin();
    try {
      this.room.collector.into(batch.updates, () => Y.applyUpdate(doc, update.bytes, conn.origin));
    } catch (err) {
      this.refuse(conn, RejectReason.malformed, 'malformed');
      throw new RoomCorrupted(`applying an update failed: ${String(err)}`);
    }
    if (hasPending(doc)) {
      // The guard let through something Yjs could not integrate: never keep it.
      clearPending(doc);
      logger.error({ room: roomId, conn: conn.id }, 'an update left content pending');
      this.refuse(conn, RejectReason.malformed, 'malformed');
    }
    const refusal = reverter.refusal();
    if (refusal) {
      // Store and relay only the net effect: the refused content never leaves the server.
      batch.updates.length = start;
      const before = Y.encodeStateVector(refusal.transaction.beforeState);
      reverter.revert(refusal);
      batch.updates.push({ bytes: Y.encodeStateAsUpdate(doc, before), except: null });
      metrics.rejected.inc({ reason: RejectReason.policy });
      batch.after.push(() => sender.send(conn, encodePermissionDenied(refusal.reason)));
      return false;
    }
    return update.decoded.ds.clients.size > 0;
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
    this.room.sender.close(conn, code);
  }
}
