/**
 * A look at a document update's bytes before Yjs decodes it.
 *
 * `Y.decodeUpdate` builds an object per struct, and for a struct that creates
 * a shared type a whole Y.Map or Y.Text with its maps and event handlers: a
 * 240 KB chain of 20,000 nested maps takes 100 ms and more of decoding and
 * garbage collection, before anything could refuse it. This scan walks the
 * same bytes (Yjs' update format v1, as y-websocket sends it), allocates
 * nothing per struct but a few numbers, and tells what decoding would build:
 * how many changes, how many new shared types, and how deep those nest in one
 * another. The socket layer refuses an update beyond its bounds on that alone.
 *
 * The nesting it reports is a lower bound: a type created under a type the
 * update does not create (or has not created yet, in the update's order)
 * counts as created under a root. It never reports more than Yjs would build,
 * so it never refuses an honest update; the room's guard (room/updateGuard.ts)
 * judges the exact depth of what passes.
 */
import * as decoding from 'lib0/decoding';
import { MalformedMessage } from './messageCodec.ts';

/** Bounds of one update; the scan stops at the first it exceeds. */
export interface ScanBounds {
  maxChanges: number;
  maxNewTypes: number;
  /** Deepest nesting of shared types (a root type is depth 1). */
  maxNestingDepth: number;
}

export const UNBOUNDED: ScanBounds = {
  maxChanges: Number.POSITIVE_INFINITY,
  maxNewTypes: Number.POSITIVE_INFINITY,
  maxNestingDepth: Number.POSITIVE_INFINITY,
};

export interface UpdateScan {
  /** The first bound the update exceeds (the counts are then partial), or null. */
  exceeds: string | null;
  /** Structs (not counting skips) plus delete ranges: what applying it costs. */
  changes: number;
  /** Structs that create a shared type (the expensive ones to decode). */
  newTypes: number;
  /**
   * Longest chain of new types nested in one another: the update reaches at
   * least this many levels below a root type (a root is depth 1).
   */
  typeChain: number;
}

/** Content kinds of Yjs' format (the low 5 bits of a struct's info byte). */
const GC = 0;
const DELETED = 1;
const JSON_CONTENT = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const DOC = 9;
const SKIP = 10;
/** Type refs that carry a name (Y.XmlElement, Y.XmlHook). */
const XML_ELEMENT = 3;
const XML_HOOK = 5;
const ORIGIN = 0x80;
const RIGHT_ORIGIN = 0x40;
const PARENT_SUB = 0x20;

/** The update's structs of one client so far, for references into them. */
interface ClientStructs {
  starts: number[];
  ends: number[];
  /** Nesting below a root of the type the struct is in (0: a root, or unknown). */
  inChain: number[];
  /** Of the type it creates: inChain + 1; 0 when it creates none. */
  ownChain: number[];
}

