/**
 * Socket plumbing: HTTP upgrade → authorised connection → decoded messages for
 * the room. Nothing here knows Yjs documents; the room knows nothing of `ws`.
 *
 * Before the upgrade: the path must be `/ws/<workshopId>`, the workshop must
 * exist and the token must match one of its capabilities — checked against the
 * registry without loading any document. Failures are upgraded and closed at
 * once with 4404/4401 (a browser cannot read the HTTP status of a refused
 * upgrade); a malformed path gets a plain HTTP 400 and no upgrade at all.
 *
 * After the upgrade every socket has an `error` listener (ws reports oversized
 * frames, bad RSV bits, bad UTF-8 … there and closes with 1009/1002: without a
 * listener, one such frame would crash the process). Messages are decoded in
 * full (socket/messageCodec.ts); a malformed one closes only its connection
 * (4400). Document updates pass per-connection token buckets — messages, bytes,
 * and changes (structs plus delete ranges, counted once the update is decoded;
 * one update may carry at most `maxUpdateStructs`, a facilitator's
 * `maxFacilitatorUpdateStructs`): over the rate, the socket
 * is paused (TCP backpressure) instead of dropping anything, because a dropped
 * Yjs update would stall the client's later ones. Awareness over its
 * rate is dropped; a sustained flood closes with 4429.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { PARTICIPANT_KEY_PARAM } from '@pinnwand/shared/policy/participantId';
import type { Role } from '@pinnwand/shared/protocol/roles';
import {
  CloseCode,
  type CloseCodeName,
  CloseReason,
  RejectReason,
  WORKSHOP_ID_PATTERN,
  WS_PATH_PREFIX,
} from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Config, Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { Connection } from '../room/Connection.ts';
import type { Room } from '../room/Room.ts';
import { type RoomManager, WorkshopGone } from '../room/RoomManager.ts';
import { changeCount } from '../room/updateGuard.ts';
import { RoomHeldElsewhere } from '../storage/Storage.ts';
import { verifyParticipantKey } from '../workshops/identityKeys.ts';
import type { WorkshopRegistry } from '../workshops/WorkshopRegistry.ts';
import { ClientSession, type Queued, WsRoomSocket } from './ClientSession.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  decodeUpdateStrictly,
  HEARTBEAT_FRAME,
  isAwarenessFrame,
  MalformedMessage,
} from './messageCodec.ts';

export interface SocketServerDeps {
  config: Config;
  rooms: RoomManager;
  registry: WorkshopRegistry;
  metrics: Metrics;
  logger: Logger;
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

function connectionId(): string {
  return randomBytes(6).toString('base64url');
}

/** `/ws/<id>` → id, or null. The query string (the token) is never logged. */
export function parseWsPath(
  url: string | undefined,
): { workshopId: string; token: string | null; participantKey: string | null } | null {
  const parsed = new URL(url ?? '/', 'http://localhost');
  if (!parsed.pathname.startsWith(WS_PATH_PREFIX)) return null;
  const workshopId = parsed.pathname.slice(WS_PATH_PREFIX.length);
  if (!WORKSHOP_ID_PATTERN.test(workshopId)) return null;
  return {
    workshopId,
    token: parsed.searchParams.get('token'),
    participantKey: parsed.searchParams.get(PARTICIPANT_KEY_PARAM),
  };
}

export class SocketServer {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<ClientSession>();
  private readonly pingTimer: NodeJS.Timeout;
  private accepting = true;

