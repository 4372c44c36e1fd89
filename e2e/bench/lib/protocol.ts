// The two wire formats the load generator speaks, written with lib0 encoding:
// plain y-websocket (Pinnwand, @y/websocket-server) and Hocuspocus's framing
// (every message prefixed with the document name, an auth message first,
// updates acknowledged with SyncStatus). Clients hold a real Y.Doc to produce
// real Yjs updates, but never apply what they receive: receivers only scan the
// raw update bytes for the markers senders put inside their updates, which is
// exact even when a server merges several updates into one frame.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type WireProtocol = 'y-websocket' | 'hocuspocus';

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const MSG_SYNC_REPLY = 4; // Hocuspocus: like sync, but no SyncStep1 in return
export const MSG_SYNC_STATUS = 8; // Hocuspocus: acknowledgement of an update

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Microseconds on CLOCK_MONOTONIC: the same clock in every process of this machine. */
export function nowMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Starts a frame: Hocuspocus frames begin with the document name. */
export function frame(protocol: WireProtocol, docName: string, type: number): encoding.Encoder {
  const enc = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(enc, docName);
  encoding.writeVarUint(enc, type);
  return enc;
}

export function authMessage(docName: string, token: string): Uint8Array {
  const enc = frame('hocuspocus', docName, MSG_AUTH);
  encoding.writeVarUint(enc, 0); // AuthMessageType.Token
  encoding.writeVarString(enc, token);
  return encoding.toUint8Array(enc);
}

export function syncStep1(protocol: WireProtocol, docName: string, doc: Y.Doc): Uint8Array {
  const enc = frame(protocol, docName, MSG_SYNC);
  encoding.writeVarUint(enc, SYNC_STEP1);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(doc));
  return encoding.toUint8Array(enc);
}

export function syncStep2(
  protocol: WireProtocol,
  docName: string,
  doc: Y.Doc,
  stateVector: Uint8Array,
): Uint8Array {
  const enc = frame(protocol, docName, MSG_SYNC);
  encoding.writeVarUint(enc, SYNC_STEP2);
  encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(enc);
}

export function updateMessage(protocol: WireProtocol, docName: string, update: Uint8Array) {
  const enc = frame(protocol, docName, MSG_SYNC);
  encoding.writeVarUint(enc, SYNC_UPDATE);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** An awareness update carrying one client's state (y-protocols awareness encoding). */
export function awarenessMessage(
  protocol: WireProtocol,
  docName: string,
  clientId: number,
  clock: number,
  state: unknown,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const enc = frame(protocol, docName, MSG_AWARENESS);
  encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
  return encoding.toUint8Array(enc);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const dec = decoding.createDecoder(update);
  const n = decoding.readVarUint(dec);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const json = decoding.readVarString(dec);
    out.push({ clientId, clock, state: JSON.parse(json) });
  }
  return out;
}

// ---- markers inside updates ----
// A marker `~p<sender>.<seq>.<sendMicros>~` is inserted as text; Yjs writes
// strings verbatim (UTF-8) into v1 updates, merged or not.

export function marker(sender: number, seq: number, sentMicros: number): string {
  return `~p${sender}.${seq}.${sentMicros}~`;
}

const TILDE = 0x7e;
const DOT = 0x2e;

/** Calls `fn` for every marker found in the bytes. */
export function scanMarkers(
  bytes: Uint8Array,
  fn: (sender: number, seq: number, sentMicros: number) => void,
): number {
  let found = 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = buf.indexOf('~p');
  while (i !== -1) {
    let j = i + 2;
    const nums = [0, 0, 0];
    let k = 0;
    let digits = 0;
    let ok = false;
    while (j < buf.length) {
      const c = buf[j]!;
      if (c >= 0x30 && c <= 0x39) {
        nums[k] = nums[k]! * 10 + (c - 0x30);
        digits++;
      } else if (c === DOT && k < 2 && digits > 0) {
        k++;
        digits = 0;
      } else if (c === TILDE && k === 2 && digits > 0) {
        ok = true;
        break;
      } else break;
      j++;
    }
    if (ok) {
      fn(nums[0]!, nums[1]!, nums[2]!);
      found++;
      i = buf.indexOf('~p', j + 1);
    } else {
      i = buf.indexOf('~p', i + 1);
    }
  }
  return found;
}

/** Parses markers out of a text (the stored document read back after a crash). */
export function markersInText(text: string, fn: (sender: number, seq: number) => void): void {
  const re = /~p(\d+)\.(\d+)\.(\d+)~/g;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(Number(m[1]), Number(m[2]));
}
