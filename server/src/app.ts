// Composition root: one HTTP server for UI, API and websocket. Everything the
// server needs comes in through `config` and `deps`; nothing is read from the
// environment or kept in module-level state, so tests run several servers side
// by side and can inject storage, policies or a logger.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { OpenOptions } from '@pinnwand/shared/model/migrations';
import type { Logger } from 'pino';
import { ClusterNode } from './cluster/ClusterNode.ts';
import type { Config } from './config.ts';
import { registerAdminRoutes } from './http/adminRoutes.ts';
import { BoardPreviewCache } from './http/boardPreviewCache.ts';
import { registerBoardPreviewRoutes } from './http/boardPreviewRoutes.ts';
import { registerExportRoutes } from './http/exportRoutes.ts';
import { registerIdentityRoutes } from './http/identityRoutes.ts';
import { HttpError, sendError, tokenFrom } from './http/respond.ts';
import type { RouteContext } from './http/router.ts';
import { Router } from './http/router.ts';
import { setSecurityHeaders } from './http/securityHeaders.ts';
import type { ServerServices } from './http/services.ts';
import { serveStatic } from './http/staticFiles.ts';
import { registerSystemRoutes } from './http/systemRoutes.ts';
import { registerWorkshopRoutes } from './http/workshopRoutes.ts';
import { createLogger, pathOnly } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { RoomFailed } from './room/RoomFailed.ts';
import { RoomManager, WorkshopGone } from './room/RoomManager.ts';
import { defaultPolicy, type UpdatePolicy } from './room/updatePolicy.ts';
import { SocketServer } from './socket/SocketServer.ts';
import { PostgresStorage } from './storage/postgres/PostgresStorage.ts';
import { RoomHeldElsewhere, type Storage } from './storage/Storage.ts';
import { SqliteStorage } from './storage/sqlite/SqliteStorage.ts';
import { startRetention, sweepRetention } from './workshops/retention.ts';
import { WorkshopRegistry } from './workshops/WorkshopRegistry.ts';

/** Longer than docs/haproxy.cfg's `timeout server`, so the proxy closes idle connections first. */
const KEEP_ALIVE_MS = 65_000;

export interface ServerDeps {
  /**
   * Storage backend; PostgreSQL when `config.databaseUrl` is set, else SQLite in
   * `config.dataDir`. Closed by `close()`.
   */
  storage?: Storage;
  /** Update policy; `defaultPolicy()` (viewers read-only) by default. */
  policy?: UpdatePolicy;
  logger?: Logger;
  metrics?: Metrics;
  /** Extra routes (tests, later features) registered after the built-in ones. */
  routes?: (router: Router) => void;
  /** Clock for creation and update times and the retention sweep (tests move it); Date.now by default. */
  now?: () => number;
  /** Tests only: a migration list and format version other than the released ones. */
  migrations?: OpenOptions;
}

export interface PinnwandServer {
  /** Base URL the server is reachable at, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  services: ServerServices;
  rooms: RoomManager;
  /** Runs one retention sweep now (RETENTION_DAYS); resolves to the ids it deleted. */
  sweepRetention(): Promise<string[]>;
  /** Graceful: stop accepting, commit what was received, close sockets with 1012, close storage. */
  close(): Promise<void>;
}

