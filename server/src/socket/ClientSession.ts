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

/**
 * Most bytes handed to one socket per event-loop turn. A larger message (the
 * answer to SyncStep1 on a large document is megabytes) goes out as fragments
 * of a WebSocket message, the next one a turn after the kernel took the
 * previous: handing it over at once made the kernel copy megabytes into a
 * fresh socket's buffers in one call, holding the event loop for 10–30 ms per
 * joiner. Clients reassemble fragments (RFC 6455 §5.4); nothing else may be
 * sent inside a fragmented message, so everything behind it waits in order.
 */
export const MAX_WRITE_BYTES = 256 * 1024;

/**
 * Adapts a `ws` socket to the room's minimal socket interface. Messages go out
 * in order through `outbox`, at most MAX_WRITE_BYTES per turn and only once
 * the kernel took the previous write.
 */
export class WsRoomSocket implements RoomSocket {
  private closing = false;
  /** Messages not yet handed to ws; the first may be partly written (`written`). */
  private readonly outbox: Uint8Array[] = [];
  private outboxBytes = 0;
  private written = 0;
  /** A write of the outbox is with the kernel or scheduled: the outbox waits for it. */
  private writing = false;
  /** The close waiting for the outbox to be written, so that it arrives after it. */
  private pendingClose: { code: number; reason: string } | null = null;

  constructor(
    private readonly ws: WebSocket,
    /** The connection under the websocket. */
    private readonly stream: Duplex,
    private readonly closeTimeoutMs: number,
  ) {}

  send(data: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (!this.writing && data.length <= MAX_WRITE_BYTES) {
      this.ws.send(data);
      return;
    }
    this.outbox.push(data);
    this.outboxBytes += data.length;
    if (!this.writing) this.writeOutbox();
  }

  /** Writes up to MAX_WRITE_BYTES of the (non-empty) outbox; the rest after the kernel took it. */
  private writeOutbox(): void {
    this.writing = true;
    if (this.ws.readyState !== this.ws.OPEN) {
      this.dropOutbox();
      return;
    }
    let budget = MAX_WRITE_BYTES;
    while (budget > 0 && this.outbox.length > 0) {
      const head = this.outbox[0]!;
      const end = Math.min(head.length, this.written + budget);
      const whole = this.written === 0 && end === head.length;
      const piece = whole ? head : head.subarray(this.written, end);
      const fin = end === head.length;
      budget -= end - this.written;
      this.outboxBytes -= end - this.written;
      this.written = fin ? 0 : end;
      if (fin) this.outbox.shift();
      const lastOfTurn = budget <= 0 || this.outbox.length === 0;
      // ws writes `piece` behind its frame header as it is (no copy, no mask on
      // a server); `fin: false` makes it a fragment, continued by the next send.
      this.ws.send(piece, { fin }, lastOfTurn ? (err) => this.afterWrite(err) : undefined);
    }
  }

  /** The kernel took the turn's last write (or the socket failed): go on next turn. */
  private afterWrite(err: Error | null | undefined): void {
    if (err) {
      this.dropOutbox();
      return;
    }
    setImmediate(() => {
      if (this.outbox.length > 0) {
        this.writeOutbox();
        return;
      }
      this.writing = false;
      const close = this.pendingClose;
      this.pendingClose = null;
      if (close) this.ws.close(close.code, close.reason);
    });
  }

  private dropOutbox(): void {
    this.outbox.length = 0;
    this.outboxBytes = 0;
    this.written = 0;
    this.writing = false;
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    // After what the room sent before it (a refusal's reason, the rest of an answer).
    if (this.writing) this.pendingClose = { code, reason };
    else this.ws.close(code, reason);
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

  /**
   * Bytes the peer has not taken, for flow control: what the kernel has not
   * accepted yet and, once it stopped accepting, the outbox behind it. While
   * the kernel takes every write, what waits in the outbox waits for the next
   * turn, not for the peer (a reading client receiving two large relays in a
   * row is not slow).
   */
  get bufferedAmount(): number {
    const offered = this.ws.bufferedAmount;
    return offered > 0 ? offered + this.outboxBytes : 0;
  }

  /** Bytes sent to this socket that the kernel has not taken yet, wherever they wait. */
  get unsentBytes(): number {
    return this.ws.bufferedAmount + this.outboxBytes;
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
  /** It sent a SyncStep1 that went to the room (InboundFlow.admitSyncStep1). */
  askedForState = false;
  /** SyncStep1s dropped in a row because what was sent to it is still unsent. */
  unreadRepeats = 0;
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
    /** Who the client is, as far as the server can tell, and as its request named it (ReconnectPenalty.ts). */
    readonly penaltyKeys: readonly string[],
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
