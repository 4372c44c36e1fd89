/**
 * What a client's update may do to the room's document, checked BEFORE Yjs
 * applies it, from the decoded update and the document's state alone.
 *
 * Yjs trusts its input. An update whose structs or deletions refer to clocks
 * the document does not have is kept "pending" and integrated later, inside
 * the transaction of whichever update supplies them: a delete range for a
 * victim's future clocks silently deletes everything the victim writes
 * afterwards. Some malformed updates make Yjs throw half-way through, leaving
 * the document inconsistent; deep chains of nested types make its observer
 * bookkeeping quadratic. So an update is applied only if, replaying Yjs'
 * integration order (structs of one client in clock order, a struct only
 * after the structs it refers to), every struct integrates and every deleted
 * range exists, and if it stays within the bounds below. Otherwise nothing of
 * it is applied.
 *
 * An honest client never fails this over one ordered connection: it only
 * refers to what it received from the server or created itself, and its
 * SyncStep2 carries everything the server lacks (see Room.applyClientUpdate
 * for updates that race ahead of it).
 *
 * Cost: linear in the update (a binary search per reference into the update
 * or the document), plus one walk to the root per document type first
 * referred to (memoised; types never move).
 */
import * as Y from 'yjs';

export interface GuardBounds {
  /** Deepest nesting of shared types: a root type is depth 1, a map inside it 2, … */
  maxNestingDepth: number;
  /** Most distinct shared types one update may insert into. */
  maxUpdateTypes: number;
  /** Whether new content may go under this root type (unknown roots are refused for participants). */
  allowRoot(name: string): boolean;
}

export type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** A document update as the socket layer hands it to the room: decoded once, rate-limited. */
export interface IncomingUpdate {
  bytes: Uint8Array;
  decoded: Decoded;
  /** The client's SyncStep2: its answer to our SyncStep1, complete by construction. */
  step2: boolean;
}

export type GuardResult =
  | { ok: true; deletesOnly: boolean }
  | {
      ok: false;
      /** 'pending': refers to clocks the server lacks; 'refused': outside the bounds or malformed. */
      kind: 'pending' | 'refused';
      reason: string;
    };

/** Depth and root of a shared type. */
interface TypeInfo {
  depth: number;
  root: string;
}

/** What a struct of the update holds, once it would be integrated. */
interface Placed {
  /** The type it is inserted into; null: Yjs turns it into garbage (its parent is gone). */
  container: TypeInfo | null;
  /** Identifies that type, to count the distinct types an update inserts into. */
  containerKey: unknown;
  /** The map key it is stored under (null in a list or text). */
  parentSub: string | null;
  /** The type it creates (ContentType), if any. */
  created: TypeInfo | null;
}

/** Integrated as garbage: Yjs collects an item whose parent or neighbour was collected. */
const GARBAGE: Placed = Object.freeze({
  container: null,
  containerKey: null,
  parentSub: null,
  created: null,
});

/** Document types never change depth or root: memoised across updates. */
const typeInfos = new WeakMap<Y.AbstractType<unknown>, TypeInfo>();

function infoOfDocType(doc: Y.Doc, type: Y.AbstractType<unknown>): TypeInfo {
  // Iterative: a document written before these bounds may hold very deep chains.
  const chain: Y.AbstractType<unknown>[] = [];
  let current = type;
  let base = typeInfos.get(current);
  while (!base) {
    const item: Y.Item | null = current._item;
    if (item === null) {
      base = { depth: 1, root: rootKey(doc, current) };
      typeInfos.set(current, base);
      break;
    }
    chain.push(current);
    current = item.parent as Y.AbstractType<unknown>;
    base = typeInfos.get(current);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    base = { depth: base.depth + 1, root: base.root };
    typeInfos.set(chain[i]!, base);
  }
  return base;
}

function rootKey(doc: Y.Doc, type: Y.AbstractType<unknown>): string {
  for (const [key, value] of doc.share) if (value === type) return key;
  return Y.findRootTypeKey(type);
}

class Refused extends Error {
  constructor(
    readonly kind: 'pending' | 'refused',
    reason: string,
  ) {
    super(reason);
  }
}

interface Block {
  client: number;
  structs: (Y.Item | Y.GC | Y.Skip)[];
  /** Index of the next struct to integrate. */
  next: number;
  /** Clock up to which this client is known: the server's state, then what integrated. */
  reach: number;
  /** End clock of the block's last real struct: how far it could ever reach. */
  end: number;
  placed: (Placed | undefined)[];
}

export function guardUpdate(doc: Y.Doc, decoded: Decoded, bounds: GuardBounds): GuardResult {
  try {
    return new Replay(doc, decoded, bounds).run();
  } catch (err) {
    if (err instanceof Refused) return { ok: false, kind: err.kind, reason: err.message };
    throw err;
  }
}

