/**
 * Decoding what a client sends and encoding what the server sends, strictly.
 * y-protocols' own readers trust their input; here every frame is decoded in
 * full before anything acts on it, so a bad varint, an unknown message type,
 * trailing bytes or awareness JSON that is not JSON all become one
 * `MalformedMessage` — which closes only the connection that sent it (4400).
 * A document update's structs are decoded when it is handed to its room
 * (`decodeUpdateStrictly`, after the rate limits), so that a queue of waiting
 * updates holds bytes, not decoded structs.
 */

import {
  AUTH_PERMISSION_DENIED,
  MessageType,
  SyncMessageType,
} from '@pinnwand/shared/protocol/wire';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export class MalformedMessage extends Error {}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /**
   * The state's JSON text as sent, not parsed yet: the room parses only the
   * entries it is going to relay (`parseAwarenessState`), so a frame full of
   * entries the sender does not own costs no JSON parsing.
   */
  json: string;
}

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  /** `step2`: the client's answer to our SyncStep1 (everything it has that we lacked). */
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' }
  /** Liveness check: answered at once by the socket layer (wire.ts MessageType.heartbeat). */
  | { type: 'heartbeat' };

/** The first byte of an awareness frame (varUint 1): lets the socket judge it before decoding. */
export function isAwarenessFrame(data: Uint8Array): boolean {
  return data[0] === MessageType.awareness;
}

function decodeAwareness(payload: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(payload);
  const count = decoding.readVarUint(d);
  if (count > 10_000) throw new MalformedMessage('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    entries.push({ clientId, clock, json });
  }
  if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes in awareness update');
  return entries;
}

/** An awareness state: a JSON object, or null (removed). Throws MalformedMessage otherwise. */
export function parseAwarenessState(json: string): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw new MalformedMessage('awareness state is not JSON');
  }
  if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
    throw new MalformedMessage('awareness state is not an object');
  }
  return state as Record<string, unknown> | null;
}

/** Decodes one frame completely; throws MalformedMessage on anything unexpected. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let message: ClientMessage;
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (syncType === SyncMessageType.step1) {
          Y.decodeStateVector(payload);
          message = { type: 'syncStep1', stateVector: payload };
        } else if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
          message = {
            type: 'update',
            update: payload,
            step2: syncType === SyncMessageType.step2,
          };
        } else {
          throw new MalformedMessage(`unknown sync message type ${syncType}`);
        }
        break;
      }
      case MessageType.awareness:
        message = { type: 'awareness', entries: decodeAwareness(decoding.readVarUint8Array(d)) };
        break;
      case MessageType.queryAwareness:
        message = { type: 'queryAwareness' };
        break;
      case MessageType.heartbeat:
        message = { type: 'heartbeat' };
        break;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes after message');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(err instanceof Error ? err.message : String(err));
  }
}

/** Parses every struct and the delete set; MalformedMessage on anything Yjs could not read. */
export function decodeUpdateStrictly(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedMessage(err instanceof Error ? err.message : String(err));
  }
}

/** The server's answer to a heartbeat: the same single byte. */
export const HEARTBEAT_FRAME: Uint8Array = Uint8Array.of(MessageType.heartbeat);

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export interface OutgoingAwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state ('null' for a removed state). */
  json: string;
}

export function encodeAwareness(entries: readonly OutgoingAwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.json);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** y-protocols/auth "permission denied": a stock client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.auth);
  encoding.writeVarUint(e, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}
