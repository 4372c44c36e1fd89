// The connection state the header shows, derived from the provider's events
// and the browser's online flag. Pure, so the rules are testable.
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'denied';

export interface StatusInputs {
  /** The websocket is open and the first sync finished. */
  connected: boolean;
  /** The server has not answered a heartbeat for a moment (heartbeat.ts); the socket is still open. */
  silent: boolean;
  /** A connection was established at least once in this page's life. */
  everConnected: boolean;
  /** navigator.onLine */
  online: boolean;
  /** Failed attempts since the last successful sync. */
  failedAttempts: number;
  /** The server closed with a permanent code (4401, 4403, 4404). */
  deniedCode: number | null;
}

export function deriveStatus(inputs: StatusInputs): ConnectionStatus {
  if (inputs.deniedCode !== null) return 'denied';
  if (inputs.connected && !inputs.silent) return 'connected';
  if (!inputs.online) return 'offline';
  if (inputs.everConnected || inputs.failedAttempts >= 2) return 'reconnecting';
  return 'connecting';
}

/** Whether edits made now are only on this device for the moment. */
export function keepsChangesLocally(status: ConnectionStatus): boolean {
  return status === 'offline' || status === 'reconnecting';
}