class Replay {
  private readonly blocks = new Map<number, Block>();
  private readonly waiting = new Map<number, { block: Block; clock: number }[]>();
  private readonly containers = new Set<unknown>();
  private readonly store: Y.Doc['store'];

  constructor(
    private readonly doc: Y.Doc,
    private readonly decoded: Decoded,
    private readonly bounds: GuardBounds,
  ) {
    this.store = doc.store;
  }

  run(): GuardResult {
    this.split();
    const ready = [...this.blocks.values()];
    for (let block = ready.pop(); block; block = ready.pop()) {
      this.advance(block);
      const waiters = this.waiting.get(block.client);
      if (!waiters) continue;
      const still = waiters.filter((w) => w.clock >= block.reach);
      for (const w of waiters) if (w.clock < block.reach) ready.push(w.block);
      if (still.length > 0) this.waiting.set(block.client, still);
      else this.waiting.delete(block.client);
    }
    for (const block of this.blocks.values()) {
      for (let i = block.next; i < block.structs.length; i++) {
        if (!(block.structs[i] instanceof Y.Skip)) {
          throw new Refused('pending', 'structs refer to each other in a cycle');
        }
      }
    }
    for (const [client, ranges] of this.decoded.ds.clients) {
      const state = this.stateOf(client);
      for (const range of ranges) {
        if (range.len < 1) throw new Refused('refused', 'empty delete range');
        if (range.clock + range.len > state) {
          throw new Refused('pending', 'deletes content the server does not have');
        }
      }
    }
    const structs = this.decoded.structs.some((s) => !(s instanceof Y.Skip));
    return { ok: true, deletesOnly: !structs };
  }

  /** Groups the structs by client (each client's run is consecutive and in clock order). */
  private split(): void {
    let current = null as Block | null;
    for (const struct of this.decoded.structs) {
      const client = struct.id.client;
      if (current?.client !== client) {
        if (this.blocks.has(client)) throw new Refused('refused', 'a client appears twice');
        current = {
          client,
          structs: [],
          next: 0,
          reach: Y.getState(this.store, client),
          end: 0,
          placed: [],
        };
        this.blocks.set(client, current);
      }
      if (struct.length < 1) throw new Refused('refused', 'an empty struct');
      current.structs.push(struct);
      if (!(struct instanceof Y.Skip)) current.end = struct.id.clock + struct.length;
    }
  }

  private stateOf(client: number): number {
    return this.blocks.get(client)?.reach ?? Y.getState(this.store, client);
  }

  /** Integrates the block's structs as far as their references allow (or parks it). */
  private advance(block: Block): void {
    while (block.next < block.structs.length) {
      const struct = block.structs[block.next]!;
      if (struct instanceof Y.Skip) {
        block.next += 1;
        continue;
      }
      const { clock } = struct.id;
      if (clock > block.reach) {
        throw new Refused('pending', 'structs start beyond what the server has of their client');
      }
      // Yjs checks the references even of structs it has already (and keeps them pending).
      if (struct instanceof Y.Item) {
        const missing = this.missingReference(block, struct);
        if (missing) {
          const list = this.waiting.get(missing.client) ?? [];
          list.push({ block, clock: missing.clock });
          this.waiting.set(missing.client, list);
          return;
        }
      }
      if (clock + struct.length <= block.reach) {
        block.next += 1; // the server has it already
        continue;
      }
      if (struct instanceof Y.Item) {
        const placed = this.place(struct);
        if (clock < block.reach) this.checkContinuation(struct, block.reach, placed);
        block.placed[block.next] = placed;
      }
      block.reach = clock + struct.length;
      block.next += 1;
    }
  }

  /** A reference to another client's clock not integrated yet but still to come in this update. */
  private missingReference(block: Block, item: Y.Item): Y.ID | null {
    const refs = [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null];
    for (const ref of refs) {
      if (!ref) continue;
      if (ref.client === block.client) {
        if (ref.clock >= item.id.clock) throw new Refused('refused', 'refers to its own future');
        continue;
      }
      if (ref.clock < this.stateOf(ref.client)) continue;
      const other = this.blocks.get(ref.client);
      if (other && ref.clock < other.end) return ref;
      throw new Refused('pending', 'refers to content the server does not have');
    }
    return null;
  }

