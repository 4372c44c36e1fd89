/**
 * A client as the room sees it: an id for logs, its capability, and a minimal
 * socket. The room never touches the `ws` class (conventions.md §6); the
 * socket layer adapts it (socket/wsConnection.ts), tests can fake it.
 */
import type { Role } from '@pinnwand/shared/protocol/roles';

export interface RoomSocket {
  send(data: Uint8Array): void;
  /** Closes with a protocol close code; idempotent. */
  close(code: number, reason: string): void;
  /** Bytes queued for sending but not yet written to the network. */
  readonly bufferedAmount: number;
}

/**
 * The Yjs transaction origin of every update applied for a connection. The
 * room recognises it (echo suppression, policies) by `instanceof`, and the
 * room's undo manager tracks all instances through the class.
 */
export class ConnectionOrigin {
  constructor(readonly connection: Connection) {}
}

export class Connection {
  readonly origin: ConnectionOrigin;
  closed = false;
  /**
   * Whether its SyncStep2 (the answer to our SyncStep1) was applied. Before
   * that, an update may honestly refer to the client's offline edits the
   * server does not have yet; from then on, never.
   */
  synced = false;

  constructor(
    readonly id: string,
    readonly role: Role,
    readonly socket: RoomSocket,
    /**
     * The participant id this connection proved with its secret participant key
     * (`?pkey=`, see @pinnwand/shared/policy/participantId), or null without one.
     */
    readonly participantId: string | null = null,
  ) {
    this.origin = new ConnectionOrigin(this);
  }
}
