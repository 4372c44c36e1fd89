/**
 * Who is in a room: connections join and leave here, counted per capability
 * and per participant, and those holding an identity the facilitator revoked
 * are closed (4403). Revocation is written in the document, so it is judged
 * only once the document is in memory: a joiner of a cold room is let in and
 * checked when the document is built (`closeRevoked`), which never waits for
 * a build.
 */
import { isRevoked } from '@pinnwand/shared/model/identity';
import { RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Metrics } from '../metrics.ts';
import type { AwarenessRelay } from './AwarenessRelay.ts';
import type { Connection } from './Connection.ts';
import type { JoinGreeting } from './JoinGreeting.ts';
import type { LazyDocument } from './LazyDocument.ts';
import type { RoomSender } from './RoomSender.ts';

export interface RoomMembersDeps {
  document: LazyDocument;
  sender: RoomSender;
  greeting: JoinGreeting;
  awareness: AwarenessRelay;
  metrics: Metrics;
  /** The last connection left. */
  onEmpty(): void;
}

export class RoomMembers {
  constructor(
    /** The room's open connections, shared with those who send to them. */
    private readonly connections: Set<Connection>,
    private readonly deps: RoomMembersDeps,
  ) {}

  /** Adds the connection, or closes it when its identity is revoked; whether it joined. */
  join(conn: Connection): boolean {
    if (this.isRevoked(conn)) {
      this.refuse(conn);
      return false;
    }
    this.connections.add(conn);
    return true;
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.deps.greeting.forget(conn);
    this.deps.awareness.removeConnection(conn);
    if (this.connections.size === 0) this.deps.onEmpty();
  }

  /** Closes (4403) every connection whose identity is revoked; returns how many. */
  closeRevoked(): number {
    let closed = 0;
    for (const conn of [...this.connections]) {
      if (!this.isRevoked(conn)) continue;
      this.refuse(conn);
      this.leave(conn);
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

  private isRevoked(conn: Connection): boolean {
    const { document } = this.deps;
    return (
      conn.participantId !== null && document.isBuilt && isRevoked(document.doc, conn.participantId)
    );
  }

  private refuse(conn: Connection): void {
    this.deps.metrics.rejected.inc({ reason: RejectReason.identityRevoked });
    this.deps.sender.close(conn, 'forbidden');
  }
}
