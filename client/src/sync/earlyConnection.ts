// On a workshop link, the board's socket opens as soon as the gate is through
// (session/workshopGate.ts), not once the board's code has loaded, been run
// and rendered: the server's answer and applying it then overlap the rest of
// the page's start. Only for a device that already has a name; otherwise the
// name prompt comes first and the board connects after it, as before.
// LiveWorkshop takes the connection; WorkshopPage drops one nobody took.
//
// A large document arriving before the board took the connection waits for
// it (connection.holdLargeSync): applying 2.3 MB stops the page for more than
// a second, and the board's own code, still being read then, could neither
// run nor draw the server's preview meanwhile (boardPreview.ts). The board
// names its own hold in the turn it takes the connection.
import type { Connection } from './connection.ts';

interface Early {
  key: string;
  connection: Connection;
  /** Ends the hold on a large document from the server. */
  taken: () => void;
}

/** Longest a large document waits for the board to take the connection. */
const UNTAKEN_HOLD_MAX_MS = 3000;

let early: Early | null = null;
/** The board asked for its connection (or went away): nothing opens ahead any more. */
let settled = false;

const keyOf = (workshopId: string, token: string) => `${workshopId}#${token}`;

/** Opens the workshop's connection ahead of the board (`open`: connection.ts, loaded in a chunk of its own). */
export function openEarlyConnection(
  workshopId: string,
  token: string,
  open: (workshopId: string, token: string) => Connection,
): void {
  if (settled || early) return;
  const connection = open(workshopId, token);
  let taken = () => {};
  connection.holdLargeSync(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, UNTAKEN_HOLD_MAX_MS);
      taken = () => {
        clearTimeout(timer);
        resolve();
      };
    }),
  );
  early = { key: keyOf(workshopId, token), connection, taken };
}

/** The connection opened ahead for this workshop and token, once; null if there is none. */
export function takeEarlyConnection(workshopId: string, token: string): Connection | null {
  settled = true;
  const entry = early;
  early = null;
  if (!entry) return null;
  if (entry.key === keyOf(workshopId, token)) {
    entry.taken();
    return entry.connection;
  }
  // Another workshop's: the board opens its own.
  entry.connection.destroy();
  return null;
}

/** Closes a connection opened ahead that nobody took (the page went elsewhere). */
export function dropEarlyConnection(): void {
  settled = true;
  early?.connection.destroy();
  early = null;
}