  constructor(private readonly deps: SocketServerDeps) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.config.limits.maxPayloadBytes,
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.pingTimer = setInterval(() => this.ping(), deps.config.pingIntervalMs);
    this.pingTimer.unref();
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  /** The `upgrade` handler of the HTTP server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const target = parseWsPath(req.url);
    if (!this.accepting) {
      rejectUpgrade(socket, 503, 'Service Unavailable');
      return;
    }
    if (!target) {
      this.deps.metrics.rejected.inc({ reason: 'bad-path' });
      rejectUpgrade(socket, 400, 'Bad Request');
      return;
    }
    // Hard ceiling before any work: far beyond the limit, do not even upgrade.
    if (this.sessions.size >= this.deps.config.limits.maxConnections * 2) {
      rejectUpgrade(socket, 503, 'Service Unavailable');
      return;
    }
    void this.authorizeAndUpgrade(req, socket, head, target);
  }

  private async authorizeAndUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: { workshopId: string; token: string | null; participantKey: string | null },
  ): Promise<void> {
    const { registry, logger, config } = this.deps;
    const { workshopId, token, participantKey } = target;
    let refusal: CloseCodeName | null = null;
    let role: Role | null = null;
    let participantId: string | null = null;
    try {
      const auth = await registry.authorize(workshopId, token);
      if (auth.ok) {
        role = auth.role;
        // Only a key this server issued for the workshop names a participant
        // (workshops/identityKeys.ts); any other key is ignored, not refused.
        // Viewers write nothing, so they need no identity.
        if (role !== 'viewer') {
          participantId = verifyParticipantKey(
            auth.workshop.tokenHashes.facilitator,
            workshopId,
            participantKey,
          );
        }
      } else refusal = auth.reason === 'unknown-workshop' ? 'unknownWorkshop' : 'badToken';
    } catch (err) {
      logger.error({ err }, 'authorisation failed');
      refusal = 'internalError';
    }
    if (socket.destroyed) return;
    if (!refusal && this.sessions.size >= config.limits.maxConnections) refusal = 'full';
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => {
        this.deps.metrics.rejected.inc({ reason: 'protocol-error' });
        logger.debug({ err: err.message }, 'websocket error');
      });
      if (refusal || !role) {
        this.deps.metrics.rejected.inc({ reason: refusal ?? 'internalError' });
        const code = refusal ?? 'internalError';
        ws.close(CloseCode[code], CloseReason[code]);
        setTimeout(() => ws.terminate(), 2000).unref();
        return;
      }
      this.accept(ws, workshopId, role, participantId);
    });
  }

  private accept(
    ws: WebSocket,
    workshopId: string,
    role: Role,
    participantId: string | null,
  ): void {
    const { config, metrics, rooms } = this.deps;
    const roomSocket = new WsRoomSocket(ws, 2000);
    const conn = new Connection(connectionId(), role, roomSocket, participantId);
    const session = new ClientSession(conn, ws, roomSocket, config);
    const log = this.deps.logger.child({ conn: conn.id, room: workshopId, role });
    this.sessions.add(session);
    metrics.connections.inc({ role });
    log.debug('connected');

    ws.on('pong', () => {
      session.alive = true;
    });
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(session, data, isBinary));
    ws.on('close', (code: number) => {
      conn.closed = true;
      this.sessions.delete(session);
      metrics.connections.dec({ role });
      if (session.room) rooms.leave(session.room, conn);
      log.debug({ code }, 'closed');
    });

    rooms.acquire(workshopId).then(
      (room) => {
        if (conn.closed || roomSocket.isClosing) return;
        if (room.state !== 'ready') {
          // It failed or began to unload in the meantime: the client reconnects to a fresh one.
          this.closeSession(session, 'serviceRestart');
          return;
        }
        const full = roomFullFor(room, role, config.limits);
        if (full) {
          metrics.rejected.inc({ reason: full });
          this.closeSession(session, 'full');
          return;
        }
        session.room = room;
        rooms.join(room, conn);
        this.drain(session);
      },
      (err: unknown) => {
        if (rooms.isClosing) {
          this.closeSession(session, 'serviceRestart');
          return;
        }
        if (err instanceof WorkshopGone) {
          this.closeSession(session, 'unknownWorkshop');
          return;
        }
        if (err instanceof RoomHeldElsewhere) {
          // Another process claimed it a moment ago; the reconnect is routed there.
          this.closeSession(session, 'serviceRestart');
          return;
        }
        log.error({ err }, 'loading the room failed');
        metrics.storageErrors.inc();
        this.closeSession(session, 'storageFailed');
      },
    );
  }

  private onMessage(session: ClientSession, data: RawData, isBinary: boolean): void {
    const { metrics } = this.deps;
    if (session.socket.isClosing) return;
    const bytes = toUint8Array(data);
    metrics.bytesIn.inc(bytes.length);
    if (!isBinary) {
      this.reject(session, RejectReason.malformed, 'malformed');
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
      this.reject(session, RejectReason.malformed, 'malformed');
      return;
    }
    metrics.messagesIn.inc({ type: message.type });
    if (message.type === 'heartbeat') {
      // Answered at once, even before the room is ready: it asks whether this
      // process is alive, not the room. Never queued behind a client's backlog.
      if (session.heartbeats.take()) session.socket.send(HEARTBEAT_FRAME);
      return;
    }
    const limits = this.deps.config.limits;
    if (
      session.queue.length + 1 > limits.maxQueuedMessages ||
      session.queuedBytes + bytes.length > limits.maxQueuedBytes
    ) {
      this.reject(
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
      this.reject(session, RejectReason.rateLimited, 'rateLimited');
      return false;
    }
    if (session.awareness.take()) {
      session.awarenessDebt = 0;
      return true;
    }
    metrics.rejected.inc({ reason: RejectReason.awarenessFlood });
    session.awarenessDebt += 1;
    if (session.awarenessDebt > config.limits.awarenessBurst) {
      this.reject(session, RejectReason.rateLimited, 'rateLimited');
    }
    return false;
  }

  /** Hands queued messages to the room, as fast as the token buckets allow. */
  private drain(session: ClientSession): void {
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
   * Decodes the update at the head of the queue (once) and takes its changes
   * from the bucket; false when the session was throttled or closed.
   */
  private chargeChanges(session: ClientSession, next: Queued): boolean {
    if (next.message.type !== 'update') return true;
    if (!next.decoded) {
      try {
        next.decoded = decodeUpdateStrictly(next.message.update);
      } catch (err) {
        if (!(err instanceof MalformedMessage)) throw err;
        this.reject(session, RejectReason.malformed, 'malformed');
        return false;
      }
      next.changes = changeCount(next.decoded);
      if (next.changes > session.maxUpdateStructs) {
        this.reject(session, RejectReason.tooBig, 'malformed');
        return false;
      }
    }
    const changes = next.changes ?? 0;
    if (!session.updateChanges.take(changes)) {
      this.throttle(session, session.updateChanges.waitMs(changes));
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
        if (session.conn.closed) return;
        session.ws.resume();
        this.drain(session);
      },
      Math.max(1, waitMs),
    ).unref();
  }