export async function startServer(config: Config, deps: ServerDeps = {}): Promise<PinnwandServer> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const metrics = deps.metrics ?? createMetrics();
  const now = deps.now ?? Date.now;
  let storage = deps.storage;
  if (!storage && config.databaseUrl) {
    storage = await PostgresStorage.open({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      leaseMs: config.roomLeaseMs,
      now,
      logger,
    });
  }
  if (!storage) {
    mkdirSync(config.dataDir, { recursive: true });
    storage = await SqliteStorage.open({
      file: path.join(config.dataDir, 'pinnwand.sqlite'),
      synchronous: config.sqliteSynchronous,
      now,
    });
  }
  const workshops = new WorkshopRegistry(storage, now);
  const rooms = new RoomManager({
    config,
    storage,
    policy: deps.policy ?? defaultPolicy(),
    metrics,
    logger,
    migrations: deps.migrations,
  });
  const sockets = new SocketServer({ config, rooms, registry: workshops, metrics, logger });
  // Several processes on one PostgreSQL: each room is served by one of them.
  const cluster =
    storage instanceof PostgresStorage
      ? new ClusterNode(storage, rooms, config.roomLeaseMs, logger)
      : null;

  let listeningUrl = '';
  const services: ServerServices = {
    config,
    logger,
    metrics,
    storage,
    workshops,
    rooms,
    async authorize(ctx, workshopId, allowed) {
      const auth = await workshops.authorize(workshopId, tokenFrom(ctx.req, ctx.url));
      if (!auth.ok) {
        throw auth.reason === 'unknown-workshop'
          ? new HttpError(404, 'No such workshop.')
          : new HttpError(401, 'This link is not valid for the workshop.');
      }
      if (allowed && !allowed.includes(auth.role)) {
        throw new HttpError(403, 'Your role may not do this.');
      }
      return { role: auth.role, workshop: auth.workshop };
    },
    deleteWorkshop: (workshopId) => rooms.deleteWorkshop(workshopId),
    baseUrl(ctx) {
      if (config.publicUrl) return config.publicUrl;
      const host = ctx.req.headers.host;
      return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : listeningUrl;
    },
    stats: () => ({
      connections: sockets.connectionCount,
      rooms: rooms.loadedRooms,
      ...(cluster ? { forwarded: cluster.router.forwardedConnections } : {}),
    }),
  };

  const router = new Router();
  registerSystemRoutes(router);
  registerWorkshopRoutes(router, config.limits.workshopCreatesPerMinute);
  const exportRoutes = registerExportRoutes(router);
  registerAdminRoutes(router);
  registerIdentityRoutes(router);
  registerBoardPreviewRoutes(router, new BoardPreviewCache());
  deps.routes?.(router);

  const httpServer = http.createServer((req, res) => {
    const reqId = randomBytes(6).toString('base64url');
    const log = logger.child({ req: reqId });
    setSecurityHeaders(res);
    const served = cluster
      ? cluster.router.handleRequest(req, res, pathOnly(req.url), () => handle(req, res, log))
      : handle(req, res, log);
    served.catch((err: unknown) => {
      // Deleted between the token check and loading its room.
      if (err instanceof WorkshopGone) err = new HttpError(404, 'No such workshop.');
      if (err instanceof RoomFailed) {
        // Its storage refused the commit (logged where it failed); the room reloads on next use.
        res.setHeader('Retry-After', '2');
        err = new HttpError(503, 'The workshop could not be saved just now; try again.');
      }
      if (err instanceof RoomHeldElsewhere) {
        // Another process claimed the room a moment ago (several processes share PostgreSQL).
        res.setHeader('Retry-After', '2');
        err = new HttpError(503, 'The workshop is moving to another server; try again.');
      }
      if (err instanceof HttpError) {
        if (!res.headersSent) sendError(res, err.status, err.message);
        else res.destroy();
        return;
      }
      log.error({ err, method: req.method, path: pathOnly(req.url) }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy(err instanceof Error ? err : undefined);
    });
  });
  // Idle keep-alive connections are closed by the side that waits longer:
  // Node's default (5 s) let a client or the proxy (docs/haproxy.cfg keeps
  // backend connections up to its 60 s server timeout) send a request on a
  // connection Node was closing that instant — a reset, not an answer (seen
  // as ECONNRESET by a busy test client).
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.on('upgrade', (req, socket, head) => {
    if (cluster) {
      cluster.router.handleUpgrade(req, socket, head, () =>
        sockets.handleUpgrade(req, socket, head),
      );
    } else sockets.handleUpgrade(req, socket, head);
  });
  httpServer.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    log: Logger,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = performance.now();
    // Access log: the path only, never the query (it may carry a token).
    res.once('finish', () => {
      const entry = {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      if (url.pathname.startsWith('/api/')) log.info(entry, 'request');
      else log.debug(entry, 'request');
    });
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'found') {
      const ctx: RouteContext = { req, res, url, params: match.params, services, log };
      await match.handler(ctx);
      return;
    }
    if (match.kind === 'wrong-method') {
      res.setHeader('Allow', match.allowed.join(', '));
      sendError(res, 405, 'Method not allowed.');
      return;
    }
    if (!url.pathname.startsWith('/api/') && (await serveStatic(config.clientDir, req, res))) {
      return;
    }
    sendError(res, 404, 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const hostForUrl = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  listeningUrl = `http://${hostForUrl}:${port}`;
  cluster?.advertise(config.internalUrl || listeningUrl);

  const retention = {
    days: config.retentionDays,
    now,
    idleSince: (cutoff: number) => storage.workshopsIdleSince(cutoff),
    inUse: (id: string) =>
      (rooms.peek(id)?.connections.size ?? 0) > 0 || (cluster?.servedElsewhere(id) ?? false),
    deleteWorkshop: (id: string) => rooms.deleteWorkshop(id),
    logger,
  };
  let sweeping: Promise<string[]> = Promise.resolve([]);
  const sweep = (): Promise<string[]> => {
    sweeping = sweeping
      .catch(() => [])
      .then(() => (rooms.isClosing ? [] : sweepRetention(retention)));
    return sweeping;
  };
  const stopRetention = startRetention(config.retentionDays, sweep, logger);

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    stopRetention();
    sockets.stopAccepting();
    const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await rooms.close();
    await sockets.close(config.shutdownTimeoutMs);
    cluster?.close();
    httpServer.closeAllConnections();
    await httpClosed;
    await sweeping.catch(() => undefined);
    await exportRoutes.close();
    await storage!.close();
  }

  return {
    url: config.publicUrl || listeningUrl,
    port,
    services,
    rooms,
    sweepRetention: sweep,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
