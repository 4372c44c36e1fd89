/**
 * A simulated network of Y.Doc peers whose message delivery the test
 * controls, after yjs' own `tests/testHelper.js`: every local update of a peer
 * is queued for every other connected peer, and nothing arrives until the
 * test says so. Tests can deliver in random order, deliver a message twice,
 * drop messages, and take peers offline; `resync` plays the y-protocols sync
 * handshake (state vector → missing updates), which is how a real client
 * recovers dropped messages and offline edits when it reconnects.
 *
 * Random order keeps each link first-in-first-out by default, as a websocket
 * (to and from the relaying server) is, and a dropped message breaks its
 * link until the next resync, as a closed connection does: what was sent on
 * it afterwards is lost too. `anyOrder` lifts that, for convergence alone;
 * then a peer can receive an update whose dependencies it lacks, and Yjs
 * applies its deletes at once while its new values wait. No Pinnwand client
 * works from that state (the server refuses such updates and relays in order;
 * a joiner holds the greeting's log update pending only until synced), and
 * undo cannot work from it: a value deleted by someone else's pending change
 * is not this person's to restore.
 *
 * Updates are applied with REMOTE_ORIGIN, as a provider would, and only
 * updates with another origin are sent on, so nothing echoes.
 */
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../model/origin.ts';

interface Message {
  from: number;
  to: number;
  update: Uint8Array;
}

export interface DeliverOptions {
  /** Pick messages in random order (first-in-first-out per link unless `anyOrder`). */
  rng?: () => number;
  /** With `rng`: reorder messages on the same link too, as no websocket would. */
  anyOrder?: boolean;
  /** Probability of delivering a message twice. */
  duplicateRate?: number;
  /** Probability of losing a message (recovered only by `resync`). */
  dropRate?: number;
}

export class PeerNetwork {
  readonly docs: Y.Doc[];
  private queue: Message[] = [];
  private online: boolean[];
  /** Links (`from>to`) that lost a message and carry nothing until the next resync. */
  private broken = new Set<string>();
  /** Messages delivered, dropped and duplicated so far (for test diagnostics). */
  readonly stats = { delivered: 0, dropped: 0, duplicated: 0 };

