// One cheap benchmark client: a raw `ws` socket speaking y-websocket or
// Hocuspocus framing, a Y.Doc that produces its own updates (one note in the
// design.md schema whose text receives a marker per update), and hooks for
// what arrives. With `apply: true` it applies everything it receives to its
// doc (the reader used after a crash and for cold loads); otherwise it only
// scans incoming bytes for markers, which keeps a receiver cheap.
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  authMessage,
  awarenessMessage,
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  MSG_SYNC_REPLY,
  MSG_SYNC_STATUS,
  marker,
  nowMicros,
  readAwarenessUpdate,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncStep1,
  syncStep2,
  updateMessage,
  type WireProtocol,
} from './protocol.ts';

export interface RoomRef {
  /** Full websocket URL to open. */
  url: string;
  /** Document name inside Hocuspocus frames (unused by y-websocket). */
  docName: string;
  token: string;
  protocol: WireProtocol;
  /**
   * Pinnwand only: the board notes go on (the server refuses notes on boards
   * that do not exist) and where each client gets its participant identity
   * (the server accepts a new note only in the writer's own name). Plain
   * strings, since rooms are passed to load-generator threads.
   */
  boardId?: string;
  identity?: { url: string; token: string };
}

/** A workshop's room on the Pinnwand server at `baseUrl` (http://…), joined with its facilitator link. */
export function facilitatorRoom(
  baseUrl: string,
  workshop: { id: string; facilitatorToken: string },
): RoomRef {
  return {
    url: `${baseUrl.replace(/^http/, 'ws')}/ws/${workshop.id}?token=${encodeURIComponent(workshop.facilitatorToken)}`,
    docName: workshop.id,
    token: workshop.facilitatorToken,
    protocol: 'y-websocket',
  };
}

