// The gate's requests that the build's workshop-preload.js made as the page
// opened (client/vite.config.ts): the session and, for a device without an
// identity for the workshop, a new participant identity. Each is taken once,
// by the gate of the same workshop and token; a later gate asks afresh. A
// request made early and not taken by the gate (another workshop, a token that
// does not match) is left unread: an identity issued so is one more access the
// facilitator sees, never a second one for a device whose gate took the first.

/** What the preload script leaves in `window.__pinnwandGate`. */
interface EarlyGate {
  workshopId: string;
  token: string;
  session: Promise<Response> | null;
  identity: Promise<Response> | null;
}

let early: EarlyGate | null | undefined;

function earlyGate(workshopId: string, token: string): EarlyGate | null {
  if (early === undefined) {
    const w = window as { __pinnwandGate?: EarlyGate };
    early = w.__pinnwandGate ?? null;
    delete w.__pinnwandGate;
  }
  return early && early.workshopId === workshopId && early.token === token ? early : null;
}

/** The session request made as the page opened for this workshop and token, once; else null. */
export function takeEarlySession(workshopId: string, token: string): Promise<Response> | null {
  const gate = earlyGate(workshopId, token);
  const session = gate?.session ?? null;
  if (gate) gate.session = null;
  return session;
}

/** The identity request made as the page opened for this workshop and token, once; else null. */
export function takeEarlyIdentity(workshopId: string, token: string): Promise<Response> | null {
  const gate = earlyGate(workshopId, token);
  const identity = gate?.identity ?? null;
  if (gate) gate.identity = null;
  return identity;
}