  constructor(peers: number, options: { gc?: boolean } = {}) {
    this.docs = Array.from({ length: peers }, (_, index) => {
      // Deterministic client ids make failures reproducible.
      const doc = new Y.Doc({ gc: options.gc ?? true });
      doc.clientID = index + 1;
      return doc;
    });
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE_ORIGIN || !this.online[from]) return;
        for (let to = 0; to < this.docs.length; to++) {
          if (to !== from && this.online[to]) this.queue.push({ from, to, update });
        }
      });
    });
  }

  get size(): number {
    return this.docs.length;
  }

  doc(index: number): Y.Doc {
    const doc = this.docs[index];
    if (!doc) throw new RangeError(`no peer ${index}`);
    return doc;
  }

  isOnline(index: number): boolean {
    return this.online[index] ?? false;
  }

  /** Messages waiting to be delivered. */
  pending(): number {
    return this.queue.length;
  }

  /**
   * Delivers one queued message (the oldest, or with `rng` the oldest of a
   * random link, or any with `anyOrder`). False if none.
   */
  deliverOne(options: DeliverOptions = {}): boolean {
    if (this.queue.length === 0) return false;
    const candidates = options.anyOrder ? this.queue.map((_, i) => i) : this.linkHeads();
    const index = options.rng ? candidates[Math.floor(options.rng() * candidates.length)]! : 0;
    const [message] = this.queue.splice(index, 1);
    if (!message) return false;
    const link = linkOf(message);
    if (this.broken.has(link)) {
      this.stats.dropped++;
      return true;
    }
    const roll = options.rng?.() ?? 1;
    if (options.dropRate && roll < options.dropRate) {
      this.stats.dropped++;
      if (!options.anyOrder) this.broken.add(link);
      return true;
    }
    this.apply(message);
    if (options.duplicateRate && (options.rng?.() ?? 1) < options.duplicateRate) {
      this.stats.duplicated++;
      this.apply(message);
    }
    return true;
  }

  /** Index in the queue of each link's oldest message. */
  private linkHeads(): number[] {
    const seen = new Set<string>();
    const heads: number[] = [];
    this.queue.forEach((message, index) => {
      const link = linkOf(message);
      if (seen.has(link)) return;
      seen.add(link);
      heads.push(index);
    });
    return heads;
  }

  /** Delivers until the queue is empty (new messages caused by delivery included). */
  deliverAll(options: DeliverOptions = {}): void {
    while (this.deliverOne(options)) {
      // keep going
    }
  }

  /** Loses every queued message on the link from → to. */
  dropLink(from: number, to: number): number {
    const before = this.queue.length;
    this.queue = this.queue.filter((m) => m.from !== from || m.to !== to);
    const dropped = before - this.queue.length;
    this.stats.dropped += dropped;
    return dropped;
  }

  /** Takes a peer offline: its queued messages in and out are lost, it keeps editing locally. */
  disconnect(index: number): void {
    this.online[index] = false;
    const before = this.queue.length;
    this.queue = this.queue.filter((m) => m.from !== index && m.to !== index);
    this.stats.dropped += before - this.queue.length;
  }

  /** Brings a peer back and queues the sync handshake with every online peer. */
  reconnect(index: number): void {
    this.online[index] = true;
    for (let other = 0; other < this.docs.length; other++) {
      if (other !== index && this.online[other]) this.resync(index, other);
    }
  }

  /**
   * Queues what each of the two peers is missing from the other, computed
   * from state vectors (y-protocols sync step 1 and 2, both directions).
   */
  resync(a: number, b: number): void {
    if (!this.online[a] || !this.online[b]) return;
    // A new connection: what the broken one still held is gone, the handshake sends it again.
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      if (this.broken.delete(`${from}>${to}`)) this.dropLink(from, to);
    }
    const docA = this.doc(a);
    const docB = this.doc(b);
    this.queue.push({
      from: a,
      to: b,
      update: Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)),
    });
    this.queue.push({
      from: b,
      to: a,
      update: Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)),
    });
  }

  /** Everyone online, every pair resynced, everything delivered: the end of every test run. */
  settle(): void {
    for (let i = 0; i < this.docs.length; i++) if (!this.online[i]) this.reconnect(i);
    this.deliverAll();
    for (let a = 0; a < this.docs.length; a++) {
      for (let b = a + 1; b < this.docs.length; b++) this.resync(a, b);
    }
    this.deliverAll();
  }

  private apply({ to, update }: Message): void {
    if (!this.online[to]) return;
    Y.applyUpdate(this.doc(to), update, REMOTE_ORIGIN);
    this.stats.delivered++;
  }
}

const linkOf = (message: Message) => `${message.from}>${message.to}`;

/** A canonical JSON rendering of a document's five roots, for comparing peers. */
export function docSnapshot(doc: Y.Doc): string {
  const roots = ['meta', 'boards', 'clusters', 'notes', 'summaries'];
  return stableStringify(
    Object.fromEntries(roots.map((name) => [name, doc.getMap(name).toJSON()])),
  );
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Null when all documents hold the same content and state; otherwise a short
 * description of the first difference, for the test's failure message.
 */
export function divergence(docs: readonly Y.Doc[]): string | null {
  const [first, ...rest] = docs;
  if (!first) return null;
  const reference = docSnapshot(first);
  const vector = Y.encodeStateVector(first).join(',');
  for (const [index, doc] of rest.entries()) {
    if (Y.encodeStateVector(doc).join(',') !== vector)
      return `peer ${index + 1}: state vector differs from peer 0`;
    const snapshot = docSnapshot(doc);
    if (snapshot !== reference)
      return `peer ${index + 1}: content differs from peer 0\n${snapshot}\n${reference}`;
  }
  return null;
}