/** The same room on a restarted server listening on another port (its identity route too). */
export function roomOnPort(room: RoomRef, port: number): RoomRef {
  const moved = (url: string) => url.replace(/:\d+\//, `:${port}/`);
  return {
    ...room,
    url: moved(room.url),
    ...(room.identity ? { identity: { ...room.identity, url: moved(room.identity.url) } } : {}),
  };
}

export interface ClientHooks {
  /** An update message arrived (after the initial sync); raw update bytes. */
  onUpdate?(update: Uint8Array, receivedMicros: number): void;
  onAwareness?(entries: ReturnType<typeof readAwarenessUpdate>, receivedMicros: number): void;
  /** Hocuspocus acknowledged the n-th update this client sent (1-based). */
  onAck?(seq: number): void;
  onClose?(code: number, reason: string): void;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  ws: WebSocket | undefined;
  synced = false;
  /** When the message being (or last) processed arrived, CLOCK_MONOTONIC µs. */
  lastMessageMicros = 0;
  closed = false;
  closeCode: number | undefined;
  closeReason = '';
  private text: Y.Text | undefined;
  private awarenessClock = 0;
  /** FIFO of what each sync message sent to Hocuspocus was: seq of an update or 0. */
  private pendingAcks: number[] = [];
  private pendingAckHead = 0;
  private resolveSynced: (() => void) | undefined;

  constructor(
    readonly room: RoomRef,
    readonly sender: number,
    readonly hooks: ClientHooks = {},
    readonly apply = false,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      this.sendSync(updateMessage(this.room.protocol, this.room.docName, update), this.seqInFlight);
    });
  }

  private seqInFlight = 0;
  /** The participant id the server issued to this client (Pinnwand), else a made-up one. */
  private participantId: string | undefined;
  private participantKey: string | undefined;

  /** Asks the server for a participant identity once, as the app does for each device. */
  private async identify(): Promise<void> {
    const identity = this.room.identity;
    if (!identity || this.participantKey) return;
    const res = await fetch(identity.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${identity.token}` },
    });
    if (res.status !== 201) throw new Error(`client ${this.sender}: identity ${res.status}`);
    const body = (await res.json()) as { participantKey: string; participantId: string };
    this.participantKey = body.participantKey;
    this.participantId = body.participantId;
  }

  async connect(timeoutMs = 30_000): Promise<void> {
    await this.identify();
    const { protocol, docName } = this.room;
    const url = this.participantKey
      ? `${this.room.url}&pkey=${encodeURIComponent(this.participantKey)}`
      : this.room.url;
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 << 20 });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    const synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      const timer = setTimeout(
        () => reject(new Error(`client ${this.sender}: not synced after ${timeoutMs} ms`)),
        timeoutMs,
      );
      ws.on('close', (code, reason) => {
        clearTimeout(timer);
        if (!this.synced)
          reject(new Error(`client ${this.sender}: closed ${code} ${reason} before sync`));
      });
      ws.on('error', (err) => {
        clearTimeout(timer);
        if (!this.synced) reject(err);
      });
      const done = this.resolveSynced;
      this.resolveSynced = () => {
        clearTimeout(timer);
        done();
      };
    });
    ws.on('open', () => {
      if (protocol === 'hocuspocus') ws.send(authMessage(docName, this.room.token));
      this.sendSync(syncStep1(protocol, docName, this.doc), 0);
    });
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('close', (code, reason) => {
      this.closed = true;
      this.closeCode = code;
      this.closeReason = reason.toString();
      this.hooks.onClose?.(code, this.closeReason);
    });
    ws.on('error', () => undefined);
    return synced;
  }

  private sendSync(message: Uint8Array, seq: number): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    // Hocuspocus acknowledges every sync message from the client except SyncStep1.
    if (this.room.protocol === 'hocuspocus' && !(message.length > 0 && this.isStep1(message)))
      this.pendingAcks.push(seq);
    this.ws.send(message);
  }

  private isStep1(message: Uint8Array): boolean {
    const dec = decoding.createDecoder(message);
    if (this.room.protocol === 'hocuspocus') decoding.readVarString(dec);
    return decoding.readVarUint(dec) === MSG_SYNC && decoding.readVarUint(dec) === SYNC_STEP1;
  }

  private onMessage(data: Buffer): void {
    const received = nowMicros();
    this.lastMessageMicros = received;
    const dec = decoding.createDecoder(data);
    if (this.room.protocol === 'hocuspocus') decoding.readVarString(dec);
    const type = decoding.readVarUint(dec);
    switch (type) {
      case MSG_SYNC:
      case MSG_SYNC_REPLY: {
        const sub = decoding.readVarUint(dec);
        if (sub === SYNC_STEP1) {
          const sv = decoding.readVarUint8Array(dec);
          this.sendSync(syncStep2(this.room.protocol, this.room.docName, this.doc, sv), 0);
        } else if (sub === SYNC_STEP2) {
          const update = decoding.readVarUint8Array(dec);
          if (this.apply) Y.applyUpdate(this.doc, update, 'remote');
          if (!this.synced) {
            this.synced = true;
            this.resolveSynced?.();
          } else this.hooks.onUpdate?.(update, received);
        } else if (sub === SYNC_UPDATE) {
          const update = decoding.readVarUint8Array(dec);
          if (this.apply) Y.applyUpdate(this.doc, update, 'remote');
          this.hooks.onUpdate?.(update, received);
        }
        break;
      }
      case MSG_AWARENESS: {
        if (this.hooks.onAwareness) {
          const update = decoding.readVarUint8Array(dec);
          this.hooks.onAwareness(readAwarenessUpdate(update), received);
        }
        break;
      }
      case MSG_SYNC_STATUS: {
        const seq = this.pendingAcks[this.pendingAckHead++];
        if (this.pendingAckHead > 4096) {
          this.pendingAcks = this.pendingAcks.slice(this.pendingAckHead);
          this.pendingAckHead = 0;
        }
        if (seq) this.hooks.onAck?.(seq);
        break;
      }
      case MSG_AUTH:
      case MSG_QUERY_AWARENESS:
        break;
      default:
        break;
    }
  }

  /** Creates this client's note (design.md schema), an unmeasured set-up update. */
  createNote(boardId = this.room.boardId ?? 'bench'): void {
    const notes = this.doc.getMap<Y.Map<unknown>>('notes');
    const note = new Y.Map<unknown>();
    const text = new Y.Text();
    const id = `bench-${this.sender}-${this.doc.clientID}`;
    this.doc.transact(() => {
      note.set('boardId', boardId);
      note.set('text', text);
      note.set('x', (this.sender % 40) * 220);
      note.set('y', Math.floor(this.sender / 40) * 160);
      note.set('color', 'yellow');
      note.set('author', `bench ${this.sender}`);
      note.set('authorId', this.participantId ?? `bench-${this.sender}`);
      note.set('createdAt', Date.now());
      note.set('votes', new Y.Map());
      notes.set(id, note);
    });
    this.text = text;
  }

  /** One measured update: the marker typed at the end of this client's note. */
  sendUpdate(seq: number): void {
    const text = this.text;
    if (!text) throw new Error('createNote first');
    this.seqInFlight = seq;
    text.insert(text.length, marker(this.sender, seq, nowMicros()));
    this.seqInFlight = 0;
  }

  sendAwareness(seq: number): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    this.awarenessClock++;
    const state = {
      user: { name: `bench ${this.sender}`, color: '#f5c518' },
      cursor: { x: (seq * 7) % 1600, y: (seq * 13) % 900 },
      s: seq,
      t: nowMicros(),
      b: this.sender,
    };
    this.ws.send(
      awarenessMessage(
        this.room.protocol,
        this.room.docName,
        this.doc.clientID,
        this.awarenessClock,
        state,
      ),
    );
  }

  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  close(): void {
    this.ws?.close();
  }

  terminate(): void {
    this.ws?.terminate();
  }
}

/** Notes in a doc read back with `apply: true`. */
export function noteTexts(doc: Y.Doc): string[] {
  const out: string[] = [];
  doc.getMap<Y.Map<unknown>>('notes').forEach((note) => {
    const text = note instanceof Y.Map ? note.get('text') : undefined;
    if (text instanceof Y.Text) out.push(text.toString());
  });
  return out;
}
