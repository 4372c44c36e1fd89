// All configuration comes from the environment, read here and nowhere else, so
// that tests can build a Config by hand (`testConfig` in test helpers, or
// `configFromEnv({...})`) and run several servers in one process.
// README.md's configuration table lists every variable below with its default.
import path from 'node:path';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface Limits {
  /** Largest websocket frame accepted; bigger ones close the socket with 1009. */
  maxPayloadBytes: number;
  /**
   * Largest websocket frame from a viewer link (at most `maxPayloadBytes`): ws
   * judges a frame's length from its header, so a bigger one closes with 1009
   * before its payload is read. Viewers send only requests and cursors;
   * participants' and facilitators' edits (a reconnect's SyncStep2 carries
   * everything written meanwhile) need frames of megabytes.
   */
  maxViewerPayloadBytes: number;
  /** Largest stored document (snapshot + update log); an update beyond it closes with 4413. */
  maxDocumentBytes: number;
  /** Connections across all rooms of this process; beyond it: 4503. */
  maxConnections: number;
  /** Connections in one room; beyond it: 4503. */
  maxConnectionsPerRoom: number;
  /** Document updates per second per connection (token bucket refill); excess is throttled, not dropped. */
  updatesPerSecond: number;
  /** Document updates a connection may send in a burst. */
  updateBurst: number;
  /** Update bytes per second per connection (refill); excess is throttled. */
  updateBytesPerSecond: number;
  /** Update bytes a connection may send in a burst. */
  updateBytesBurst: number;
  /**
   * Most changes (structs plus delete ranges) one update may carry; beyond it
   * the sender is closed with 4400. Bounds the work of applying one update.
   */
  maxUpdateStructs: number;
  /**
   * The same bound for facilitators, whose client imports a whole file into the
   * workshop as one update (about 11 changes per note; an import may hold
   * 5,000 notes). Their per-second burst is this too.
   */
  maxFacilitatorUpdateStructs: number;
  /** Changes per second per connection (refill; the burst is `maxUpdateStructs`); excess is throttled. */
  updateStructsPerSecond: number;
  /** Deepest nesting of shared types (a root is 1, a note 2, its text 3); deeper: 4400. */
  maxNestingDepth: number;
  /** Most shared types one update may create, and distinct ones it may insert into; more: 4400. */
  maxUpdateTypes: number;
  /**
   * Room in a document kept for facilitators: participants' updates stop at
   * `maxDocumentBytes` minus this, so a full document still lets facilitators act.
   */
  facilitatorReserveBytes: number;
  /** Awareness messages per second per connection; excess is dropped, a sustained flood closes with 4429. */
  awarenessPerSecond: number;
  /** Awareness messages a connection may send in a burst. */
  awarenessBurst: number;
  /** Largest awareness state (JSON) per client id; bigger states are not relayed. */
  awarenessMaxStateBytes: number;
  /** Send buffer above which a connection counts as a slow consumer and is closed with 4408. */
  maxBufferedBytes: number;
  /** Messages a connection may have queued (before its room is ready, or while throttled); beyond: 4429. */
  maxQueuedMessages: number;
  /** Bytes a connection may have queued (before its room is ready, or while throttled); beyond: 4429. */
  maxQueuedBytes: number;
  /** Largest JSON request body of the HTTP API; bigger: 413. */
  maxBodyBytes: number;
  /** Workshops that may be created per minute by this process; beyond: 429. */
  workshopCreatesPerMinute: number;
  /** Connections with the viewer link one room admits (below `maxConnectionsPerRoom`); beyond: 4503. */
  maxViewersPerRoom: number;
  /** Slots of `maxConnectionsPerRoom` only facilitators may take, so nobody else can fill a room. */
  facilitatorReservedSlots: number;
  /** Awareness frames larger than this are dropped before they are parsed. */
  awarenessMaxFrameBytes: number;
  /** Participant identities one workshop issues per minute (token bucket of that size); beyond: 429. */
  identitiesPerMinute: number;
  /** Participant identities one workshop issues at most; beyond: 409. */
  maxIdentitiesPerWorkshop: number;
  /**
   * Largest file an import or restore accepts; bigger: 413 before it is read.
   * (What a file may hold — notes, votes per note, text lengths — is
   * IMPORT_LIMITS in @pinnwand/shared/import/importPlan, checked before parsing.)
   */
  importMaxBytes: number;
  /** Imports and restores per minute per process (failed ones count too); beyond: 429 before reading the body. */
  importsPerMinute: number;
  /** PDF exports rendered at the same time; more wait in a queue. */
  pdfConcurrency: number;
  /** PDF exports that may wait; beyond: 503 with Retry-After. */
  pdfQueueLength: number;
}

