/**
 * Socket plumbing: HTTP upgrade → authorised connection → decoded messages for
 * the room (InboundFlow.ts). Nothing here knows Yjs documents; the room knows
 * nothing of `ws`.
 *
 * Before the upgrade: the path must be `/ws/<workshopId>`, the workshop must
 * exist and the token must match one of its capabilities — checked against the
 * registry without loading any document. Failures are upgraded and closed at
 * once with 4404/4401 (a browser cannot read the HTTP status of a refused
 * upgrade); a malformed path gets a plain HTTP 400 and no upgrade at all.
 *
 * After the upgrade every socket has an `error` listener (ws reports oversized
 * frames, bad RSV bits, bad UTF-8 … there and closes with 1009/1002: without a
 * listener, one such frame would crash the process).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { CloseCode, type CloseCodeName, CloseReason } from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { Connection } from '../room/Connection.ts';
import { type RoomManager, WorkshopGone } from '../room/RoomManager.ts';
import { RoomHeldElsewhere } from '../storage/Storage.ts';
import { verifyParticipantKey } from '../workshops/identityKeys.ts';
import type { WorkshopRegistry } from '../workshops/WorkshopRegistry.ts';
import { ClientSession, WsRoomSocket } from './ClientSession.ts';
import { InboundFlow } from './InboundFlow.ts';
import { penaltyKey, ReconnectPenalty, requestKey } from './ReconnectPenalty.ts';
import { roomFullFor } from './roomSlots.ts';
import { parseWsPath, rejectUpgrade, type UpgradeTarget } from './upgradeTarget.ts';

export interface SocketServerDeps {
  config: Config;
  rooms: RoomManager;
  registry: WorkshopRegistry;
  metrics: Metrics;
  logger: Logger;
}

/**
 * How long a closed connection may take to acknowledge the close before it is
 * ended; one closed for what it sent is held that long, unread.
 */
const CLOSE_GRACE_MS = 2000;

/** Longest an upgrade under a reconnect penalty is held before its 429. */
const REFUSAL_HOLD_MS = 1000;
/** Upgrades held before their 429 at most at once (sockets kept open meanwhile). */
const MAX_HELD_REFUSALS = 256;

function connectionId(): string {
  return randomBytes(6).toString('base64url');
}

export class SocketServer {
  /** By the largest frame a link may send: edits (imports, a reconnect's SyncStep2), or a viewer's requests. */
  private readonly wss: Readonly<Record<'writers' | 'viewers', WebSocketServer>>;
  private readonly sessions = new Set<ClientSession>();
  private readonly pingTimer: NodeJS.Timeout;
  private accepting = true;
  private readonly inbound: InboundFlow;
  private readonly penalty = new ReconnectPenalty();
  /** Upgrades under a penalty being held before their 429 (refuseForPenalty). */
  private heldRefusals = 0;

