/**
 * What arrives on a client's socket, on its way to the room: every frame is
 * decoded in full (messageCodec.ts) — a malformed one closes only its
 * connection (4400) — then queued per connection and handed to the room as
 * fast as the connection's token buckets allow: messages, bytes, and changes
 * (structs plus delete ranges). Before an update is decoded, its bytes are
 * scanned (updateScan.ts): one update may carry at most `maxUpdateStructs`
 * changes (a facilitator's `maxFacilitatorUpdateStructs`), create at most
 * `maxUpdateTypes` shared types (a facilitator's `maxFacilitatorUpdateStructs`)
 * and nest them no deeper than `maxNestingDepth`; beyond, 4400, undecoded. Over the rate the socket is paused (TCP
 * backpressure) instead of dropping anything, because a dropped Yjs update
 * would stall the client's later ones. Awareness is judged by size and rate
 * before it is decoded; over its rate it is dropped, a sustained flood closes
 * with 4429.
 */
import { type CloseCodeName, RejectReason } from '@pinnwand/shared/protocol/wire';
import type { RawData } from 'ws';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { ClientSession, Queued } from './ClientSession.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  decodeUpdateStrictly,
  HEARTBEAT_FRAME,
  isAwarenessFrame,
  MalformedMessage,
} from './messageCodec.ts';
import { scanUpdate, type UpdateScan } from './updateScan.ts';

export interface InboundFlowDeps {
  config: Config;
  metrics: Metrics;
  /** Closes the session for what it sent (counted under `reason`). */
  reject(session: ClientSession, reason: string, code: CloseCodeName): void;
}

/**
 * Tokens of the update bucket each message costs. Answering a SyncStep1 or an
 * awareness query encodes the whole room, so they cost more than an update: a
 * client sends one per connection, a flood of them would be an amplifier.
 * Awareness has its own bucket (see onMessage).
 */
const MESSAGE_COST: Readonly<Record<ClientMessage['type'], number>> = {
  update: 1,
  syncStep1: 25,
  queryAwareness: 5,
  awareness: 0,
  heartbeat: 0,
};

/**
 * SyncStep1s a connection may repeat while its socket has not taken what was
 * sent to it; one more closes it. A stock client sends one per connection.
 */
const SYNC_REPEATS_UNREAD = 10;

export class InboundFlow {
  constructor(private readonly deps: InboundFlowDeps) {}