  /** Where the item goes and what it creates; refuses what the bounds forbid. */
  private place(item: Y.Item): Placed {
    if (item.content instanceof Y.ContentDoc) {
      throw new Refused('refused', 'subdocuments are not part of the document format');
    }
    let found: { info: TypeInfo; key: unknown; parentSub?: string | null } | null;
    if (typeof item.parent === 'string') {
      found = { info: { depth: 1, root: item.parent }, key: `root:${item.parent}` };
    } else if (item.parent instanceof Y.ID) {
      found = this.typeAt(item.parent);
    } else {
      const ref = item.origin ?? item.rightOrigin;
      if (!ref) throw new Refused('refused', 'an item without parent or neighbours');
      found = this.containerOf(ref);
    }
    if (found === null) return GARBAGE;
    const { info: container, key } = found;
    const parentSub = item.parent === null ? (found.parentSub ?? null) : item.parentSub;
    if (!this.bounds.allowRoot(container.root)) {
      throw new Refused('refused', `writes under the unknown root type "${container.root}"`);
    }
    if (!this.containers.has(key)) {
      this.containers.add(key);
      if (this.containers.size > this.bounds.maxUpdateTypes) {
        throw new Refused('refused', `changes more than ${this.bounds.maxUpdateTypes} types`);
      }
    }
    let created: TypeInfo | null = null;
    if (item.content instanceof Y.ContentType) {
      created = { depth: container.depth + 1, root: container.root };
      if (created.depth > this.bounds.maxNestingDepth) {
        throw new Refused('refused', `nests types deeper than ${this.bounds.maxNestingDepth}`);
      }
    }
    return { container, containerKey: key, parentSub, created };
  }

  /**
   * A struct the server has the beginning of: Yjs integrates the rest right
   * after the server's item at `reach - 1`, but in the parent it resolved for
   * the whole struct. In an honest update that item is the struct's own
   * beginning, in the same parent under the same key; anything else corrupts
   * the document or makes Yjs throw.
   */
  private checkContinuation(item: Y.Item, reach: number, placed: Placed): void {
    const left = this.docStruct(Y.createID(item.id.client, reach - 1));
    if (left instanceof Y.GC) {
      // Yjs collects the rest only if the struct's own parent is gone too.
      if (placed.container !== null) throw new Refused('refused', 'continues collected content');
      return;
    }
    if (placed.container === null) return;
    const key = placed.containerKey;
    const container =
      typeof key === 'string' && key.startsWith('root:') ? this.doc.share.get(key.slice(5)) : key;
    if (container !== left.parent || placed.parentSub !== left.parentSub) {
      throw new Refused('refused', 'continues a struct of another parent');
    }
  }

  /** The type created by the item with this id (its parent reference); null if collected. */
  private typeAt(id: Y.ID): { info: TypeInfo; key: unknown } | null {
    const fromUpdate = this.placedAt(id);
    if (fromUpdate) {
      if (fromUpdate.container === null) return null;
      if (!fromUpdate.created) throw new Refused('refused', 'parent is not a shared type');
      return { info: fromUpdate.created, key: `id:${id.client}:${id.clock}` };
    }
    const struct = this.docStruct(id);
    if (struct instanceof Y.GC) return null;
    if (!(struct.content instanceof Y.ContentType)) {
      throw new Refused('refused', 'parent is not a shared type');
    }
    const type = struct.content.type as Y.AbstractType<unknown>;
    return { info: infoOfDocType(this.doc, type), key: type };
  }

  /** The type the item with this id is in (for a neighbour reference); null if collected. */
  private containerOf(id: Y.ID): { info: TypeInfo; key: unknown } | null {
    const fromUpdate = this.placedAt(id);
    if (fromUpdate) {
      return fromUpdate.container
        ? { info: fromUpdate.container, key: fromUpdate.containerKey }
        : null;
    }
    const struct = this.docStruct(id);
    if (struct instanceof Y.GC) return null;
    const parent = struct.parent as Y.AbstractType<unknown> | null;
    if (!parent) return null;
    return { info: infoOfDocType(this.doc, parent), key: parent };
  }

  /** What the update places at this id, if the id is one of the update's own new structs. */
  private placedAt(id: Y.ID): Placed | null {
    if (id.clock < Y.getState(this.store, id.client)) return null;
    const block = this.blocks.get(id.client);
    if (!block) throw new Refused('pending', 'refers to content the server does not have');
    let lo = 0;
    let hi = block.next - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = block.structs[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else {
        if (s instanceof Y.GC) return GARBAGE;
        const placed = block.placed[mid];
        if (!placed) throw new Refused('pending', 'refers to content the server does not have');
        return placed;
      }
    }
    throw new Refused('pending', 'refers to content the server does not have');
  }

  private docStruct(id: Y.ID): Y.Item | Y.GC {
    const structs = this.store.clients.get(id.client);
    if (!structs) throw new Refused('pending', 'refers to content the server does not have');
    return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
  }
}
