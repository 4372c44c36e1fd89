// Presence over y-protocols awareness: who is here, where their pointer is,
// what they have selected and which note they are writing in. Cursor and view
// updates are throttled (~20 Hz) so a moving mouse does not flood the relay.
import type { Awareness } from 'y-protocols/awareness';
import { isRecord } from '../session/storage.ts';
import { OWN_ECHO_EVENT } from './ownEcho.ts';
import { type Peer, type PresenceState, type PresenceUser, readPresence } from './presenceTypes.ts';

const THROTTLE_MS = 50;

export interface NoteDecor {
  /** Colours of other people who have this note selected. */
  selectedBy: string[];
  /** The person writing in it, if someone else is. */
  editingBy: PresenceUser | null;
  /** How far someone else is dragging it right now, from where (see PresenceState.dragging). */
  dragOffset: { dx: number; dy: number; fromX: number; fromY: number } | null;
}

/** This person's note claim as the server relayed it. */
export interface ClaimEcho {
  /** The server's stamp (`editingSince`). */
  since: number;
  /** The server relayed it as taken over (`takeover` names the claimed note). */
  takenOver: boolean;
}

const NO_DECOR: NoteDecor = Object.freeze({
  selectedBy: [],
  editingBy: null,
  dragOffset: null,
}) as NoteDecor;

export class Presence {
  private listeners = new Set<() => void>();
  private peerCache: Peer[] = [];
  private decor = new Map<string, NoteDecor>();
  private pending: Partial<PresenceState> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;
  private readonly onChange = () => this.recompute();
  /** The note this person claims as last published, and the clock of the state that claimed it. */
  private claim: { note: string; clock: number } | null = null;
  /** That claim as the server relayed it (read from the echo), null until it came back. */
  private claimEcho: ClaimEcho | null = null;
  private readonly onEcho = (clock: number, state: unknown) => this.receiveEcho(clock, state);

  constructor(
    private readonly awareness: Awareness,
    user: PresenceUser,
  ) {
    const initial: PresenceState = {
      user,
      cursor: null,
      selection: [],
      editing: null,
      editingSince: null,
      takeover: null,
      view: null,
      dragging: null,
    };
    awareness.setLocalState(initial);
    awareness.on('change', this.onChange);
    awareness.on(OWN_ECHO_EVENT, this.onEcho);
    this.recompute();
  }

  get clientId(): number {
    return this.awareness.clientID;
  }

  private recompute(): void {
    const peers: Peer[] = [];
    for (const [clientId, raw] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const peer = readPresence(clientId, raw);
      if (peer) peers.push(peer);
    }
    peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    this.peerCache = peers;
    const next = new Map<string, NoteDecor>();
    const mutable = (id: string) => {
      let d = next.get(id);
      if (!d) {
        d = { selectedBy: [], editingBy: null, dragOffset: null };
        next.set(id, d);
      }
      return d;
    };
    for (const peer of peers) {
      for (const id of peer.selection) mutable(id).selectedBy.push(peer.user.color);
      if (peer.editing) mutable(peer.editing).editingBy = peer.user;
      if (peer.dragging) {
        const { ids, dx, dy, from } = peer.dragging;
        ids.forEach((id, i) => {
          const fromX = from[2 * i];
          const fromY = from[2 * i + 1];
          if (fromX !== undefined && fromY !== undefined) {
            mutable(id).dragOffset = { dx, dy, fromX, fromY };
          }
        });
      }
    }
    // Keep the old object where nothing changed so note components skip re-rendering.
    for (const [id, d] of next) {
      const old = this.decor.get(id);
      if (old && sameDecor(old, d)) next.set(id, old);
    }
    this.decor = next;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  peers = (): Peer[] => this.peerCache;

  noteDecor(noteId: string): NoteDecor {
    return this.decor.get(noteId) ?? NO_DECOR;
  }

  /**
   * This person's claim as the server relayed it to everyone (the echo of its
   * own state): its stamp (`editingSince`, the clock every other device
   * compares) and whether the server let it stand as taken over. Null while
   * it has not come back (offline, or just claimed).
   */
  ownClaimEcho(): ClaimEcho | null {
    return this.claim ? this.claimEcho : null;
  }

  private receiveEcho(clock: number, state: unknown): void {
    const claim = this.claim;
    if (!claim || clock < claim.clock || !isRecord(state)) return;
    // An echo of an older state (another claim, or none) says nothing about this one.
    if (state.editing !== claim.note) return;
    const since = state.editingSince;
    if (typeof since !== 'number' || !Number.isFinite(since)) return;
    const takenOver = state.takeover === claim.note;
    if (this.claimEcho?.since === since && this.claimEcho.takenOver === takenOver) return;
    this.claimEcho = { since, takenOver };
    for (const listener of [...this.listeners]) listener();
  }

  local(): PresenceState | null {
    return this.awareness.getLocalState() as PresenceState | null;
  }

  /** Immediate update (user, selection, editing): these are rare and must not lag. */
  set(patch: Partial<PresenceState>): void {
    this.pending = { ...this.pending, ...patch };
    this.flush();
  }

  /** Throttled update (cursor, view). */
  setThrottled(patch: Partial<PresenceState>): void {
    this.pending = { ...this.pending, ...patch };
    const wait = THROTTLE_MS - (Date.now() - this.lastFlush);
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = Date.now();
    const current = this.local();
    if (!current) return;
    const next = { ...current, ...this.pending };
    this.awareness.setLocalState(next);
    this.pending = {};
    if (next.editing !== (this.claim?.note ?? null)) {
      const clock = this.awareness.meta.get(this.awareness.clientID)?.clock ?? 0;
      this.claim = next.editing ? { note: next.editing, clock } : null;
      this.claimEcho = null;
    }
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.off('change', this.onChange);
    this.awareness.off(OWN_ECHO_EVENT, this.onEcho);
  }
}

function sameDecor(a: NoteDecor, b: NoteDecor): boolean {
  return (
    a.editingBy?.id === b.editingBy?.id &&
    a.editingBy?.name === b.editingBy?.name &&
    a.dragOffset?.dx === b.dragOffset?.dx &&
    a.dragOffset?.dy === b.dragOffset?.dy &&
    a.selectedBy.join() === b.selectedBy.join()
  );
}