  /** A frame arrived on the session's socket. */
  receive(session: ClientSession, data: RawData, isBinary: boolean): void {
    const { metrics } = this.deps;
    if (session.socket.isClosing) return;
    const bytes = toUint8Array(data);
    metrics.bytesIn.inc(bytes.length);
    if (!isBinary) {
      this.deps.reject(session, RejectReason.malformed, 'malformed');
      return;
    }
    // Awareness is judged by size and rate before anything is decoded: dropping
    // it is harmless (the next state supersedes it), parsing a 2 MiB frame is not.
    if (isAwarenessFrame(bytes) && !this.admitAwareness(session, bytes.length)) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(bytes);
    } catch (err) {
      if (!(err instanceof MalformedMessage)) throw err;
      this.deps.reject(session, RejectReason.malformed, 'malformed');
      return;
    }
    metrics.messagesIn.inc({ type: message.type });
    if (message.type === 'heartbeat') {
      // Answered at once, even before the room is ready: it asks whether this
      // process is alive, not the room. Never queued behind a client's backlog.
      if (session.heartbeats.take()) session.socket.send(HEARTBEAT_FRAME);
      return;
    }
    if (message.type === 'syncStep1' && !this.admitSyncStep1(session)) return;
    const limits = this.deps.config.limits;
    if (
      session.queue.length + 1 > limits.maxQueuedMessages ||
      session.queuedBytes + bytes.length > limits.maxQueuedBytes
    ) {
      this.deps.reject(
        session,
        session.room ? RejectReason.rateLimited : RejectReason.notReady,
        'rateLimited',
      );
      return;
    }
    session.queue.push({ message, size: bytes.length });
    session.queuedBytes += bytes.length;
    if (session.room && !session.paused) this.drain(session);
  }

  /**
   * Whether an awareness frame may be decoded: not larger than
   * `awarenessMaxFrameBytes` (a larger one closes with 4429 at once) and within
   * the awareness rate. Dropped frames are counted; a sustained flood closes with 4429.
   */
  private admitAwareness(session: ClientSession, size: number): boolean {
    const { metrics, config } = this.deps;
    if (size > config.limits.awarenessMaxFrameBytes) {
      // An honest client's awareness state is a few hundred bytes; a frame this
      // large is an attack, and letting a burst of them in first costs the
      // server hundreds of megabytes of reading.
      metrics.rejected.inc({ reason: RejectReason.awarenessFrameTooLarge });
      this.deps.reject(session, RejectReason.rateLimited, 'rateLimited');
      return false;
    }
    if (session.awareness.take()) {
      session.awarenessDebt = 0;
      return true;
    }
    metrics.rejected.inc({ reason: RejectReason.awarenessFlood });
    session.awarenessDebt += 1;
    if (session.awarenessDebt > config.limits.awarenessBurst) {
      this.deps.reject(session, RejectReason.rateLimited, 'rateLimited');
    }
    return false;
  }

  /**
   * Whether a SyncStep1 goes to the room. A connection's first does; a repeat
   * only once the connection's socket has taken everything sent to it. The
   * answer on its way (or queued) plus the updates relayed after it hold all
   * that a repeat's answer would, so a dropped repeat loses nothing (y-protocols
   * lets a peer answer only the latest request). A client that does not read
   * and keeps asking — its answer is megabytes on a large document — is
   * answered once, and closed with 4429 after SYNC_REPEATS_UNREAD repeats.
   */
  private admitSyncStep1(session: ClientSession): boolean {
    if (!session.askedForState || session.socket.unsentBytes === 0) {
      session.askedForState = true;
      session.unreadRepeats = 0;
      return true;
    }
    this.deps.metrics.rejected.inc({ reason: 'sync-repeat-unread' });
    session.unreadRepeats += 1;
    if (session.unreadRepeats > SYNC_REPEATS_UNREAD) {
      this.deps.reject(session, RejectReason.rateLimited, 'rateLimited');
    }
    return false;
  }

  /** Hands queued messages to the room, as fast as the token buckets allow. */
  drain(session: ClientSession): void {
    const room = session.room;
    if (!room) return;
    while (session.queue.length > 0) {
      if (session.socket.isClosing || session.conn.closed) {
        session.queue.length = 0;
        return;
      }
      const next = session.queue[0]!;
      const cost = MESSAGE_COST[next.message.type];
      if (cost > 0 && !next.charged) {
        if (!session.updates.take(cost)) {
          this.throttle(session, session.updates.waitMs(cost));
          return;
        }
        if (next.message.type === 'update' && !session.updateBytes.take(next.size)) {
          this.throttle(session, session.updateBytes.waitMs(next.size));
          return;
        }
        next.charged = true;
      }
      if (next.message.type === 'update' && !this.chargeChanges(session, next)) return;
      session.queue.shift();
      session.queuedBytes -= next.size;
      const { message } = next;
      switch (message.type) {
        case 'update':
          room.receiveUpdate(session.conn, {
            bytes: message.update,
            decoded: next.decoded!,
            step2: message.step2,
          });
          break;
        case 'syncStep1':
          room.receiveSyncStep1(session.conn, message.stateVector);
          break;
        case 'awareness':
          room.receiveAwareness(session.conn, message.entries);
          break;
        case 'queryAwareness':
          room.receiveQueryAwareness(session.conn);
          break;
      }
    }
  }

  /**
   * Scans the update at the head of the queue (once: updateScan.ts), refuses
   * it if it exceeds the sender's bounds, takes its changes from the bucket,
   * and only then decodes it: a hostile update costs its scan, up to the bound
   * it exceeds, and never its decoding. False when the session was throttled
   * or closed.
   */
  private chargeChanges(session: ClientSession, next: Queued): boolean {
    if (next.message.type !== 'update') return true;
    if (next.changes === undefined) {
      let scan: UpdateScan;
      try {
        scan = scanUpdate(next.message.update, session.updateBounds);
      } catch (err) {
        if (!(err instanceof MalformedMessage)) throw err;
        this.deps.reject(session, RejectReason.malformed, 'malformed');
        return false;
      }
      if (scan.exceeds) {
        this.deps.reject(session, RejectReason.tooBig, 'malformed');
        return false;
      }
      next.changes = scan.changes;
    }
    if (!session.updateChanges.take(next.changes)) {
      this.throttle(session, session.updateChanges.waitMs(next.changes));
      return false;
    }
    try {
      next.decoded = decodeUpdateStrictly(next.message.update);
    } catch (err) {
      if (!(err instanceof MalformedMessage)) throw err;
      this.deps.reject(session, RejectReason.malformed, 'malformed');
      return false;
    }
    return true;
  }

  private throttle(session: ClientSession, waitMs: number): void {
    if (session.paused) return;
    session.paused = true;
    session.ws.pause();
    setTimeout(
      () => {
        session.paused = false;
        if (session.conn.closed || session.socket.isClosing) return;
        session.ws.resume();
        this.drain(session);
      },
      Math.max(1, waitMs),
    ).unref();
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
