// This client's own awareness state as the server relayed it back. The server
// stamps a note claim with its own clock (`editingSince`, see
// @pinnwand/shared/protocol/writingClaims) and relays every state to its sender
// too; y-protocols ignores that echo (same clock as the local state), so it is
// read here before the frame is applied and handed to Presence, which keeps
// the stamp of its own claim. Crossed claims are then settled by the same
// server stamps on every device, the claimants' own included.
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';

/** The event Presence listens to on its Awareness: (clock, state) of its own echo. */
export const OWN_ECHO_EVENT = 'pinnwand-own-echo';

/** Reads an awareness update (y-protocols encoding) and reports the entry of `awareness`'s own client. */
export function reportOwnEcho(awareness: Awareness, update: Uint8Array): void {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      if (clientId !== awareness.clientID) continue;
      const state: unknown = JSON.parse(json);
      awareness.emit(OWN_ECHO_EVENT, [clock, state]);
      return;
    }
  } catch {
    // A broken frame is y-protocols' to refuse; there is no echo in it to read.
  }
}
