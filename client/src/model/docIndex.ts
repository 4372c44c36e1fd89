// TODO(shared): move to shared/ — a change router for UIs that subscribe per
// entity. One deep observer per root map routes each Yjs event to the
// listeners of the one note (or board list, or cluster list) it touches, and
// caches validated snapshots until their entity changes. A keystroke in one
// note therefore invalidates that note's snapshot only: the canvas re-renders
// one note component, not the board.
import type { Board } from '@pinnwand/shared/model/board';
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import type { Meta, WorkshopSettings } from '@pinnwand/shared/model/meta';
import { type Note, noteLayer } from '@pinnwand/shared/model/note';
import { boardsMap, clustersMap, metaMap, NOTE, notesMap } from '@pinnwand/shared/model/schema';
import {
  getMeta,
  getNote,
  getSettings,
  listBoards,
  listClusters,
  listNoteIds,
} from '@pinnwand/shared/read/lookups';
import type * as Y from 'yjs';

type Listener = () => void;

class Topic {
  private listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
  get size(): number {
    return this.listeners.size;
  }
}

const MISSING = Symbol('missing');

export class DocIndex {
  private noteTopics = new Map<string, Topic>();
  private noteCache = new Map<string, Note | undefined>();
  private boardNoteIds = new Map<string, NoteId[]>();
  private noteIdsTopic = new Topic();
  /** Told which notes a transaction touched (for views that follow many notes without a subscription each). */
  private noteChangeListeners = new Set<(ids: ReadonlySet<string>) => void>();
  private boardsTopic = new Topic();
  private boardsCache: Board[] | typeof MISSING = MISSING;
  private clustersTopic = new Topic();
  private clustersCache = new Map<string, Cluster[]>();
  private metaTopic = new Topic();
  private metaCache: { meta: Meta | null; settings: WorkshopSettings } | typeof MISSING = MISSING;
  /** Bumped on any change of the document: for views that re-read everything (outline). */
  private docTopic = new Topic();
  private version = 0;
  private readonly cleanup: (() => void)[] = [];

  constructor(readonly doc: Y.Doc) {
    const notes = notesMap(doc);
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.routeNoteEvents(events);
    notes.observeDeep(onNotes);
    this.cleanup.push(() => notes.unobserveDeep(onNotes));
    this.watch(boardsMap(doc), () => {
      this.boardsCache = MISSING;
      this.boardsTopic.emit();
    });
    this.watch(clustersMap(doc), () => {
      this.clustersCache.clear();
      this.clustersTopic.emit();
    });
    this.watch(metaMap(doc), () => {
      this.metaCache = MISSING;
      this.metaTopic.emit();
    });
    const onUpdate = () => {
      this.version++;
      this.docTopic.emit();
    };
    doc.on('afterTransaction', onUpdate);
    this.cleanup.push(() => doc.off('afterTransaction', onUpdate));
  }

  private watch(map: Y.Map<unknown>, fn: () => void): void {
    const handler = () => fn();
    map.observeDeep(handler);
    this.cleanup.push(() => map.unobserveDeep(handler));
  }

  private routeNoteEvents(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const touched = new Set<string>();
    let idsChanged = false;
    const root = notesMap(this.doc);
    for (const event of events) {
      if (event.target === root) {
        for (const key of event.changes.keys.keys()) touched.add(key);
        idsChanged = true;
        continue;
      }
      const id = event.path[0];
      if (typeof id !== 'string') continue;
      touched.add(id);
      // A note changing board, or brought to the front, changes a board's drawing order.
      if (
        event.path.length === 1 &&
        (event.changes.keys.has(NOTE.boardId) || event.changes.keys.has(NOTE.layer))
      ) {
        idsChanged = true;
      }
    }
    for (const id of touched) this.noteCache.delete(id);
    if (idsChanged) {
      this.boardNoteIds.clear();
      this.noteIdsTopic.emit();
    }
    for (const id of touched) this.noteTopics.get(id)?.emit();
    for (const listener of [...this.noteChangeListeners]) listener(touched);
  }

  /** Calls `listener` with the ids of the notes each change touched (added, removed or changed). */
  subscribeNoteChanges(listener: (ids: ReadonlySet<string>) => void): () => void {
    this.noteChangeListeners.add(listener);
    return () => this.noteChangeListeners.delete(listener);
  }

  subscribeNote(id: NoteId, listener: Listener): () => void {
    let topic = this.noteTopics.get(id);
    if (!topic) {
      topic = new Topic();
      this.noteTopics.set(id, topic);
    }
    const unsubscribe = topic.subscribe(listener);
    return () => {
      unsubscribe();
      if (topic.size === 0) this.noteTopics.delete(id);
    };
  }

  note(id: NoteId): Note | undefined {
    if (this.noteCache.has(id)) return this.noteCache.get(id);
    const note = getNote(this.doc, id);
    this.noteCache.set(id, note);
    return note;
  }

  subscribeNoteIds(listener: Listener): () => void {
    return this.noteIdsTopic.subscribe(listener);
  }

  /**
   * Ids of the notes on a board in drawing order, the last on top (by layer,
   * then id: shared's compareNotesByLayer), so a new note or one brought to the
   * front lies on top. Recomputed only when notes come, go, change board or
   * are brought to the front.
   */
  noteIds(boardId: BoardId): NoteId[] {
    let ids = this.boardNoteIds.get(boardId);
    if (!ids) {
      const layers = new Map<NoteId, number>();
      for (const id of listNoteIds(this.doc, boardId)) {
        const note = this.note(id);
        layers.set(id, note ? noteLayer(note) : 0);
      }
      ids = [...layers.keys()].sort(
        (x, y) => (layers.get(x) ?? 0) - (layers.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0),
      );
      this.boardNoteIds.set(boardId, ids);
    }
    return ids;
  }

  /** Every readable note of the workshop, on any board or none (validated snapshots, cached per note). */
  allNotes(): Note[] {
    const out: Note[] = [];
    for (const id of notesMap(this.doc).keys()) {
      const note = this.note(id as NoteId);
      if (note) out.push(note);
    }
    return out;
  }

  /** The readable notes of a board (validated snapshots). */
  notes(boardId: BoardId): Note[] {
    const out: Note[] = [];
    for (const id of this.noteIds(boardId)) {
      const note = this.note(id);
      if (note) out.push(note);
    }
    return out;
  }

  subscribeBoards(listener: Listener): () => void {
    return this.boardsTopic.subscribe(listener);
  }

  boards(): Board[] {
    if (this.boardsCache === MISSING) this.boardsCache = listBoards(this.doc);
    return this.boardsCache;
  }

  subscribeClusters(listener: Listener): () => void {
    return this.clustersTopic.subscribe(listener);
  }

  clusters(boardId: BoardId): Cluster[] {
    let list = this.clustersCache.get(boardId);
    if (!list) {
      list = listClusters(this.doc, boardId);
      this.clustersCache.set(boardId, list);
    }
    return list;
  }

  subscribeMeta(listener: Listener): () => void {
    return this.metaTopic.subscribe(listener);
  }

  meta(): { meta: Meta | null; settings: WorkshopSettings } {
    if (this.metaCache === MISSING) {
      this.metaCache = { meta: getMeta(this.doc), settings: getSettings(this.doc) };
    }
    return this.metaCache;
  }

  subscribeDoc(listener: Listener): () => void {
    return this.docTopic.subscribe(listener);
  }

  docVersion(): number {
    return this.version;
  }

  destroy(): void {
    for (const fn of this.cleanup) fn();
  }
}
