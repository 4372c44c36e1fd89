/**
 * A room's awareness traffic: frames from its connections are checked by the
 * AwarenessRegistry (ownership, size, the stamped role), refusals are counted,
 * and what was accepted is relayed to everyone in one broadcast per tick.
 * Awareness is state-based (receivers keep the highest clock per client), so
 * only each client's latest entry needs to go out: with many clients moving
 * cursors at 20 Hz, one frame per tick instead of one per message keeps the
 * event loop free for document updates. Never stored.
 */
import { RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Metrics } from '../metrics.ts';
import {
  type AwarenessEntry,
  encodeAwareness,
  type OutgoingAwarenessEntry,
} from '../socket/messageCodec.ts';
import type { AwarenessClaims } from './AwarenessClaims.ts';
import { AwarenessRegistry } from './AwarenessRegistry.ts';
import type { ClientIdOwners } from './ClientIdOwners.ts';
import type { Connection } from './Connection.ts';
import type { RoomSender } from './RoomSender.ts';

export class AwarenessRelay {
  private readonly registry: AwarenessRegistry;
  /** Accepted changes waiting for this tick's broadcast, by client id. */
  private readonly outbox = new Map<number, OutgoingAwarenessEntry>();
  private flushScheduled = false;

  constructor(
    maxStateBytes: number,
    private readonly sender: RoomSender,
    private readonly metrics: Metrics,
    clientIds: ClientIdOwners,
    claims: AwarenessClaims,
  ) {
    this.registry = new AwarenessRegistry(maxStateBytes, clientIds, claims);
  }

  /** A connection's awareness frame; a malformed state closes it (4400). */
  receive(conn: Connection, entries: readonly AwarenessEntry[]): void {
    const result = this.registry.apply(conn, entries);
    if (result.malformed) {
      this.metrics.rejected.inc({ reason: RejectReason.malformed });
      this.sender.close(conn, 'malformed');
      return;
    }
    if (result.notOwner > 0) {
      this.metrics.rejected.inc({ reason: RejectReason.awarenessNotOwner }, result.notOwner);
    }
    if (result.tooManyClients > 0) {
      this.metrics.rejected.inc(
        { reason: RejectReason.awarenessTooManyClients },
        result.tooManyClients,
      );
    }
    if (result.tooLarge > 0) {
      this.metrics.rejected.inc({ reason: RejectReason.awarenessTooLarge }, result.tooLarge);
    }
    this.queue(result.accepted);
  }

  /** Every current state, to a joiner or a client that asked. */
  sendAllTo(conn: Connection): void {
    const entries = this.registry.all();
    if (entries.length > 0) this.sender.send(conn, encodeAwareness(entries));
  }

  /** The connection left: its clients' states are removed for everyone. */
  removeConnection(conn: Connection): void {
    this.queue(this.registry.removeConnection(conn));
  }

  private queue(entries: readonly OutgoingAwarenessEntry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.outbox.set(entry.clientId, entry);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = [...this.outbox.values()];
      this.outbox.clear();
      if (batch.length > 0 && this.sender.hasRecipients) {
        this.sender.broadcast(encodeAwareness(batch), null);
      }
    });
  }
}