export interface Config {
  /** TCP port for UI, HTTP API and websocket; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind; 127.0.0.1 keeps the server private to this machine. */
  host: string;
  /** Folder holding the SQLite database; created if missing. */
  dataDir: string;
  /** Folder with the built client (index.html and assets). */
  clientDir: string;
  /** Base URL printed and used in the links the API returns; derived from host/port when empty. */
  publicUrl: string;
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  logLevel: string;
  /**
   * SQLite `synchronous` in WAL mode. FULL (default) fsyncs the WAL at every
   * commit, so an edit that was relayed survives a power cut too, not only a
   * process crash; group commit keeps that to one fsync per event-loop tick.
   * NORMAL survives kill -9 but may lose the last commits on an OS crash.
   */
  sqliteSynchronous: SqliteSynchronous;
  /** An idle room (no connections) is compacted and unloaded after this many ms. */
  roomIdleMs: number;
  /** Compact a room's update log into a snapshot after this many updates... */
  compactAfterUpdates: number;
  /** ...or after this many bytes of log, whichever comes first. */
  compactAfterBytes: number;
  /** Ping interval; a connection that misses a pong is terminated. */
  pingIntervalMs: number;
  /** Longest a graceful shutdown waits for sockets to close before it ends them. */
  shutdownTimeoutMs: number;
  /**
   * Workshops whose last update is older than this many days are deleted by a
   * sweep at start and once a day; 0 keeps them forever.
   */
  retentionDays: number;
  /**
   * The feedback contact the accessibility statement names (an e-mail address
   * or a web address); the operator's, since the operator is responsible for
   * the service. Empty: the statement asks to contact the operator.
   */
  accessibilityContact: string;
  /**
   * PostgreSQL connection URL (postgres://user:password@host:port/database).
   * Empty: SQLite in `dataDir`. Set: everything is stored in PostgreSQL, and
   * several processes may share the database (each room served by one of them).
   */
  databaseUrl: string;
  /**
   * Where other Pinnwand processes reach this one (http://host:port), for
   * connections and requests about rooms this process serves. Empty: the
   * address it listens on.
   */
  internalUrl: string;
  /** Connections to PostgreSQL this process opens at most. */
  databasePoolSize: number;
  /** How long a process's claim on a room lasts without renewal: the longest a killed owner's rooms stay unavailable. */
  roomLeaseMs: number;
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: 2 * 1024 * 1024,
  maxViewerPayloadBytes: 512 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxConnections: 2000,
  maxConnectionsPerRoom: 250,
  updatesPerSecond: 200,
  updateBurst: 1000,
  updateBytesPerSecond: 1024 * 1024,
  updateBytesBurst: 4 * 1024 * 1024,
  maxUpdateStructs: 20_000,
  maxFacilitatorUpdateStructs: 100_000,
  updateStructsPerSecond: 5_000,
  maxNestingDepth: 16,
  maxUpdateTypes: 5_000,
  facilitatorReserveBytes: 4 * 1024 * 1024,
  awarenessPerSecond: 60,
  awarenessBurst: 200,
  awarenessMaxStateBytes: 4096,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxQueuedMessages: 2000,
  maxQueuedBytes: 16 * 1024 * 1024,
  maxBodyBytes: 64 * 1024,
  workshopCreatesPerMinute: 60,
  maxViewersPerRoom: 150,
  facilitatorReservedSlots: 10,
  awarenessMaxFrameBytes: 64 * 1024,
  identitiesPerMinute: 60,
  maxIdentitiesPerWorkshop: 500,
  importMaxBytes: 4 * 1024 * 1024,
  importsPerMinute: 20,
  pdfConcurrency: 2,
  pdfQueueLength: 20,
};

