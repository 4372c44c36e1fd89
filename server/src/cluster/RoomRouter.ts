/**
 * Any process accepts any workshop (DATABASE_URL): this decides, for each
 * websocket upgrade and each HTTP API request about one room, whether this
 * process serves it or passes it to the room's owner.
 *
 * - The room is served here (loaded and ready): serve it.
 * - Another live process holds its lease: pass the connection (or request) to
 *   that owner's INTERNAL_URL. A load balancer that hashes on the workshop id
 *   sends most connections to the owner directly; this covers the rest.
 * - Nobody holds it, or the lease ran out: serve it here; loading claims it.
 * - The owner holds it but does not answer (killed, paused): its lease runs
 *   out within the lease time, since it no longer renews it; wait for that and
 *   claim the room, keeping the client's connection open meanwhile, so a
 *   reconnecting client gets in as soon as the room can be taken over.
 * - The owner's address refuses connections and its heartbeat is stale: it is
 *   dead (killed, crashed). Its lease is ended at once (roomLeases.ts,
 *   `expireDeadLease`) and the room claimed here, about a second after the
 *   kill instead of the whole lease time. A paused owner does not refuse
 *   connections, so it is waited out as above; either way, fencing keeps an
 *   owner that lost the room from writing again.
 *
 * A request forwarded once carries FORWARDED_HEADER and is served where it
 * lands, so two processes that disagree for a moment never bounce it back
 * and forth.
 */

import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { WORKSHOP_ID_PATTERN, WS_PATH_PREFIX } from '@pinnwand/shared/protocol/wire';
import type { Logger } from 'pino';
import type { LeaseInfo } from '../storage/postgres/roomLeases.ts';
import { forwardRequest } from './forwardRequest.ts';
import { FORWARDED_HEADER, proxyUpgrade } from './proxyUpgrade.ts';

export interface RoomRouterDeps {
  /** This process's id in the lease rows. */
  nodeId: string;
  /** This process's INTERNAL_URL (a lease under it is an earlier run's: see roomLeases.ts). */
  ownUrl(): string;
  /** Who holds a room's lease now (PostgresStorage.lease). */
  lease(workshopId: string): Promise<LeaseInfo | null>;
  /** Ends a dead owner's lease if its heartbeat is stale (PostgresStorage.expireDeadLease). */
  expireDeadLease(workshopId: string, epoch: number): Promise<boolean>;
  /** Whether the room is loaded and served by this process. */
  servesHere(workshopId: string): boolean;
  leaseMs: number;
  logger: Logger;
}

const API_ROOM = /^\/api\/workshops\/([^/]+)(?:\/|$)/;

function roomOfUpgrade(url: string | undefined): string | null {
  const path = (url ?? '').split('?')[0]!;
  if (!path.startsWith(WS_PATH_PREFIX)) return null;
  const id = path.slice(WS_PATH_PREFIX.length);
  return WORKSHOP_ID_PATTERN.test(id) ? id : null;
}

function roomOfRequest(pathname: string): string | null {
  const id = API_ROOM.exec(pathname)?.[1];
  return id && WORKSHOP_ID_PATTERN.test(id) ? id : null;
}

export class RoomRouter {
  private readonly proxied = new Set<Duplex>();
  private closed = false;

  constructor(private readonly deps: RoomRouterDeps) {}

  /** Connections passed to other processes right now. */
  get forwardedConnections(): number {
    return this.proxied.size;
  }

  /** A room's owner must answer within this long, or it counts as gone. */
  private get answerTimeoutMs(): number {
    return Math.max(1000, Math.min(3000, this.deps.leaseMs / 2));
  }