  private reject(session: ClientSession, reason: string, code: CloseCodeName): void {
    this.deps.metrics.rejected.inc({ reason });
    this.deps.logger.debug({ conn: session.conn.id, reason }, 'closing connection');
    this.closeSession(session, code);
  }

  private closeSession(session: ClientSession, code: CloseCodeName): void {
    session.queue.length = 0;
    session.queuedBytes = 0;
    session.socket.close(CloseCode[code], CloseReason[code]);
  }

  private ping(): void {
    for (const session of this.sessions) {
      if (!session.alive) {
        session.ws.terminate();
        continue;
      }
      session.alive = false;
      session.ws.ping();
    }
  }

  /** Stop accepting new connections (shutdown step one). */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Ends every socket still open (shutdown, after rooms closed theirs with 1012). */
  async close(timeoutMs: number): Promise<void> {
    clearInterval(this.pingTimer);
    for (const session of this.sessions) this.closeSession(session, 'serviceRestart');
    const deadline = Date.now() + timeoutMs;
    while (this.sessions.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const session of this.sessions) session.ws.terminate();
    this.wss.close();
  }
}

/**
 * Room slots per role, so that one link cannot keep the others out: viewers
 * take at most `maxViewersPerRoom`, and the last `facilitatorReservedSlots`
 * of `maxConnectionsPerRoom` are the facilitators'. Returns the metric reason
 * when the role's share is taken, else null.
 */
function roomFullFor(room: Room, role: Role, limits: Limits): string | null {
  const total = room.connections.size;
  if (total >= limits.maxConnectionsPerRoom) return 'room-full';
  if (role === 'facilitator') return null;
  if (total >= limits.maxConnectionsPerRoom - limits.facilitatorReservedSlots) {
    return RejectReason.roomFullForRole;
  }
  if (role === 'viewer' && room.countRole('viewer') >= limits.maxViewersPerRoom) {
    return RejectReason.roomFullForRole;
  }
  return null;
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