export interface ConfigDefaults {
  clientDir: string;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function positiveFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = intFrom(env, name, fallback);
  if (value === 0) throw new Error(`${name} must be greater than 0`);
  return value;
}

function synchronousFrom(env: NodeJS.ProcessEnv): SqliteSynchronous {
  const raw = (env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  if (raw !== 'FULL' && raw !== 'NORMAL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${env.SQLITE_SYNCHRONOUS}"`);
  }
  return raw;
}

function internalUrlFrom(env: NodeJS.ProcessEnv): string {
  const raw = (env.INTERNAL_URL || '').replace(/\/+$/, '');
  if (raw === '') return '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`INTERNAL_URL must be a URL like http://10.0.0.5:8080, got "${raw}"`);
  }
  if (url.protocol !== 'http:' || !url.port || url.pathname !== '/') {
    throw new Error(`INTERNAL_URL must be http://host:port (no path), got "${raw}"`);
  }
  return raw;
}

function databaseUrlFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.DATABASE_URL || '';
  if (raw !== '' && !/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error('DATABASE_URL must start with postgres:// (PostgreSQL)');
  }
  return raw;
}

export function configFromEnv(env: NodeJS.ProcessEnv, defaultClientDir: string): Config {
  const d = DEFAULT_LIMITS;
  const host = env.HOST || '127.0.0.1';
  if (env.DATABASE_URL && !env.INTERNAL_URL && (host === '0.0.0.0' || host === '::')) {
    // Listening on every interface, this process cannot know which address the others reach.
    throw new Error(`with DATABASE_URL and HOST=${host}, set INTERNAL_URL (http://host:port)`);
  }
  return {
    port: intFrom(env, 'PORT', 8080),
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    clientDir: path.resolve(env.CLIENT_DIR || defaultClientDir),
    publicUrl: (env.PUBLIC_URL || '').replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL || 'info',
    sqliteSynchronous: synchronousFrom(env),
    roomIdleMs: intFrom(env, 'ROOM_IDLE_MS', 30_000),
    compactAfterUpdates: positiveFrom(env, 'COMPACT_AFTER_UPDATES', 1000),
    compactAfterBytes: positiveFrom(env, 'COMPACT_AFTER_BYTES', 1024 * 1024),
    pingIntervalMs: positiveFrom(env, 'PING_INTERVAL_MS', 30_000),
    shutdownTimeoutMs: positiveFrom(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    retentionDays: intFrom(env, 'RETENTION_DAYS', 0),
    accessibilityContact: (env.ACCESSIBILITY_CONTACT || '').trim().slice(0, 300),
    databaseUrl: databaseUrlFrom(env),
    internalUrl: internalUrlFrom(env),
    databasePoolSize: positiveFrom(env, 'DATABASE_POOL_SIZE', 10),
    roomLeaseMs: positiveFrom(env, 'ROOM_LEASE_MS', 3000),
    limits: {
      maxPayloadBytes: positiveFrom(env, 'MAX_PAYLOAD_BYTES', d.maxPayloadBytes),
      maxViewerPayloadBytes: positiveFrom(env, 'MAX_VIEWER_PAYLOAD_BYTES', d.maxViewerPayloadBytes),
      maxDocumentBytes: positiveFrom(env, 'MAX_DOCUMENT_BYTES', d.maxDocumentBytes),
      maxConnections: positiveFrom(env, 'MAX_CONNECTIONS', d.maxConnections),
      maxConnectionsPerRoom: positiveFrom(env, 'MAX_CONNECTIONS_PER_ROOM', d.maxConnectionsPerRoom),
      updatesPerSecond: positiveFrom(env, 'UPDATES_PER_SECOND', d.updatesPerSecond),
      updateBurst: positiveFrom(env, 'UPDATE_BURST', d.updateBurst),
      updateBytesPerSecond: positiveFrom(env, 'UPDATE_BYTES_PER_SECOND', d.updateBytesPerSecond),
      updateBytesBurst: positiveFrom(env, 'UPDATE_BYTES_BURST', d.updateBytesBurst),
      maxUpdateStructs: positiveFrom(env, 'MAX_UPDATE_STRUCTS', d.maxUpdateStructs),
      maxFacilitatorUpdateStructs: positiveFrom(
        env,
        'MAX_FACILITATOR_UPDATE_STRUCTS',
        d.maxFacilitatorUpdateStructs,
      ),
      updateStructsPerSecond: positiveFrom(
        env,
        'UPDATE_STRUCTS_PER_SECOND',
        d.updateStructsPerSecond,
      ),
      maxNestingDepth: positiveFrom(env, 'MAX_NESTING_DEPTH', d.maxNestingDepth),
      maxUpdateTypes: positiveFrom(env, 'MAX_UPDATE_TYPES', d.maxUpdateTypes),
      facilitatorReserveBytes: intFrom(env, 'FACILITATOR_RESERVE_BYTES', d.facilitatorReserveBytes),
      awarenessPerSecond: positiveFrom(env, 'AWARENESS_PER_SECOND', d.awarenessPerSecond),
      awarenessBurst: positiveFrom(env, 'AWARENESS_BURST', d.awarenessBurst),
      awarenessMaxStateBytes: positiveFrom(
        env,
        'AWARENESS_MAX_STATE_BYTES',
        d.awarenessMaxStateBytes,
      ),
      maxBufferedBytes: positiveFrom(env, 'MAX_BUFFERED_BYTES', d.maxBufferedBytes),
      maxQueuedMessages: positiveFrom(env, 'MAX_QUEUED_MESSAGES', d.maxQueuedMessages),
      maxQueuedBytes: positiveFrom(env, 'MAX_QUEUED_BYTES', d.maxQueuedBytes),
      maxBodyBytes: positiveFrom(env, 'MAX_BODY_BYTES', d.maxBodyBytes),
      workshopCreatesPerMinute: positiveFrom(
        env,
        'WORKSHOP_CREATES_PER_MINUTE',
        d.workshopCreatesPerMinute,
      ),
      maxViewersPerRoom: positiveFrom(env, 'MAX_VIEWERS_PER_ROOM', d.maxViewersPerRoom),
      facilitatorReservedSlots: intFrom(
        env,
        'FACILITATOR_RESERVED_SLOTS',
        d.facilitatorReservedSlots,
      ),
      awarenessMaxFrameBytes: positiveFrom(
        env,
        'AWARENESS_MAX_FRAME_BYTES',
        d.awarenessMaxFrameBytes,
      ),
      identitiesPerMinute: positiveFrom(env, 'IDENTITIES_PER_MINUTE', d.identitiesPerMinute),
      maxIdentitiesPerWorkshop: positiveFrom(
        env,
        'MAX_IDENTITIES_PER_WORKSHOP',
        d.maxIdentitiesPerWorkshop,
      ),
      importMaxBytes: positiveFrom(env, 'IMPORT_MAX_BYTES', d.importMaxBytes),
      importsPerMinute: positiveFrom(env, 'IMPORTS_PER_MINUTE', d.importsPerMinute),
      pdfConcurrency: positiveFrom(env, 'PDF_CONCURRENCY', d.pdfConcurrency),
      pdfQueueLength: intFrom(env, 'PDF_QUEUE_LENGTH', d.pdfQueueLength),
    },
  };
}
