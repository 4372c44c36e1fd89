/**
 * The websocket protocol in one place: message types, close codes and their
 * reasons, the limits a client can run into. The server, the client and the
 * tests import it from here; docs/protocol.md explains the handshake in prose.
 * (The HTTP API's contract is http.ts beside this file.)
 *
 * Handshake (y-websocket, unchanged so that a stock `WebsocketProvider` connects):
 *
 *   1. The client opens `ws(s)://HOST/ws/<workshopId>?token=<token>`. The server
 *      checks the path, that the workshop exists and the token's capability
 *      BEFORE it loads any document. A refused connection is still upgraded and
 *      then closed at once with a 44xx code, because a browser cannot read the
 *      HTTP status of a failed upgrade but can read a close code.
 *   2. Once the room's stored state (snapshot + later updates) is loaded and every
 *      write already received for the room is committed, the server sends
 *      SyncStep1 (its state vector) and the awareness states of the room.
 *   3. The client sends SyncStep1; the server answers SyncStep2 (what the client
 *      lacks). The client answers the server's SyncStep1 with SyncStep2 (what the
 *      server lacks), which the server treats like any other update.
 *   4. From then on both sides send Update messages. The server commits each
 *      accepted update to storage before it relays it to anyone.
 *
 * Message framing: varUint(messageType) followed by the payload; every frame is
 * one binary websocket message. Anything else is malformed (close 4400).
 */

/** y-websocket top-level message types. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Pinnwand's liveness check, outside y-websocket's set: a client sends the
   * bare type byte when it has heard nothing for a moment, the server answers
   * with the same byte at once (rate-limited, before any room work). A browser
   * cannot see websocket pings, and a server that stopped answering without
   * closing the socket would otherwise look connected for 30 s. Stock clients
   * never send it; a stock client receiving one would log and ignore it.
   */
  heartbeat: 100,
} as const;

/** Heartbeats a connection may send per second (sustained); more go unanswered. */
export const HEARTBEATS_PER_SECOND = 4;

/** y-protocols sync sub-types (inside a `sync` message). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** y-protocols auth sub-type: the only one, "permission denied" + reason. */
export const AUTH_PERMISSION_DENIED = 0;

/**
 * Close codes. 4400–4499 mirror HTTP 4xx: a stock y-websocket client treats them
 * as permanent and stops reconnecting. 4500–4599 and the 1xxx codes are
 * transient: the client reconnects with back-off.
 */
export const CloseCode = {
  /** Server shutting down or restarting; reconnect. (RFC 6455 "service restart") */
  serviceRestart: 1012,
  /** A frame exceeded maxPayload (sent by `ws` itself). */
  messageTooBig: 1009,
  /** Unexpected server error; reconnect. */
  internalError: 1011,
  /** Malformed message: bad varint, truncated or invalid update, unknown type, bad awareness JSON, text frame. */
  malformed: 4400,
  /** Missing or wrong token for this workshop. */
  badToken: 4401,
  /** The capability does not allow this connection at all (e.g. its participant identity was revoked). */
  forbidden: 4403,
  /** No workshop with this id (workshops exist only when created through the API). */
  unknownWorkshop: 4404,
  /** The workshop was deleted (by its facilitator or the retention sweep) while connected. */
  workshopDeleted: 4410,
  /** The client did not read what the server sent fast enough (send buffer kept growing). */
  slowConsumer: 4408,
  /** The document would exceed maxDocumentBytes. */
  documentTooLarge: 4413,
  /** Too many messages (awareness flood, or too much sent before the room was ready). */
  rateLimited: 4429,
  /** Room or process has reached its connection limit; try again later. */
  full: 4503,
  /** Storage failed (disk full, database error): the update was not stored and not relayed; try again later. */
  storageFailed: 4507,
  /**
   * The update adds changes under a Yjs client id another writer announced
   * (server/src/room/ClientIdOwners.ts); not applied. Transient: an honest
   * client only does so when passing on changes this process has not read
   * yet, and they are known by the time it comes back.
   */
  foreignClientId: 4509,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/**
 * Whether a close code means "do not come back with this token": 4400–4499
 * (y-websocket's own client stops reconnecting on them too).
 */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Human-readable close reasons (sent in the close frame, ≤ 123 bytes). */
export const CloseReason: Readonly<Record<CloseCodeName, string>> = {
  serviceRestart: 'server restarting',
  messageTooBig: 'message too big',
  internalError: 'internal error',
  malformed: 'malformed message',
  badToken: 'bad token',
  forbidden: 'not allowed',
  unknownWorkshop: 'unknown workshop',
  workshopDeleted: 'workshop deleted',
  slowConsumer: 'slow consumer',
  documentTooLarge: 'document too large',
  rateLimited: 'rate limited',
  full: 'room or server full',
  storageFailed: 'storage failed, update not saved',
  foreignClientId: 'client id of another writer, update not saved',
};

/**
 * The awareness field the server overwrites in every state it relays, so that
 * nobody can pose as a facilitator: `state.role` is always the capability of
 * the connection that set the state.
 */
export const AWARENESS_ROLE_FIELD = 'role';

/**
 * Client ids one connection may introduce into the room's awareness (a tab
 * uses one; more only guards memory against a connection inventing thousands).
 */
export const AWARENESS_MAX_CLIENT_IDS_PER_CONNECTION = 16;

/** Reasons used in "permission denied" auth messages and the rejected-messages metric. */
export const RejectReason = {
  viewerWrite: 'viewer-write',
  policy: 'policy',
  malformed: 'malformed',
  rateLimited: 'rate-limited',
  tooBig: 'too-big',
  documentTooLarge: 'document-too-large',
  foreignClientId: 'foreign-client-id',
  awarenessNotOwner: 'awareness-not-owner',
  awarenessTooLarge: 'awareness-too-large',
  awarenessTooManyClients: 'awareness-too-many-clients',
  awarenessFlood: 'awareness-flood',
  awarenessFrameTooLarge: 'awareness-frame-too-large',
  identityRevoked: 'identity-revoked',
  roomFullForRole: 'room-full-for-role',
  notReady: 'too-much-before-ready',
  storage: 'storage-failed',
} as const;
export type RejectReasonValue = (typeof RejectReason)[keyof typeof RejectReason];

/** Path prefix of the websocket endpoint: `/ws/<workshopId>`. */
export const WS_PATH_PREFIX = '/ws/';

/** Workshop ids are random URL-safe strings. */
export const WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
