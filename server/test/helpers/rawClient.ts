// A raw websocket speaking the y-websocket protocol by hand, for tests that
// must send what a well-behaved provider never would.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type CreatedWorkshop, startTestServer, type TestServer, waitFor } from './testServer.ts';

export interface Received {
  type: number;
  sub?: number;
  payload?: Uint8Array;
  reason?: string;
}

export interface RawClient {
  ws: WebSocket;
  received: Received[];
  closed: Promise<number>;
  opened: Promise<void>;
  send(data: Uint8Array): void;
  /** Asks for the state: SyncStep1 with `stateVector` (default empty, as a new device). */
  sendSyncStep1(stateVector?: Uint8Array): void;
  sendUpdate(update: Uint8Array): void;
  /** Sends `update` as SyncStep2 (a client's answer to the server's SyncStep1). */
  sendSyncStep2(update: Uint8Array): void;
  sendAwareness(entries: { clientId: number; clock: number; json: string }[]): void;
  /** Stops reading from the socket: what the server sends piles up in its buffers. */
  pauseReading(): void;
  resumeReading(): void;
  close(): void;
}

/** The socket under a `ws` client, whose reading can be paused. */
const netSocket = (ws: WebSocket) =>
  (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

export function rawConnect(url: string): RawClient {
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  const received: Received[] = [];
  ws.on('error', () => {});
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === 0) {
      const sub = decoding.readVarUint(d);
      received.push({ type, sub, payload: decoding.readVarUint8Array(d) });
    } else if (type === 1) {
      received.push({ type, payload: decoding.readVarUint8Array(d) });
    } else if (type === 2) {
      decoding.readVarUint(d);
      received.push({ type, reason: decoding.readVarString(d) });
    } else {
      received.push({ type });
    }
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  return {
    ws,
    received,
    closed,
    opened,
    send: (data) => ws.send(data),
    sendSyncStep1: (stateVector = EMPTY_STATE_VECTOR) => ws.send(syncMessage(0, stateVector)),
    sendUpdate: (update) => ws.send(syncMessage(2, update)),
    sendSyncStep2: (update) => ws.send(syncMessage(1, update)),
    sendAwareness(entries) {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, entries.length);
      for (const entry of entries) {
        encoding.writeVarUint(inner, entry.clientId);
        encoding.writeVarUint(inner, entry.clock);
        encoding.writeVarString(inner, entry.json);
      }
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      ws.send(encoding.toUint8Array(e));
    },
    pauseReading: () => netSocket(ws).pause(),
    resumeReading: () => netSocket(ws).resume(),
    close: () => ws.close(),
  };
}

function syncMessage(sub: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Resolves once the server greeted the client with its SyncStep1 (the room is ready). */
export function greeted(r: Pick<RawClient, 'received'>, timeoutMs = 5000): Promise<void> {
  return waitFor(() => r.received.some((m) => m.type === 0 && m.sub === 0), timeoutMs, 'greeting');
}

/** The SyncStep2 answers received so far, in order (their updates). */
export function syncAnswers(r: Pick<RawClient, 'received'>): Uint8Array[] {
  return r.received.flatMap((m) => (m.type === 0 && m.sub === 1 && m.payload ? [m.payload] : []));
}

/** Decodes awareness updates received so far into clientId → state. */
export function awarenessStates(received: Received[]): Map<number, unknown> {
  const states = new Map<number, unknown>();
  for (const r of received) {
    if (r.type !== 1 || !r.payload) continue;
    const d = decoding.createDecoder(r.payload);
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(d);
      decoding.readVarUint(d);
      states.set(id, JSON.parse(decoding.readVarString(d)));
    }
  }
  return states;
}

/** Applies every sync payload received (SyncStep2 and updates) to a fresh doc. */
export function docFromReceived(received: Received[]): Y.Doc {
  const doc = new Y.Doc();
  for (const r of received) {
    if (r.type === 0 && (r.sub === 1 || r.sub === 2) && r.payload) Y.applyUpdate(doc, r.payload);
  }
  return doc;
}

/**
 * A fresh server and workshop per test (call once per describe) and raw
 * clients into it, opened once the server greeted them (its SyncStep1 arrives
 * when the room is ready); all closed after each test.
 */
export function rawRoom(): {
  readonly t: TestServer;
  readonly w: CreatedWorkshop;
  open(token: string, pkey?: string): Promise<RawClient>;
} {
  let t: TestServer | null = null;
  let w: CreatedWorkshop | null = null;
  const clients: RawClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
    w = await t.createWorkshop();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t?.close();
    t = null;
    w = null;
  });
  return {
    get t() {
      if (!t) throw new Error('rawRoom is used outside a test');
      return t;
    },
    get w() {
      if (!w) throw new Error('rawRoom is used outside a test');
      return w;
    },
    async open(token, pkey) {
      const c = rawConnect(
        `${this.t.wsUrl}/${this.w.id}?token=${token}${pkey ? `&pkey=${pkey}` : ''}`,
      );
      clients.push(c);
      await c.opened;
      await greeted(c);
      return c;
    },
  };
}
