// Which of the other people's pointers to draw, and whether with their name.
// A pointer that stops moving loses its name label after a few seconds and the
// dot a while later, so a person who went for coffee (or whose connection died
// without a goodbye, until awareness times them out) does not keep a name
// hanging over the board. A pointer goes at once when its awareness state is
// removed or the person shows another board (their `view` names it).

import { createStore, type Store } from '../ui/store.ts';
import type { Presence } from './presence.ts';
import type { PresenceUser } from './presenceTypes.ts';

/** How long the name stays beside a pointer that does not move. */
export const LABEL_FADE_MS = 4_000;
/** How long the pointer's dot stays when it does not move. */
export const DOT_FADE_MS = 15_000;

export interface ShownCursor {
  clientId: number;
  user: PresenceUser;
  boardId: string;
  x: number;
  y: number;
  /** Whether the name is shown beside the dot (it moved a moment ago). */
  label: boolean;
}

export class RemoteCursors {
  /** Per client: where its pointer was last seen to move, and when. */
  private moved = new Map<number, { at: string; since: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly stop: () => void;
  /** The pointers to draw now (a new array only when something changed). */
  readonly shown: Store<ShownCursor[]> = createStore<ShownCursor[]>([]);

  constructor(private readonly presence: Presence) {
    this.stop = presence.subscribe(() => this.update());
    this.update();
  }

  destroy(): void {
    this.stop();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(): void {
    const now = Date.now();
    const present = new Set<number>();
    const shown: ShownCursor[] = [];
    let nextChange = Number.POSITIVE_INFINITY;
    for (const peer of this.presence.peers()) {
      const c = peer.cursor;
      // Switched to another board: the pointer is not on the one it names any more.
      if (!c || (peer.view && peer.view.boardId !== c.boardId)) continue;
      present.add(peer.clientId);
      const at = `${c.boardId} ${c.x} ${c.y}`;
      let seen = this.moved.get(peer.clientId);
      if (!seen || seen.at !== at) {
        seen = { at, since: now };
        this.moved.set(peer.clientId, seen);
      }
      const still = now - seen.since;
      if (still >= DOT_FADE_MS) continue;
      const label = still < LABEL_FADE_MS;
      nextChange = Math.min(nextChange, seen.since + (label ? LABEL_FADE_MS : DOT_FADE_MS));
      shown.push({
        clientId: peer.clientId,
        user: peer.user,
        boardId: c.boardId,
        x: c.x,
        y: c.y,
        label,
      });
    }
    for (const clientId of [...this.moved.keys()])
      if (!present.has(clientId)) this.moved.delete(clientId);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer =
      nextChange === Number.POSITIVE_INFINITY
        ? null
        : setTimeout(() => {
            this.timer = null;
            this.update();
          }, nextChange - now);
    if (!sameCursors(this.shown.get(), shown)) this.shown.set(shown);
  }
}

function sameCursors(a: ShownCursor[], b: ShownCursor[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i];
      return (
        d !== undefined &&
        c.clientId === d.clientId &&
        c.boardId === d.boardId &&
        c.x === d.x &&
        c.y === d.y &&
        c.label === d.label &&
        c.user.name === d.user.name &&
        c.user.color === d.user.color
      );
    })
  );
}
