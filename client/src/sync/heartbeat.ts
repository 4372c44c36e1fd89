// Noticing quickly that the server stopped answering. y-websocket learns it
// only when the socket closes, or after 30 s without a message; a server that
// hangs, or a network that drops packets without closing anything, would
// leave the badge on "Verbunden" all that time. So when nothing has arrived
// for a moment, the client sends a heartbeat (wire.ts MessageType.heartbeat),
// which the server answers at once. Unanswered for a little over a second, the
// connection counts as silent (the badge says so, edits are kept locally);
// unanswered for several seconds, the socket is dropped and y-websocket
// reconnects. Silence is measured from the heartbeat sent, not from the last
// message, so a background tab whose timers were slowed down never looks
// silent just because it woke up late. Nor does a page that was busy: after a
// long task (applying a large document, drawing thousands of notes) the
// server's answer may be waiting behind this very timer, so a wait that the
// page itself interrupted starts again.
import { MessageType } from '@pinnwand/shared/protocol/wire';
import type { WebsocketProvider } from 'y-websocket';

/** Nothing received for this long: ask. */
export const ASK_AFTER_MS = 400;
/** Asked and nothing received for this long: the connection is silent. */
export const SILENT_AFTER_MS = 1000;
/** Silent for this long: drop the socket and reconnect. */
export const DEAD_AFTER_MS = 6000;
const TICK_MS = 200;
/** A gap between ticks longer than this means the page was busy, not waiting. */
const STALL_MS = 2 * TICK_MS;

const FRAME = Uint8Array.of(MessageType.heartbeat);

/**
 * Watches the provider's socket; `onSilent(true)` when the server stopped
 * answering, `onSilent(false)` when it answers again. Returns the stop function.
 */
export function watchHeartbeat(
  provider: WebsocketProvider,
  onSilent: (silent: boolean) => void,
): () => void {
  // The answer needs no handling: any message moves wsLastMessageReceived.
  provider.messageHandlers[MessageType.heartbeat] = () => undefined;
  let askedAt: number | null = null;
  let sentAt = 0;
  let silent = false;
  let lastTick = Date.now();
  const ask = (ws: WebSocket, now: number) => {
    sentAt = now;
    ws.send(FRAME);
  };
  const setSilent = (next: boolean) => {
    if (next === silent) return;
    silent = next;
    onSilent(next);
  };
  const tick = () => {
    const ws = provider.ws;
    const now = Date.now();
    const stalled = now - lastTick > STALL_MS;
    lastTick = now;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) {
      askedAt = null;
      setSilent(false);
      return;
    }
    if (askedAt !== null && provider.wsLastMessageReceived >= askedAt) askedAt = null;
    if (askedAt === null) {
      setSilent(false);
      if (now - provider.wsLastMessageReceived >= ASK_AFTER_MS) {
        askedAt = now;
        ask(ws, now);
      }
      return;
    }
    if (stalled) {
      askedAt = now;
      ask(ws, now);
      return;
    }
    const waited = now - askedAt;
    if (waited >= DEAD_AFTER_MS) {
      askedAt = null;
      setSilent(false);
      // Closes this socket (status "disconnected") and opens a new one at once.
      provider.disconnect();
      provider.connect();
      return;
    }
    if (waited >= SILENT_AFTER_MS) setSilent(true);
    // Ask again now and then while waiting (the server answers 4 a second at most).
    if (now - sentAt >= 2 * ASK_AFTER_MS) ask(ws, now);
  };
  const timer = setInterval(tick, TICK_MS);
  return () => {
    clearInterval(timer);
    delete provider.messageHandlers[MessageType.heartbeat];
  };
}
