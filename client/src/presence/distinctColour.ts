// Colours that tell people apart: a person joining takes the least used colour
// of the palette (session/identity.ts) when someone present already wears
// theirs. Of two people who arrive with the same colour, the later client id
// changes, so both never switch at once. Only in the first moments after
// joining: colours do not jump around later in a session.
import type { Editor } from '../editor/Editor.ts';
import { PRESENCE_COLORS } from '../session/identity.ts';

/** How long after joining a colour may still change. */
const SETTLE_MS = 10_000;

/** The least used palette colour among `used` (palette order breaks ties). */
export function leastUsedColour(used: readonly string[]): string {
  const count = (c: string) => used.filter((u) => u.toLowerCase() === c.toLowerCase()).length;
  let best: string = PRESENCE_COLORS[0];
  for (const c of PRESENCE_COLORS) if (count(c) < count(best)) best = c;
  return best;
}

export function keepColourDistinct(editor: Editor): () => void {
  const joined = Date.now();
  const check = () => {
    if (Date.now() - joined > SETTLE_MS) {
      stop();
      return;
    }
    const mine = editor.user.get().color.toLowerCase();
    const me = editor.presence.clientId;
    const peers = editor.presence.peers().filter((p) => p.user.id !== editor.userId);
    const clash = peers.some((p) => p.user.color.toLowerCase() === mine && p.clientId < me);
    if (!clash) return;
    const colour = leastUsedColour(peers.map((p) => p.user.color));
    if (colour.toLowerCase() !== mine) editor.user.update((u) => ({ ...u, color: colour }));
  };
  const stop = editor.presence.subscribe(check);
  return stop;
}