  constructor(private readonly deps: SocketServerDeps) {
    const { maxPayloadBytes, maxViewerPayloadBytes } = deps.config.limits;
    const server = (maxPayload: number) =>
      new WebSocketServer({
        noServer: true,
        maxPayload,
        perMessageDeflate: false,
        clientTracking: false,
      });
    this.wss = {
      writers: server(maxPayloadBytes),
      viewers: server(Math.min(maxPayloadBytes, maxViewerPayloadBytes)),
    };
    this.inbound = new InboundFlow({
      config: deps.config,
      metrics: deps.metrics,
      reject: (session, reason, code) => this.reject(session, reason, code),
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
    // A client closed for what it sent a moment ago, asking again as before:
    // refused before the authorisation's lookup (ReconnectPenalty.requestKey).
    const asked = requestKey(
      req.socket.remoteAddress,
      target.workshopId,
      target.token,
      target.participantKey,
    );
    const waitMs = this.penalty.waitMs(asked);
    if (waitMs > 0) {
      this.refuseForPenalty(socket, waitMs);
      return;
    }
    void this.authorizeAndUpgrade(req, socket, head, target, asked);
  }

  private async authorizeAndUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: UpgradeTarget,
    asked: string,
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
    // Who the client is, as far as the server can tell: an unproven participant key counts as none.
    const key = penaltyKey(req.socket.remoteAddress, workshopId, role, participantId);
    const keys = [key, asked];
    const waitMs = role ? this.penalty.waitMs(key) : 0;
    if (waitMs > 0) {
      // Closed for what it sent a moment ago: not even the websocket handshake until its back-off ends.
      this.refuseForPenalty(socket, waitMs);
      return;
    }
    if (!refusal && this.sessions.size >= config.limits.maxConnections) refusal = 'full';
    const wss = role && role !== 'viewer' && !refusal ? this.wss.writers : this.wss.viewers;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => {
        this.deps.metrics.rejected.inc({ reason: 'protocol-error' });
        logger.debug({ err: err.message }, 'websocket error');
        for (const k of keys) this.penalty.strike(k);
        // ws has sent its close frame (1009, 1002 …) and would go on reading
        // whatever the peer still sends — the rest of a 2 MiB frame, the next
        // ones — until the peer answers. Nothing of it is wanted: stop reading
        // (after ws' own resume on the next tick) and end the connection after
        // a grace, so that a client sending oversized frames in a loop costs
        // neither the reading nor a reconnect every few milliseconds.
        setImmediate(() => socket.pause());
        setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
      });
      if (refusal || !role) {
        this.deps.metrics.rejected.inc({ reason: refusal ?? 'internalError' });
        const code = refusal ?? 'internalError';
        ws.close(CloseCode[code], CloseReason[code]);
        setTimeout(() => ws.terminate(), 2000).unref();
        return;
      }
      this.accept(ws, socket, keys, workshopId, role, participantId);
    });
  }

  private accept(
    ws: WebSocket,
    stream: Duplex,
    keys: readonly string[],
    workshopId: string,
    role: Role,
    participantId: string | null,
  ): void {
    const { config, metrics, rooms } = this.deps;
    const roomSocket = new WsRoomSocket(ws, stream, CLOSE_GRACE_MS);
    const conn = new Connection(connectionId(), role, roomSocket, participantId);
    const session = new ClientSession(conn, ws, roomSocket, config, keys);
    const log = this.deps.logger.child({ conn: conn.id, room: workshopId, role });
    this.sessions.add(session);
    metrics.connections.inc({ role });
    log.debug('connected');

    ws.on('pong', () => {
      session.alive = true;
    });
    ws.on('message', (data: RawData, isBinary: boolean) =>
      this.inbound.receive(session, data, isBinary),
    );
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
        this.inbound.drain(session);
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

  /**
   * Answers an upgrade under a reconnect penalty with 429, after holding it
   * unread for half its wait (at most REFUSAL_HOLD_MS) once the wait is longer
   * than that: a client that retries the
   * moment it is refused (a hostile one, hundreds of times a second) would
   * otherwise cost an accepted connection, a parsed request and an answer per
   * retry. At most MAX_HELD_REFUSALS are held at once; beyond, they are
   * answered at once.
   */
  private refuseForPenalty(socket: Duplex, waitMs: number): void {
    this.deps.metrics.rejected.inc({ reason: 'reconnect-penalty' });
    // Half the wait left (at most REFUSAL_HOLD_MS), so the answer comes before the
    // wait is over; a short wait (the first strikes) is answered at once.
    const holdMs =
      waitMs > REFUSAL_HOLD_MS && this.heldRefusals < MAX_HELD_REFUSALS
        ? Math.floor(Math.min(waitMs / 2, REFUSAL_HOLD_MS))
        : 0;
    const answer = () =>
      rejectUpgrade(socket, 429, 'Too Many Requests', Math.ceil((waitMs - holdMs) / 1000));
    if (holdMs === 0) {
      answer();
      return;
    }
    this.heldRefusals += 1;
    socket.pause();
    setTimeout(() => {
      this.heldRefusals -= 1;
      if (!socket.destroyed) answer();
    }, holdMs).unref();
  }

  /**
   * Closes a session for what its client sent, reading nothing more from it
   * (WsRoomSocket.closeUnread), and strikes its key: its reconnects are
   * refused for a while (ReconnectPenalty.ts).
   */
  private reject(session: ClientSession, reason: string, code: CloseCodeName): void {
    this.deps.metrics.rejected.inc({ reason });
    this.deps.logger.debug({ conn: session.conn.id, reason }, 'closing connection');
    for (const key of session.penaltyKeys) this.penalty.strike(key);
    this.closeSession(session, code, true);
  }

  private closeSession(session: ClientSession, code: CloseCodeName, unread = false): void {
    session.queue.length = 0;
    session.queuedBytes = 0;
    if (unread) session.socket.closeUnread(CloseCode[code], CloseReason[code]);
    else session.socket.close(CloseCode[code], CloseReason[code]);
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
    this.wss.writers.close();
    this.wss.viewers.close();
  }
}