  /** The upgrade handler: `local` hands the upgrade to this process's SocketServer. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, local: () => void): void {
    socket.on('error', () => socket.destroy());
    const id = roomOfUpgrade(req.url);
    if (!id || req.headers[FORWARDED_HEADER] || this.closed || this.deps.servesHere(id)) {
      local();
      return;
    }
    void this.routeUpgrade(id, req, socket, head, local).catch((err: unknown) => {
      this.deps.logger.warn({ err, room: id }, 'routing a websocket failed');
      socket.destroy();
    });
  }

  private async routeUpgrade(
    id: string,
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    local: () => void,
  ): Promise<void> {
    // Longest a client waits here: the lease of a dead owner must run out first.
    const deadline = performance.now() + 2 * this.deps.leaseMs + 2000;
    while (!socket.destroyed && !this.closed) {
      const owner = await this.ownerElsewhere(id);
      if (!owner) {
        local();
        return;
      }
      const outcome = await proxyUpgrade(
        req,
        socket,
        head,
        new URL(owner.ownerUrl),
        this.answerTimeoutMs,
        () => this.proxied.delete(socket),
      );
      if (outcome === 'proxied') {
        if (!socket.destroyed) this.proxied.add(socket);
        return;
      }
      if (outcome === 'refused' && (await this.endDeadLease(id, owner))) continue;
      const wait = Math.min(this.waitFor(owner, outcome), deadline - performance.now());
      if (wait <= 0) break;
      this.deps.logger.info(
        { room: id, owner: owner.ownerUrl, waitMs: Math.round(wait) },
        "the room's owner does not answer; waiting for its lease to run out",
      );
      await sleep(wait);
    }
    if (!socket.destroyed) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
    }
  }

  /**
   * Serves an HTTP request about one room, here or at its owner; `local` runs
   * the request in this process.
   */
  async handleRequest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
    local: () => Promise<void>,
  ): Promise<void> {
    const id = roomOfRequest(pathname);
    if (!id || req.headers[FORWARDED_HEADER] || this.closed || this.deps.servesHere(id)) {
      return local();
    }
    const owner = await this.ownerElsewhere(id);
    if (!owner) return local();
    const outcome = await forwardRequest(req, res, new URL(owner.ownerUrl), {
      connectMs: this.answerTimeoutMs,
      answerMs: 60_000,
    });
    if (outcome === 'forwarded') return;
    if (outcome === 'refused' && (await this.endDeadLease(id, owner))) return local();
    if (outcome === 'failed') {
      if (!res.headersSent) {
        res.setHeader('Retry-After', '2');
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'The server holding this workshop did not answer.' }));
      } else res.destroy();
      return;
    }
    // Unreachable before anything was sent: wait until its lease runs out (or
    // it is found dead), then serve here (a claim that loses a race is RoomHeldElsewhere).
    await sleep(Math.min(this.waitFor(owner, outcome), this.deps.leaseMs + 500));
    // The heartbeat seen before the wait was fresh; the database judges it anew.
    if (outcome === 'refused') await this.endDeadLease(id, owner, true);
    return local();
  }

  /**
   * How long to wait before looking again at a room whose owner did not
   * answer: until its lease runs out, or, when its address refused the
   * connection, until its heartbeat counts as stale (then it is found dead).
   */
  private waitFor(owner: LeaseInfo, outcome: 'refused' | 'unreachable'): number {
    const until =
      outcome === 'refused' ? Math.min(owner.staleInMs, owner.remainingMs) : owner.remainingMs;
    return until + 25;
  }

  /**
   * The owner refused a connection: end its lease now if its heartbeat is
   * stale too (as last seen, unless `askAnyway`; the database checks it again).
   */
  private async endDeadLease(id: string, owner: LeaseInfo, askAnyway = false): Promise<boolean> {
    if (owner.staleInMs > 0 && !askAnyway) return false;
    try {
      const ended = await this.deps.expireDeadLease(id, owner.epoch);
      if (ended) {
        this.deps.logger.warn(
          { room: id, owner: owner.ownerUrl, epoch: owner.epoch },
          "the room's owner refuses connections and stopped renewing; taking the room over",
        );
      }
      return ended;
    } catch (err) {
      this.deps.logger.warn({ err, room: id }, "ending a dead owner's lease failed");
      return false;
    }
  }

  /** The lease of a live owner other than this process, or null when this process may serve. */
  private async ownerElsewhere(id: string): Promise<LeaseInfo | null> {
    let lease: LeaseInfo | null;
    try {
      lease = await this.deps.lease(id);
    } catch (err) {
      // The database is gone: serving here fails with the right code (4507, 500).
      this.deps.logger.warn({ err, room: id }, 'looking up the owner of a room failed');
      return null;
    }
    if (!lease?.live || lease.ownerId === this.deps.nodeId) return null;
    if (lease.ownerUrl === this.deps.ownUrl()) return null;
    return lease;
  }

  /** Ends every connection passed on to other processes (shutdown). */
  close(): void {
    this.closed = true;
    for (const socket of this.proxied) socket.destroy();
    this.proxied.clear();
  }
}
