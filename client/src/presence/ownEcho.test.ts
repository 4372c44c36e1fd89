import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { reportOwnEcho } from './ownEcho.ts';
import { Presence } from './presence.ts';

/** An awareness frame as the server relays it: (client id, clock, state) entries. */
function frame(entries: [number, number, unknown][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

describe("the server's stamp on this person's own claim", () => {
  const setup = () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, { id: 'p', name: 'Anna', color: '#123456' });
    const clock = () => awareness.meta.get(awareness.clientID)!.clock;
    return { awareness, presence, clock };
  };

  it('is read from the echo of the state that claimed the note', () => {
    const { awareness, presence, clock } = setup();
    presence.set({ editing: 'n1', editingSince: null });
    expect(presence.ownClaimEcho()).toBeNull();
    const me = awareness.clientID;
    reportOwnEcho(awareness, frame([[me + 1, 1, { editing: 'n1', editingSince: 1 }]]));
    expect(presence.ownClaimEcho()).toBeNull();
    reportOwnEcho(awareness, frame([[me, clock(), { editing: 'n1', editingSince: 4711 }]]));
    expect(presence.ownClaimEcho()).toEqual({ since: 4711, takenOver: false });
    // Moving the pointer keeps the claim and its stamp.
    presence.set({ cursor: { boardId: 'b', x: 1, y: 2 } });
    expect(presence.ownClaimEcho()).toEqual({ since: 4711, takenOver: false });
  });

  it('ignores an echo of a state from before the claim', () => {
    const { awareness, presence, clock } = setup();
    presence.set({ editing: 'n1', editingSince: null });
    const before = clock();
    presence.set({ editing: null });
    presence.set({ editing: 'n1' });
    const me = awareness.clientID;
    reportOwnEcho(awareness, frame([[me, before, { editing: 'n1', editingSince: 10 }]]));
    expect(presence.ownClaimEcho()).toBeNull();
    reportOwnEcho(awareness, frame([[me, clock(), { editing: 'n1', editingSince: 30 }]]));
    expect(presence.ownClaimEcho()?.since).toBe(30);
    presence.set({ editing: null });
    expect(presence.ownClaimEcho()).toBeNull();
  });
});