function at(list: ClientStructs | undefined, clock: number): number {
  if (!list) return -1;
  let lo = 0;
  let hi = list.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (clock < list.starts[mid]!) hi = mid - 1;
    else if (clock >= list.ends[mid]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Scans an update, up to the first bound it exceeds (an attack costs no more
 * than that); throws MalformedMessage where Yjs could not read it either.
 */
export function scanUpdate(update: Uint8Array, bounds: ScanBounds): UpdateScan {
  const d = decoding.createDecoder(update);
  const result: UpdateScan = { exceeds: null, changes: 0, newTypes: 0, typeChain: 0 };
  const exceeded = (what: string) => {
    result.exceeds = what;
    return result;
  };
  const clients = new Map<number, ClientStructs>();
  try {
    const blocks = decoding.readVarUint(d);
    for (let b = 0; b < blocks; b++) {
      const count = decoding.readVarUint(d);
      const client = decoding.readVarUint(d);
      let clock = decoding.readVarUint(d);
      let own = clients.get(client);
      if (!own) {
        own = { starts: [], ends: [], inChain: [], ownChain: [] };
        clients.set(client, own);
      }
      for (let i = 0; i < count; i++) {
        const info = byte(d);
        const kind = info & 0x1f;
        if (kind === GC || kind === SKIP) {
          const length = decoding.readVarUint(d);
          clock += length;
          if (kind === SKIP) continue;
          result.changes += 1;
          if (result.changes > bounds.maxChanges)
            return exceeded(`more than ${bounds.maxChanges} changes`);
          continue;
        }
        result.changes += 1;
        if (result.changes > bounds.maxChanges)
          return exceeded(`more than ${bounds.maxChanges} changes`);
        let inChain = 0;
        if (info & ORIGIN) inChain = containerChain(clients, readId(d));
        if (info & RIGHT_ORIGIN) {
          const right = containerChain(clients, readId(d));
          if (!(info & ORIGIN)) inChain = right;
        }
        if ((info & (ORIGIN | RIGHT_ORIGIN)) === 0) {
          if (decoding.readVarUint(d) === 1)
            skipVarBytes(d); // a root's name
          else inChain = typeChain(clients, readId(d));
          if (info & PARENT_SUB) skipVarBytes(d);
        }
        const length = skipContent(d, kind);
        const start = clock;
        clock += length;
        let ownChain = 0;
        if (kind === TYPE) {
          ownChain = inChain + 1;
          result.newTypes += 1;
          if (ownChain > result.typeChain) result.typeChain = ownChain;
          if (result.newTypes > bounds.maxNewTypes) {
            return exceeded(`creates more than ${bounds.maxNewTypes} shared types`);
          }
          // A root is depth 1: the chain's deepest type is at least one below it.
          if (1 + ownChain > bounds.maxNestingDepth) {
            return exceeded(`nests types deeper than ${bounds.maxNestingDepth}`);
          }
        }
        own.starts.push(start);
        own.ends.push(clock);
        own.inChain.push(inChain);
        own.ownChain.push(ownChain);
      }
    }
    const deleted = decoding.readVarUint(d);
    for (let c = 0; c < deleted; c++) {
      decoding.readVarUint(d);
      const ranges = decoding.readVarUint(d);
      for (let r = 0; r < ranges; r++) {
        decoding.readVarUint(d);
        decoding.readVarUint(d);
      }
      result.changes += ranges;
      if (result.changes > bounds.maxChanges)
        return exceeded(`more than ${bounds.maxChanges} changes`);
    }
  } catch (err) {
    throw new MalformedMessage(`unreadable update: ${err instanceof Error ? err.message : err}`);
  }
  return result;
}

function readId(d: decoding.Decoder): { client: number; clock: number } {
  const client = decoding.readVarUint(d);
  return { client, clock: decoding.readVarUint(d) };
}

/** Nesting of the type the referenced struct is in (a neighbour: same parent). */
function containerChain(
  clients: Map<number, ClientStructs>,
  id: { client: number; clock: number },
): number {
  const list = clients.get(id.client);
  const i = at(list, id.clock);
  return i < 0 ? 0 : list!.inChain[i]!;
}

/** Nesting of the type the referenced struct creates (a parent reference). */
function typeChain(
  clients: Map<number, ClientStructs>,
  id: { client: number; clock: number },
): number {
  const list = clients.get(id.client);
  const i = at(list, id.clock);
  return i < 0 ? 0 : list!.ownChain[i]!;
}

/** One byte; throws at the end (lib0's readUint8 would return undefined). */
function byte(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) throw new Error('unexpected end');
  return d.arr[d.pos++]!;
}

/** Skips `n` bytes; throws if there are fewer. */
function skip(d: decoding.Decoder, n: number): void {
  if (d.pos + n > d.arr.length) throw new Error('unexpected end');
  d.pos += n;
}

/** Skips a length-prefixed string or byte array. */
function skipVarBytes(d: decoding.Decoder): void {
  skip(d, decoding.readVarUint(d));
}

/**
 * Skips a string; returns its length in UTF-16 code units (Yjs' clocks for a
 * text), counted from the UTF-8 bytes without decoding them.
 */
function skipString(d: decoding.Decoder): number {
  const n = decoding.readVarUint(d);
  const end = d.pos + n;
  if (end > d.arr.length) throw new Error('unexpected end');
  let units = 0;
  for (let i = d.pos; i < end; i++) {
    const b = d.arr[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  d.pos = end;
  return units;
}

/** Skips a struct's content; returns its length in clocks. */
function skipContent(d: decoding.Decoder, kind: number): number {
  switch (kind) {
    case DELETED:
      return decoding.readVarUint(d);
    case JSON_CONTENT: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipVarBytes(d);
      return n;
    }
    case BINARY:
    case EMBED:
      skipVarBytes(d);
      return 1;
    case STRING:
      return skipString(d);
    case FORMAT:
      skipVarBytes(d);
      skipVarBytes(d);
      return 1;
    case TYPE: {
      const ref = decoding.readVarUint(d);
      if (ref > 6) throw new Error(`unknown type ${ref}`);
      if (ref === XML_ELEMENT || ref === XML_HOOK) skipVarBytes(d);
      return 1;
    }
    case ANY: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return n;
    }
    case DOC:
      skipVarBytes(d);
      skipAny(d);
      return 1;
    default:
      throw new Error(`unknown content ${kind}`);
  }
}

/** Skips one lib0 "any" value, iteratively (its nesting costs no stack). */
function skipAny(d: decoding.Decoder): void {
  // Open arrays and objects: values still to skip in each; an object's are key and value.
  const open: { left: number; object: boolean }[] = [{ left: 1, object: false }];
  while (open.length > 0) {
    const top = open[open.length - 1]!;
    if (top.left === 0) {
      open.pop();
      continue;
    }
    top.left -= 1;
    if (top.object) skipVarBytes(d);
    const type = byte(d);
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125: // integer
        decoding.readVarInt(d);
        break;
      case 124: // float32
        skip(d, 4);
        break;
      case 123: // float64
      case 122: // bigint64
        skip(d, 8);
        break;
      case 119: // string
      case 116: // Uint8Array
        skipVarBytes(d);
        break;
      case 118: // object
        open.push({ left: decoding.readVarUint(d), object: true });
        break;
      case 117: // array
        open.push({ left: decoding.readVarUint(d), object: false });
        break;
      default:
        throw new Error(`unknown value type ${type}`);
    }
  }
}
