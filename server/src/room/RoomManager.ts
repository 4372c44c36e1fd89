/**
 * Which rooms are in memory. Concurrent joins of a room that is loading share
 * one load promise; a room becomes visible only once its stored state is in.
 * An empty room unloads after a grace period — marked in a Committer barrier,
 * so never with writes pending — after compacting its log into a snapshot.
 */
import type { OpenOptions } from '@pinnwand/shared/model/migrations';
import { SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { RoomLoss, Storage, StoredPicture, StoredPreview } from '../storage/Storage.ts';
import { previewFormat } from '../storage/storedPreview.ts';
import { Committer } from './Committer.ts';
import type { Connection } from './Connection.ts';
import { Room } from './Room.ts';
import { closeCodeForLoss } from './roomLoss.ts';
import type { UpdatePolicy } from './updatePolicy.ts';

/** The workshop was deleted (or never existed) when its room was about to load. */
export class WorkshopGone extends Error {
  constructor(readonly workshopId: string) {
    super(`workshop ${workshopId} does not exist`);
  }
}

export interface RoomManagerDeps {
  config: Config;
  storage: Storage;
  policy: UpdatePolicy;
  metrics: Metrics;
  logger: Logger;
  /** Tests only: migrations other than the released ones (Room.ts). */
  migrations?: OpenOptions;
}

export class RoomManager {
  readonly committer: Committer;
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  /** The stored preview read with each room's load, for the first to ask (storedPreview). */
  private readonly previewsReadWithLoad = new WeakMap<Room, Promise<StoredPreview | null>>();
  private closing = false;

  constructor(private readonly deps: RoomManagerDeps) {
    this.committer = new Committer(deps.storage, deps.metrics, deps.logger);
  }

  /** Shutting down: no room loads any more. */
  get isClosing(): boolean {
    return this.closing;
  }

  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** The loaded room, if any (no load). */
  peek(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  /** The live document of a loaded room whose document is built (never loads or builds). */
  peekDoc(id: string): Y.Doc | undefined {
    const room = this.rooms.get(id);
    return room?.state === 'ready' && room.isDocumentBuilt ? room.doc : undefined;
  }

  /** The room, loaded from storage if needed. The caller must know the workshop exists. */
  acquire(id: string): Promise<Room> {
    if (this.closing) return Promise.reject(new Error('server is shutting down'));
    const loaded = this.rooms.get(id);
    if (loaded?.state === 'ready') {
      this.cancelIdle(loaded);
      return Promise.resolve(loaded);
    }
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<Room> {
    await this.unloading.get(id);
    const started = performance.now();
    // A join authorised just before the workshop was deleted must not revive it.
    if (!(await this.deps.storage.getWorkshop(id))) throw new WorkshopGone(id);
    const loaded = this.deps.storage.load(id);
    // Asked right behind the load: a room with updates stored after its
    // preview answers it only once loaded (storedPreview), and asked after
    // the load, the read waited behind the commit (an fsync) of the first
    // write the room's first requests make, a new device's identity.
    const preview = this.deps.storage.loadPreview(id);
    preview.catch(() => {});
    const stored = await loaded;
    const { config, metrics, logger, policy } = this.deps;
    const room = new Room(id, stored, {
      policy,
      metrics,
      logger: logger.child({ room: id }),
      limits: config.limits,
      compactAfterUpdates: config.compactAfterUpdates,
      compactAfterBytes: config.compactAfterBytes,
      onDirty: (r) => this.committer.markDirty(r),
      onEmpty: (r) => this.scheduleIdle(r),
      onFailed: (r) => this.forget(r),
      migrations: this.deps.migrations,
    });
    this.previewsReadWithLoad.set(room, preview);
    this.rooms.set(id, room);
    metrics.roomsLoaded.set(this.rooms.size);
    metrics.roomLoadSeconds.observe((performance.now() - started) / 1000);
    logger.debug({ room: id, bytes: room.log.bytes, log: room.log.logCount }, 'room loaded');
    return room;
  }

  /** Joins a connection to its (loaded) room; the room greets it once all prior writes are committed. */
  join(room: Room, conn: Connection): void {
    this.cancelIdle(room);
    room.addConnection(conn);
  }

  leave(room: Room, conn: Connection): void {
    room.removeConnection(conn);
  }

  /** Runs `fn` with the room's document, keeping the room loaded meanwhile. Read only: use `change` to write. */
  async withDoc<T>(id: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(id);
    room.pins += 1;
    try {
      return await fn(room.doc);
    } finally {
      room.pins -= 1;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /**
   * Like `withDoc`, but only for a room whose document is built already:
   * null, and nothing built, otherwise (building a large document is the
   * better part of a second on the event loop). Read only.
   */
  async withBuiltDoc<T>(id: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T | null> {
    const room = await this.acquire(id);
    room.pins += 1;
    try {
      return room.isDocumentBuilt ? await fn(room.doc) : null;
    } finally {
      room.pins -= 1;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /**
   * The board preview stored at the room's last compaction, and its cards, if
   * it shows what the room holds: read from a document in the format this
   * room opens without migrating, and with nothing committed after the
   * snapshot it was read from that may change the picture — a room loaded
   * from storage takes server writes without building its document
   * (`write`); one under roots the preview does not read (a new device's
   * identity) keeps it (StoredLog.pictureSeq). Null otherwise. Never builds the
   * document; a built one is read live instead (`withBuiltDoc`).
   *
   * A room that is not loaded is not loaded for it when nothing at all was
   * stored after that snapshot (the storage says so in the same read): a new
   * device's cards then wait for no load of a 5,000-note room behind a freshly
   * started server's other work.
   */
  async storedPreview(id: string): Promise<StoredPicture | null> {
    const format = previewFormat(this.deps.migrations?.currentVersion ?? SCHEMA_VERSION);
    const picture = (stored: StoredPreview | null) =>
      stored?.format === format && stored.cards
        ? { preview: stored.gzipped, cards: stored.cards }
        : null;
    // Not loaded, or loading (which writes nothing): storage holds all the room does.
    if (!this.rooms.has(id) && !this.closing) {
      const stored = await this.deps.storage.loadPreview(id);
      if (stored && stored.upToSeq === stored.storedSeq) return picture(stored);
    }
    const room = await this.acquire(id);
    room.pins += 1;
    try {
      // Read with the load, if nobody took that read yet; a read from then
      // passes the same checks as a fresh one (they compare sequence numbers).
      const readWithLoad = this.previewsReadWithLoad.get(room);
      this.previewsReadWithLoad.delete(room);
      const stored = await (readWithLoad ?? this.deps.storage.loadPreview(id));
      // Compared after the read: a commit that landed meanwhile raised pictureSeq already.
      // Not beyond lastSeq: a compaction may cover an append not yet committed in the room.
      const current =
        stored !== null &&
        stored.upToSeq >= room.log.pictureSeq &&
        stored.upToSeq <= room.log.lastSeq;
      return current && room.state === 'ready' ? picture(stored) : null;
    } finally {
      room.pins -= 1;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /** Open connections per participant id in a loaded room (empty when not loaded). */
  connectedParticipants(id: string): Map<string, number> {
    const room = this.rooms.get(id);
    return room?.state === 'ready' ? room.members.connectedParticipants() : new Map();
  }

  /** Closes the connections of revoked identities in a loaded room; returns how many. */
  closeRevoked(id: string): number {
    const room = this.rooms.get(id);
    return room?.state === 'ready' ? room.members.closeRevoked() : 0;
  }

  /** Applies a server-origin change (imports); resolves once stored and relayed. */
  async change(id: string, fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    const room = await this.acquire(id);
    room.pins += 1;
    try {
      await room.applyServerChange(fn, origin);
    } finally {
      room.pins -= 1;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /**
   * Applies a server-origin write that adds entries under fresh keys and reads
   * nothing of the document (Room.applyServerWrite): a cold room answers it
   * without building its document. Resolves once stored and relayed.
   */
  async write(id: string, fn: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    const room = await this.acquire(id);
    room.pins += 1;
    try {
      await room.applyServerWrite(fn, origin);
    } finally {
      room.pins -= 1;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /**
   * Deletes a workshop: its record, snapshot and update log in one storage
   * transaction, run inside the commit pipeline so that no write of the room
   * interleaves; then closes the room's connections with 4410 and forgets it.
   * Resolves to false when there was no such workshop.
   */
  async deleteWorkshop(id: string): Promise<boolean> {
    await this.loading.get(id)?.catch(() => undefined);
    return this.committer.run(async () => {
      const deleted = await this.deps.storage.deleteWorkshop(id);
      const room = this.rooms.get(id);
      if (room) {
        room.closeAll('workshopDeleted');
        this.forget(room);
        room.dispose();
      }
      return deleted;
    });
  }

  /**
   * This process lost the room (shared storage: taken over or deleted by
   * another process, or the database unreachable past the lease): close its
   * connections with the matching code and forget it, writing nothing. In the
   * commit pipeline, so that a commit in flight finishes first.
   */
  lose(id: string, loss: RoomLoss): Promise<void> {
    return this.committer.run(async () => {
      const room = this.rooms.get(id);
      if (room?.state !== 'ready') return;
      room.fail(closeCodeForLoss(loss), new Error(`room lost (${loss})`));
    });
  }

  private scheduleIdle(room: Room): void {
    if (this.closing || this.idleTimers.has(room) || room.state !== 'ready') return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      void this.unloadIfIdle(room);
    }, this.deps.config.roomIdleMs);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(room);
    }
  }

  private unloadIfIdle(room: Room): Promise<void> {
    const done = (async () => {
      // A barrier: nothing of the room is being committed while it is marked.
      const idle = await this.committer.run(async () => {
        if (room.state !== 'ready' || room.connections.size > 0 || room.pins > 0) return false;
        if (room.hasPendingWork || this.committer.holds(room)) {
          this.scheduleIdle(room);
          return false;
        }
        // From here a join does not get this room: it waits for the unload and loads afresh.
        room.state = 'unloading';
        return true;
      });
      if (!idle) return;
      // Compactions run beside commits; the last one covers everything stored.
      await this.committer.compacted(room);
      await this.committer.compact(room);
      await this.deps.storage.unload(room.id);
      this.forget(room);
      room.dispose();
      this.deps.metrics.roomUnloads.inc();
      this.deps.logger.debug({ room: room.id }, 'room unloaded');
    })();
    const tracked = done.finally(() => {
      if (this.unloading.get(room.id) === tracked) this.unloading.delete(room.id);
    });
    this.unloading.set(room.id, tracked);
    return tracked;
  }

  private forget(room: Room): void {
    this.cancelIdle(room);
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    this.deps.metrics.roomsLoaded.set(this.rooms.size);
  }

  /**
   * Graceful shutdown: commit everything received until now (later input is
   * dropped; its senders still hold it and send it again), close every connection with
   * 1012 (after the relays, so clients have all they were sent), compact and
   * unload every room.
   */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.loading.values()]);
    // Clients that keep writing would otherwise keep the pipeline busy for good:
    // idle() waits for a moment with nothing received, applied or in flight, and
    // under load each batch takes long enough for the next to arrive meanwhile.
    for (const room of this.rooms.values()) room.stopReceiving();
    await this.committer.idle();
    for (const room of this.rooms.values()) room.closeAll('serviceRestart');
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await this.committer.run(async () => {
      const ready = [...this.rooms.values()].filter((room) => room.state === 'ready');
      for (const room of ready) room.state = 'unloading';
      return ready;
    });
    await this.committer.idle();
    for (const room of rooms) {
      await this.committer.compact(room);
      await this.deps.storage.unload(room.id);
      this.forget(room);
      room.dispose();
    }
    await this.committer.idle();
  }
}
