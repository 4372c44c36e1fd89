// Per-connection state of the socket layer: the adapter from `ws` to the
// room's minimal socket, the queue of decoded messages and the token buckets.

import type { Duplex } from 'node:stream';
import { HEARTBEATS_PER_SECOND } from '@pinnwand/shared/protocol/wire';
import type { WebSocket } from 'ws';
import type { Config } from '../config.ts';
import type { Connection, RoomSocket } from '../room/Connection.ts';
import type { Room } from '../room/Room.ts';
import type { Decoded } from '../room/updateGuard.ts';
import type { ClientMessage } from './messageCodec.ts';
import { TokenBucket } from './TokenBucket.ts';
import type { ScanBounds } from './updateScan.ts';

export interface Queued {
  message: ClientMessage;
  size: number;
  /** Its message and byte tokens are taken (it may still wait for change tokens). */
  charged?: boolean;
  /** A document update's changes (structs plus delete ranges), once scanned. */
  changes?: number;
  /** Its structs, decoded once its change tokens are taken. */
  decoded?: Decoded;
}

/** Adapts a `ws` socket to the room's minimal socket interface. */
export class WsRoomSocket implements RoomSocket {
  private closing = false;

  constructor(
    private readonly ws: WebSocket,
    /** The connection under the websocket. */
    private readonly stream: Duplex,
    private readonly closeTimeoutMs: number,
  ) {}

  send(data: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(data);
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
    // A peer that reads nothing never acknowledges the close frame.
    setTimeout(() => this.ws.terminate(), this.closeTimeoutMs).unref();
  }

  /**
   * Closes for what the peer sent, and reads nothing more of it: ws would go
   * on reading (and unmasking) until the peer acknowledges the close, and a
   * hostile peer's next frames are already on their way. The connection ends
   * after the close timeout.
   */
  closeUnread(code: number, reason: string): void {
    this.close(code, reason);
    // At once, so no further chunk of this tick is read; and again after ws'
    // own handling, which may resume the socket on the next tick.
    this.stream.pause();
    setImmediate(() => this.stream.pause());
  }

  get isClosing(): boolean {
    return this.closing;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }
}

/** Per-connection state of the socket layer. */
export class ClientSession {
  readonly queue: Queued[] = [];
  queuedBytes = 0;
  room: Room | null = null;
  paused = false;
  alive = true;
  awarenessDebt = 0;
  readonly updates: TokenBucket;
  readonly updateBytes: TokenBucket;
  /** Structs and delete ranges: what applying an update costs, whatever its size in bytes. */
  readonly updateChanges: TokenBucket;
  /** What one update of this connection may carry (its role's bounds), judged before decoding. */
  readonly updateBounds: ScanBounds;
  readonly awareness: TokenBucket;
  /** Heartbeats answered (wire.ts HEARTBEATS_PER_SECOND); beyond, they go unanswered. */
  readonly heartbeats = new TokenBucket(HEARTBEATS_PER_SECOND, 2 * HEARTBEATS_PER_SECOND);

  constructor(
    readonly conn: Connection,
    readonly ws: WebSocket,
    readonly socket: WsRoomSocket,
    config: Config,
    /** Who the client is, as far as the server can tell (ReconnectPenalty.ts). */
    readonly penaltyKey: string,
  ) {
    const l = config.limits;
    this.updates = new TokenBucket(l.updatesPerSecond, l.updateBurst);
    this.updateBytes = new TokenBucket(l.updateBytesPerSecond, l.updateBytesBurst);
    const facilitator = conn.role === 'facilitator';
    this.updateBounds = {
      maxChanges: facilitator ? l.maxFacilitatorUpdateStructs : l.maxUpdateStructs,
      // A facilitator's import creates two or three types per note (as in Room.boundsFor).
      maxNewTypes: facilitator ? l.maxFacilitatorUpdateStructs : l.maxUpdateTypes,
      maxNestingDepth: l.maxNestingDepth,
    };
    this.updateChanges = new TokenBucket(l.updateStructsPerSecond, this.updateBounds.maxChanges);
    this.awareness = new TokenBucket(l.awarenessPerSecond, l.awarenessBurst);
  }
}
