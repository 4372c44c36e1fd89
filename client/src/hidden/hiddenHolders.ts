// Who holds hidden notes, as the facilitator's device has seen it: the counts
// people publish in awareness (never text), remembered by participant id for
// people who left during the phase. Someone who leaves before the reveal
// publishes on return (hiddenWriting.ts), so after the reveal the facilitator
// is told whose notes are still to come instead of wondering where they are.
import type { Editor } from '../editor/Editor.ts';
import { say } from '../facilitation/facilitation.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { createStore, type Store } from '../ui/store.ts';

export interface HiddenHolder {
  key: string;
  name: string;
  count: number;
  /** Whether this person is connected now (present in awareness). */
  connected: boolean;
}

export interface PresentHolder {
  key: string;
  name: string;
  count: number;
}

/**
 * The next list from what was known, who is present now (with their count,
 * 0 included) and whether the phase still runs. Pure, for the tests.
 * - present: their count as published (0 drops them: nothing held, or published);
 * - absent: kept with the last count seen, marked not connected.
 */
export function nextHolders(
  known: readonly HiddenHolder[],
  present: readonly PresentHolder[],
): HiddenHolder[] {
  const out = new Map<string, HiddenHolder>();
  for (const h of known) out.set(h.key, { ...h, connected: false });
  for (const p of present) {
    if (p.count > 0) out.set(p.key, { ...p, connected: true });
    else out.delete(p.key);
  }
  return [...out.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key),
  );
}

export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, unknown>;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

export function presentHolders(awareness: AwarenessLike): PresentHolder[] {
  const out: PresentHolder[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const state = raw as {
      user?: { name?: unknown };
      hiddenNotes?: unknown;
      participantId?: unknown;
    };
    const count =
      typeof state.hiddenNotes === 'number' && Number.isFinite(state.hiddenNotes)
        ? Math.max(0, Math.floor(state.hiddenNotes))
        : 0;
    out.push({
      key: typeof state.participantId === 'string' ? state.participantId : `client:${clientId}`,
      name: typeof state.user?.name === 'string' ? state.user.name.slice(0, 60) : '?',
      count,
    });
  }
  return out;
}

/**
 * Follows awareness while the workshop is open; `phaseRunning` says whether
 * hidden writing runs. A new phase starts from who is here. Returns the store
 * and the teardown.
 */
export function trackHiddenHolders(
  awareness: AwarenessLike,
  phaseRunning: () => boolean,
  onPhaseChange: (listener: () => void) => () => void,
): { holders: Store<HiddenHolder[]>; stop: () => void } {
  const holders = createStore<HiddenHolder[]>([]);
  let running = phaseRunning();
  const update = () => holders.set(nextHolders(holders.get(), presentHolders(awareness)));
  const onPhase = () => {
    const now = phaseRunning();
    if (now && !running) holders.set(nextHolders([], presentHolders(awareness)));
    running = now;
  };
  awareness.on('change', update);
  const offPhase = onPhaseChange(onPhase);
  update();
  return {
    holders,
    stop: () => {
      awareness.off('change', update);
      offPhase();
    },
  };
}

/** Starts the list on a facilitator's device, and tells them at the reveal. */
export function startHiddenHolders(editor: Editor): () => void {
  if (editor.role !== 'facilitator') return () => undefined;
  const running = () => facilitationState(editor).facilitation.hiddenWriting;
  const subscribe = (l: () => void) => editor.index.subscribeMeta(l);
  const { holders, stop } = trackHiddenHolders(editor.awareness, running, subscribe);
  const mirror = () => editor.facilitation.hiddenHolders.set(holders.get());
  const offMirror = holders.subscribe(mirror);
  mirror();
  let was = running();
  const offReveal = subscribe(() => {
    const now = running();
    if (was && !now && holders.get().some((h) => !h.connected))
      say(editor, 'hidden.absentAtReveal');
    was = now;
  });
  return () => {
    offReveal();
    offMirror();
    stop();
    editor.facilitation.hiddenHolders.set([]);
  };
}
